import { createContext, useContext } from 'react';
import type { Me } from './types';

/** The signed-in user, for pages rendered inside the signed-in shell. */
export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only for pages under `RequireSession`. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (me === null) throw new Error('useSession() is only available on signed-in pages');
  return me;
}
