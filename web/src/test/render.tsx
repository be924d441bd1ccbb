import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { App } from '../App';
import { routes } from '../routes';
import { theme } from '../theme';
import { NotificationsProvider } from '../ui/NotificationsProvider';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders one component, at `initialPath`, inside the providers that pages rely on. */
export function renderWithProviders(
  ui: ReactElement,
  queryClient = createTestQueryClient(),
  initialPath = '/',
) {
  const router = createMemoryRouter([{ path: '*', element: ui }], {
    initialEntries: [initialPath],
  });
  const view = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <RouterProvider router={router} />
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, queryClient };
}

/** Renders the whole app, or the given route tree, at `path`. */
export function renderApp(path: string, routeTree: RouteObject[] = routes) {
  const router = createMemoryRouter(routeTree, { initialEntries: [path] });
  const queryClient = createTestQueryClient();
  const view = render(<App router={router} queryClient={queryClient} mantineEnv="test" />);
  return { ...view, router, queryClient };
}
