import type { Access, Role, TenantModule } from './access';

export type NavModule = TenantModule | 'administration';

export interface NavItem {
  label: string;
  path: string;
  module: NavModule;
  /** Roles that may open the page; a site admin may open every page. */
  roles: readonly Role[];
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

/** Pages that exist and belong in the navbar. Add a page here only once it works. */
export const navItems: readonly NavItem[] = [];

function isReachable(item: NavItem, { roles, modules }: Access): boolean {
  const moduleOn = item.module === 'administration' || modules.includes(item.module);
  const roleAllowed =
    roles.includes('site_admin') || item.roles.some((role) => roles.includes(role));
  return moduleOn && roleAllowed;
}

/** Groups, in navbar order, of the items reachable with `access`; empty groups are left out. */
export function navGroupsFor(items: readonly NavItem[], access: Access): NavGroup[] {
  const reachable = items.filter((item) => isReachable(item, access));
  return GROUP_ORDER.map((module) => ({
    module,
    label: GROUP_LABELS[module],
    items: reachable.filter((item) => item.module === module),
  })).filter((group) => group.items.length > 0);
}
