import type { RouteObject } from 'react-router';
import { EMAILS_PAGE } from '../nav';
import { RequireAccess } from '../shell/RequireAccess';
import { BulkJobPage } from './BulkJobPage';
import { BulkJobsPage } from './BulkJobsPage';
import { EmailDetailPage } from './EmailDetailPage';
import { EmailsLayout } from './EmailsLayout';
import { EmailsPage } from './EmailsPage';
import { MetricsPage } from './MetricsPage';
import { TemplateGalleryPage } from './TemplateGalleryPage';

/** The email section: one nav entry, its tools as tabs, an email's and a bulk send's own pages. */
export const emailRoutes: RouteObject = {
  path: EMAILS_PAGE.path,
  element: (
    <RequireAccess page={EMAILS_PAGE}>
      <EmailsLayout />
    </RequireAccess>
  ),
  children: [
    { index: true, element: <EmailsPage /> },
    { path: 'metrics', element: <MetricsPage /> },
    { path: 'templates', element: <TemplateGalleryPage /> },
    { path: 'bulk', element: <BulkJobsPage /> },
    { path: 'bulk/:id', element: <BulkJobPage /> },
    { path: ':id', element: <EmailDetailPage /> },
  ],
};
