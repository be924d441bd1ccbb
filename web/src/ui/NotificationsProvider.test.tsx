import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationsProvider, SUCCESS_NOTICE_MS } from './NotificationsProvider';
import { useNotify, type NotificationInput } from './notificationsContext';

function Trigger({ notice }: { notice: NotificationInput }) {
  const notify = useNotify();
  return <button onClick={() => notify(notice)}>notify</button>;
}

function renderTrigger(notice: NotificationInput) {
  render(
    <MantineProvider env="test">
      <NotificationsProvider>
        <Trigger notice={notice} />
      </NotificationsProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('notifications', () => {
  it('shows a success notice as a status that closes itself', () => {
    vi.useFakeTimers();
    renderTrigger({ kind: 'success', title: 'Saved', message: 'All good.' });

    act(() => screen.getByRole('button', { name: 'notify' }).click());
    const notices = screen.getByRole('region', { name: 'Notifications' });
    expect(within(notices).getByRole('status')).toHaveTextContent('SavedAll good.');

    act(() => vi.advanceTimersByTime(SUCCESS_NOTICE_MS));
    expect(screen.queryByRole('region', { name: 'Notifications' })).not.toBeInTheDocument();
  });

  it('keeps an error notice, with its request id, until dismissed', async () => {
    const user = userEvent.setup();
    renderTrigger({ kind: 'error', title: 'Failed', message: 'Nope', requestId: 'req-9' });

    await user.click(screen.getByRole('button', { name: 'notify' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Request ID: req-9');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('needs a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Trigger notice={{ kind: 'success', title: 'x' }} />)).toThrow(
      'useNotify() needs a NotificationsProvider',
    );
  });
});
