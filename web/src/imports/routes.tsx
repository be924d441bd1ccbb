import { Outlet, type RouteObject } from 'react-router';
import { RequireAccess } from '../shell/RequireAccess';
import { ImportsPage } from './ImportsPage';
import { IMPORTS_PAGE } from './page';
import { RunPage } from './RunPage';

/** `/imports` and a run's own page. */
export const importsRoutes: RouteObject = {
  path: IMPORTS_PAGE.path,
  element: (
    <RequireAccess page={IMPORTS_PAGE}>
      <Outlet />
    </RequireAccess>
  ),
  children: [
    { index: true, element: <ImportsPage /> },
    { path: ':runId', element: <RunPage /> },
  ],
};
