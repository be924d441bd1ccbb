import { accessFor } from '../session/session';
import { useSession } from '../session/SessionContext';

/** Tenant admins (and site admins) may refresh report caches and edit report settings. */
export function useIsReportAdmin(): boolean {
  const { roles } = accessFor(useSession());
  return roles.includes('tenant_admin') || roles.includes('site_admin');
}
