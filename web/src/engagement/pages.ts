import type { Role } from '../access';
import type { NavItem } from '../nav';

/** Staff and tenant admins work with all engagement data. */
const OPERATORS: readonly Role[] = ['tenant_admin', 'staff'];
/** District viewers also see events, people and places of their districts. */
const WITH_VIEWERS: readonly Role[] = [...OPERATORS, 'district_viewer'];

const page = (label: string, slug: string, roles: readonly Role[]): NavItem => ({
  label,
  path: `/engagement/${slug}`,
  module: 'engagement',
  roles,
  needsActiveTenant: true,
});

export const VOLUNTEERS_PAGE = page('Volunteers', 'volunteers', OPERATORS);
export const ORGANIZATIONS_PAGE = page('Organizations', 'organizations', OPERATORS);
export const EVENTS_PAGE = page('Events', 'events', WITH_VIEWERS);
export const TEACHERS_PAGE = page('Teachers', 'teachers', WITH_VIEWERS);
export const STUDENTS_PAGE = page('Students', 'students', WITH_VIEWERS);
export const SCHOOLS_PAGE = page('Schools', 'schools', WITH_VIEWERS);
export const HISTORY_PAGE = page('History', 'history', OPERATORS);
export const DATA_QUALITY_PAGE = page('Data quality', 'data-quality', OPERATORS);

/** The Engagement group of the navbar, in menu order. */
export const ENGAGEMENT_PAGES: readonly NavItem[] = [
  VOLUNTEERS_PAGE,
  ORGANIZATIONS_PAGE,
  EVENTS_PAGE,
  TEACHERS_PAGE,
  STUDENTS_PAGE,
  SCHOOLS_PAGE,
  HISTORY_PAGE,
  DATA_QUALITY_PAGE,
];

/** The create and edit forms of a list's records: for the roles that edit (not district viewers). */
export const editorsOf = (list: NavItem): NavItem => ({ ...list, roles: OPERATORS });

/** A record's own page under its list's path, e.g. `/engagement/events/<id>`. */
export const recordPath = (list: NavItem, id: string) => `${list.path}/${encodeURIComponent(id)}`;
export const districtPath = (id: string) =>
  `${SCHOOLS_PAGE.path}/districts/${encodeURIComponent(id)}`;
