import type { RouteObject } from 'react-router';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SignInPage } from './pages/SignInPage';
import { SIGN_IN_PATH } from './session/nextPath';
import { OptionalSessionLayout, RequireSession } from './session/RequireSession';
import { AppLayout } from './shell/AppLayout';

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <RequireSession />,
        children: [{ index: true, element: <HomePage /> }],
      },
      {
        element: <AppLayout me={null} />,
        children: [
          { path: SIGN_IN_PATH, element: <SignInPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
        ],
      },
      {
        element: <OptionalSessionLayout />,
        children: [{ path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
];
