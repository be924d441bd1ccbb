/** The organization type when the source has none (the record is flagged `missing_org_type`). */
export const DEFAULT_ORGANIZATION_TYPE = 'Other';

export type AccountRole = 'district' | 'school' | 'household' | 'organization';

/** What an Account row is (DOMAIN.md §2.2): districts, schools, households, organizations. */
export function accountRole(type: string | null): AccountRole {
  switch ((type ?? '').trim().toLowerCase()) {
    case 'school district':
      return 'district';
    case 'school':
      return 'school';
    case 'household':
      return 'household';
    default:
      return 'organization';
  }
}
