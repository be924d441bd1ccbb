import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../nav';
import { RequireAccess } from '../shell/RequireAccess';
import { CoursePage } from './courses/CoursePage';
import { CoursesPage } from './courses/CoursesPage';
import { ImportPage } from './import/ImportPage';
import { OfferingsPage } from './offerings/OfferingsPage';
import { MySectionsPage } from './my/MySectionsPage';
import {
  COURSES_PAGE,
  IMPORT_PAGE,
  MY_SECTIONS_PAGE,
  OFFERINGS_PAGE,
  PLO_PAGE,
  PROGRAMS_PAGE,
  REVIEW_PAGE,
  SECTION_PAGE,
  SECTIONS_PAGE,
  TERMS_PAGE,
} from './pages';
import { PloPage } from './plo/PloPage';
import { ProgramsPage } from './programs/ProgramsPage';
import { ReviewPage } from './review/ReviewPage';
import { SectionPage } from './sections/SectionPage';
import { SectionsPage } from './sections/SectionsPage';
import { TermsPage } from './terms/TermsPage';

const guarded = (page: NavItem, path: string, element: ReactNode): RouteObject => ({
  path: `${page.path}${path}`,
  element: <RequireAccess page={page}>{element}</RequireAccess>,
});

/** The outcomes screens. */
export const outcomesRoutes: RouteObject[] = [
  guarded(MY_SECTIONS_PAGE, '', <MySectionsPage />),
  guarded(REVIEW_PAGE, '', <ReviewPage />),
  guarded(PROGRAMS_PAGE, '', <ProgramsPage />),
  guarded(COURSES_PAGE, '', <CoursesPage />),
  guarded(COURSES_PAGE, '/:id', <CoursePage />),
  guarded(TERMS_PAGE, '', <TermsPage />),
  guarded(OFFERINGS_PAGE, '', <OfferingsPage />),
  guarded(SECTIONS_PAGE, '', <SectionsPage />),
  guarded(SECTION_PAGE, '/:id', <SectionPage />),
  guarded(PLO_PAGE, '', <PloPage />),
  guarded(IMPORT_PAGE, '', <ImportPage />),
];
