import type { Role } from '../access';
import type { NavItem } from '../nav';

/** Program admins manage their programs' courses, offerings and sections; tenant admins all. */
const MANAGERS: readonly Role[] = ['tenant_admin', 'program_admin'];

const page = (label: string, slug: string, roles: readonly Role[] = MANAGERS): NavItem => ({
  label,
  path: `/outcomes/${slug}`,
  module: 'outcomes',
  roles,
  needsActiveTenant: true,
});

export const PROGRAMS_PAGE = page('Programs', 'programs');
export const COURSES_PAGE = page('Courses', 'courses');
export const TERMS_PAGE = page('Terms', 'terms');
export const OFFERINGS_PAGE = page('Offerings', 'offerings');
export const SECTIONS_PAGE = page('Sections', 'sections');
/** Instructors' own sections (DOMAIN §3.2). */
export const MY_SECTIONS_PAGE = page('My sections', 'my', ['instructor']);
/** The review queue of submitted work. */
export const REVIEW_PAGE = page('Review', 'review');
/**
 * One section: not a navbar entry, but instructors open theirs (emails link here) as well as
 * the managers who reach it from the sections list and the review queue.
 */
export const SECTION_PAGE = page('Section', 'sections', [...MANAGERS, 'instructor']);
/** PLOs, the CLO → PLO mapping and the program's results (DOMAIN §3.3). */
export const PLO_PAGE = page('PLO dashboard', 'plo');
/** Imports replace the institution's data: tenant admins only. */
export const IMPORT_PAGE = page('Import', 'import', ['tenant_admin']);

/** The Outcomes group of the navbar, in menu order. */
export const OUTCOMES_PAGES: readonly NavItem[] = [
  MY_SECTIONS_PAGE,
  REVIEW_PAGE,
  PROGRAMS_PAGE,
  COURSES_PAGE,
  TERMS_PAGE,
  OFFERINGS_PAGE,
  SECTIONS_PAGE,
  PLO_PAGE,
  IMPORT_PAGE,
];
