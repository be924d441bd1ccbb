import { Text } from '@mantine/core';
import {
  districtPath,
  EVENTS_PAGE,
  ORGANIZATIONS_PAGE,
  recordPath,
  SCHOOLS_PAGE,
  STUDENTS_PAGE,
  TEACHERS_PAGE,
  VOLUNTEERS_PAGE,
} from '../pages';
import type { Flag } from '../types';
import { RecordLink } from '../ui/RecordLink';

const PAGES = {
  volunteer: VOLUNTEERS_PAGE,
  teacher: TEACHERS_PAGE,
  student: STUDENTS_PAGE,
  organization: ORGANIZATIONS_PAGE,
  event: EVENTS_PAGE,
  school: SCHOOLS_PAGE,
} as const;

/** Where the flagged record is shown, when it exists and has a page. */
function pathOf(flag: Flag): string | null {
  if (!flag.entityId || !flag.entityKind) return null;
  if (flag.entityKind === 'district') return districtPath(flag.entityId);
  const page = PAGES[flag.entityKind as keyof typeof PAGES] as
    (typeof PAGES)[keyof typeof PAGES] | undefined;
  return page ? recordPath(page, flag.entityId) : null;
}

/** The flagged record: a link to its page, else its Salesforce id. */
export function FlaggedRecord({ flag }: { flag: Flag }) {
  const path = pathOf(flag);
  const label = flag.entityLabel ?? flag.entityExternalId;
  return (
    <>
      {path ? (
        <RecordLink to={path}>{label}</RecordLink>
      ) : (
        <Text span size="sm">
          {label}
        </Text>
      )}
      <Text span size="xs" c="dimmed">
        {' '}
        ({flag.entityKind ?? flag.entityType.replace(/_/g, ' ')})
      </Text>
    </>
  );
}
