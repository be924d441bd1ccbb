import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../nav';
import { RequireAccess } from '../shell/RequireAccess';
import { DistrictDetailPage } from './DistrictDetailPage';
import { DistrictYearEndPage } from './DistrictYearEndPage';
import { FirstTimeVolunteersPage } from './FirstTimeVolunteersPage';
import { OrganizationDetailPage } from './OrganizationDetailPage';
import { OrganizationsPage } from './OrganizationsPage';
import {
  DISTRICT_YEAR_END_PAGE,
  FIRST_TIME_PAGE,
  ORGANIZATIONS_REPORT_PAGE,
  REPORTS_PAGE,
  VIRTUAL_USAGE_PAGE,
  VOLUNTEER_HOURS_PAGE,
} from './pages';
import { ReportsPage } from './ReportsPage';
import { VirtualUsagePage } from './VirtualUsagePage';
import { VolunteerHoursPage } from './VolunteerHoursPage';

const guarded = (page: NavItem, path: string, element: ReactElement): RouteObject => ({
  path,
  element: <RequireAccess page={page}>{element}</RequireAccess>,
});

/** The engagement reports: the landing page (in the navbar) and each report's pages. */
export const reportsRoutes: RouteObject[] = [
  guarded(REPORTS_PAGE, REPORTS_PAGE.path, <ReportsPage />),
  guarded(DISTRICT_YEAR_END_PAGE, DISTRICT_YEAR_END_PAGE.path, <DistrictYearEndPage />),
  guarded(
    DISTRICT_YEAR_END_PAGE,
    `${DISTRICT_YEAR_END_PAGE.path}/:districtId`,
    <DistrictDetailPage />,
  ),
  guarded(VIRTUAL_USAGE_PAGE, VIRTUAL_USAGE_PAGE.path, <VirtualUsagePage />),
  guarded(FIRST_TIME_PAGE, FIRST_TIME_PAGE.path, <FirstTimeVolunteersPage />),
  guarded(ORGANIZATIONS_REPORT_PAGE, ORGANIZATIONS_REPORT_PAGE.path, <OrganizationsPage />),
  guarded(
    ORGANIZATIONS_REPORT_PAGE,
    `${ORGANIZATIONS_REPORT_PAGE.path}/:organizationId`,
    <OrganizationDetailPage />,
  ),
  guarded(VOLUNTEER_HOURS_PAGE, VOLUNTEER_HOURS_PAGE.path, <VolunteerHoursPage />),
];
