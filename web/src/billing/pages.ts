import type { NavItem } from '../nav';

/** The active tenant's plan, usage and invoices: its administrators. */
export const BILLING_PAGE: NavItem = {
  label: 'Billing',
  path: '/admin/billing',
  module: 'administration',
  roles: ['tenant_admin'],
  needsActiveTenant: true,
};

/** Every tenant's subscription, MRR, past-due invoices, prices and the finance export. */
export const SUBSCRIPTIONS_PAGE: NavItem = {
  label: 'Subscriptions',
  path: '/admin/subscriptions',
  module: 'administration',
  roles: ['site_admin'],
};
