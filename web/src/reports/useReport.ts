import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../api/page';
import type { QueryValues } from '../api/queryString';
import { fetchReport, reportKey } from './api';
import type { ReportPage, ReportRow } from './types';

/** Rows of a report page keyed by their position, for tables. */
export type KeyedRow = ReportRow & { readonly rowKey: string };

/** A report for these filters and this view (page, sort), kept on screen while the next loads. */
export function useReport<S>(name: string, params: QueryValues, enabled = true) {
  return useQuery({
    queryKey: reportKey(name, params),
    queryFn: ({ signal }) => fetchReport<S>(name, params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const asPage = <S>(report: ReportPage<S>): Page<KeyedRow> => {
  const offset = (report.page - 1) * report.pageSize;
  return {
    items: report.rows.map((row, index) => ({ ...row, rowKey: String(offset + index) })),
    total: report.total,
    page: report.page,
    pageSize: report.pageSize,
  };
};

/** The same request as `useReport`, seen as a page of rows (for `PagedTable`). */
export function useReportRows(name: string, params: QueryValues, enabled = true) {
  return useQuery({
    queryKey: reportKey(name, params),
    queryFn: ({ signal }) => fetchReport<unknown>(name, params, signal),
    placeholderData: keepPreviousData,
    select: asPage,
    enabled,
  });
}
