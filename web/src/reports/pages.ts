import type { Role } from '../access';
import type { NavItem } from '../nav';

/** Staff and tenant admins open every report. */
const OPERATORS: readonly Role[] = ['tenant_admin', 'staff'];
/** District viewers open the aggregate reports, narrowed to their districts. */
const WITH_VIEWERS: readonly Role[] = [...OPERATORS, 'district_viewer'];

const page = (label: string, slug: string, roles: readonly Role[]): NavItem => ({
  label,
  path: slug ? `/engagement/reports/${slug}` : '/engagement/reports',
  module: 'engagement',
  roles,
  needsActiveTenant: true,
});

/** The landing page, the only report entry of the navbar. */
export const REPORTS_PAGE = page('Reports', '', WITH_VIEWERS);
export const DISTRICT_YEAR_END_PAGE = page('District year-end', 'district-year-end', WITH_VIEWERS);
export const VIRTUAL_USAGE_PAGE = page('Virtual usage', 'virtual-usage', WITH_VIEWERS);
export const FIRST_TIME_PAGE = page('First-time volunteers', 'first-time-volunteers', OPERATORS);
export const ORGANIZATIONS_REPORT_PAGE = page('Organizations', 'organizations', OPERATORS);
export const VOLUNTEER_HOURS_PAGE = page('Volunteer hours', 'volunteer-hours', OPERATORS);

/** The landing page's link of each report, by report name. */
export const REPORT_PAGES: Readonly<Record<string, NavItem>> = {
  'district-year-end': DISTRICT_YEAR_END_PAGE,
  'virtual-usage': VIRTUAL_USAGE_PAGE,
  'first-time-volunteers': FIRST_TIME_PAGE,
  organizations: ORGANIZATIONS_REPORT_PAGE,
  'volunteer-hours': VOLUNTEER_HOURS_PAGE,
};

export const districtDetailPath = (districtId: string) =>
  `${DISTRICT_YEAR_END_PAGE.path}/${encodeURIComponent(districtId)}`;
export const organizationDetailPath = (organizationId: string) =>
  `${ORGANIZATIONS_REPORT_PAGE.path}/${encodeURIComponent(organizationId)}`;
