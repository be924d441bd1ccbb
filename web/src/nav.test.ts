import { describe, expect, it } from 'vitest';
import type { Access } from './access';
import { navGroupsFor, navItems, type NavItem } from './nav';

const volunteers: NavItem = {
  label: 'Volunteers',
  path: '/engagement/volunteers',
  module: 'engagement',
  roles: ['tenant_admin', 'staff'],
};
const districtReport: NavItem = {
  label: 'District report',
  path: '/engagement/reports/district',
  module: 'engagement',
  roles: ['tenant_admin', 'staff', 'district_viewer'],
};
const courses: NavItem = {
  label: 'Courses',
  path: '/outcomes/courses',
  module: 'outcomes',
  roles: ['tenant_admin', 'program_admin'],
};
const users: NavItem = {
  label: 'Users',
  path: '/admin/users',
  module: 'administration',
  roles: ['tenant_admin'],
};
const allItems = [users, courses, volunteers, districtReport];

const bothModules = ['engagement', 'outcomes'] as const;

function labelsOf(access: Access) {
  return navGroupsFor(allItems, access).map((group) => ({
    group: group.label,
    items: group.items.map((item) => item.label),
  }));
}

describe('navItems', () => {
  it('lists only pages that exist; none do yet', () => {
    expect(navItems).toEqual([]);
    expect(navGroupsFor(navItems, { roles: ['site_admin'], modules: bothModules })).toEqual([]);
  });
});

describe('navGroupsFor', () => {
  it('groups items in Engagement, Outcomes, Administration order', () => {
    expect(labelsOf({ roles: ['tenant_admin'], modules: bothModules })).toEqual([
      { group: 'Engagement', items: ['Volunteers', 'District report'] },
      { group: 'Outcomes', items: ['Courses'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('hides groups left without items the roles may open', () => {
    expect(labelsOf({ roles: ['district_viewer'], modules: bothModules })).toEqual([
      { group: 'Engagement', items: ['District report'] },
    ]);
  });

  it('hides the pages of modules the tenant does not have, but keeps administration', () => {
    expect(labelsOf({ roles: ['tenant_admin'], modules: ['engagement'] })).toEqual([
      { group: 'Engagement', items: ['Volunteers', 'District report'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('lets a site admin open every page of the tenant modules', () => {
    expect(labelsOf({ roles: ['site_admin'], modules: ['outcomes'] })).toEqual([
      { group: 'Outcomes', items: ['Courses'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('shows nothing without roles', () => {
    expect(navGroupsFor(allItems, { roles: [], modules: bothModules })).toEqual([]);
  });
});
