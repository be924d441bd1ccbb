import { createContext, useContext } from 'react';

export interface NotificationInput {
  title: string;
  message?: string;
  /** `success` notices close themselves after a while; `error` ones stay until dismissed. */
  kind: 'success' | 'error';
  /** For errors: the request id to quote when asking for help. */
  requestId?: string;
}

export type Notify = (notification: NotificationInput) => void;

export const NotificationsContext = createContext<Notify | null>(null);

/** Shows a short notice in the corner of the screen, e.g. after an action succeeded. */
export function useNotify(): Notify {
  const notify = useContext(NotificationsContext);
  if (notify === null) throw new Error('useNotify() needs a NotificationsProvider');
  return notify;
}
