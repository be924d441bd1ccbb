import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './App';
import { startErrorCapture } from './errorCapture';
import { createQueryClient } from './queryClient';
import { publicConfigQuery } from './registration/api';
import { routes } from './routes';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// Error capture starts once the deployment says where reports go; the app does not wait for it.
queryClient
  .fetchQuery(publicConfigQuery)
  .then((config) => startErrorCapture(config.errorCapture ?? null))
  .catch(() => undefined);

createRoot(container).render(
  <StrictMode>
    <App router={createBrowserRouter(routes)} queryClient={queryClient} />
  </StrictMode>,
);
