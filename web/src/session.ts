import type { Access } from './access';

export interface TenantOption {
  slug: string;
  name: string;
}

/** What the shell needs to know about the signed-in user. */
export interface Session {
  access: Access;
  tenants: readonly TenantOption[];
  activeTenantSlug: string;
  switchTenant: (slug: string) => void;
}
