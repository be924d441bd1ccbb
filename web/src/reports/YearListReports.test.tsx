import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { mockApi, reply } from '../test/http';
import { reportPage } from '../test/reportFixtures';
import { renderApp } from '../test/render';
import type { ReportColumn } from './types';

const totals = { schoolYear: '2024-2025', count: 2, events: 3, hours: 4.5 };

describe('year list reports', { timeout: 15_000 }, () => {
  it('first-time volunteers: totals, rows, pages and sorting in the URL', async () => {
    const columns: ReportColumn[] = [
      { key: 'name', header: 'Name', type: 'text' },
      { key: 'firstVolunteerDate', header: 'First Volunteer Date', type: 'date' },
      { key: 'hours', header: 'Hours', type: 'hours' },
    ];
    const rows = [{ name: 'Bob Builder', firstVolunteerDate: '2024-10-01', hours: 2.5 }];
    const api = mockApi({
      'GET /api/me': reply(200, meAs('staff')),
      'GET /api/reports/first-time-volunteers': reply(
        200,
        reportPage(totals, rows, columns, { total: 60 }),
      ),
    });
    const { router } = renderApp('/engagement/reports/first-time-volunteers?schoolYear=2024-2025');
    const user = userEvent.setup();
    const table = await screen.findByRole(
      'table',
      { name: 'First-time volunteers' },
      { timeout: 5000 },
    );
    expect(within(table).getByText('Bob Builder')).toBeVisible();
    const tiles = screen.getByRole('list', { name: 'First-time volunteers totals' });
    expect(within(tiles).getByText('4.50')).toBeVisible();
    await user.click(within(table).getByRole('button', { name: /Hours/ }));
    expect(router.state.location.search).toBe('?schoolYear=2024-2025&sort=hours&order=asc');
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() =>
      expect(api.queriesTo('GET /api/reports/first-time-volunteers').at(-1)).toMatchObject({
        page: '2',
        sort: 'hours',
      }),
    );
  });

  it('volunteer hours: says when the year is empty', async () => {
    mockApi({
      'GET /api/me': reply(200, meAs('tenant_admin')),
      'GET /api/reports/volunteer-hours': reply(200, reportPage({ ...totals, count: 0 }, [], [])),
    });
    renderApp('/engagement/reports/volunteer-hours');
    expect(
      await screen.findByText('No volunteer hours in this school year', {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeVisible();
  });

  it('organizations: links each organization to its detail, not the Independent bucket', async () => {
    const columns: ReportColumn[] = [
      { key: 'organization', header: 'Organization', type: 'text' },
      { key: 'hours', header: 'Hours', type: 'hours' },
    ];
    const rows = [
      { organizationId: 'o-1', organization: 'Acme', hours: 2 },
      { organizationId: null, organization: 'Independent', hours: 1 },
    ];
    const api = mockApi({
      'GET /api/me': reply(200, meAs('staff')),
      'GET /api/reports/organizations': reply(
        200,
        reportPage(
          { schoolYear: 'lifetime', organizations: 1, sessions: 2, hours: 3, volunteers: 2 },
          rows,
          columns,
        ),
      ),
    });
    renderApp('/engagement/reports/organizations?schoolYear=lifetime');
    const table = await screen.findByRole('table', { name: 'Organizations' }, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'Acme' })).toHaveAttribute(
      'href',
      '/engagement/reports/organizations/o-1?schoolYear=lifetime',
    );
    expect(within(table).queryByRole('link', { name: 'Independent' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'School year' })).toHaveValue('lifetime');
    expect(api.queriesTo('GET /api/reports/organizations')[0]).toMatchObject({
      schoolYear: 'lifetime',
    });
  });
});
