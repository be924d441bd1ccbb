import type { NavItem } from '../nav';

/** Imports are run by tenant admins and staff, in the active tenant. */
export const IMPORTS_PAGE: NavItem = {
  label: 'Imports',
  path: '/imports',
  module: 'administration',
  roles: ['tenant_admin', 'staff'],
  needsActiveTenant: true,
};
