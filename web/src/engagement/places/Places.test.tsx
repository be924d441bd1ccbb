import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageSizeKey } from '../../table/pageSize';
import { page } from '../../test/adminFixtures';
import { reply } from '../../test/http';
import { DISTRICT_ID, districtRow, SCHOOL_ID, schoolRow } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const SCHOOLS = 'GET /api/engagement/schools';
const DISTRICTS = 'GET /api/engagement/districts';

describe('Schools page', () => {
  it('keeps the districts and schools tables independent in the URL', async () => {
    window.localStorage.setItem(pageSizeKey('engagement.schools'), '100');
    const { api, router, user } = renderEngagement(
      'staff',
      '/engagement/schools?districts.page=2',
      {
        [DISTRICTS]: reply(200, page([districtRow()], 30, 2)),
        [SCHOOLS]: reply(200, page([schoolRow()])),
      },
    );
    const schools = await screen.findByRole('table', { name: 'Schools' });
    expect(within(schools).getByText('120')).toBeVisible();
    expect(
      within(await screen.findByRole('table', { name: 'Districts' })).getByRole('link', {
        name: 'North District',
      }),
    ).toHaveAttribute('href', `/engagement/schools/districts/${DISTRICT_ID}`);
    expect(api.queriesTo(DISTRICTS)[0]).toMatchObject({ page: '2', pageSize: '25' });
    expect(api.queriesTo(SCHOOLS)[0]).toMatchObject({ page: '1', pageSize: '100' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), 'High');
    await user.click(within(schools).getByRole('button', { name: /Students/ }));
    await waitFor(() =>
      expect(api.queriesTo(SCHOOLS).at(-1)).toMatchObject({
        level: 'High',
        sort: 'students',
        order: 'asc',
      }),
    );
    expect(new URLSearchParams(router.state.location.search).get('districts.page')).toBe('2');
    expect(api.queriesTo(DISTRICTS).at(-1)).toMatchObject({ page: '2', sort: 'name' });
  });

  it('lets tenant admins remove every school or district', async () => {
    renderEngagement('tenant_admin', '/engagement/schools', {
      [DISTRICTS]: reply(200, page([])),
      [SCHOOLS]: reply(200, page([])),
    });
    expect(await screen.findByText('No districts yet')).toBeVisible();
    expect(screen.getByText('No schools yet')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Remove all districts' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Remove all schools' })).toBeVisible();
  });

  it('shows a school with its latest events and deletes it for tenant admins', async () => {
    const { user, router } = renderEngagement('tenant_admin', `/engagement/schools/${SCHOOL_ID}`, {
      [`GET /api/engagement/schools/${SCHOOL_ID}`]: reply(200, {
        ...schoolRow(),
        latestEvents: [{ id: 'e-1', title: 'Career Fair', startAt: null, status: 'Completed' }],
      }),
      [`DELETE /api/engagement/schools/${SCHOOL_ID}`]: reply(200, {
        counts: {
          removed: 1,
          studentsDetached: 120,
          teachersDetached: 4,
          eventsDetached: 6,
          classesDetached: 0,
        },
      }),
      [DISTRICTS]: reply(200, page([])),
      [SCHOOLS]: reply(200, page([])),
    });
    expect(await screen.findByRole('heading', { name: 'Lincoln High', level: 1 })).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Latest events' })).getByText('Completed'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Delete school' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/engagement/schools'));
    expect(
      await screen.findByText(
        'Also removed: 120 students left without a school, 4 teachers left without a school, 6 events unlinked.',
      ),
    ).toBeVisible();
  });

  it('shows a district with its schools', async () => {
    renderEngagement('district_viewer', `/engagement/schools/districts/${DISTRICT_ID}`, {
      [`GET /api/engagement/districts/${DISTRICT_ID}`]: reply(200, {
        ...districtRow(),
        events: 12,
        schoolList: [{ id: SCHOOL_ID, name: 'Lincoln High', level: 'High', code: null }],
      }),
    });
    expect(await screen.findByRole('heading', { name: 'North District', level: 1 })).toBeVisible();
    expect(screen.getByText('Northside')).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Schools of the district' })).getByRole('link', {
        name: 'Lincoln High',
      }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete district' })).toBeNull();
  });
});
