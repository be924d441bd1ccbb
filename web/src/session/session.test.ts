import { describe, expect, it } from 'vitest';
import { meFixture, northCollege, riverside } from '../test/fixtures';
import { accessFor, activeTenantOf, displayNameOf } from './session';

describe('activeTenantOf', () => {
  it('finds the active tenant among the memberships', () => {
    const me = meFixture({ tenants: [riverside, northCollege], activeTenantId: northCollege.id });
    expect(activeTenantOf(me)).toBe(northCollege);
  });

  it('is null when no tenant is active or the active id is not a membership', () => {
    expect(activeTenantOf(meFixture({ activeTenantId: null }))).toBeNull();
    expect(activeTenantOf(meFixture({ activeTenantId: 'gone' }))).toBeNull();
  });
});

describe('accessFor', () => {
  it('gives the role and modules of the active tenant', () => {
    expect(accessFor(meFixture())).toEqual({
      roles: ['tenant_admin'],
      modules: ['engagement'],
      hasActiveTenant: true,
    });
  });

  it('counts a site admin as site_admin, with or without a membership', () => {
    const admin = meFixture();
    admin.user.isSiteAdmin = true;
    expect(accessFor(admin)).toEqual({
      roles: ['site_admin', 'tenant_admin'],
      modules: ['engagement'],
      hasActiveTenant: true,
    });
    expect(accessFor({ ...admin, tenants: [], activeTenantId: null })).toEqual({
      roles: ['site_admin'],
      modules: [],
      hasActiveTenant: false,
    });
  });

  it('gives nothing without an active tenant', () => {
    expect(accessFor(meFixture({ activeTenantId: null }))).toEqual({
      roles: [],
      modules: [],
      hasActiveTenant: false,
    });
  });
});

describe('displayNameOf', () => {
  it('uses the name, or the email when the name is blank', () => {
    expect(displayNameOf(meFixture())).toBe('Ada Lovelace');
    const unnamed = meFixture();
    unnamed.user.name = '  ';
    expect(displayNameOf(unnamed)).toBe('ada@example.org');
  });
});
