import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../session/types';
import { siteAdminMe } from '../test/adminFixtures';
import { riverside } from '../test/fixtures';
import { errorReply, mockApi, never, reply } from '../test/http';
import { renderApp } from '../test/render';
import type { AdminTenant } from './types';

function tenantFixture(overrides: Partial<AdminTenant> = {}): AdminTenant {
  return {
    id: riverside.id,
    slug: 'riverside',
    name: 'Riverside Partners',
    modules: ['engagement'],
    isActive: true,
    createdAt: '2025-03-05T14:15:00.000Z',
    members: 12,
    ...overrides,
  };
}

const north = tenantFixture({
  id: 't-north',
  slug: 'north-college',
  name: 'North College',
  modules: ['outcomes', 'engagement'],
  isActive: false,
  members: 1,
});

const list = (items: AdminTenant[]) => reply(200, { items, modules: ['engagement', 'outcomes'] });

type Routes = Parameters<typeof mockApi>[0];

async function renderTenants(
  tenants: Routes[string] = list([tenantFixture(), north]),
  routes: Routes = {},
  me: Me = siteAdminMe(),
) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/admin/tenants': tenants,
    ...routes,
  });
  const view = renderApp('/admin/tenants');
  await screen.findByRole('heading', { level: 1, name: 'Tenants' });
  return { api, ...view, user: userEvent.setup() };
}

function rowOf(name: string) {
  const row = within(screen.getByRole('table', { name: 'Tenants' }))
    .getByText(name)
    .closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
}

async function openMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
  return within(await screen.findByRole('menu'));
}

