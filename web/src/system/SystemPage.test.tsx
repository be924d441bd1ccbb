import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, siteAdminMe } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import type { SystemStatus } from './types';

const emails = { queued: 3, sending: 0, sent: 40, failed: 2, blocked: 1 };
const imports: SystemStatus['imports'] = [
  {
    id: 'run-1',
    tenantName: 'Riverside',
    pipeline: 'engagement-salesforce',
    status: 'failed',
    createdAt: '2026-11-23T14:00:00.000Z',
    finishedAt: '2026-11-23T14:05:00.000Z',
  },
];

const platformStatus: SystemStatus = {
  scope: 'platform',
  database: { status: 'ok', pool: { total: 4, idle: 3, waiting: 0, max: 10 } },
  jobs: [
    {
      name: 'email.deliver',
      depth: 0,
      failures: 0,
      lastSuccessAt: '2026-11-23T14:10:00.000Z',
      lastFailureAt: null,
      waitingSince: null,
      stalled: false,
    },
    {
      name: 'imports.run',
      depth: 2,
      failures: 3,
      lastSuccessAt: null,
      lastFailureAt: '2026-11-23T13:00:00.000Z',
      waitingSince: '2026-11-23T12:00:00.000Z',
      stalled: true,
    },
  ],
  emails,
  imports,
  cache: { entries: 12, hits: 30, misses: 10, hitRatio: 0.75 },
  alerts: { enabled: true, webhookConfigured: true },
};

const tenantStatus: SystemStatus = {
  scope: 'tenant',
  database: { status: 'ok', pool: null },
  jobs: null,
  emails,
  imports: [],
  cache: { entries: 5 },
  alerts: null,
};

function renderSystem(me: unknown, status: MockReply, testAlert?: MockReply) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/system/status': status,
    ...(testAlert ? { 'POST /api/system/test-alert': testAlert } : {}),
  });
  return { ...renderApp('/admin/system'), api, user: userEvent.setup() };
}

describe('System page', () => {
  it('shows a site admin the platform: database, email, cache, jobs, imports, alerts', async () => {
    const { user, api } = renderSystem(
      siteAdminMe(),
      reply(200, platformStatus),
      reply(200, { outcome: 'sent', message: 'The test alert was posted to the alert webhook.' }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'System' })).toBeVisible();
    const database = await screen.findByRole('region', { name: 'Database' });
    expect(within(database).getByText('Reachable')).toBeVisible();
    expect(within(database).getByText(/4 open of 10, 3 idle, 0 waiting/)).toBeVisible();
    const email = screen.getByRole('region', { name: 'Email' });
    expect(within(email).getByText('2 failed')).toBeVisible();
    expect(within(email).getByLabelText('Queued emails')).toHaveTextContent('3');
    const cache = screen.getByRole('region', { name: 'Report cache' });
    expect(within(cache).getByText(/75% \(30 hits, 10 misses\)/)).toBeVisible();
    const jobs = screen.getByRole('table', { name: 'Background jobs' });
    expect(
      within(screen.getByRole('region', { name: 'Background jobs' })).getByText('1 stalled'),
    ).toBeVisible();
    const stalledRow = within(jobs).getByText('imports.run').closest('tr');
    expect(stalledRow).not.toBeNull();
    expect(within(stalledRow as HTMLElement).getByText('Stalled')).toBeVisible();
    const runs = screen.getByRole('table', { name: 'Last imports' });
    expect(within(runs).getByText('Riverside')).toBeVisible();
    expect(within(runs).getByText('engagement-salesforce')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send a test alert' }));
    expect(
      await screen.findByText('The test alert was posted to the alert webhook.'),
    ).toBeVisible();
    expect(api.calls.filter((c) => c.path === '/api/system/test-alert')).toHaveLength(1);
  });

  it('shows a tenant admin their tenant, without jobs, pool or the test alert', async () => {
    renderSystem(meAs('tenant_admin'), reply(200, tenantStatus));
    expect(await screen.findByText(/Your institution/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'Database' })).not.toHaveTextContent('open of');
    expect(screen.queryByRole('region', { name: 'Background jobs' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send a test alert' })).toBeNull();
    expect(screen.getByText('No imports yet')).toBeVisible();
    expect(screen.getByText('5 cached report views')).toBeVisible();
  });

  it('explains a test alert that could not go out', async () => {
    const { user } = renderSystem(
      siteAdminMe(),
      reply(200, { ...platformStatus, alerts: { enabled: false, webhookConfigured: false } }),
      reply(200, {
        outcome: 'disabled',
        message: 'Alerts are off here: set ALERT_WEBHOOK_URL and ALERTS_ENABLED=on.',
      }),
    );
    expect(await screen.findByText('Webhook off')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send a test alert' }));
    expect(await screen.findByText(/Alerts are off here/)).toBeVisible();
  });

  it('shows an error with a retry when the status cannot load', async () => {
    renderSystem(siteAdminMe(), errorReply(500, 'internal_error', 'Database down'));
    expect(await screen.findByText('Could not load the system status')).toBeVisible();
    expect(screen.getByRole('button', { name: /retry/i })).toBeVisible();
  });

  it('is not open to other roles', async () => {
    const { api } = renderSystem(meAs('staff'), reply(200, tenantStatus));
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent(/^System$/);
    expect(screen.queryByText(/Your institution/)).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/system/status')).toBe(false);
  });
});
