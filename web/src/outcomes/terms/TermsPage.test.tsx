import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { fall2024, outcomesMe, SLOW } from '../test/fixtures';

const spring: typeof fall2024 = {
  ...fall2024,
  id: 't-2',
  code: '2090SP',
  name: 'Spring 2090',
  startDate: '2090-01-15',
  endDate: '2090-05-15',
  dueDate: null,
  status: 'scheduled',
  offeringCount: 0,
};

function renderTerms(role: 'tenant_admin' | 'program_admin' = 'tenant_admin', routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/terms': reply(200, page([spring, fall2024])),
    ...routes,
  });
  return { api, ...renderApp('/outcomes/terms'), user: userEvent.setup() };
}

const rowOf = (text: string) => within(screen.getByText(text).closest('tr') as HTMLElement);

describe('TermsPage', () => {
  it('lists terms newest first with their dates and computed status', async () => {
    const { api, user } = renderTerms();
    expect(await screen.findByText('Fall 2024', {}, SLOW)).toBeVisible();
    expect(rowOf('Fall 2024').getByText('Passed')).toBeVisible();
    expect(rowOf('Fall 2024').getByText('Dec 20, 2024')).toBeVisible();
    expect(rowOf('Spring 2090').getByText('Scheduled')).toBeVisible();
    expect(rowOf('Fall 2024').queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(api.queriesTo('GET /api/outcomes/terms')[0]).toMatchObject({
      sort: 'startDate',
      order: 'desc',
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'scheduled');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/outcomes/terms').at(-1)).toMatchObject({
        status: 'scheduled',
      }),
    );
  });

  it('creates a term from its code, showing the server’s objections', async () => {
    const { api, user } = renderTerms('tenant_admin', {
      'POST /api/outcomes/terms': [
        errorReply(400, 'validation_failed', 'The input is not valid', [
          { path: 'code', message: 'must be a year and a season, e.g. 2024FA' },
        ]),
        reply(201, spring),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'New term' }, SLOW));
    const form = within(screen.getByRole('form', { name: 'New term' }));
    await user.click(form.getByRole('button', { name: 'Create term' }));
    expect(form.getByText('Enter the term’s code.')).toBeVisible();
    await user.type(form.getByRole('textbox', { name: 'Code' }), 'Autumn');
    await user.click(form.getByRole('button', { name: 'Create term' }));
    expect(await form.findByText(/Code must be a year and a season/)).toBeVisible();
    await user.clear(form.getByRole('textbox', { name: 'Code' }));
    await user.type(form.getByRole('textbox', { name: 'Code' }), 'Spring 2090');
    await user.click(form.getByRole('button', { name: 'Create term' }));
    expect(await screen.findByText('Created Spring 2090')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/terms')[1]?.body).toEqual({
      code: 'Spring 2090',
      dueDate: null,
    });
  });

  it('edits and deletes a term without offerings', async () => {
    const { api, user } = renderTerms('tenant_admin', {
      'PATCH /api/outcomes/terms/t-2': reply(200, spring),
      'DELETE /api/outcomes/terms/t-2': { status: 204 },
    });
    await screen.findByText('Spring 2090', {}, SLOW);
    await user.click(rowOf('Spring 2090').getByRole('button', { name: 'Edit' }));
    const form = within(screen.getByRole('form', { name: 'Edit term' }));
    await user.type(form.getByLabelText('Assessment due'), '2090-05-30');
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /api/outcomes/terms/t-2')[0]?.body).toMatchObject({
        dueDate: '2090-05-30',
      }),
    );
    await user.click(rowOf('Spring 2090').getByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete Spring 2090?' }));
    await user.click(dialog.getByRole('button', { name: 'Delete term' }));
    await waitFor(() => expect(api.callsTo('DELETE /api/outcomes/terms/t-2')).toHaveLength(1));
  });

  it('lets program admins read terms only', async () => {
    renderTerms('program_admin');
    await screen.findByText('Fall 2024', {}, SLOW);
    expect(screen.queryByRole('button', { name: 'New term' })).toBeNull();
  });
});
