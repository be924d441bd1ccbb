import type { Role, TenantModule } from '../access';

/** Roles a tenant membership can carry; `site_admin` is a user flag instead. */
export type MembershipRole = Exclude<Role, 'site_admin'>;

export interface MeUser {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

/** Limits of a membership (DOMAIN §1.1): districts for district viewers, programs for program admins. */
export interface MembershipScope {
  districts?: readonly string[];
  programs?: readonly string[];
}

export interface MeTenant {
  id: string;
  slug: string;
  name: string;
  modules: readonly TenantModule[];
  role: MembershipRole;
  scope: MembershipScope;
}

/** Body of `GET /api/me`: the signed-in user, their tenants and the active one. */
export interface Me {
  user: MeUser;
  tenants: readonly MeTenant[];
  activeTenantId: string | null;
}
