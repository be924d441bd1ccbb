import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../nav';
import { RequireAccess } from '../shell/RequireAccess';
import { EventFormPage } from './events/EventFormPage';
import { EventPage } from './events/EventPage';
import { EventsPage } from './events/EventsPage';
import { ActivityPage } from './history/ActivityPage';
import { HistoryPage } from './history/HistoryPage';
import { OrganizationFormPage } from './organizations/OrganizationFormPage';
import { OrganizationPage } from './organizations/OrganizationPage';
import { OrganizationsPage } from './organizations/OrganizationsPage';
import {
  DATA_QUALITY_PAGE,
  editorsOf,
  EVENTS_PAGE,
  HISTORY_PAGE,
  ORGANIZATIONS_PAGE,
  SCHOOLS_PAGE,
  STUDENTS_PAGE,
  TEACHERS_PAGE,
  VOLUNTEERS_PAGE,
} from './pages';
import { StudentPage } from './people/StudentPage';
import { StudentsPage } from './people/StudentsPage';
import { TeacherPage } from './people/TeacherPage';
import { TeachersPage } from './people/TeachersPage';
import { DistrictPage } from './places/DistrictPage';
import { SchoolPage } from './places/SchoolPage';
import { SchoolsPage } from './places/SchoolsPage';
import { DataQualityPage } from './quality/DataQualityPage';
import { FlagPage } from './quality/FlagPage';
import { VolunteerFormPage } from './volunteers/VolunteerFormPage';
import { VolunteerPage } from './volunteers/VolunteerPage';
import { VolunteersPage } from './volunteers/VolunteersPage';

const guarded = (page: NavItem, path: string, element: ReactNode): RouteObject => ({
  path: `${page.path}${path}`,
  element: <RequireAccess page={page}>{element}</RequireAccess>,
});

/** A list, its records' pages and, when given, their create and edit forms. */
function resource(page: NavItem, list: ReactNode, record: ReactNode, form?: ReactNode) {
  return [
    guarded(page, '', list),
    guarded(page, '/:id', record),
    ...(form
      ? [guarded(editorsOf(page), '/new', form), guarded(editorsOf(page), '/:id/edit', form)]
      : []),
  ];
}

/** The engagement screens, each behind the roles of its navbar entry. */
export const engagementRoutes: RouteObject[] = [
  ...resource(VOLUNTEERS_PAGE, <VolunteersPage />, <VolunteerPage />, <VolunteerFormPage />),
  ...resource(
    ORGANIZATIONS_PAGE,
    <OrganizationsPage />,
    <OrganizationPage />,
    <OrganizationFormPage />,
  ),
  ...resource(EVENTS_PAGE, <EventsPage />, <EventPage />, <EventFormPage />),
  ...resource(TEACHERS_PAGE, <TeachersPage />, <TeacherPage />),
  ...resource(STUDENTS_PAGE, <StudentsPage />, <StudentPage />),
  ...resource(SCHOOLS_PAGE, <SchoolsPage />, <SchoolPage />),
  guarded(SCHOOLS_PAGE, '/districts/:id', <DistrictPage />),
  ...resource(HISTORY_PAGE, <HistoryPage />, <ActivityPage />),
  ...resource(DATA_QUALITY_PAGE, <DataQualityPage />, <FlagPage />),
];
