import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';

const REPORTS = [
  {
    name: 'district-year-end',
    title: 'District year-end',
    module: 'engagement',
    aggregate: true,
    hasSettings: false,
  },
  {
    name: 'district-year-end-detail',
    title: 'District year-end detail',
    module: 'engagement',
    aggregate: true,
    hasSettings: false,
  },
  {
    name: 'virtual-usage',
    title: 'Virtual usage',
    module: 'engagement',
    aggregate: true,
    hasSettings: true,
  },
  {
    name: 'organizations',
    title: 'Organizations',
    module: 'engagement',
    aggregate: false,
    hasSettings: false,
  },
];

function renderReports(me: Me, list = reply(200, { reports: REPORTS })) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/reports': list,
    'POST /api/reports/refresh': reply(200, { dropped: 4 }),
  });
  return { api, ...renderApp('/engagement/reports'), user: userEvent.setup() };
}

describe('ReportsPage', { timeout: 15_000 }, () => {
  it('links every report the user may open (the detail report is reached from its parent)', async () => {
    renderReports(meAs('staff'));
    expect(
      await screen.findByRole('link', { name: 'District year-end' }, { timeout: 5000 }),
    ).toHaveAttribute('href', '/engagement/reports/district-year-end');
    expect(screen.getByRole('link', { name: 'Virtual usage' })).toBeVisible();
    expect(
      within(screen.getByRole('main')).getByRole('link', { name: 'Organizations' }),
    ).toBeVisible();
    expect(screen.queryByText('District year-end detail')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh all caches' })).not.toBeInTheDocument();
    expect(document.title).toBe('Reports · EduLedger');
  });

  it('lets tenant admins refresh every cache after confirming', async () => {
    const { api, user } = renderReports(meAs('tenant_admin'));
    await user.click(
      await screen.findByRole('button', { name: 'Refresh all caches' }, { timeout: 5000 }),
    );
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Refresh all report caches?' },
      { timeout: 5000 },
    );
    expect(dialog).toBeVisible();
    await user.click(
      screen.getAllByRole('button', { name: 'Refresh all caches' }).at(-1) as HTMLElement,
    );
    expect(
      await screen.findByText(/4 cached results dropped/, {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(api.callsTo('POST /api/reports/refresh')).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('GET /api/reports').length).toBeGreaterThan(1));
  });

  it('says so when the role has no report', async () => {
    renderReports(meAs('district_viewer'), reply(200, { reports: [] }));
    expect(
      await screen.findByText('No reports for your role', {}, { timeout: 5000 }),
    ).toBeVisible();
  });

  it('shows a failure with retry', async () => {
    const { user, api } = renderReports(
      meAs('staff'),
      errorReply(500, 'internal', 'Database down'),
    );
    expect(await screen.findByText('Database down', {}, { timeout: 5000 })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.callsTo('GET /api/reports')).toHaveLength(2));
  });
});
