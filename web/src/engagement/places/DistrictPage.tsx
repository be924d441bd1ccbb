import { SimpleGrid } from '@mantine/core';
import { useParams } from 'react-router';
import { useEngagementAccess } from '../access';
import { SCHOOL_LEVEL_LABELS } from '../labels';
import { recordPath, SCHOOLS_PAGE } from '../pages';
import type { DistrictDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';

/** `/engagement/schools/districts/:id`: a district and its schools. */
export function DistrictPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<DistrictDetail>('districts', id);
  return (
    <DetailPage
      list={SCHOOLS_PAGE}
      query={query}
      noun="district"
      title={(d) => d.name}
      actions={(d) =>
        access.canDestroy && (
          <RemoveRecordButton
            resource="districts"
            id={d.id}
            label={d.name}
            noun="district"
            consequences={`Its ${String(d.schools)} schools stay, without a district.`}
            after={SCHOOLS_PAGE.path}
          />
        )
      }
    >
      {(d) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="District"
              rows={[
                ['Code', d.code],
                ['Other names', d.aliases.join(', ')],
                ['Schools', d.schools],
                ['Students', d.students],
                ['Events', d.events],
              ]}
            />
          </SimpleGrid>
          <Section title="Schools">
            <RelatedTable
              label="Schools of the district"
              rows={d.schoolList}
              rowKey={(s) => s.id}
              empty="No school in this district."
              columns={[
                {
                  header: 'School',
                  render: (s) => (
                    <RecordLink to={recordPath(SCHOOLS_PAGE, s.id)}>{s.name}</RecordLink>
                  ),
                },
                { header: 'Code', render: (s) => s.code ?? '—' },
                { header: 'Level', render: (s) => SCHOOL_LEVEL_LABELS[s.level] },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
