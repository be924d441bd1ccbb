/** Membership roles of DOMAIN §1.1. `site_admin` is a user flag that grants everything. */
export type Role =
  'site_admin' | 'tenant_admin' | 'staff' | 'district_viewer' | 'program_admin' | 'instructor';

/** Domain modules a tenant can have switched on. */
export type TenantModule = 'engagement' | 'outcomes';

/** What the signed-in user may reach in the active tenant. */
export interface Access {
  roles: readonly Role[];
  modules: readonly TenantModule[];
  /** Whether a tenant is active: pages about the tenant's members need one, even for site admins. */
  hasActiveTenant: boolean;
}

export const noAccess: Access = { roles: [], modules: [], hasActiveTenant: false };
