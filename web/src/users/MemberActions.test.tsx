import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TenantMember } from './types';
import { meAs, memberFixture, page, selfMember } from '../test/adminFixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';
import { memberMenuItems } from './MemberActions';

const grace = memberFixture();

async function openMenu(member: TenantMember, routes: Parameters<typeof mockApi>[0] = {}) {
  const user = userEvent.setup();
  const api = mockApi({
    'GET /api/me': reply(200, meAs('tenant_admin', ['engagement', 'outcomes'])),
    'GET /api/users': reply(200, page([member])),
    ...routes,
  });
  renderApp('/admin/users');
  const who = member.name || member.email;
  await user.click(await screen.findByRole('button', { name: `Actions for ${who}` }));
  const menu = await screen.findByRole('menu');
  const items = within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
  return { user, api, menu: within(menu), items };
}

describe('memberMenuItems', () => {
  it('hides what the server refuses on your own row', () => {
    expect(memberMenuItems(selfMember(), true)).toEqual({
      changeRole: false,
      deactivate: false,
      reactivate: false,
      unlock: false,
      sendReset: true,
    });
  });
});

describe('the actions of a users table row', () => {
  it('offers change role, reset and deactivate for an active member', async () => {
    const { items } = await openMenu(grace);
    expect(items).toEqual(['Change role', 'Send password reset link', 'Deactivate']);
  });

  it('offers unlock only for a locked member, and reactivate for a deactivated one', async () => {
    const { items } = await openMenu(memberFixture({ locked: true, status: 'deactivated' }));
    expect(items).toEqual(['Change role', 'Unlock', 'Reactivate']);
  });

  it('offers only the reset link on your own row', async () => {
    const { items } = await openMenu(selfMember());
    expect(items).toEqual(['Send password reset link']);
  });

  it('changes the role and scope in a dialog', async () => {
    const { user, api, menu } = await openMenu(grace, {
      'PATCH /api/users/u-2': reply(200, { ...grace, role: 'instructor' }),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Change role' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Change the role of Grace Hopper' }),
    );
    await user.click(dialog.getByRole('combobox', { name: 'Role' }));
    await user.click(
      within(await screen.findByRole('listbox')).getByRole('option', { name: 'Instructor' }),
    );
    await user.type(dialog.getByRole('combobox', { name: 'Programs' }), 'p-1{Enter}');
    await user.click(dialog.getByRole('button', { name: 'Save role' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Role of Grace Hopper changed');
    expect(api.callsTo('PATCH /api/users/u-2')[0]?.body).toEqual({
      role: 'instructor',
      scope: { programs: ['p-1'] },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(api.callsTo('GET /api/users')).toHaveLength(2));
  });

  it('keeps the scope of a role when only the scope changes', async () => {
    const viewer = memberFixture({ role: 'district_viewer', scope: { districts: ['d-1'] } });
    const { user, api, menu } = await openMenu(viewer, {
      'PATCH /api/users/u-2': reply(200, viewer),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Change role' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('combobox', { name: 'Districts' }), 'd-2{Enter}');
    await user.click(dialog.getByRole('button', { name: 'Save role' }));

    await waitFor(() => expect(api.callsTo('PATCH /api/users/u-2')).toHaveLength(1));
    expect(api.callsTo('PATCH /api/users/u-2')[0]?.body).toEqual({
      role: 'district_viewer',
      scope: { districts: ['d-1', 'd-2'] },
    });
  });

  it('shows a refused role change in the dialog with its request id', async () => {
    const { user, menu } = await openMenu(grace, {
      'PATCH /api/users/u-2': errorReply(
        400,
        'cannot_change_self',
        'You cannot change your own role',
      ),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Change role' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Save role' }));

    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('You cannot change your own role');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('deactivates after confirmation', async () => {
    const { user, api, menu } = await openMenu(grace, {
      'POST /api/users/u-2/deactivate': reply(200, { ...grace, status: 'deactivated' }),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Deactivate' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Deactivate this user?' }));
    await user.click(dialog.getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Grace Hopper deactivated');
    expect(api.callsTo('POST /api/users/u-2/deactivate')).toHaveLength(1);
  });

  it('reactivates after confirmation, and shows a refusal in the dialog', async () => {
    const { user, menu } = await openMenu(memberFixture({ status: 'deactivated' }), {
      'POST /api/users/u-2/reactivate': errorReply(403, 'forbidden', 'Not allowed here'),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Reactivate' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Reactivate this user?' }));
    await user.click(dialog.getByRole('button', { name: 'Reactivate' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent('Not allowed here');
    await user.click(dialog.getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('unlocks at once', async () => {
    const { user, api, menu } = await openMenu(memberFixture({ locked: true }), {
      'POST /api/users/u-2/unlock': reply(200, grace),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Unlock' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Grace Hopper unlocked');
    expect(api.callsTo('POST /api/users/u-2/unlock')).toHaveLength(1);
  });

  it('reports a failed unlock', async () => {
    const { user, menu } = await openMenu(memberFixture({ locked: true }), {
      'POST /api/users/u-2/unlock': errorReply(500, 'internal_error', 'Database down'),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Unlock' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Grace Hopper could not be unlocked');
    expect(alert).toHaveTextContent('Database down');
  });

  it('sends a password reset link', async () => {
    const { user, api, menu } = await openMenu(grace, {
      'POST /api/users/u-2/send-reset': { status: 204 },
    });

    await user.click(menu.getByRole('menuitem', { name: 'Send password reset link' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Password reset link sent');
    expect(api.callsTo('POST /api/users/u-2/send-reset')).toHaveLength(1);
  });

  it('reports a reset link that could not be sent', async () => {
    const { user, menu } = await openMenu(grace, {
      'POST /api/users/u-2/send-reset': errorReply(429, 'rate_limited', 'Too many requests'),
    });

    await user.click(menu.getByRole('menuitem', { name: 'Send password reset link' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests');
  });
});
