import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { reply } from '../../test/http';
import { ADA_ID, activityRow } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const LIST = 'GET /api/engagement/history';
const FILTERS = {
  'GET /api/engagement/history/filters': reply(200, {
    types: ['Call', 'Email'],
    statuses: ['Completed'],
  }),
};
const detail = {
  ...activityRow(),
  externalId: '00T1',
  description: 'Thanked her',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('History', () => {
  it('lists activities newest first and filters by the types present', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/history', {
      ...FILTERS,
      [LIST]: reply(
        200,
        page([
          activityRow(),
          activityRow({
            id: 'h-2',
            contactKind: 'teacher',
            contactId: 't-1',
            contact: 'Mary North',
            eventId: null,
            event: null,
            subject: null,
          }),
        ]),
      ),
    });
    const table = await screen.findByRole('table', { name: 'History' });
    expect(within(table).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      `/engagement/volunteers/${ADA_ID}`,
    );
    expect(within(table).getByRole('link', { name: 'Mary North' })).toHaveAttribute(
      'href',
      '/engagement/teachers/t-1',
    );
    expect(within(table).getByRole('link', { name: 'No subject' })).toBeVisible();
    expect(api.queriesTo(LIST)[0]).toMatchObject({ sort: 'activityDate', order: 'desc' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Activity type' }), 'Email');
    await user.type(screen.getByLabelText('To'), '2024-12-31');
    await waitFor(() =>
      expect(api.queriesTo(LIST).at(-1)).toMatchObject({ type: 'Email', to: '2024-12-31' }),
    );
  });

  it('shows an activity; staff cannot delete it', async () => {
    renderEngagement('staff', '/engagement/history/h-1', {
      'GET /api/engagement/history/h-1': reply(200, detail),
    });
    expect(await screen.findByRole('heading', { name: 'Thank-you call', level: 1 })).toBeVisible();
    expect(screen.getByText('Thanked her')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete activity' })).toBeNull();
  });

  it('lets tenant admins delete an activity after confirming', async () => {
    const { api, user, router } = renderEngagement('tenant_admin', '/engagement/history/h-1', {
      ...FILTERS,
      'GET /api/engagement/history/h-1': reply(200, detail),
      'DELETE /api/engagement/history/h-1': { status: 204 },
      [LIST]: reply(200, page([])),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this activity?' });
    expect(within(dialog).getByText(/history is never erased/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/engagement/history'));
    expect(api.callsTo('DELETE /api/engagement/history/h-1')).toHaveLength(1);
    expect(await screen.findByText('No history yet')).toBeVisible();
  });
});
