/** A tenant as the platform administration sees it (`/api/admin/tenants`). */
export interface AdminTenant {
  id: string;
  slug: string;
  name: string;
  modules: readonly string[];
  isActive: boolean;
  createdAt: string;
  /** How many people belong to it (any role or status). */
  members: number;
}

/** Body of `GET /api/admin/tenants`: every tenant, and the modules this installation ships. */
export interface TenantList {
  items: AdminTenant[];
  modules: string[];
}

export interface NewTenant {
  slug: string;
  name: string;
  modules: string[];
}

/** What `PATCH /api/admin/tenants/:id` may change; the slug never changes. */
export interface TenantChange {
  name?: string;
  modules?: string[];
  isActive?: boolean;
}

/** A count a module shows per tenant on the overview (e.g. programs). */
export interface TenantMetric {
  key: string;
  label: string;
  module: string;
}

export interface TenantOverviewRow {
  id: string;
  slug: string;
  name: string;
  modules: readonly string[];
  isActive: boolean;
  createdAt: string;
  /** Members of any role or status. */
  users: number;
  /** Metric key → count; null when the tenant does not use the metric's module. */
  counts: Record<string, number | null>;
}

/** Body of `GET /api/admin/tenants/overview`. */
export interface TenantsOverviewBody {
  metrics: TenantMetric[];
  items: TenantOverviewRow[];
}
