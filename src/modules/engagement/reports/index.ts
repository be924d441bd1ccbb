import { districtYearEnd } from './district-year-end.js';
import { districtYearEndDetail } from './district-year-end-detail.js';
import { organizationsReport } from './organizations.js';
import { virtualUsage } from './virtual-usage.js';
import { firstTimeVolunteers, volunteerHours } from './volunteers.js';

/** The engagement reports of DOMAIN.md §2.5, all built on the metrics of §2.4. */
export const engagementReports = [
  districtYearEnd,
  districtYearEndDetail,
  virtualUsage,
  firstTimeVolunteers,
  organizationsReport,
  volunteerHours,
];
