import type { RouteObject } from 'react-router';
import { AuditPage } from './audit/AuditPage';
import { billingRoutes } from './billing/routes';
import { emailRoutes } from './emails/routes';
import { importsRoutes } from './imports/routes';
import { systemRoutes } from './system/routes';
import { engagementRoutes } from './engagement/routes';
import { AcceptInvitationPage, ACCEPT_INVITATION_PATH } from './invitations/AcceptInvitationPage';
import { InvitationsPage } from './invitations/InvitationsPage';
import { AUDIT_PAGE, INVITATIONS_PAGE, TENANTS_PAGE, USERS_PAGE } from './nav';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { outcomesRoutes } from './outcomes/routes';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SignInPage } from './pages/SignInPage';
import { PROFILE_PATH } from './profile/path';
import { ProfilePage } from './profile/ProfilePage';
import { REGISTER_PATH } from './registration/api';
import { RegisterPage } from './registration/RegisterPage';
import { reportsRoutes } from './reports/routes';
import { SIGN_IN_PATH } from './session/nextPath';
import { OptionalSessionLayout, RequireSession } from './session/RequireSession';
import { AppLayout } from './shell/AppLayout';
import { RequireAccess } from './shell/RequireAccess';
import { TenantsPage } from './tenants/TenantsPage';
import { UsersPage } from './users/UsersPage';

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomePage /> },
          { path: PROFILE_PATH, element: <ProfilePage /> },
          {
            path: USERS_PAGE.path,
            element: (
              <RequireAccess page={USERS_PAGE}>
                <UsersPage />
              </RequireAccess>
            ),
          },
          {
            path: INVITATIONS_PAGE.path,
            element: (
              <RequireAccess page={INVITATIONS_PAGE}>
                <InvitationsPage />
              </RequireAccess>
            ),
          },
          {
            path: AUDIT_PAGE.path,
            element: (
              <RequireAccess page={AUDIT_PAGE}>
                <AuditPage />
              </RequireAccess>
            ),
          },
          ...engagementRoutes,
          ...reportsRoutes,
          ...outcomesRoutes,
          emailRoutes,
          importsRoutes,
          systemRoutes,
          ...billingRoutes,
          {
            path: TENANTS_PAGE.path,
            element: (
              <RequireAccess page={TENANTS_PAGE}>
                <TenantsPage />
              </RequireAccess>
            ),
          },
        ],
      },
      {
        element: <AppLayout me={null} />,
        children: [
          { path: SIGN_IN_PATH, element: <SignInPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: ACCEPT_INVITATION_PATH, element: <AcceptInvitationPage /> },
          { path: REGISTER_PATH, element: <RegisterPage /> },
        ],
      },
      {
        element: <OptionalSessionLayout />,
        children: [{ path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
];
