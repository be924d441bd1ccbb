import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pageSizeKey } from '../../table/pageSize';
import { meAs, page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../../test/http';
import { renderApp } from '../../test/render';
import { ADA_ID, volunteerDetail, volunteerRow } from '../test/fixtures';

const DEFAULT_QUERY = { page: '1', pageSize: '25', sort: 'name', order: 'asc' };
const LIST = 'GET /api/engagement/volunteers';
const ONE = `GET /api/engagement/volunteers/${ADA_ID}`;

function renderAs(
  role: 'tenant_admin' | 'staff',
  path: string,
  routes: Record<string, MockReply | MockReply[]> = {},
) {
  const api = mockApi({ 'GET /api/me': reply(200, meAs(role)), ...routes });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

describe('Volunteers list', () => {
  it('lists volunteers with links, labels and the server’s default order', async () => {
    const { api } = renderAs('staff', '/engagement/volunteers', {
      [LIST]: reply(
        200,
        page([
          volunteerRow(),
          volunteerRow({
            id: 'v-2',
            name: 'Alan Turing',
            email: null,
            status: 'on_hold',
            localStatus: 'unknown',
            lastVolunteerDate: null,
          }),
        ]),
      ),
    });
    const table = await screen.findByRole('table', { name: 'Volunteers' });
    expect(within(table).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      `/engagement/volunteers/${ADA_ID}`,
    );
    expect(within(table).getByText('On hold')).toBeVisible();
    expect(within(table).getByText('Local')).toBeVisible();
    expect(api.queriesTo(LIST)).toEqual([DEFAULT_QUERY]);
    expect(screen.getByRole('link', { name: 'New volunteer' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Update local statuses' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove all/ })).toBeNull();
    expect(document.title).toBe('Volunteers · EduLedger');
  });

  it('keeps filters and sort in the URL and goes back to page 1', async () => {
    window.localStorage.setItem(pageSizeKey('engagement.volunteers'), '50');
    const { api, router, user } = renderAs('staff', '/engagement/volunteers?page=2', {
      [LIST]: reply(200, page([volunteerRow()], 80, 2, 50)),
    });
    await screen.findByRole('table', { name: 'Volunteers' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'inactive');
    expect(router.state.location.search).toBe('?status=inactive');
    await user.click(screen.getByRole('button', { name: /Times volunteered/ }));
    await waitFor(() =>
      expect(api.queriesTo(LIST).at(-1)).toEqual({
        ...DEFAULT_QUERY,
        pageSize: '50',
        status: 'inactive',
        sort: 'timesVolunteered',
        order: 'asc',
      }),
    );
  });

  it('says when there are no volunteers, and when none match', async () => {
    renderAs('staff', '/engagement/volunteers', { [LIST]: reply(200, page([])) });
    expect(await screen.findByText('No volunteers yet')).toBeVisible();
  });

  it('offers to clear filters that match nothing', async () => {
    const { router, user } = renderAs('staff', '/engagement/volunteers?localStatus=partial', {
      [LIST]: reply(200, page([])),
    });
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
  });

  it('shows a failure with a retry', async () => {
    renderAs('staff', '/engagement/volunteers', {
      [LIST]: errorReply(500, 'internal_error', 'Database unavailable'),
    });
    expect(await screen.findByText('The volunteers could not be loaded')).toBeVisible();
    expect(screen.getByText('Database unavailable')).toBeVisible();
  });

  it('updates local statuses and shows the counts per status (tenant admins)', async () => {
    const { user } = renderAs('tenant_admin', '/engagement/volunteers', {
      [LIST]: reply(200, page([volunteerRow()])),
      'POST /api/engagement/volunteers/update-local-statuses': reply(200, {
        volunteers: 10,
        changed: 4,
        byStatus: { local: 5, partial: 2, non_local: 1, unknown: 2 },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Update local statuses' }));
    expect(await screen.findByText('10 volunteers checked; 4 changed.')).toBeVisible();
    const list = screen.getByRole('list', { name: 'Volunteers per local status' });
    expect(within(list).getByText('Partly local: 2')).toBeVisible();
  });

  it('removes every volunteer once the tenant slug is typed (tenant admins)', async () => {
    const { api, user } = renderAs('tenant_admin', '/engagement/volunteers', {
      [LIST]: reply(200, page([volunteerRow()])),
      'POST /api/engagement/purge': reply(200, {
        counts: { removed: 3, participations: 2, affiliations: 1, activities: 0 },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove all volunteers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove all volunteers?' });
    const confirm = within(dialog).getByRole('button', { name: 'Remove all volunteers' });
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Type riverside to confirm' }),
      'riverside',
    );
    await user.click(confirm);
    expect(await screen.findByText('3 volunteers removed')).toBeVisible();
    expect(screen.getByText('Also removed: 2 participations, 1 affiliation.')).toBeVisible();
    expect(api.callsTo('POST /api/engagement/purge')[0]?.body).toEqual({
      resource: 'volunteers',
      confirm: 'riverside',
    });
  });
});

describe('Volunteer page', () => {
  it('shows the volunteer, their organizations and participations', async () => {
    renderAs('staff', `/engagement/volunteers/${ADA_ID}`, { [ONE]: reply(200, volunteerDetail()) });
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeVisible();
    expect(screen.getByRole('link', { name: '← All volunteers' })).toHaveAttribute(
      'href',
      '/engagement/volunteers',
    );
    const contact = screen.getByRole('table', { name: 'Contact' });
    expect(within(contact).getByText('64106')).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Organizations' })).getByRole('link', {
        name: 'Acme Corp',
      }),
    ).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Participations' })).getByText('Attended'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      `/engagement/volunteers/${ADA_ID}/edit`,
    );
    expect(screen.queryByRole('button', { name: 'Delete volunteer' })).toBeNull();
  });

  it('says when the volunteer cannot be found', async () => {
    renderAs('staff', `/engagement/volunteers/${ADA_ID}`, {
      [ONE]: errorReply(404, 'not_found', 'Volunteer was not found'),
    });
    expect(await screen.findByText('Volunteer was not found')).toBeVisible();
  });

  it('deletes the volunteer after confirmation and goes back to the list (tenant admins)', async () => {
    const { router, user } = renderAs('tenant_admin', `/engagement/volunteers/${ADA_ID}`, {
      [ONE]: reply(200, volunteerDetail()),
      [`DELETE /api/engagement/volunteers/${ADA_ID}`]: reply(200, {
        counts: { removed: 1, participations: 1, affiliations: 1, activities: 0 },
      }),
      [LIST]: reply(200, page([])),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete volunteer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this volunteer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/engagement/volunteers'));
    expect(await screen.findByText('Ada Lovelace deleted')).toBeVisible();
  });
});

describe('Volunteer form', () => {
  it('checks the fields before sending, with messages next to them', async () => {
    const { api, user } = renderAs('staff', '/engagement/volunteers/new');
    const form = await screen.findByRole('form', { name: 'New volunteer' });
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'nope');
    await user.type(within(form).getByRole('textbox', { name: /ZIP code/ }), '12');
    await user.click(within(form).getByRole('button', { name: 'Create volunteer' }));
    expect(within(form).getByText('Enter the first name.')).toBeVisible();
    expect(within(form).getByText('Enter an email address, like name@example.org.')).toBeVisible();
    expect(within(form).getByText('Enter a ZIP code like 64106.')).toBeVisible();
    expect(api.callsTo('POST /api/engagement/volunteers')).toEqual([]);
  });

  it('creates a volunteer and opens their page', async () => {
    const { api, router, user } = renderAs('staff', '/engagement/volunteers/new', {
      'POST /api/engagement/volunteers': reply(201, volunteerDetail()),
      [ONE]: reply(200, volunteerDetail()),
    });
    const form = await screen.findByRole('form', { name: 'New volunteer' });
    await user.type(within(form).getByRole('textbox', { name: /First name/ }), 'Ada');
    await user.type(within(form).getByRole('textbox', { name: /Last name/ }), 'Lovelace');
    await user.click(within(form).getByRole('checkbox', { name: /Exclude from reports/ }));
    await user.click(within(form).getByRole('button', { name: 'Create volunteer' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/engagement/volunteers/${ADA_ID}`),
    );
    expect(api.callsTo('POST /api/engagement/volunteers')[0]?.body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: null,
      status: 'active',
      excludeFromReports: true,
    });
  });

  it('edits a volunteer and shows the server’s field messages', async () => {
    const { api, user } = renderAs('staff', `/engagement/volunteers/${ADA_ID}/edit`, {
      [ONE]: reply(200, volunteerDetail()),
      [`PUT /api/engagement/volunteers/${ADA_ID}`]: errorReply(
        400,
        'validation_failed',
        'The input is not valid',
        [{ path: 'title', message: 'must be at most 200 characters' }],
      ),
    });
    const form = await screen.findByRole('form', { name: 'Edit volunteer' });
    expect(within(form).getByRole('textbox', { name: /First name/ })).toHaveValue('Ada');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Title must be at most 200 characters')).toBeVisible();
    expect(api.callsTo(`PUT /api/engagement/volunteers/${ADA_ID}`)[0]?.body).toMatchObject({
      firstName: 'Ada',
      mailingPostalCode: '64106',
    });
  });
});
