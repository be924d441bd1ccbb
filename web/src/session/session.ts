import type { Access, Role } from '../access';
import type { Me, MeTenant } from './types';

/** The tenant the user is working in, or null when none is chosen (or they belong to none). */
export function activeTenantOf(me: Me): MeTenant | null {
  return me.tenants.find((tenant) => tenant.id === me.activeTenantId) ?? null;
}

/** What the user may reach in the active tenant; a site admin counts as `site_admin`. */
export function accessFor(me: Me): Access {
  const tenant = activeTenantOf(me);
  const roles: Role[] = [];
  if (me.user.isSiteAdmin) roles.push('site_admin');
  if (tenant?.role) roles.push(tenant.role);
  return { roles, modules: tenant?.modules ?? [], hasActiveTenant: tenant !== null };
}

/** How to address the user: their name, or their email when they have not given one. */
export function displayNameOf(me: Me): string {
  return me.user.name.trim() || me.user.email;
}
