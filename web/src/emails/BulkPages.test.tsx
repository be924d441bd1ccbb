import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../format/dates';
import { meAs, page } from '../test/adminFixtures';
import { bulkJobFixture, bulkProgressFixture } from '../test/emailFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import { LIVE_REFRESH_MS } from './BulkJobPage';

const job = bulkJobFixture();
const done = bulkJobFixture({
  id: '7c1f0a2b-0000-4000-8000-000000000010',
  template: 'billing-payment-due',
  status: 'completed',
  total: 3,
  sent: 3,
  failed: 0,
  createdAt: '2025-03-01T09:00:00.000Z',
  completedAt: '2025-03-01T09:01:00.000Z',
});
const jobPath = `/admin/emails/bulk/${job.id}`;

function renderBulk(routes: Record<string, MockReply | MockReply[]>, path: string) {
  const api = mockApi({ 'GET /api/me': reply(200, meAs('tenant_admin')), ...routes });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BulkJobsPage', () => {
  it('lists bulk sends with their progress, each linking to its live view', async () => {
    const { api } = renderBulk(
      { 'GET /api/emails/bulk': reply(200, page([job, done])) },
      '/admin/emails/bulk',
    );

    const table = within(await screen.findByRole('table', { name: 'Bulk sends' }));
    const started = table.getByRole('link', { name: formatDateTime(job.createdAt) });
    expect(started).toHaveAttribute('href', jobPath);
    const row = within(started.closest('tr') ?? document.body);
    expect(row.getByText('Assessment reminder')).toBeVisible();
    expect(row.getByText('Running')).toBeVisible();
    expect(row.getByText('2 sent')).toBeVisible();
    expect(row.getByText('1 failed')).toBeVisible();
    expect(row.getByText('2 pending')).toBeVisible();
    expect(row.getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '3 of 5 done: 2 sent, 1 failed',
    );
    expect(table.getByText('Completed')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Bulk sends' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.queriesTo('GET /api/emails/bulk')).toEqual([{ page: '1', pageSize: '25' }]);
    expect(document.title).toBe('Bulk sends · Emails · EduLedger');
  });

  it('says when there has been no bulk send, and explains failures', async () => {
    const { user } = renderBulk(
      {
        'GET /api/emails/bulk': [errorReply(500, 'internal', 'Boom'), reply(200, page([]))],
      },
      '/admin/emails/bulk',
    );

    expect(await screen.findByText('The bulk sends could not be loaded')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No bulk sends yet')).toBeVisible();
  });

  it('offers the first page when the page asked for is past the end', async () => {
    const { router, user } = renderBulk(
      { 'GET /api/emails/bulk': reply(200, page([], 3, 3)) },
      '/admin/emails/bulk?page=3',
    );

    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    expect(router.state.location.search).toBe('');
  });
});

describe('BulkJobPage', () => {
  it('follows a running job live until it completes, listing failures with reasons', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const finished = bulkProgressFixture({
      status: 'completed',
      completedAt: '2025-03-06T09:02:00.000Z',
      counts: { queued: 0, sending: 0, sent: 3, failed: 1, blocked: 1 },
      failures: [
        { to: 'bounce@example.org', status: 'failed', reason: '550 5.1.1 No such user' },
        { to: 'outside@elsewhere.net', status: 'blocked', reason: 'Not in EMAIL_ALLOWLIST' },
      ],
    });
    const { api } = renderBulk(
      {
        [`GET /api/emails/bulk/${job.id}`]: [
          reply(200, bulkProgressFixture()),
          reply(200, finished),
        ],
      },
      jobPath,
    );

    expect(
      await screen.findByRole('heading', { name: 'Assessment reminder to 5 recipients' }),
    ).toBeVisible();
    expect(screen.getByText('Running')).toBeVisible();
    expect(screen.getByText('Updating live')).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Progress of this bulk send' })).toHaveAttribute(
      'aria-valuenow',
      '3',
    );
    expect(screen.getByText('2 pending')).toBeVisible();
    const failures = within(screen.getByRole('table', { name: 'Failed recipients' }));
    expect(failures.getByText('550 5.1.1 No such user')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Bulk sends' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await act(() => vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS));
    expect(await screen.findByText('Completed')).toBeVisible();
    expect(screen.queryByText('Updating live')).not.toBeInTheDocument();
    expect(screen.getByText('0 pending')).toBeVisible();
    expect(screen.getByText('2 failed')).toBeVisible();
    expect(screen.getByText(/completed/)).toHaveTextContent(
      formatDateTime(finished.completedAt ?? ''),
    );
    const blocked = within(screen.getByRole('table', { name: 'Failed recipients' }));
    expect(blocked.getByText('Not in EMAIL_ALLOWLIST')).toBeVisible();
    expect(blocked.getByText('Blocked')).toBeVisible();

    await act(() => vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS * 3));
    expect(api.callsTo(`GET /api/emails/bulk/${job.id}`)).toHaveLength(2);
  });

  it('says when no recipient failed', async () => {
    renderBulk(
      {
        [`GET /api/emails/bulk/${job.id}`]: reply(
          200,
          bulkProgressFixture({ status: 'completed', failures: [] }),
        ),
      },
      jobPath,
    );

    expect(await screen.findByText('No recipient has failed.')).toBeVisible();
  });

  it('explains a job that cannot be found, with a way back', async () => {
    renderBulk(
      { [`GET /api/emails/bulk/${job.id}`]: errorReply(404, 'not_found', 'Bulk job not found') },
      jobPath,
    );

    expect(await screen.findByText('Bulk job not found')).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '← All bulk sends' })).toHaveAttribute(
        'href',
        '/admin/emails/bulk',
      ),
    );
  });
});
