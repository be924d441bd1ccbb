import { MantineProvider, type MantineProviderProps } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type RouterProviderProps } from 'react-router';
import { theme } from './theme';
import { NotificationsProvider } from './ui/NotificationsProvider';

interface AppProps {
  router: RouterProviderProps['router'];
  queryClient: QueryClient;
  /** Tests pass `'test'`, which turns off Mantine transitions and portals. */
  mantineEnv?: MantineProviderProps['env'];
}

export function App({ router, queryClient, mantineEnv }: AppProps) {
  return (
    <MantineProvider theme={theme} env={mantineEnv}>
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <RouterProvider router={router} />
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
