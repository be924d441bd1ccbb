import type { RouteObject } from 'react-router';
import { RequireAccess } from '../shell/RequireAccess';
import { SYSTEM_PAGE } from './page';
import { SystemPage } from './SystemPage';

export const systemRoutes: RouteObject = {
  path: SYSTEM_PAGE.path,
  element: (
    <RequireAccess page={SYSTEM_PAGE}>
      <SystemPage />
    </RequireAccess>
  ),
};
