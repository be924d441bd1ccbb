import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SignInPage } from './pages/SignInPage';
import { AppLayout } from './shell/AppLayout';

export const SIGN_IN_PATH = '/sign-in';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout session={null} />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to={SIGN_IN_PATH} replace /> },
      { path: SIGN_IN_PATH, element: <SignInPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
