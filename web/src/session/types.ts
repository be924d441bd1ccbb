import type { Role, TenantModule } from '../access';

/** Roles a tenant membership can carry; `site_admin` is a user flag instead. */
export type MembershipRole = Exclude<Role, 'site_admin'>;

export interface MeUser {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
  /** The new address of an email change waiting for its confirmation link. */
  pendingEmail: string | null;
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
  /** false only for site admins, who may still enter a deactivated tenant. */
  isActive: boolean;
  /** null: a site admin in a tenant where they hold no membership. */
  role: MembershipRole | null;
  scope: MembershipScope;
}

/** Body of `GET /api/me`: the signed-in user, their tenants and the active one. */
export interface Me {
  user: MeUser;
  tenants: readonly MeTenant[];
  activeTenantId: string | null;
  /** The program the session is narrowed to (outcomes admins), or null for all. */
  activeProgramId: string | null;
}
