import type { Access, Role, TenantModule } from './access';
import { BILLING_PAGE, SUBSCRIPTIONS_PAGE } from './billing/pages';
import { IMPORTS_PAGE } from './imports/page';
import { ENGAGEMENT_PAGES } from './engagement/pages';
import { OUTCOMES_PAGES } from './outcomes/pages';
import { REPORTS_PAGE } from './reports/pages';
import { SYSTEM_PAGE } from './system/page';

export type NavModule = TenantModule | 'administration';

export interface NavItem {
  label: string;
  path: string;
  module: NavModule;
  /** Roles that may open the page; a site admin may open every page (`['site_admin']`: only them). */
  roles: readonly Role[];
  /** The page is about the active tenant (its members, its invitations): hidden without one. */
  needsActiveTenant?: boolean;
}

export interface NavGroup {
  module: NavModule;
  label: string;
  items: readonly NavItem[];
}

const GROUP_LABELS: Record<NavModule, string> = {
  engagement: 'Engagement',
  outcomes: 'Outcomes',
  administration: 'Administration',
};

const GROUP_ORDER: readonly NavModule[] = ['engagement', 'outcomes', 'administration'];

export const USERS_PAGE: NavItem = {
  label: 'Users',
  path: '/admin/users',
  module: 'administration',
  roles: ['tenant_admin'],
  needsActiveTenant: true,
};

export const INVITATIONS_PAGE: NavItem = {
  label: 'Invitations',
  path: '/admin/invitations',
  module: 'administration',
  roles: ['tenant_admin', 'program_admin'],
  needsActiveTenant: true,
};

/** Site admins read the log of every tenant, so it needs no active tenant. */
export const AUDIT_PAGE: NavItem = {
  label: 'Audit log',
  path: '/admin/audit',
  module: 'administration',
  roles: ['tenant_admin'],
};

/** The outbox of every email; site admins see every tenant's, so it needs no active tenant. */
export const EMAILS_PAGE: NavItem = {
  label: 'Emails',
  path: '/admin/emails',
  module: 'administration',
  roles: ['tenant_admin'],
};

/** Platform administration: every tenant of the installation. */
export const TENANTS_PAGE: NavItem = {
  label: 'Tenants',
  path: '/admin/tenants',
  module: 'administration',
  roles: ['site_admin'],
};

/** Pages that exist and belong in the navbar. Add a page here only once it works. */
export const navItems: readonly NavItem[] = [
  ...ENGAGEMENT_PAGES,
  REPORTS_PAGE,
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
];

/** Whether `access` may open the page of `item`; the route guard and the navbar both ask this. */
export function canOpen(item: NavItem, { roles, modules, hasActiveTenant }: Access): boolean {
  const moduleOn = item.module === 'administration' || modules.includes(item.module);
  const roleAllowed =
    roles.includes('site_admin') || item.roles.some((role) => roles.includes(role));
  const tenantOk = item.needsActiveTenant !== true || hasActiveTenant;
  return moduleOn && roleAllowed && tenantOk;
}

/** Groups, in navbar order, of the items reachable with `access`; empty groups are left out. */
export function navGroupsFor(items: readonly NavItem[], access: Access): NavGroup[] {
  const reachable = items.filter((item) => canOpen(item, access));
  return GROUP_ORDER.map((module) => ({
    module,
    label: GROUP_LABELS[module],
    items: reachable.filter((item) => item.module === module),
  })).filter((group) => group.items.length > 0);
}
