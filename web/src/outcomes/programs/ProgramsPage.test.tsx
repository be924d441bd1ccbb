import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { nursing, outcomesMe, unclassified, SLOW } from '../test/fixtures';

function renderPrograms(role: 'tenant_admin' | 'program_admin' = 'tenant_admin', routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/programs': reply(200, page([unclassified, nursing])),
    ...routes,
  });
  return { api, ...renderApp('/outcomes/programs'), user: userEvent.setup() };
}

const rowOf = (text: string) => {
  const row = within(screen.getByRole('table', { name: 'Programs' }))
    .getByText(text)
    .closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row);
};

describe('ProgramsPage', () => {
  it('lists the programs, the default one marked and never deletable', async () => {
    const { api } = renderPrograms();
    expect(await screen.findByText('Nursing', {}, SLOW)).toBeVisible();
    expect(rowOf('Unclassified').getByText('Default')).toBeVisible();
    expect(rowOf('Unclassified').queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(rowOf('Nursing').getByText('NURS')).toBeVisible();
    expect(api.queriesTo('GET /api/outcomes/programs')[0]).toEqual({
      page: '1',
      pageSize: '25',
      sort: 'name',
      order: 'asc',
    });
    expect(document.title).toBe('Programs · EduLedger');
  });

  it('creates a program, asking for a name first', async () => {
    const { api, user } = renderPrograms('tenant_admin', {
      'POST /api/outcomes/programs': [
        errorReply(409, 'conflict', 'A program with this name already exists', [
          { path: 'name', message: 'is taken' },
        ]),
        reply(201, { ...nursing, id: 'p-9', name: 'Welding' }),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'New program' }, SLOW));
    const form = screen.getByRole('form', { name: 'New program' });
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    expect(within(form).getByText('Enter the program’s name.')).toBeVisible();

    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Nursing');
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    expect(await within(form).findByText('Name is taken')).toBeVisible();

    await user.clear(within(form).getByRole('textbox', { name: 'Name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Welding');
    await user.type(within(form).getByRole('textbox', { name: 'Short name' }), 'WLD');
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    await waitFor(() => expect(api.callsTo('POST /api/outcomes/programs')).toHaveLength(2));
    expect(api.callsTo('POST /api/outcomes/programs')[1]?.body).toEqual({
      name: 'Welding',
      shortName: 'WLD',
      description: '',
    });
    expect(await screen.findByText('Created Welding')).toBeVisible();
  });

  it('edits a program', async () => {
    const { api, user } = renderPrograms('tenant_admin', {
      'PATCH /api/outcomes/programs/p-1': reply(200, { ...nursing, name: 'Nursing (RN)' }),
    });
    await screen.findByText('Nursing', {}, SLOW);
    await user.click(rowOf('Nursing').getByRole('button', { name: 'Edit' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Nursing (RN)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /api/outcomes/programs/p-1')[0]?.body).toMatchObject({
        name: 'Nursing (RN)',
      }),
    );
  });

  it('deletes a program with courses after saying where they go', async () => {
    const { api, user } = renderPrograms('tenant_admin', {
      'DELETE /api/outcomes/programs/p-1': reply(200, { movedToDefault: 2 }),
    });
    await screen.findByText('Nursing', {}, SLOW);
    await user.click(rowOf('Nursing').getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Nursing?' });
    expect(within(dialog).getByText(/move to Unclassified/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Delete program' }));
    expect(await screen.findByText('2 course(s) moved to Unclassified.')).toBeVisible();
    expect(api.queriesTo('DELETE /api/outcomes/programs/p-1')).toEqual([{ confirm: 'true' }]);
  });

  it('shows program admins their programs read-only', async () => {
    renderPrograms('program_admin');
    await screen.findByText('Nursing', {}, SLOW);
    expect(screen.queryByRole('button', { name: 'New program' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});
