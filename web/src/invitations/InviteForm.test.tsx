import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../session/types';
import { invitationFixture, meAs, programAdminMe } from '../test/adminFixtures';
import { northCollege } from '../test/fixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';

async function openForm(me: Me, createReply: MockReply = reply(201, invitationFixture())) {
  const user = userEvent.setup();
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/invitations': reply(200, { items: [] }),
    'POST /api/invitations': createReply,
  });
  renderApp('/admin/invitations');
  await user.click(await screen.findByRole('button', { name: 'Invite someone' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Invite someone' }));
  return { user, api, dialog };
}

async function chooseRole(user: UserEvent, dialog: ReturnType<typeof within>, role: string) {
  await user.click(dialog.getByRole('combobox', { name: 'Role' }));
  await user.click(await screen.findByRole('option', { name: role }));
}

describe('InviteForm for a tenant admin', () => {
  it('offers the roles of the tenant modules and asks districts of a district viewer', async () => {
    const { user, api, dialog } = await openForm(meAs('tenant_admin', ['engagement']));

    expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveFocus();
    await user.click(dialog.getByRole('combobox', { name: 'Role' }));
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Tenant administrator', 'Staff', 'District viewer']);
    await user.click(screen.getByRole('option', { name: 'District viewer' }));
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), ' grace@example.org ');
    const districts = dialog.getByRole('combobox', { name: 'Districts' });
    expect(districts).toHaveAccessibleDescription(/ids of the districts/);
    await user.type(districts, 'd-1{Enter}d-2{Enter}');
    await user.type(dialog.getByRole('textbox', { name: 'Personal message' }), ' Welcome! ');
    expect(dialog.getByRole('textbox', { name: 'Personal message' })).toHaveAccessibleDescription(
      /10 \/ 1000 characters/,
    );
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation sent to grace@example.org',
    );
    expect(api.callsTo('POST /api/invitations')[0]?.body).toEqual({
      email: 'grace@example.org',
      role: 'district_viewer',
      scope: { districts: ['d-1', 'd-2'] },
      message: 'Welcome!',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(api.callsTo('GET /api/invitations')).toHaveLength(2));
  });

  it('asks programs of outcomes roles, and nothing of staff', async () => {
    const { user, api, dialog } = await openForm(meAs('tenant_admin', ['engagement', 'outcomes']));

    await chooseRole(user, dialog, 'Staff');
    expect(dialog.queryByRole('combobox', { name: 'Programs' })).not.toBeInTheDocument();
    await chooseRole(user, dialog, 'Program administrator');
    await user.type(dialog.getByRole('combobox', { name: 'Programs' }), 'p-7{Enter}');
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'grace@example.org');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));

    await waitFor(() => expect(api.callsTo('POST /api/invitations')).toHaveLength(1));
    expect(api.callsTo('POST /api/invitations')[0]?.body).toEqual({
      email: 'grace@example.org',
      role: 'program_admin',
      scope: { programs: ['p-7'] },
    });
  });

  it('checks the email and role before calling the server', async () => {
    const { user, api, dialog } = await openForm(meAs('tenant_admin'));

    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(dialog.getByText('Enter the email address to invite.')).toBeVisible();
    expect(dialog.getByText('Choose a role.')).toBeVisible();
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'grace');
    expect(dialog.getByText(/Enter an email address, like/)).toBeVisible();
    expect(api.callsTo('POST /api/invitations')).toEqual([]);
  });

  it('shows that the person is already a member next to the email', async () => {
    const { user, dialog } = await openForm(
      meAs('tenant_admin'),
      errorReply(409, 'conflict', 'This person is already a member', [
        { path: 'email', message: 'is already a member' },
      ]),
    );

    await chooseRole(user, dialog, 'Staff');
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'grace@example.org{Enter}');

    expect(await dialog.findByText('This person is already a member')).toBeVisible();
    expect(dialog.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows validation details next to their fields', async () => {
    const { user, dialog } = await openForm(
      meAs('tenant_admin'),
      errorReply(400, 'validation_failed', 'Invalid', [
        { path: 'message', message: 'is at most 1,000 characters' },
      ]),
    );

    await chooseRole(user, dialog, 'Staff');
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'grace@example.org{Enter}');

    expect(await dialog.findByText('Message is at most 1,000 characters')).toBeVisible();
  });

  it('shows a refusal with the request id, and closes on Cancel', async () => {
    const { user, dialog } = await openForm(
      meAs('tenant_admin'),
      errorReply(403, 'forbidden', 'Your role may not invite people with this role'),
    );

    await chooseRole(user, dialog, 'Tenant administrator');
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'grace@example.org{Enter}');

    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('Your role may not invite people with this role');
    expect(alert).toHaveTextContent('Request ID: req-test');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('InviteForm for a program admin', () => {
  it('invites instructors only, into the admin’s own programs', async () => {
    const { user, api, dialog } = await openForm(programAdminMe());

    const role = dialog.getByRole('textbox', { name: 'Role' });
    expect(role).toHaveValue('Instructor');
    expect(role).toHaveAttribute('readonly');
    const programs = dialog.getByRole('combobox', { name: 'Programs' });
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'alan@example.org');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(dialog.getByText('Choose at least one of your programs.')).toBeVisible();

    await user.type(programs, 'p-9{Enter}');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(dialog.getByText('You can invite into your own programs only; not p-9.')).toBeVisible();
    expect(api.callsTo('POST /api/invitations')).toEqual([]);

    await user.type(programs, '{Backspace}p-2{Enter}');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));

    await waitFor(() => expect(api.callsTo('POST /api/invitations')).toHaveLength(1));
    expect(api.callsTo('POST /api/invitations')[0]?.body).toEqual({
      email: 'alan@example.org',
      role: 'instructor',
      scope: { programs: ['p-2'] },
    });
  });

  it('fills in the program of an admin who has just one', async () => {
    const me = programAdminMe();
    const { user, api, dialog } = await openForm({
      ...me,
      tenants: [{ ...northCollege, scope: { programs: ['p-1'] } }],
    });

    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'alan@example.org{Enter}');

    await waitFor(() => expect(api.callsTo('POST /api/invitations')).toHaveLength(1));
    expect(api.callsTo('POST /api/invitations')[0]?.body).toMatchObject({
      scope: { programs: ['p-1'] },
    });
  });
});
