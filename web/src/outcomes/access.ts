import { activeTenantOf } from '../session/session';
import { useSession } from '../session/SessionContext';

export interface OutcomesAccess {
  /** Programs and terms are the institution's: tenant admins (and site admins) manage them. */
  isAdmin: boolean;
  /** A program admin's own programs (null: every program). */
  ownPrograms: readonly string[] | null;
}

/** What the signed-in user may do on the outcomes screens (the server checks it again). */
export function useOutcomesAccess(): OutcomesAccess {
  const me = useSession();
  const tenant = activeTenantOf(me);
  const isAdmin = me.user.isSiteAdmin || tenant?.role === 'tenant_admin';
  return { isAdmin, ownPrograms: isAdmin ? null : (tenant?.scope.programs ?? []) };
}
