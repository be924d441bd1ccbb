import type { AuditEntry } from '../audit/types';
import type { Invitation } from '../invitations/types';
import type { OwnSession } from '../profile/api';
import type { Me } from '../session/types';
import type { TenantMember } from '../users/types';
import { meFixture, northCollege, riverside } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

/** An ISO time `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

export function meAs(role: Me['tenants'][number]['role'], modules = riverside.modules): Me {
  return meFixture({ tenants: [{ ...riverside, role, modules }] });
}

/** A program admin of North College, limited to programs p-1 and p-2. */
export function programAdminMe(): Me {
  return meFixture({ tenants: [northCollege], activeTenantId: northCollege.id });
}

export function siteAdminMe(withTenant = false): Me {
  const me = withTenant
    ? meFixture({ tenants: [{ ...riverside, role: 'staff' }] })
    : meFixture({ tenants: [], activeTenantId: null });
  me.user.isSiteAdmin = true;
  return me;
}

export function invitationFixture(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    email: 'grace@example.org',
    role: 'staff',
    scope: {},
    message: null,
    sectionId: null,
    status: 'pending',
    invitedByName: 'Ada Lovelace',
    expiresAt: daysFromNow(5),
    createdAt: daysFromNow(-2),
    ...overrides,
  };
}

export function memberFixture(overrides: Partial<TenantMember> = {}): TenantMember {
  return {
    id: 'u-2',
    email: 'grace@example.org',
    name: 'Grace Hopper',
    role: 'staff',
    scope: {},
    status: 'active',
    locked: false,
    lastSeenAt: daysFromNow(-1),
    ...overrides,
  };
}

/** The signed-in user (meFixture, id u-1) as a member row. */
export function selfMember(): TenantMember {
  return memberFixture({
    id: 'u-1',
    email: 'ada@example.org',
    name: 'Ada Lovelace',
    role: 'tenant_admin',
  });
}

export function page<T>(items: T[], total = items.length, pageNumber = 1, pageSize = 25) {
  return { items, total, page: pageNumber, pageSize };
}

export function auditFixture(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'a-1',
    occurredAt: '2025-03-05T14:15:00.000Z',
    tenantId: riverside.id,
    tenantName: riverside.name,
    actorType: 'user',
    actorId: 'u-1',
    actorEmail: 'ada@example.org',
    actorRole: 'tenant_admin',
    action: 'core.user.role_changed',
    targetType: 'user',
    targetId: 'u-2',
    targetLabel: 'grace@example.org',
    outcome: 'success',
    changes: { role: ['staff', 'tenant_admin'] },
    requestId: 'req-77',
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
    meta: null,
    ...overrides,
  };
}

export function sessionFixture(overrides: Partial<OwnSession> = {}): OwnSession {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    current: true,
    createdAt: daysFromNow(-3),
    lastSeenAt: daysFromNow(0),
    ipAddress: '198.51.100.4',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
    rememberMe: false,
    ...overrides,
  };
}
