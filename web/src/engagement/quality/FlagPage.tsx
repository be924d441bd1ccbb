import { Button, SimpleGrid } from '@mantine/core';
import { useParams } from 'react-router';
import { formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { FLAG_ISSUE_LABELS } from '../labels';
import { DATA_QUALITY_PAGE } from '../pages';
import type { Flag } from '../types';
import { DetailPage, Facts, useRecord } from '../ui/Detail';
import { FlagStatusBadge } from './DataQualityPage';
import { FlaggedRecord } from './flagLinks';
import { useDismiss } from './useDismiss';

const at = (iso: string | null) => iso && formatDateTime(iso);

/** `/engagement/data-quality/:id`: one flag, the record it concerns, and its history. */
export function FlagPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<Flag>('data-quality', id);
  const { one } = useDismiss();
  return (
    <DetailPage
      list={DATA_QUALITY_PAGE}
      query={query}
      noun="flag"
      title={(f) => FLAG_ISSUE_LABELS[f.issue]}
      subtitle={(f) => <FlagStatusBadge status={f.status} />}
      actions={(f) =>
        access.canEdit &&
        f.status === 'open' && (
          <Button variant="default" loading={one.isPending} onClick={() => one.mutate(f.id)}>
            Dismiss
          </Button>
        )
      }
    >
      {(f) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Facts
            label="Flag"
            rows={[
              ['Record', <FlaggedRecord key="record" flag={f} />],
              ['Salesforce id', f.entityExternalId],
              ['Details', f.details],
              ['Raised', at(f.createdAt)],
              ['Last seen by an import', at(f.updatedAt)],
              ['Resolved', at(f.resolvedAt)],
              ['Dismissed', at(f.dismissedAt)],
            ]}
          />
        </SimpleGrid>
      )}
    </DetailPage>
  );
}
