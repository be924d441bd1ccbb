import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, reply } from '../../test/http';
import { ADA_ID, flagFixture, ORG_ID } from '../test/fixtures';
import { renderEngagement } from '../test/render';

const LIST = 'GET /api/engagement/data-quality';
const orgFlag = flagFixture({
  id: 'f-2',
  entityType: 'organization',
  entityId: ORG_ID,
  entityLabel: 'Helping Hands',
  entityKind: 'organization',
  issue: 'missing_org_type',
  details: 'no type',
});
const pendingFlag = flagFixture({
  id: 'f-3',
  entityType: 'volunteer_participation',
  entityId: null,
  entityLabel: null,
  entityKind: null,
  entityExternalId: 'a0X9',
  issue: 'unmatched_participation',
  status: 'resolved',
});

describe('Data quality', () => {
  it('lists flags with links to the records and filters by issue', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/data-quality', {
      [LIST]: reply(200, page([flagFixture(), orgFlag, pendingFlag])),
    });
    const table = await screen.findByRole('table', { name: 'Data-quality flags' });
    expect(within(table).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      `/engagement/volunteers/${ADA_ID}`,
    );
    expect(within(table).getByRole('link', { name: 'Helping Hands' })).toHaveAttribute(
      'href',
      `/engagement/organizations/${ORG_ID}`,
    );
    expect(within(table).getByText('a0X9')).toBeVisible();
    expect(within(table).getByText('Resolved')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Issue' }), 'missing_org_type');
    await waitFor(() => expect(api.queriesTo(LIST).at(-1)?.issue).toBe('missing_org_type'));
  });

  it('dismisses the selected flags at once', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/data-quality', {
      [LIST]: reply(200, page([flagFixture(), orgFlag, pendingFlag])),
      'POST /api/engagement/data-quality/dismiss': reply(200, { dismissed: 2 }),
    });
    await screen.findByRole('table', { name: 'Data-quality flags' });
    const bulk = screen.getByRole('button', { name: 'Dismiss selected (0)' });
    expect(bulk).toBeDisabled();
    expect(screen.queryByRole('checkbox', { name: /a0X9/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Select the flag of Ada Lovelace' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select the flag of Helping Hands' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss selected (2)' }));
    expect(await screen.findByText('2 flags dismissed')).toBeVisible();
    expect(api.callsTo('POST /api/engagement/data-quality/dismiss')[0]?.body).toEqual({
      ids: ['f-1', 'f-2'],
    });
    expect(screen.getByRole('button', { name: 'Dismiss selected (0)' })).toBeDisabled();
  });

  it('dismisses one flag from its row, and says when it cannot', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/data-quality', {
      [LIST]: reply(200, page([flagFixture()])),
      'POST /api/engagement/data-quality/f-1/dismiss': [
        errorReply(500, 'internal_error', 'Database unavailable'),
        reply(200, flagFixture({ status: 'dismissed' })),
      ],
    });
    const row = within(await screen.findByRole('table', { name: 'Data-quality flags' }));
    await user.click(row.getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('The flags could not be dismissed')).toBeVisible();
    await user.click(row.getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('Flag dismissed')).toBeVisible();
    expect(api.callsTo('POST /api/engagement/data-quality/f-1/dismiss')).toHaveLength(2);
  });

  it('shows one flag and dismisses it', async () => {
    const { api, user } = renderEngagement('staff', '/engagement/data-quality/f-1', {
      'GET /api/engagement/data-quality/f-1': [
        reply(200, flagFixture()),
        reply(200, flagFixture({ status: 'dismissed', dismissedAt: '2025-01-06T10:00:00.000Z' })),
      ],
      'POST /api/engagement/data-quality/f-1/dismiss': reply(
        200,
        flagFixture({ status: 'dismissed' }),
      ),
    });
    expect(
      await screen.findByRole('heading', { name: 'Name in capitals', level: 1 }),
    ).toBeVisible();
    expect(screen.getByText('ADA LOVELACE')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(
      await screen.findByText('Dismissed', { selector: '.mantine-Badge-label' }),
    ).toBeVisible();
    expect(api.callsTo('POST /api/engagement/data-quality/f-1/dismiss')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});
