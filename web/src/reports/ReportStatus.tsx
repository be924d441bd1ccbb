import type { UseQueryResult } from '@tanstack/react-query';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';

interface ReportStatusProps {
  query: UseQueryResult<unknown>;
  /** What is being computed, e.g. "Computing virtual usage…". */
  loadingLabel: string;
}

/** A report still computing, or failed (with the server's reason and a retry). */
export function ReportStatus({ query, loadingLabel }: ReportStatusProps) {
  return (
    <>
      {query.isPending && <TableLoading label={loadingLabel} />}
      {query.isError && (
        <ErrorAlert
          title="The report could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
    </>
  );
}
