import type { RouteObject } from 'react-router';
import { RequireAccess } from '../shell/RequireAccess';
import { BillingPage } from './BillingPage';
import { BILLING_PAGE, SUBSCRIPTIONS_PAGE } from './pages';
import { SubscriptionsPage } from './SubscriptionsPage';

/** The tenant's Billing page and the site admins' Subscriptions page. */
export const billingRoutes: RouteObject[] = [
  {
    path: BILLING_PAGE.path,
    element: (
      <RequireAccess page={BILLING_PAGE}>
        <BillingPage />
      </RequireAccess>
    ),
  },
  {
    path: SUBSCRIPTIONS_PAGE.path,
    element: (
      <RequireAccess page={SUBSCRIPTIONS_PAGE}>
        <SubscriptionsPage />
      </RequireAccess>
    ),
  },
];
