import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meAs } from '../test/adminFixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { reportPage } from '../test/reportFixtures';
import { renderApp } from '../test/render';
import type { OrganizationDetailSummary, OrganizationEvent, ReportColumn } from './types';

const event = (overrides: Partial<OrganizationEvent>): OrganizationEvent => ({
  eventId: 'e-1',
  date: '2024-10-01',
  event: 'Career Fair',
  type: 'Career Fair',
  school: 'Lincoln High',
  status: 'Completed',
  volunteers: 2,
  hours: 3.5,
  ...overrides,
});
const summary: OrganizationDetailSummary = {
  schoolYear: '2024-2025',
  organization: { id: 'o-1', name: 'Acme' },
  sessions: 1,
  hours: 3.5,
  volunteers: 2,
  inPersonEvents: 1,
  virtualEvents: 0,
  cancelledEvents: 1,
  inPerson: [event({})],
  virtual: [],
  cancelled: [event({ eventId: 'e-2', event: 'Rained Out', status: 'Cancelled' })],
};
const columns: ReportColumn[] = [
  { key: 'name', header: 'Name', type: 'text' },
  { key: 'email', header: 'Email', type: 'text' },
  { key: 'hours', header: 'Hours', type: 'hours' },
];

describe('OrganizationDetailPage', { timeout: 15_000 }, () => {
  it("shows the organization's totals, volunteers and events", async () => {
    const api = mockApi({
      'GET /api/me': reply(200, meAs('staff')),
      'GET /api/reports/organizations': reply(
        200,
        reportPage(
          summary,
          [{ name: 'Ada Lovelace', email: 'ada@example.org', hours: 2 }],
          columns,
        ),
      ),
    });
    renderApp('/engagement/reports/organizations/o-1?schoolYear=2024-2025');
    expect(await screen.findByRole('heading', { name: 'Acme' }, { timeout: 5000 })).toBeVisible();
    const volunteers = await screen.findByRole('table', { name: 'Volunteers' }, { timeout: 5000 });
    expect(within(volunteers).getByText('ada@example.org')).toBeVisible();
    const inPerson = screen.getByRole('table', { name: 'In-person events' });
    expect(within(inPerson).getByText('Lincoln High')).toBeVisible();
    expect(screen.getByText('No virtual events')).toBeVisible();
    const cancelled = screen.getByRole('table', { name: 'Cancelled events' });
    expect(within(cancelled).getByText('Cancelled')).toBeVisible();
    expect(api.queriesTo('GET /api/reports/organizations')[0]).toMatchObject({
      organization: 'o-1',
      schoolYear: '2024-2025',
    });
    expect(screen.getByRole('link', { name: '← All organizations' })).toHaveAttribute(
      'href',
      '/engagement/reports/organizations?schoolYear=2024-2025',
    );
  });

  it('says when the organization does not exist', async () => {
    mockApi({
      'GET /api/me': reply(200, meAs('staff')),
      'GET /api/reports/organizations': errorReply(404, 'not_found', 'Organization was not found'),
    });
    renderApp('/engagement/reports/organizations/nope');
    expect(
      await screen.findByText('Organization was not found', {}, { timeout: 5000 }),
    ).toBeVisible();
  });
});
