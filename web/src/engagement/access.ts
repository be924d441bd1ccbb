import { activeTenantOf } from '../session/session';
import { useSession } from '../session/SessionContext';

export interface EngagementAccess {
  /** Create and edit records, dismiss flags (staff and tenant admins). */
  canEdit: boolean;
  /** Delete records, purge, soft-delete history, update local statuses (tenant admins). */
  canDestroy: boolean;
  /** Students' names and everyone's demographics (tenant admins and staff, DOMAIN §1.1). */
  seesSensitive: boolean;
  /** The active tenant's slug, typed to confirm a purge. */
  tenantSlug: string;
}

/** What the signed-in user may do on the engagement screens (the server checks it again). */
export function useEngagementAccess(): EngagementAccess {
  const me = useSession();
  const tenant = activeTenantOf(me);
  const admin = me.user.isSiteAdmin || tenant?.role === 'tenant_admin';
  const operator = admin || tenant?.role === 'staff';
  return {
    canEdit: operator,
    seesSensitive: operator,
    canDestroy: admin,
    tenantSlug: tenant?.slug ?? '',
  };
}
