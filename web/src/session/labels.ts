import type { Role, TenantModule } from '../access';

export const ROLE_LABELS: Record<Role, string> = {
  site_admin: 'Site administrator',
  tenant_admin: 'Tenant administrator',
  staff: 'Staff',
  district_viewer: 'District viewer',
  program_admin: 'Program administrator',
  instructor: 'Instructor',
};

export const MODULE_LABELS: Record<TenantModule, { name: string; description: string }> = {
  engagement: { name: 'Engagement', description: 'volunteers and K-12 school partnerships' },
  outcomes: { name: 'Outcomes', description: 'course learning outcomes and assessment' },
};
