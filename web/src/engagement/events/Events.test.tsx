import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, reply } from '../../test/http';
import { DISTRICT_ID, EVENT_ID, eventDetail, eventRow, SCHOOL_ID } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const LIST = 'GET /api/engagement/events';
const ONE = `GET /api/engagement/events/${EVENT_ID}`;

describe('Events', () => {
  it('lists events newest first, with school and district links', async () => {
    const { api } = renderEngagement('staff', '/engagement/events', {
      [LIST]: reply(
        200,
        page([
          eventRow(),
          eventRow({
            id: 'e-2',
            title: 'Orphan',
            districtId: null,
            district: null,
            schoolId: null,
            school: null,
          }),
        ]),
      ),
    });
    const table = await screen.findByRole('table', { name: 'Events' });
    expect(within(table).getByRole('link', { name: 'Lincoln High' })).toHaveAttribute(
      'href',
      `/engagement/schools/${SCHOOL_ID}`,
    );
    expect(within(table).getByRole('link', { name: 'North District' })).toHaveAttribute(
      'href',
      `/engagement/schools/districts/${DISTRICT_ID}`,
    );
    expect(within(table).getByText('Unknown')).toBeVisible();
    expect(within(table).getAllByText('Career fair')).toHaveLength(2);
    expect(api.queriesTo(LIST)[0]).toEqual({
      page: '1',
      pageSize: '25',
      sort: 'startAt',
      order: 'desc',
    });
  });

  it('filters by district, school and dates through the URL', async () => {
    const { api, router, user } = renderEngagement('district_viewer', '/engagement/events', {
      [LIST]: reply(200, page([eventRow()])),
    });
    await screen.findByRole('table', { name: 'Events' });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'District' }),
      DISTRICT_ID,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'School' }), SCHOOL_ID);
    await user.type(screen.getByLabelText('From'), '2024-09-01');
    await waitFor(() =>
      expect(api.queriesTo(LIST).at(-1)).toMatchObject({
        districtId: DISTRICT_ID,
        schoolId: SCHOOL_ID,
        from: '2024-09-01',
      }),
    );
    expect(router.state.location.search).toContain(`districtId=${DISTRICT_ID}`);
    expect(screen.queryByRole('link', { name: 'New event' })).toBeNull();
  });

  it('shows an event with its volunteers and student counts', async () => {
    renderEngagement('staff', `/engagement/events/${EVENT_ID}`, {
      [ONE]: reply(200, eventDetail()),
    });
    expect(await screen.findByRole('heading', { name: 'Career Fair', level: 1 })).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Volunteers' })).getByRole('link', {
        name: 'Ada Lovelace',
      }),
    ).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Students by status' })).getByText('30'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'https://example.org/signup' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Edit' })).toBeVisible();
  });

  it('shows district viewers no volunteer names and no edit', async () => {
    renderEngagement('district_viewer', `/engagement/events/${EVENT_ID}`, {
      [ONE]: reply(
        200,
        eventDetail({
          volunteerList: null,
          teacherList: [{ id: 'tp', contactId: 't-1', name: 'Mary North', status: 'attended' }],
        }),
      ),
    });
    expect(await screen.findByRole('heading', { name: 'Career Fair', level: 1 })).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Volunteers' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Teachers' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('keeps district viewers out of the event form', async () => {
    renderEngagement('district_viewer', '/engagement/events/new');
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeVisible();
  });

  it('checks an event before sending: title, numbers, link, end after start', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/events/new');
    const form = await screen.findByRole('form', { name: 'New event' });
    await user.type(within(form).getByLabelText('Start'), '2025-03-01T10:00');
    await user.type(within(form).getByLabelText('End'), '2025-03-01T09:00');
    await user.type(
      within(form).getByRole('textbox', { name: 'Registration link' }),
      'example.org',
    );
    await user.click(within(form).getByRole('button', { name: 'Create event' }));
    expect(within(form).getByText('Enter the event’s title.')).toBeVisible();
    expect(within(form).getByText('The end must not be before the start.')).toBeVisible();
    expect(within(form).getByText('Enter a web address starting with https://.')).toBeVisible();
    expect(api.callsTo('POST /api/engagement/events')).toEqual([]);
  });

  it('creates an event at a school', async () => {
    const { api, user, router } = renderEngagement('staff', '/engagement/events/new', {
      'POST /api/engagement/events': reply(201, eventDetail()),
      [ONE]: reply(200, eventDetail()),
    });
    const form = await screen.findByRole('form', { name: 'New event' });
    await user.type(within(form).getByRole('textbox', { name: /Title/ }), 'Career Fair');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Type' }), 'career_fair');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'School' }), SCHOOL_ID);
    await user.type(within(form).getByRole('spinbutton', { name: 'Volunteers needed' }), '5');
    await user.click(within(form).getByRole('button', { name: 'Create event' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/engagement/events/${EVENT_ID}`),
    );
    expect(api.callsTo('POST /api/engagement/events')[0]?.body).toMatchObject({
      title: 'Career Fair',
      type: 'career_fair',
      status: 'Requested',
      schoolId: SCHOOL_ID,
      volunteersNeeded: 5,
      startAt: null,
    });
  });

  it('edits an event and shows the server’s field messages', async () => {
    const { user } = renderEngagement('staff', `/engagement/events/${EVENT_ID}/edit`, {
      [ONE]: reply(200, eventDetail()),
      [`PUT /api/engagement/events/${EVENT_ID}`]: errorReply(
        400,
        'validation_failed',
        'The input is not valid',
        [{ path: 'schoolId', message: 'is not a school of this tenant' }],
      ),
    });
    const form = await screen.findByRole('form', { name: 'Edit event' });
    expect(within(form).getByRole('textbox', { name: /Title/ })).toHaveValue('Career Fair');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('School is not a school of this tenant')).toBeVisible();
  });
});
