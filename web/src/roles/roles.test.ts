import { describe, expect, it } from 'vitest';
import { rolesForModules, scopeFor, scopeIdsOf, scopeKindOf } from './roles';

describe('rolesForModules', () => {
  it('offers the roles of the modules the tenant has', () => {
    expect(rolesForModules(['engagement'])).toEqual(['tenant_admin', 'staff', 'district_viewer']);
    expect(rolesForModules(['outcomes'])).toEqual(['tenant_admin', 'program_admin', 'instructor']);
    expect(rolesForModules([])).toEqual(['tenant_admin']);
  });
});

describe('scopes', () => {
  it('limits district viewers by district and outcomes roles by program', () => {
    expect(scopeKindOf('district_viewer')).toBe('districts');
    expect(scopeKindOf('instructor')).toBe('programs');
    expect(scopeKindOf('staff')).toBeNull();
  });

  it('builds and reads the list that applies to the role', () => {
    expect(scopeFor('program_admin', ['p-1'])).toEqual({ programs: ['p-1'] });
    expect(scopeFor('staff', ['p-1'])).toEqual({});
    expect(scopeIdsOf('district_viewer', { districts: ['d-1'], programs: ['p-1'] })).toEqual([
      'd-1',
    ]);
    expect(scopeIdsOf('program_admin', {})).toEqual([]);
    expect(scopeIdsOf('tenant_admin', { programs: ['p-1'] })).toEqual([]);
  });
});
