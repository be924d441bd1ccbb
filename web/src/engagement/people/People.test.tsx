import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { reply } from '../../test/http';
import { studentRow, teacherRow } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const teacherDetail = {
  ...teacherRow(),
  externalId: '003T',
  phone: null,
  gender: 'F',
  sessions: [
    {
      id: 'tp-1',
      eventId: 'e-1',
      eventTitle: 'Northside Session',
      startAt: '2025-01-10T15:00:00.000Z',
      status: 'attended',
      attendanceConfirmedAt: null,
      adminNote: 'Confirmed by phone',
    },
  ],
};

const studentDetail = {
  ...studentRow(),
  participations: [
    {
      id: 'sp-1',
      eventId: 'e-1',
      eventTitle: 'Career Fair',
      startAt: null,
      status: 'Attended',
      deliveryHours: null,
    },
  ],
};

describe('Teachers', () => {
  it('lists teachers with their school, district and sessions', async () => {
    const { api, user } = renderEngagement('district_viewer', '/engagement/teachers', {
      'GET /api/engagement/teachers': reply(200, page([teacherRow()])),
    });
    const table = await screen.findByRole('table', { name: 'Teachers' });
    expect(within(table).getByRole('link', { name: 'Mary North' })).toHaveAttribute(
      'href',
      '/engagement/teachers/t-1',
    );
    expect(within(table).getByText('Science')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'inactive');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/engagement/teachers').at(-1)?.status).toBe('inactive'),
    );
    expect(screen.queryByRole('button', { name: /Remove all/ })).toBeNull();
  });

  it('shows a teacher and their virtual sessions', async () => {
    renderEngagement('tenant_admin', '/engagement/teachers/t-1', {
      'GET /api/engagement/teachers/t-1': reply(200, teacherDetail),
    });
    expect(await screen.findByRole('heading', { name: 'Mary North', level: 1 })).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Virtual sessions' })).getByText(
        'Confirmed by phone',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Delete teacher' })).toBeVisible();
  });
});

describe('Students', () => {
  it('shows staff the students’ names, searchable by name', async () => {
    const { api } = renderEngagement('staff', '/engagement/students', {
      'GET /api/engagement/students': reply(200, page([studentRow()])),
    });
    const table = await screen.findByRole('table', { name: 'Students' });
    expect(within(table).getByRole('link', { name: 'Sam Student' })).toBeVisible();
    expect(within(table).getByText('Grade 10')).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveAttribute(
      'placeholder',
      'Name or student number',
    );
    expect(api.queriesTo('GET /api/engagement/students')[0]?.sort).toBe('name');
    expect(screen.queryByText('Names are hidden')).toBeNull();
  });

  it('shows district viewers student numbers only', async () => {
    const { api } = renderEngagement('district_viewer', '/engagement/students', {
      'GET /api/engagement/students': reply(
        200,
        page([studentRow({ name: undefined, currentGrade: 0 })]),
      ),
    });
    const table = await screen.findByRole('table', { name: 'Students' });
    expect(within(table).getByRole('link', { name: 'N-1' })).toBeVisible();
    expect(within(table).queryByRole('columnheader', { name: /Name/ })).toBeNull();
    expect(within(table).getByText('Kindergarten')).toBeVisible();
    expect(screen.getByText('Names are hidden')).toBeVisible();
    expect(api.queriesTo('GET /api/engagement/students')[0]?.sort).toBe('studentNumber');
  });

  it('shows a student without names to district viewers', async () => {
    renderEngagement('district_viewer', '/engagement/students/s-1', {
      'GET /api/engagement/students/s-1': reply(200, { ...studentDetail, name: undefined }),
    });
    expect(await screen.findByRole('heading', { name: 'Student N-1', level: 1 })).toBeVisible();
    const facts = screen.getByRole('table', { name: 'Student' });
    expect(within(facts).queryByText('Gender')).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Events' })).getByText('Career Fair'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete student' })).toBeNull();
  });
});
