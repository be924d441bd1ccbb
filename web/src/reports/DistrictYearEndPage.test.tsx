import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { measures, months, reportPage } from '../test/reportFixtures';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';

const summary = { schoolYear: '2024-2025', ...measures(), eventTypes: [], months: months() };
const north = {
  districtId: 'd-1',
  district: 'North',
  ...measures({ events: 5, volunteerHours: 12.25 }),
};

function renderPage(
  me: Me,
  answer: MockReply = reply(200, reportPage(summary, [north])),
  path = '/engagement/reports/district-year-end?schoolYear=2024-2025',
) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/reports/district-year-end': answer,
    'POST /api/reports/district-year-end/refresh': reply(200, reportPage(summary, [north])),
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

describe('DistrictYearEndPage', { timeout: 15_000 }, () => {
  it('shows the totals and one card per district linking to its detail', async () => {
    const { api } = renderPage(meAs('staff'));
    const card = await screen.findByRole('link', { name: 'North' }, { timeout: 5000 });
    expect(card).toHaveAttribute(
      'href',
      '/engagement/reports/district-year-end/d-1?schoolYear=2024-2025',
    );
    const totals = screen.getByRole('list', { name: 'Totals of the school year' });
    expect(within(totals).getByText('96.50')).toBeVisible();
    expect(screen.getByText('12.25')).toBeVisible();
    expect(screen.getByText(/^Computed$/)).toBeVisible();
    expect(api.queriesTo('GET /api/reports/district-year-end')).toEqual([
      { schoolYear: '2024-2025', pageSize: '100' },
    ]);
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export XLSX' })).toHaveAttribute(
      'href',
      '/api/reports/district-year-end/export?schoolYear=2024-2025&format=xlsx',
    );
  });

  it('keeps filters in the URL, the request and the export links', async () => {
    const { api, router, user } = renderPage(meAs('staff'));
    await screen.findByRole('link', { name: 'North' }, { timeout: 5000 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event type' }), 'career_fair');
    await user.type(screen.getByRole('searchbox', { name: 'Session host' }), 'PREPKC{Enter}');
    expect(router.state.location.search).toBe(
      '?schoolYear=2024-2025&eventType=career_fair&host=PREPKC',
    );
    await waitFor(() =>
      expect(api.queriesTo('GET /api/reports/district-year-end').at(-1)).toEqual({
        schoolYear: '2024-2025',
        eventType: 'career_fair',
        host: 'PREPKC',
        pageSize: '100',
      }),
    );
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/reports/district-year-end/export?schoolYear=2024-2025&eventType=career_fair&host=PREPKC&format=csv',
    );
    expect(screen.getByRole('link', { name: 'North' })).toHaveAttribute(
      'href',
      '/engagement/reports/district-year-end/d-1?schoolYear=2024-2025&eventType=career_fair',
    );
  });

  it('lets tenant admins recompute the report', async () => {
    const { api, user } = renderPage(meAs('tenant_admin'));
    await user.click(await screen.findByRole('button', { name: 'Refresh' }, { timeout: 5000 }));
    expect(
      await screen.findByText('District year-end was computed again', {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(api.queriesTo('POST /api/reports/district-year-end/refresh')).toEqual([
      { schoolYear: '2024-2025' },
    ]);
  });

  it('says when refreshing failed', async () => {
    const api = mockApi({
      'GET /api/me': reply(200, meAs('tenant_admin')),
      'GET /api/reports/district-year-end': reply(200, reportPage(summary, [north])),
      'POST /api/reports/district-year-end/refresh': errorReply(403, 'forbidden', 'Not allowed'),
    });
    renderApp('/engagement/reports/district-year-end');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Refresh' }, { timeout: 5000 }));
    expect(
      await screen.findByText('District year-end could not be refreshed', {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(api.callsTo('POST /api/reports/district-year-end/refresh')).toHaveLength(1);
  });

  it('says when the year has no events, and shows failures', async () => {
    renderPage(meAs('district_viewer'), reply(200, reportPage(summary, [])));
    expect(
      await screen.findByText('No completed events in this school year', {}, { timeout: 5000 }),
    ).toBeVisible();
  });

  it('shows a failure with retry', async () => {
    renderPage(meAs('staff'), errorReply(404, 'not_found', 'District was not found'));
    expect(await screen.findByText('District was not found', {}, { timeout: 5000 })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('is closed to roles without reports', async () => {
    renderPage(meAs('instructor'));
    expect(
      await screen.findByRole(
        'heading',
        { name: 'You do not have access to this page' },
        { timeout: 5000 },
      ),
    ).toBeVisible();
  });
});
