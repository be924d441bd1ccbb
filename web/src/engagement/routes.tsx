import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../nav';
import { RequireAccess } from '../shell/RequireAccess';
import { VOLUNTEERS_PAGE } from './pages';
import { VolunteerFormPage } from './volunteers/VolunteerFormPage';
import { VolunteerPage } from './volunteers/VolunteerPage';
import { VolunteersPage } from './volunteers/VolunteersPage';

const guarded = (page: NavItem, path: string, element: ReactNode): RouteObject => ({
  path: `${page.path}${path}`,
  element: <RequireAccess page={page}>{element}</RequireAccess>,
});

/** The engagement screens, each behind the roles of its navbar entry. */
export const engagementRoutes: RouteObject[] = [
  guarded(VOLUNTEERS_PAGE, '', <VolunteersPage />),
  guarded(VOLUNTEERS_PAGE, '/new', <VolunteerFormPage />),
  guarded(VOLUNTEERS_PAGE, '/:id', <VolunteerPage />),
  guarded(VOLUNTEERS_PAGE, '/:id/edit', <VolunteerFormPage />),
];
