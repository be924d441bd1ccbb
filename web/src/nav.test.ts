import { describe, expect, it } from 'vitest';
import type { Access } from './access';
import { BILLING_PAGE, SUBSCRIPTIONS_PAGE } from './billing/pages';
import { IMPORTS_PAGE } from './imports/page';
import { ENGAGEMENT_PAGES } from './engagement/pages';
import { MY_SECTIONS_PAGE, OUTCOMES_PAGES } from './outcomes/pages';
import { REPORTS_PAGE } from './reports/pages';
import { SYSTEM_PAGE } from './system/page';
import {
  AUDIT_PAGE,
  canOpen,
  EMAILS_PAGE,
  INVITATIONS_PAGE,
  navGroupsFor,
  navItems,
  TENANTS_PAGE,
  USERS_PAGE,
  type NavItem,
} from './nav';

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

function access(roles: Access['roles'], modules: Access['modules'] = bothModules): Access {
  return { roles, modules, hasActiveTenant: roles.some((role) => role !== 'site_admin') };
}

function labelsOf(access: Access) {
  return navGroupsFor(allItems, access).map((group) => ({
    group: group.label,
    items: group.items.map((item) => item.label),
  }));
}

const ENGAGEMENT_NAV = [...ENGAGEMENT_PAGES, REPORTS_PAGE];
const ENGAGEMENT_LABELS = ENGAGEMENT_NAV.map((page) => page.label);
const VIEWER_LABELS = ['Events', 'Teachers', 'Students', 'Schools', 'Reports'];
const OUTCOMES_LABELS = OUTCOMES_PAGES.map((page) => page.label);
/** "My sections" is the instructors' page; admins review instead. */
const ADMIN_OUTCOMES_PAGES = OUTCOMES_PAGES.filter((page) => page !== MY_SECTIONS_PAGE);
const ADMIN_OUTCOMES_LABELS = ADMIN_OUTCOMES_PAGES.map((page) => page.label);
const PROGRAM_ADMIN_LABELS = ADMIN_OUTCOMES_LABELS.filter((label) => label !== 'Import');

function registeredLabels(value: Access): string[] {
  return navGroupsFor(navItems, value).flatMap((group) => group.items.map((item) => item.label));
}

describe('navItems', () => {
  it('lists the engagement and administration pages in order', () => {
    expect(navItems).toEqual([
      ...ENGAGEMENT_NAV,
      ...OUTCOMES_PAGES,
      USERS_PAGE,
      INVITATIONS_PAGE,
      AUDIT_PAGE,
      EMAILS_PAGE,
      IMPORTS_PAGE,
      BILLING_PAGE,
      TENANTS_PAGE,
      SUBSCRIPTIONS_PAGE,
      SYSTEM_PAGE,
    ]);
    expect(navGroupsFor(navItems, access(['tenant_admin']))).toEqual([
      { module: 'engagement', label: 'Engagement', items: ENGAGEMENT_NAV },
      { module: 'outcomes', label: 'Outcomes', items: ADMIN_OUTCOMES_PAGES },
      {
        module: 'administration',
        label: 'Administration',
        items: [
          USERS_PAGE,
          INVITATIONS_PAGE,
          AUDIT_PAGE,
          EMAILS_PAGE,
          IMPORTS_PAGE,
          BILLING_PAGE,
          SYSTEM_PAGE,
        ],
      },
    ]);
  });

  it.each([
    [
      'tenant_admin',
      [
        ...ENGAGEMENT_LABELS,
        ...ADMIN_OUTCOMES_LABELS,
        'Users',
        'Invitations',
        'Audit log',
        'Emails',
        'Imports',
        'Billing',
        'System',
      ],
    ],
    ['program_admin', [...PROGRAM_ADMIN_LABELS, 'Invitations']],
    ['staff', [...ENGAGEMENT_LABELS, 'Imports']],
    ['district_viewer', VIEWER_LABELS],
    ['instructor', ['My sections']],
  ] as const)('gives a %s %j', (role, labels) => {
    expect(registeredLabels(access([role]))).toEqual(labels);
  });

  it('gives a site admin every page in a tenant, and the platform pages without one', () => {
    expect(registeredLabels(access(['site_admin', 'staff']))).toEqual([
      ...ENGAGEMENT_LABELS,
      ...OUTCOMES_LABELS,
      'Users',
      'Invitations',
      'Audit log',
      'Emails',
      'Imports',
      'Billing',
      'Tenants',
      'Subscriptions',
      'System',
    ]);
    expect(registeredLabels(access(['site_admin'], []))).toEqual([
      'Audit log',
      'Emails',
      'Tenants',
      'Subscriptions',
      'System',
    ]);
  });
});

describe('canOpen', () => {
  it('asks for an active tenant only of pages that need one', () => {
    const siteAdmin = { roles: ['site_admin'], modules: [], hasActiveTenant: false } as const;
    expect(canOpen(USERS_PAGE, siteAdmin)).toBe(false);
    expect(canOpen(AUDIT_PAGE, siteAdmin)).toBe(true);
    expect(canOpen(EMAILS_PAGE, siteAdmin)).toBe(true);
    expect(canOpen(USERS_PAGE, { ...siteAdmin, hasActiveTenant: true })).toBe(true);
  });

  it('opens a page listing only site_admin to site admins alone', () => {
    const tenantAdmin = { roles: ['tenant_admin'], modules: [], hasActiveTenant: true } as const;
    expect(canOpen(TENANTS_PAGE, tenantAdmin)).toBe(false);
    expect(canOpen(TENANTS_PAGE, { ...tenantAdmin, roles: ['site_admin'] })).toBe(true);
  });
});

describe('navGroupsFor', () => {
  it('groups items in Engagement, Outcomes, Administration order', () => {
    expect(labelsOf(access(['tenant_admin']))).toEqual([
      { group: 'Engagement', items: ['Volunteers', 'District report'] },
      { group: 'Outcomes', items: ['Courses'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('hides groups left without items the roles may open', () => {
    expect(labelsOf(access(['district_viewer']))).toEqual([
      { group: 'Engagement', items: ['District report'] },
    ]);
  });

  it('hides the pages of modules the tenant does not have, but keeps administration', () => {
    expect(labelsOf(access(['tenant_admin'], ['engagement']))).toEqual([
      { group: 'Engagement', items: ['Volunteers', 'District report'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('lets a site admin open every page of the tenant modules', () => {
    expect(labelsOf(access(['site_admin'], ['outcomes']))).toEqual([
      { group: 'Outcomes', items: ['Courses'] },
      { group: 'Administration', items: ['Users'] },
    ]);
  });

  it('shows nothing without roles', () => {
    expect(navGroupsFor(allItems, access([]))).toEqual([]);
  });
});
