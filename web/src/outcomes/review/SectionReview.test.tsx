import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, reply, type MockReply } from '../../test/http';
import { renderApp } from '../../test/render';
import { detailFixture, outcomeFixture, outcomesMe, SLOW } from '../test/fixtures';
import type { SectionDetail } from '../types';

const reviewed: SectionDetail = detailFixture({
  status: 'submitted',
  passedCount: 11,
  dficCount: 2,
  celebrations: 'Strong labs',
  outcomes: [
    outcomeFixture({ took: 12, passed: 10, tool: 'Final exam', status: 'submitted' }),
    outcomeFixture({
      id: 'so-2',
      courseOutcome: { id: 'clo-2', number: 2, description: 'Work in a team' },
      took: 12,
      passed: 6,
      tool: 'Project',
      status: 'approved',
    }),
  ],
  history: [
    {
      id: 'h-1',
      sectionOutcomeId: 'so-1',
      cloNumber: 1,
      action: 'submit',
      fromStatus: 'in_progress',
      toStatus: 'submitted',
      comment: null,
      actorLabel: 'A. Stau',
      occurredAt: '2024-12-05T15:00:00.000Z',
    },
  ],
  can: { edit: false, submit: false, review: true },
});

function renderReview(
  role: 'tenant_admin' | 'program_admin' | 'instructor',
  action: MockReply = reply(200, { updated: 1 }),
  detail = reviewed,
) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/sections/s-1': reply(200, detail),
    'POST /api/outcomes/review/actions': action,
  });
  return { api, ...renderApp('/outcomes/sections/s-1'), user: userEvent.setup() };
}

const outcomesTable = () => within(screen.getByRole('table', { name: 'Section outcomes' }));

describe('SectionReview: the reviewers’ view of a section', () => {
  it('shows numbers, narratives, CLOs with their rates and the history', async () => {
    renderReview('program_admin');
    expect(await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW)).toBeVisible();
    expect(screen.getByRole('link', { name: '← Review queue' })).toHaveAttribute(
      'href',
      '/outcomes/review',
    );
    const numbers = within(screen.getByRole('table', { name: 'Section' }));
    expect(numbers.getByText('11')).toBeVisible();
    expect(outcomesTable().getByText('83.3%')).toBeVisible();
    expect(outcomesTable().getByText('50%')).toBeVisible();
    expect(screen.getByText('Strong labs')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'History' })).getByText('ACC-201.1: Submitted'),
    ).toBeVisible();
    // Nothing to type in: reviewers do not edit the instructor's numbers.
    expect(screen.queryByRole('textbox', { name: /Students who took/ })).toBeNull();
  });

  it('approves one CLO from its menu, offering only the moves its status allows', async () => {
    const { api, user } = renderReview('tenant_admin');
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.click(outcomesTable().getByRole('button', { name: 'Review ACC-201.1' }));
    const menu = within(await screen.findByRole('menu'));
    expect(menu.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Approve',
      'Request rework…',
      'Mark never coming in…',
    ]);
    await user.click(menu.getByRole('menuitem', { name: 'Approve' }));
    expect(await screen.findByText('1 CLO approved')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/actions')[0]?.body).toEqual({
      action: 'approve',
      outcomeIds: ['so-1'],
    });
  });

  it('asks for a comment before requesting rework on every CLO that can take it', async () => {
    const { api, user } = renderReview('tenant_admin', reply(200, { updated: 2 }));
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    const all = within(screen.getByRole('group', { name: 'Actions on every CLO of the section' }));
    expect(all.getByRole('button', { name: 'Approve (1)' })).toBeVisible();
    expect(all.getByRole('button', { name: 'Reopen (1)' })).toBeVisible();
    await user.click(all.getByRole('button', { name: 'Request rework… (2)' }));

    const form = within(await screen.findByRole('form', { name: 'Request rework' }));
    await user.click(form.getByRole('button', { name: 'Request rework' }));
    expect(form.getByText('Write a comment: it is required for this action.')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/actions')).toEqual([]);

    await user.type(form.getByRole('textbox', { name: /What needs rework/ }), 'Recount CLO 2');
    await user.click(form.getByRole('button', { name: 'Request rework' }));
    expect(await screen.findByText('2 CLOs sent back for rework')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/actions')[0]?.body).toEqual({
      action: 'request_rework',
      outcomeIds: ['so-1', 'so-2'],
      comment: 'Recount CLO 2',
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Request rework' })).toBeNull());
  });

  it('names each CLO a refused transition (409) could not move, and why', async () => {
    const refused: MockReply = {
      status: 409,
      body: {
        error: {
          code: 'invalid_transition',
          message: 'Some outcomes cannot make this move',
          details: [{ id: 'so-1', status: 'approved', reason: 'approve: not from approved' }],
          requestId: 'req-409',
        },
      },
    };
    const { user } = renderReview('tenant_admin', refused);
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Approve (1)' }));

    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Could not approve')).toBeVisible();
    expect(alert.getByText('Nothing was changed. These CLOs cannot make this move:')).toBeVisible();
    const item = within(alert.getByRole('list', { name: 'Refused CLOs' })).getByRole('listitem');
    expect(item).toHaveTextContent('ACC-201.1 (Approved): approve: not from approved');
    expect(alert.getByText('req-409')).toBeVisible();
  });

  it('gives an instructor the read-only view of their submitted section, without review actions', async () => {
    renderReview('instructor', reply(200, {}), {
      ...reviewed,
      can: { edit: false, submit: false, review: false },
    });
    expect(
      await screen.findByText(/Submitted: a reviewer will look at it/, {}, SLOW),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /Review ACC-201/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change instructor' })).toBeNull();
    expect(screen.getByRole('link', { name: '← My sections' })).toBeVisible();
  });
});
