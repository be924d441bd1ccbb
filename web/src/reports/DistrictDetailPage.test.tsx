import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { mockApi, reply } from '../test/http';
import { measures, months, reportPage } from '../test/reportFixtures';
import { renderApp } from '../test/render';
import type { ReportColumn } from './types';

const summary = {
  schoolYear: '2024-2025',
  district: { id: 'd-1', name: 'North' },
  ...measures(),
  eventTypes: [],
  months: months(),
};
const columns: ReportColumn[] = [
  { key: 'date', header: 'Date', type: 'date' },
  { key: 'event', header: 'Event', type: 'text' },
  { key: 'students', header: 'Students', type: 'integer' },
  { key: 'volunteerHours', header: 'Volunteer Hours', type: 'hours' },
];
const fair = {
  eventId: 'e-1',
  date: '2024-10-01',
  event: 'Career Fair',
  students: 120,
  volunteerHours: 3.5,
};

describe('DistrictDetailPage', { timeout: 15_000 }, () => {
  it("lists the district's events, sorted on the server, grouped by event or school", async () => {
    const api = mockApi({
      'GET /api/me': reply(200, meAs('district_viewer')),
      'GET /api/reports/district-year-end-detail': reply(200, reportPage(summary, [fair], columns)),
    });
    const { router } = renderApp('/engagement/reports/district-year-end/d-1?schoolYear=2024-2025');
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Events' }, { timeout: 5000 });
    expect(within(table).getByText('Career Fair')).toBeVisible();
    expect(within(table).getByText('3.50')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'North: year-end detail' })).toBeVisible();
    expect(api.queriesTo('GET /api/reports/district-year-end-detail')[0]).toEqual({
      schoolYear: '2024-2025',
      groupBy: 'event',
      district: 'd-1',
      page: '1',
      pageSize: '25',
    });

    await user.click(within(table).getByRole('button', { name: /Students/ }));
    expect(router.state.location.search).toBe('?schoolYear=2024-2025&sort=students&order=asc');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/reports/district-year-end-detail').at(-1)).toMatchObject({
        sort: 'students',
        order: 'asc',
      }),
    );

    await user.click(screen.getByRole('radio', { name: 'By school' }));
    expect(router.state.location.search).toContain('groupBy=school');
    expect(screen.getByRole('link', { name: 'Export XLSX' })).toHaveAttribute(
      'href',
      '/api/reports/district-year-end-detail/export?schoolYear=2024-2025&groupBy=school&district=d-1&format=xlsx',
    );
    expect(screen.getByRole('link', { name: '← All districts' })).toHaveAttribute(
      'href',
      '/engagement/reports/district-year-end?schoolYear=2024-2025',
    );
  });

  it('says when the district had no events', async () => {
    mockApi({
      'GET /api/me': reply(200, meAs('staff')),
      'GET /api/reports/district-year-end-detail': reply(200, reportPage(summary, [], columns)),
    });
    renderApp('/engagement/reports/district-year-end/d-1');
    expect(
      await screen.findByText('No completed events in this school year', {}, { timeout: 5000 }),
    ).toBeVisible();
  });
});
