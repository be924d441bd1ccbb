import type { NavItem } from '../nav';

/** Health of the installation: a tenant admin sees their tenant's part, a site admin the platform. */
export const SYSTEM_PAGE: NavItem = {
  label: 'System',
  path: '/admin/system',
  module: 'administration',
  roles: ['tenant_admin'],
};
