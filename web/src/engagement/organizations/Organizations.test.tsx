import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, reply } from '../../test/http';
import { ORG_ID, organizationDetail, organizationRow } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const LIST = 'GET /api/engagement/organizations';
const TYPES = {
  'GET /api/engagement/organizations/types': reply(200, { types: ['Business', 'Non-Profit'] }),
};

describe('Organizations', () => {
  it('lists organizations and filters by the types present', async () => {
    const { api, router, user } = renderEngagement('staff', '/engagement/organizations', {
      ...TYPES,
      [LIST]: reply(200, page([organizationRow()])),
    });
    const table = await screen.findByRole('table', { name: 'Organizations' });
    expect(within(table).getByRole('link', { name: 'Acme Corp' })).toBeVisible();
    expect(within(table).getByText('Kansas City')).toBeVisible();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Type' }), 'Non-Profit');
    expect(router.state.location.search).toBe('?type=Non-Profit');
    await waitFor(() => expect(api.queriesTo(LIST).at(-1)?.type).toBe('Non-Profit'));
    expect(screen.getByRole('link', { name: 'New organization' })).toBeVisible();
  });

  it('shows an organization with its volunteers; tenant admins may delete it', async () => {
    const { user } = renderEngagement('tenant_admin', `/engagement/organizations/${ORG_ID}`, {
      [`GET /api/engagement/organizations/${ORG_ID}`]: reply(200, organizationDetail()),
    });
    expect(await screen.findByRole('heading', { name: 'Acme Corp', level: 1 })).toBeVisible();
    expect(screen.getByText('1 Main St, Kansas City, MO, 64106, USA')).toBeVisible();
    const volunteers = screen.getByRole('table', { name: 'Volunteers' });
    expect(within(volunteers).getByText('Current · primary')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Delete organization' }));
    expect(await screen.findByText(/affiliations with it go too/)).toBeVisible();
  });

  it('creates an organization; an empty type is sent as none', async () => {
    const { api, user, router } = renderEngagement('staff', '/engagement/organizations/new', {
      'POST /api/engagement/organizations': reply(201, organizationDetail()),
      [`GET /api/engagement/organizations/${ORG_ID}`]: reply(200, organizationDetail()),
    });
    const form = await screen.findByRole('form', { name: 'New organization' });
    await user.click(within(form).getByRole('button', { name: 'Create organization' }));
    expect(within(form).getByText('Enter the organization’s name.')).toBeVisible();
    await user.type(within(form).getByRole('textbox', { name: /Name/ }), 'Acme Corp');
    await user.click(within(form).getByRole('button', { name: 'Create organization' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/engagement/organizations/${ORG_ID}`),
    );
    expect(api.callsTo('POST /api/engagement/organizations')[0]?.body).toMatchObject({
      name: 'Acme Corp',
      type: null,
    });
  });

  it('edits an organization, showing a refusal that concerns no field above the form', async () => {
    const { user } = renderEngagement('staff', `/engagement/organizations/${ORG_ID}/edit`, {
      [`GET /api/engagement/organizations/${ORG_ID}`]: reply(200, organizationDetail()),
      [`PUT /api/engagement/organizations/${ORG_ID}`]: errorReply(
        404,
        'not_found',
        'Organization was not found',
      ),
    });
    const form = await screen.findByRole('form', { name: 'Edit organization' });
    expect(within(form).getByRole('textbox', { name: /Type/ })).toHaveValue('Business');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Organization was not found')).toBeVisible();
  });
});
