import type { MembershipRole, MembershipScope } from '../session/types';

export type MemberStatus = 'pending' | 'active' | 'suspended' | 'deactivated';
export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'pending',
  'active',
  'suspended',
  'deactivated',
];

export type MemberSort = 'name' | 'email' | 'role' | 'status' | 'lastSeenAt';
export const MEMBER_SORTS: readonly MemberSort[] = [
  'name',
  'email',
  'role',
  'status',
  'lastSeenAt',
];

/** A member of the active tenant, as `GET /api/users` lists them. */
export interface TenantMember {
  id: string;
  email: string;
  name: string;
  role: MembershipRole;
  scope: MembershipScope;
  status: MemberStatus;
  locked: boolean;
  lastSeenAt: string | null;
}

export interface MemberQuery {
  search: string;
  role: string;
  status: string;
  page: number;
  pageSize: number;
  sort: MemberSort;
  order: 'asc' | 'desc';
}

export interface RoleChange {
  role: MembershipRole;
  scope: MembershipScope;
}