describe('TenantsPage', () => {
  it('lists every tenant with its slug, modules, member count and status', async () => {
    await renderTenants();

    await screen.findByRole('table', { name: 'Tenants' });
    expect(document.title).toBe('Tenants · EduLedger');
    const riversideRow = rowOf('Riverside Partners');
    expect(riversideRow.getByText('riverside')).toBeVisible();
    expect(riversideRow.getByText('Engagement')).toBeVisible();
    expect(riversideRow.getByText('12')).toBeVisible();
    expect(riversideRow.getByText('Active')).toBeVisible();
    const northRow = rowOf('North College');
    expect(northRow.getByText('Outcomes')).toBeVisible();
    expect(northRow.getByText('Deactivated')).toBeVisible();
  });

  it('says when a tenant has no modules', async () => {
    await renderTenants(list([tenantFixture({ modules: [] })]));

    expect(await screen.findByText('None')).toBeVisible();
  });

  it('shows a loading state, and offers to create only once the list is there', async () => {
    await renderTenants(never);

    expect(screen.getByRole('status')).toHaveTextContent('Loading tenants…');
    expect(screen.queryByRole('button', { name: 'New tenant' })).not.toBeInTheDocument();
  });

  it('shows a failure to load with its request id, and retries', async () => {
    const { user } = await renderTenants([
      errorReply(500, 'internal_error', 'Database down'),
      list([tenantFixture()]),
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The tenants could not be loaded');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('table', { name: 'Tenants' })).toBeVisible();
  });

  it('invites to create the first tenant when there is none', async () => {
    const { user } = await renderTenants(list([]));

    expect(await screen.findByText('No tenants yet')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create the first tenant' }));

    expect(await screen.findByRole('dialog', { name: 'New tenant' })).toBeVisible();
  });

  it('is refused to a tenant admin', async () => {
    const me = siteAdminMe(true);
    me.user.isSiteAdmin = false;
    const api = mockApi({ 'GET /api/me': reply(200, me) });
    renderApp('/admin/tenants');

    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeVisible();
    expect(api.callsTo('GET /api/admin/tenants')).toEqual([]);
  });
});

describe('creating a tenant', () => {
  it('suggests the slug from the name, and creates the tenant with its modules', async () => {
    const created = tenantFixture({
      id: 't-kc',
      slug: 'kc-stem-alliance',
      name: 'KC STEM Alliance',
    });
    const { api, user } = await renderTenants(list([tenantFixture()]), {
      'POST /api/admin/tenants': reply(201, created),
    });

    await user.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New tenant' }));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'KC STEM Alliance');
    expect(dialog.getByRole('textbox', { name: 'Slug' })).toHaveValue('kc-stem-alliance');
    await user.click(dialog.getByRole('checkbox', { name: /Outcomes/ }));
    await user.click(dialog.getByRole('button', { name: 'Create tenant' }));

    expect(await screen.findByRole('status')).toHaveTextContent('KC STEM Alliance created');
    expect(api.callsTo('POST /api/admin/tenants')[0]?.body).toEqual({
      name: 'KC STEM Alliance',
      slug: 'kc-stem-alliance',
      modules: ['outcomes'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(api.callsTo('GET /api/admin/tenants')).toHaveLength(2));
    await waitFor(() => expect(api.callsTo('GET /api/me')).toHaveLength(2));
  });

  it('keeps a slug typed by hand when the name changes', async () => {
    const { user } = await renderTenants(list([tenantFixture()]));

    await user.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New tenant' }));
    await user.type(dialog.getByRole('textbox', { name: 'Slug' }), 'kc');
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Kansas City');

    expect(dialog.getByRole('textbox', { name: 'Slug' })).toHaveValue('kc');
  });

  it('checks the name and slug before calling the server', async () => {
    const { api, user } = await renderTenants(list([tenantFixture()]));

    await user.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New tenant' }));
    await user.click(dialog.getByRole('button', { name: 'Create tenant' }));
    expect(dialog.getByText('Enter the name of the organization.')).toBeVisible();
    expect(dialog.getByText('Enter a slug.')).toBeVisible();

    await user.type(dialog.getByRole('textbox', { name: 'Slug' }), 'Bad Slug');
    expect(dialog.getByText('Use 2 to 40 lower-case letters, digits or hyphens.')).toBeVisible();
    expect(api.callsTo('POST /api/admin/tenants')).toEqual([]);
  });

  it('shows a taken slug next to it, and other failures above the form', async () => {
    const { user } = await renderTenants(list([tenantFixture()]), {
      'POST /api/admin/tenants': [
        errorReply(409, 'conflict', 'A tenant with the slug "riverside" already exists', [
          { path: 'slug', message: 'is taken' },
        ]),
        errorReply(500, 'internal_error', 'Database down'),
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New tenant' }));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Riverside{Enter}');
    expect(await dialog.findByText('Slug is taken')).toBeVisible();

    await user.click(dialog.getByRole('button', { name: 'Create tenant' }));
    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('The tenant could not be created');
    expect(alert).toHaveTextContent('Database down');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('the actions of a tenants table row', () => {
  it('renames a tenant and switches a module off, after warning, sending only the changes', async () => {
    const { api, user } = await renderTenants(undefined, {
      'PATCH /api/admin/tenants/t-north': reply(200, north),
    });

    const menu = await openMenu(user, 'North College');
    await user.click(menu.getByRole('menuitem', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit North College' }));
    expect(dialog.getByRole('textbox', { name: 'Slug' })).toHaveAttribute('readonly');
    expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    const name = dialog.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'North Community College');
    await user.click(dialog.getByRole('checkbox', { name: /Engagement/ }));
    expect(dialog.getByText(/The pages of Engagement disappear/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Save and switch off' }));

    expect(await screen.findByRole('status')).toHaveTextContent('North College saved');
    expect(api.callsTo('PATCH /api/admin/tenants/t-north')[0]?.body).toEqual({
      name: 'North Community College',
      modules: ['outcomes'],
    });
  });

  it('sends only the modules when the name is unchanged', async () => {
    const { api, user } = await renderTenants(undefined, {
      'PATCH /api/admin/tenants/0b7c6a52-1c1e-4c39-9f0e-6a4f5f0f0001': reply(200, tenantFixture()),
    });

    const menu = await openMenu(user, 'Riverside Partners');
    await user.click(menu.getByRole('menuitem', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('checkbox', { name: /Outcomes/ }));
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(api.callsTo(`PATCH /api/admin/tenants/${riverside.id}`)[0]?.body).toEqual({
        modules: ['engagement', 'outcomes'],
      }),
    );
  });

  it('asks for a name, and shows server errors in the edit dialog', async () => {
    const { user } = await renderTenants(undefined, {
      'PATCH /api/admin/tenants/t-north': [
        errorReply(400, 'validation_failed', 'Invalid', [
          { path: 'name', message: 'is at most 200 characters' },
        ]),
        errorReply(404, 'not_found', 'Tenant not found'),
      ],
    });

    const menu = await openMenu(user, 'North College');
    await user.click(menu.getByRole('menuitem', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog'));
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    expect(dialog.getByText('Enter the name of the organization.')).toBeVisible();

    await user.type(name, 'N{Enter}');
    expect(await dialog.findByText('Name is at most 200 characters')).toBeVisible();
    await user.type(name, '{Enter}');
    expect(await dialog.findByRole('alert')).toHaveTextContent('Tenant not found');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('deactivates after a confirmation that names what happens', async () => {
    const { api, user } = await renderTenants(undefined, {
      [`PATCH /api/admin/tenants/${riverside.id}`]: reply(200, tenantFixture({ isActive: false })),
    });

    const menu = await openMenu(user, 'Riverside Partners');
    expect(menu.queryByRole('menuitem', { name: 'Reactivate' })).not.toBeInTheDocument();
    await user.click(menu.getByRole('menuitem', { name: 'Deactivate' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Deactivate this tenant?' }));
    expect(dialog.getByText(/Its 12 members can no longer open it/)).toBeVisible();
    expect(dialog.getByRole('button', { name: 'Go back' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Riverside Partners deactivated');
    expect(api.callsTo(`PATCH /api/admin/tenants/${riverside.id}`)[0]?.body).toEqual({
      isActive: false,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('changes nothing when the confirmation is dismissed', async () => {
    const { api, user } = await renderTenants();

    const menu = await openMenu(user, 'Riverside Partners');
    await user.click(menu.getByRole('menuitem', { name: 'Deactivate' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Go back' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('reactivates a deactivated tenant, and shows a refusal in the dialog', async () => {
    const { api, user } = await renderTenants(undefined, {
      'PATCH /api/admin/tenants/t-north': [
        errorReply(403, 'forbidden', 'Not allowed here'),
        reply(200, { ...north, isActive: true }),
      ],
    });

    const menu = await openMenu(user, 'North College');
    await user.click(menu.getByRole('menuitem', { name: 'Reactivate' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Reactivate this tenant?' }));
    await user.click(dialog.getByRole('button', { name: 'Reactivate' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Not allowed here');
    await user.click(dialog.getByRole('button', { name: 'Reactivate' }));

    expect(await screen.findByRole('status')).toHaveTextContent('North College reactivated');
    expect(api.callsTo('PATCH /api/admin/tenants/t-north').map((call) => call.body)).toEqual([
      { isActive: true },
      { isActive: true },
    ]);
  });

  it('opens a tenant, deactivated ones too, and lands on its home page', async () => {
    const inNorth = siteAdminMe();
    const { api, router, user } = await renderTenants(undefined, {
      'PUT /api/me/active-tenant': reply(200, {
        ...inNorth,
        tenants: [
          { ...riverside, id: 't-north', name: 'North College', isActive: false, role: null },
        ],
        activeTenantId: 't-north',
      }),
    });

    const menu = await openMenu(user, 'North College');
    await user.click(menu.getByRole('menuitem', { name: 'Open' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.callsTo('PUT /api/me/active-tenant')[0]?.body).toEqual({ tenantId: 't-north' });
    const main = within(await screen.findByRole('main'));
    expect(await main.findByRole('heading', { level: 2, name: 'North College' })).toBeVisible();
    expect(main.getByText('This tenant is deactivated')).toBeVisible();
    expect(main.getByText(/Your role/)).toHaveTextContent('Your role: Site administrator');
  });

  it('does not offer to open the active tenant, and reports a failure to open another', async () => {
    const me = siteAdminMe(true);
    const { user } = await renderTenants(
      undefined,
      { 'PUT /api/me/active-tenant': errorReply(404, 'not_found', 'Tenant not found') },
      me,
    );

    const own = await openMenu(user, 'Riverside Partners');
    expect(own.queryByRole('menuitem', { name: 'Open' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    const other = await openMenu(user, 'North College');
    await user.click(other.getByRole('menuitem', { name: 'Open' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('North College could not be opened');
    expect(alert).toHaveTextContent('Tenant not found');
  });
});
