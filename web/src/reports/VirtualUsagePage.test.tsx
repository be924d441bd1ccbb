import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { measures, months, reportPage } from '../test/reportFixtures';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';
import type { ReportColumn, VirtualUsageSummary } from './types';

const group = { sessions: 2, teachers: 3, experiences: 4, estimatedStudents: 100, schools: 2 };
const summary = (url: string | null): VirtualUsageSummary => ({
  schoolYear: '2024-2025',
  sessions: 10,
  teachers: 8,
  experiences: 14,
  estimatedStudents: 350,
  professionals: 6,
  organizations: 4,
  schools: 5,
  localSessions: 4,
  localSessionsPct: 40,
  byDistrict: [{ districtId: 'd-1', district: 'North', ...group }],
  byMonth: [{ month: '2024-09', label: 'September 2024', ...group }],
  coreSpreadsheetUrl: url,
});
const columns: ReportColumn[] = [
  { key: 'title', header: 'Title', type: 'text' },
  { key: 'teacher', header: 'Teacher', type: 'text' },
  { key: 'participantCount', header: 'Participant Count', type: 'integer' },
];
const line = { title: 'Space Careers', teacher: 'Tia North', participantCount: 25 };
const districts = reportPage(
  { schoolYear: '2024-2025', ...measures(), eventTypes: [], months: months() },
  [{ districtId: 'd-1', district: 'North' }],
);

function renderPage(me: Me, url: string | null, save: MockReply = reply(200, {})) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/reports/virtual-usage': reply(200, reportPage(summary(url), [line], columns)),
    'GET /api/reports/district-year-end': reply(200, districts),
    'GET /api/reports/virtual-usage/settings': reply(200, {
      coreSpreadsheets: { '2023-2024': 'https://sheets.example.com/old' },
    }),
    'PUT /api/reports/virtual-usage/settings': save,
  });
  const view = renderApp('/engagement/reports/virtual-usage?schoolYear=2024-2025');
  return { api, ...view, user: userEvent.setup() };
}

describe('VirtualUsagePage', { timeout: 15_000 }, () => {
  it('shows the usage tiles, the sessions and the core spreadsheet link', async () => {
    renderPage(meAs('staff'), 'https://sheets.example.com/core');
    const tiles = await screen.findByRole(
      'list',
      { name: 'Virtual usage totals' },
      { timeout: 5000 },
    );
    expect(within(tiles).getByText('350')).toBeVisible();
    expect(within(tiles).getByText('4 (40%)')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Core spreadsheet 2024-2025' })).toHaveAttribute(
      'href',
      'https://sheets.example.com/core',
    );
    expect(screen.queryByRole('button', { name: 'Change link' })).not.toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Virtual sessions' }, { timeout: 5000 });
    expect(within(table).getByText('Tia North')).toBeVisible();
  });

  it('filters by district (from the districts of the year) and dates', async () => {
    const { api, router, user } = renderPage(meAs('district_viewer'), null);
    await screen.findByRole('list', { name: 'Virtual usage totals' }, { timeout: 5000 });
    expect(screen.queryByText(/No core spreadsheet/)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('option', { name: 'North' })).toBeInTheDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'District' }), 'd-1');
    await user.type(screen.getByLabelText('From'), '2025-01-01');
    await user.type(screen.getByLabelText('To'), '2024-12-01');
    expect(screen.getByText('The end is before the start.')).toBeVisible();
    expect(router.state.location.search).toContain('district=d-1');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/reports/virtual-usage').at(-1)).toMatchObject({
        district: 'd-1',
        dateFrom: '2025-01-01',
      }),
    );
  });

  it('lets tenant admins set the link of the year, keeping the other years', async () => {
    const { api, user } = renderPage(meAs('tenant_admin'), null);
    expect(
      await screen.findByText('No core spreadsheet linked for 2024-2025.', {}, { timeout: 5000 }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Core spreadsheet of 2024-2025' },
      { timeout: 5000 },
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Link' }),
      'https://sheets.example.com/new',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save link' }));
    expect(
      await screen.findByText('Core spreadsheet link of 2024-2025 saved', {}, { timeout: 5000 }),
    ).toBeVisible();
    expect(api.callsTo('PUT /api/reports/virtual-usage/settings')[0]?.body).toEqual({
      coreSpreadsheets: {
        '2023-2024': 'https://sheets.example.com/old',
        '2024-2025': 'https://sheets.example.com/new',
      },
    });
  });

  it("shows the server's complaint about a link next to the field", async () => {
    const { user } = renderPage(
      meAs('tenant_admin'),
      'https://sheets.example.com/core',
      errorReply(400, 'validation_failed', 'The input is not valid', [
        { path: 'coreSpreadsheets.2024-2025', message: 'Invalid URL' },
      ]),
    );
    await user.click(await screen.findByRole('button', { name: 'Change link' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    const input = within(dialog).getByRole('textbox', { name: 'Link' });
    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: 'Save link' }));
    expect(await within(dialog).findByText('Invalid URL', {}, { timeout: 5000 })).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
