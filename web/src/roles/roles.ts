import type { TenantModule } from '../access';
import type { MembershipRole, MembershipScope } from '../session/types';

/** Membership roles, in the order forms list them. */
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = [
  'tenant_admin',
  'staff',
  'district_viewer',
  'program_admin',
  'instructor',
];

const MODULE_OF_ROLE: Readonly<Record<MembershipRole, TenantModule | null>> = {
  tenant_admin: null,
  staff: 'engagement',
  district_viewer: 'engagement',
  program_admin: 'outcomes',
  instructor: 'outcomes',
};

/** Roles that make sense in a tenant with `modules` (tenant admin always does). */
export function rolesForModules(modules: readonly TenantModule[]): MembershipRole[] {
  return MEMBERSHIP_ROLES.filter((role) => {
    const module = MODULE_OF_ROLE[role];
    return module === null || modules.includes(module);
  });
}

export type ScopeKind = 'districts' | 'programs';

/** Which list limits a role (DOMAIN §1.1): districts for district viewers, programs for outcomes roles. */
export function scopeKindOf(role: MembershipRole): ScopeKind | null {
  if (role === 'district_viewer') return 'districts';
  if (role === 'program_admin' || role === 'instructor') return 'programs';
  return null;
}

/** The scope to send for `role`: only the list that applies to it. */
export function scopeFor(role: MembershipRole, ids: readonly string[]): MembershipScope {
  const kind = scopeKindOf(role);
  return kind === null ? {} : { [kind]: [...ids] };
}

/** The ids of the list that limits `role` in `scope`. */
export function scopeIdsOf(role: MembershipRole, scope: MembershipScope): string[] {
  const kind = scopeKindOf(role);
  return kind === null ? [] : [...(scope[kind] ?? [])];
}
