import { subject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import {
  defineAbilityFor,
  redactFields,
  type ModulePermissions,
  type ModuleSubject,
} from './ability.js';

const member = (role: Role | null, extra: { isSiteAdmin?: boolean; programs?: string[] } = {}) => ({
  userId: 'u1',
  isSiteAdmin: extra.isSiteAdmin ?? false,
  role,
  scope: extra.programs ? { programs: extra.programs } : {},
});

const student = 'Student' as ModuleSubject;
const sensitive = { Student: ['gender', 'birthdate'] };
const readStudents: ModulePermissions = ({ can }) => {
  can('read', student);
};

describe('the permission matrix', () => {
  it('denies everything to nobody', () => {
    const ability = defineAbilityFor(null);
    expect(ability.can('read', 'Tenant')).toBe(false);
  });

  it('gives site admins everything, platform included', () => {
    const ability = defineAbilityFor(member(null, { isSiteAdmin: true }));
    expect(ability.can('manage', 'Platform')).toBe(true);
    expect(ability.can('delete', 'AuditLog')).toBe(true);
  });

  it('gives tenant admins their tenant but not the platform', () => {
    const ability = defineAbilityFor(member('tenant_admin'));
    expect(ability.can('update', 'Membership')).toBe(true);
    expect(ability.can('export', 'AuditLog')).toBe(true);
    expect(ability.can('read', 'Email')).toBe(true);
    expect(ability.can('manage', 'Platform')).toBe(false);
  });

  it.each(['staff', 'district_viewer', 'instructor'] as const)(
    'keeps %s out of administration',
    (role) => {
      const ability = defineAbilityFor(member(role));
      expect(ability.can('read', 'Tenant')).toBe(true);
      for (const target of ['Membership', 'AuditLog', 'Invitation', 'Email', 'Platform'] as const) {
        expect(ability.can('read', target)).toBe(false);
      }
    },
  );

  it('lets program admins invite instructors only', () => {
    const ability = defineAbilityFor(member('program_admin', { programs: ['p1'] }));
    expect(ability.can('create', subject('Invitation', { role: 'instructor' }))).toBe(true);
    expect(ability.can('create', subject('Invitation', { role: 'tenant_admin' }))).toBe(false);
    expect(ability.can('update', 'Membership')).toBe(false);
  });

  it('hides highly sensitive fields from every role but tenant admins and staff', () => {
    const row = { id: 's1', name: 'Ana', gender: 'F', birthdate: '2010-01-01' };
    for (const role of ['tenant_admin', 'staff'] as const) {
      const ability = defineAbilityFor(member(role), [readStudents], sensitive);
      expect(redactFields(ability, 'Student', row)).toEqual(row);
    }
    const viewer = defineAbilityFor(member('district_viewer'), [readStudents], sensitive);
    expect(redactFields(viewer, 'Student', row)).toEqual({ id: 's1', name: 'Ana' });
  });
  it('opens reports to staff, aggregate reports to district viewers, refresh to tenant admins', () => {
    const aggregate = subject('Report', { aggregate: true });
    const personal = subject('Report', { aggregate: false });
    const staff = defineAbilityFor(member('staff'));
    expect(staff.can('read', personal)).toBe(true);
    expect(staff.can('export', personal)).toBe(true);
    expect(staff.can('update', 'Report')).toBe(false);
    const viewer = defineAbilityFor(member('district_viewer'));
    expect(viewer.can('read', aggregate)).toBe(true);
    expect(viewer.can('export', aggregate)).toBe(true);
    expect(viewer.can('read', personal)).toBe(false);
    expect(defineAbilityFor(member('tenant_admin')).can('update', 'Report')).toBe(true);
    expect(defineAbilityFor(member('instructor')).can('read', 'Report')).toBe(false);
  });
  it('lets tenant admins and staff run imports; only tenant admins schedule them', () => {
    for (const role of ['tenant_admin', 'staff'] as const) {
      const ability = defineAbilityFor(member(role));
      expect(ability.can('read', 'Import')).toBe(true);
      expect(ability.can('create', 'Import')).toBe(true);
    }
    expect(defineAbilityFor(member('staff')).can('update', 'Import')).toBe(false);
    expect(defineAbilityFor(member('tenant_admin')).can('update', 'Import')).toBe(true);
    for (const role of ['district_viewer', 'program_admin', 'instructor'] as const) {
      expect(defineAbilityFor(member(role)).can('read', 'Import')).toBe(false);
    }
  });
});
