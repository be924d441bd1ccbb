import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import { statusCounts, templateCounts } from './metrics';
import type { EmailMetrics } from './types';

const metrics: EmailMetrics = {
  byStatus: { sent: 7, failed: 1, queued: 2 },
  byTemplate: [
    { template: 'invitation', status: 'sent', n: 5 },
    { template: 'invitation', status: 'failed', n: 1 },
    { template: 'password-reset', status: 'sent', n: 2 },
    { template: 'password-reset', status: 'queued', n: 2 },
  ],
};

function renderMetrics(answer: MockReply | MockReply[]) {
  mockApi({ 'GET /api/me': reply(200, meAs('tenant_admin')), 'GET /api/emails/metrics': answer });
  return { ...renderApp('/admin/emails/metrics'), user: userEvent.setup() };
}

describe('delivery metrics', () => {
  it('fills in every status and sorts templates busiest first', () => {
    expect(statusCounts(metrics)).toEqual({
      queued: 2,
      sending: 0,
      sent: 7,
      failed: 1,
      blocked: 0,
    });
    expect(templateCounts(metrics).map((row) => [row.label, row.total, row.sent])).toEqual([
      ['Invitation', 6, 5],
      ['Password reset', 4, 2],
    ]);
  });

  it('shows the counts by status and by template, with charts', async () => {
    renderMetrics(reply(200, metrics));

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Delivery metrics' }),
    ).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Delivery metrics' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const allEmails = screen.getByText('All emails').parentElement;
    expect(allEmails).toHaveTextContent('All emails10');
    expect(screen.getByTitle(/Accepted by the mail server/)).toHaveTextContent('Sent770%');
    expect(screen.getByTitle(/Every attempt failed/)).toHaveTextContent('Failed110%');
    const table = within(screen.getByRole('table', { name: 'Emails by template' }));
    expect(table.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'TemplateQueuedSendingSentFailedBlockedTotal',
      'Invitation005106',
      'Password reset202004',
    ]);
    // The charts are a lazily loaded chunk: transforming recharts the first time takes a while.
    const chart = await screen.findByRole('img', { name: /Emails by status/ }, { timeout: 15_000 });
    expect(chart).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Emails by template and status/ })).toBeInTheDocument();
    expect(document.title).toBe('Delivery metrics · Emails · EduLedger');
  }, 20_000);

  it('says when there is nothing to count yet', async () => {
    renderMetrics(reply(200, { byStatus: {}, byTemplate: [] }));

    expect(await screen.findByText('No emails yet')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains a failure and retries', async () => {
    const { user } = renderMetrics([errorReply(500, 'internal', 'Boom'), reply(200, metrics)]);

    expect(await screen.findByText('The delivery metrics could not be loaded')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Emails by template' })).toBeVisible();
  });
});
