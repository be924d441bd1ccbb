import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/SessionContext';
import { listTenants, TENANTS_KEY } from '../tenants/api';

/** Names an item's tenant by its id; `null` is an account email, which belongs to no tenant. */
export type TenantNamer = (item: { tenantId: string | null }) => string;

/**
 * For site admins, who see the emails of every tenant: names tenants from the platform's list
 * (their own memberships until it arrives). `undefined` for everyone else, who see one tenant.
 */
export function useTenantNamer(): TenantNamer | undefined {
  const me = useSession();
  const siteAdmin = me.user.isSiteAdmin;
  const platform = useQuery({
    queryKey: TENANTS_KEY,
    queryFn: ({ signal }) => listTenants(signal),
    enabled: siteAdmin,
  });
  if (!siteAdmin) return undefined;
  const names = new Map<string, string>(me.tenants.map((tenant) => [tenant.id, tenant.name]));
  for (const tenant of platform.data?.items ?? []) names.set(tenant.id, tenant.name);
  return ({ tenantId }) =>
    tenantId === null ? 'Account (no tenant)' : (names.get(tenantId) ?? tenantId);
}
