import { Notification, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { NotificationsContext, type NotificationInput } from './notificationsContext';

/** How long a success notice stays on screen. */
export const SUCCESS_NOTICE_MS = 6_000;

interface Shown extends NotificationInput {
  id: number;
}

function Notice({ notice, onClose }: { notice: Shown; onClose: (id: number) => void }) {
  const { id, kind } = notice;
  useEffect(() => {
    if (kind !== 'success') return undefined;
    const timer = window.setTimeout(() => onClose(id), SUCCESS_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [id, kind, onClose]);

  return (
    <Notification
      role={kind === 'error' ? 'alert' : 'status'}
      color={kind === 'error' ? 'red' : 'green'}
      title={notice.title}
      withBorder
      onClose={() => onClose(id)}
      closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
    >
      {notice.message}
      {notice.requestId !== undefined && (
        <Text size="xs" c="dimmed">
          Request ID: <code>{notice.requestId}</code>
        </Text>
      )}
    </Notification>
  );
}

/** Holds the notices raised with `useNotify()` and shows them in the bottom-right corner. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Shown[]>([]);
  const nextId = useRef(0);

  const notify = useCallback((notification: NotificationInput) => {
    nextId.current += 1;
    const id = nextId.current;
    setNotices((current) => [...current, { ...notification, id }]);
  }, []);
  const close = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  return (
    <NotificationsContext value={notify}>
      {children}
      {notices.length > 0 && (
        <Stack
          gap="xs"
          pos="fixed"
          bottom={16}
          right={16}
          w={360}
          maw="calc(100vw - 32px)"
          style={{ zIndex: 1000 }}
          aria-label="Notifications"
          component="section"
        >
          {notices.map((notice) => (
            <Notice key={notice.id} notice={notice} onClose={close} />
          ))}
        </Stack>
      )}
    </NotificationsContext>
  );
}
