import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorReply, mockApi, never, reply, type ApiCall, type MockReply } from '../../test/http';
import { renderApp } from '../../test/render';
import { detailFixture, outcomeFixture, outcomesMe, SLOW } from '../test/fixtures';
import type { DraftInput, HistoryEntry, SectionDetail } from '../types';

/** The debounce plus a save: how long a change may take to show as saved. */
const SAVED = { timeout: 4000 };

type Routes = Record<
  string,
  MockReply | MockReply[] | ((call: ApiCall) => MockReply | Promise<MockReply>)
>;

function renderWork(detail: SectionDetail = detailFixture(), routes: Routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe('instructor')),
    'GET /api/outcomes/sections/s-1': reply(200, detail),
    'PUT /api/outcomes/sections/s-1/draft': reply(200, detail),
    ...routes,
  });
  return { api, ...renderApp('/outcomes/sections/s-1'), user: userEvent.setup() };
}

const status = () => screen.getByRole('region', { name: 'Submit' });
const field = (name: string) => screen.getByRole('textbox', { name });

describe('SectionWork: the instructor’s screen', () => {
  it('shows enrollment and withdrawals read-only, and labels every input', async () => {
    renderWork();
    expect(await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW)).toBeVisible();
    const enrollment = screen.getByLabelText('Enrollment');
    expect(within(enrollment).getByText('14')).toBeVisible();
    expect(within(enrollment).getByText('13')).toBeVisible();
    expect(field('Students passed (A, B or C)')).toBeVisible();
    expect(field('Students with D, F or Incomplete')).toBeVisible();
    expect(field('Assessment tool for ACC-201.1')).toBeVisible();
    expect(field('Students who took ACC-201.2')).toBeVisible();
    expect(field('Students who passed ACC-201.2')).toBeVisible();
    expect(field('Celebrations')).toBeVisible();
    expect(field('Challenges')).toBeVisible();
    expect(field('Changes')).toBeVisible();
    expect(screen.getByRole('link', { name: '← My sections' })).toHaveAttribute(
      'href',
      '/outcomes/my',
    );
  });

  it('saves changes as a draft once typing pauses, in one request, and says so', async () => {
    const saved = detailFixture({
      outcomes: [
        outcomeFixture({ took: 12, tool: 'Final exam', status: 'in_progress' }),
        detailFixture().outcomes[1] ?? outcomeFixture(),
      ],
      status: 'in_progress',
    });
    const { api, user } = renderWork(detailFixture(), {
      'PUT /api/outcomes/sections/s-1/draft': reply(200, saved),
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);

    await user.type(field('Assessment tool for ACC-201.1'), 'Final exam');
    expect(within(status()).getByText('Unsaved changes')).toBeVisible();
    expect(await within(status()).findByText('Saved', {}, SAVED)).toBeVisible();
    // Ten keystrokes, one save.
    expect(api.callsTo('PUT /api/outcomes/sections/s-1/draft').map((c) => c.body)).toEqual([
      { outcomes: [{ id: 'so-1', tool: 'Final exam' }] },
    ]);
    // The reply's status shows at once.
    expect(screen.getAllByText('In progress').length).toBeGreaterThan(0);
  });

  it('sends numbers as numbers, a cleared field as null, and the latest values last', async () => {
    const { api, user } = renderWork();
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.type(field('Students who took ACC-201.1'), '12');
    await waitFor(
      () => expect(api.callsTo('PUT /api/outcomes/sections/s-1/draft')).toHaveLength(1),
      SAVED,
    );
    await user.clear(field('Students who took ACC-201.1'));
    await user.type(field('Celebrations'), 'Great labs');
    await waitFor(() => expect(within(status()).getByText('Saved')).toBeVisible(), SAVED);
    const bodies = api
      .callsTo('PUT /api/outcomes/sections/s-1/draft')
      .map((c) => c.body as DraftInput);
    expect(bodies[0]).toEqual({ outcomes: [{ id: 'so-1', took: 12 }] });
    // Whether typing paused between the two fields or not, the last values arrive.
    const later = bodies.slice(1);
    expect(
      later
        .map((b) => b.celebrations)
        .filter(Boolean)
        .at(-1),
    ).toBe('Great labs');
    expect(later.flatMap((b) => b.outcomes ?? []).at(-1)).toEqual({ id: 'so-1', took: null });
  });

  it('keeps a failed save for a retry and says it could not save', async () => {
    const { api, user } = renderWork(detailFixture(), {
      'PUT /api/outcomes/sections/s-1/draft': [
        errorReply(503, 'unavailable', 'The database is busy'),
        reply(200, detailFixture()),
      ],
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.type(field('Students passed (A, B or C)'), '11');

    expect(
      await within(status()).findByText('Couldn’t save: The database is busy', {}, SAVED),
    ).toBeVisible();
    await user.click(within(status()).getByRole('button', { name: 'Retry' }));
    expect(await within(status()).findByText('Saved', {}, SAVED)).toBeVisible();
    const puts = api.callsTo('PUT /api/outcomes/sections/s-1/draft');
    expect(puts.map((call) => call.body)).toEqual([{ passedCount: 11 }, { passedCount: 11 }]);
  });

  it('shows the server’s problems by CLO and field, and keeps Submit off until they are fixed', async () => {
    const detail = detailFixture({
      passedCount: 10,
      dficCount: 3,
      outcomes: [
        outcomeFixture({ took: 12, passed: 14, tool: 'Final exam', status: 'in_progress' }),
        outcomeFixture({
          id: 'so-2',
          courseOutcome: { id: 'clo-2', number: 2, description: 'Work in a team' },
          took: 13,
          passed: 11,
          tool: 'Project',
          status: 'in_progress',
        }),
      ],
      validation: {
        errors: [
          {
            outcomeId: 'so-1',
            cloNumber: 1,
            field: 'passed',
            message: 'CLO 1: passed (14) is more than took (12)',
          },
        ],
        warnings: [],
      },
    });
    // The server checks the saved numbers as the client does.
    const { user } = renderWork(detail, {
      'PUT /api/outcomes/sections/s-1/draft': (call) => {
        const passed = (call.body as DraftInput).outcomes?.[0]?.passed ?? null;
        return reply(200, {
          ...detail,
          validation: {
            errors:
              passed !== null && passed > 12
                ? [
                    {
                      outcomeId: 'so-1',
                      cloNumber: 1,
                      field: 'passed',
                      message: `CLO 1: passed (${String(passed)}) is more than took (12)`,
                    },
                  ]
                : [],
            warnings: [],
          },
        });
      },
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);

    const passed = field('Students who passed ACC-201.1');
    expect(passed).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('CLO 1: passed (14) is more than took (12)')).toHaveLength(2);
    const submit = screen.getByRole('button', { name: 'Submit' });
    expect(submit).toBeDisabled();
    expect(screen.getByText('Submit is off until the problems above are fixed.')).toBeVisible();
    expect(screen.getByText('Fix 1 problem before submitting')).toBeVisible();

    // The list takes the keyboard to the field.
    await user.click(
      screen.getByRole('button', { name: /CLO 1: passed \(14\) is more than took \(12\)/ }),
    );
    expect(passed).toHaveFocus();

    // Checked at once while typing, before the save: still wrong, then right.
    await user.clear(passed);
    await user.type(passed, '13');
    // At once (the client's check), and after the save (the server's).
    expect(passed).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getAllByText(/students passed \(13\) cannot exceed students who took it \(12\)/)
        .length,
    ).toBeGreaterThan(0);
    await waitFor(
      () =>
        expect(screen.getAllByText('CLO 1: passed (13) is more than took (12)')).toHaveLength(2),
      SAVED,
    );
    await user.clear(passed);
    await user.type(passed, '12');
    await waitFor(() => expect(passed).not.toHaveAttribute('aria-invalid', 'true'));
    await waitFor(
      () => expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled(),
      SAVED,
    );
  });

  it('checks the section numbers at once and asks for a note when they don’t reconcile', async () => {
    // The save never answers: what shows is the client's checks alone.
    const { user } = renderWork(detailFixture(), {
      'PUT /api/outcomes/sections/s-1/draft': () => never(),
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.type(field('Students passed (A, B or C)'), '10');
    await user.type(field('Students with D, F or Incomplete'), '2');
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    expect(
      await screen.findAllByText(
        /Passed \+ D\/F\/I \(12\) must equal enrollment minus withdrawals \(13\)/,
      ),
    ).not.toHaveLength(0);

    // Flagged, the note is required; with it, the numbers need not add up.
    await user.click(screen.getByRole('switch', { name: /^The numbers don’t reconcile/ }));
    expect(screen.getByText('Explain why the numbers do not reconcile')).toBeVisible();
    await user.type(field('Why the numbers don’t reconcile'), 'One late withdrawal');
    expect(screen.queryByText('Explain why the numbers do not reconcile')).toBeNull();
    expect(screen.queryByText(/Passed \+ D\/F\/I \(12\)/)).toBeNull();
    // (The CLOs are the server's to check here, and it reported nothing.)
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
  });

  it('saves what is left, submits with the alert to the program admins, then shows the read-only view with history', async () => {
    const ready = detailFixture({
      passedCount: 11,
      dficCount: 2,
      outcomes: [
        outcomeFixture({ took: 12, passed: 10, tool: 'Final exam', status: 'in_progress' }),
        outcomeFixture({
          id: 'so-2',
          courseOutcome: { id: 'clo-2', number: 2, description: 'Work in a team' },
          took: 12,
          passed: 9,
          tool: 'Project',
          status: 'in_progress',
        }),
      ],
    });
    const history: HistoryEntry[] = [
      {
        id: 'h-2',
        sectionOutcomeId: 'so-1',
        cloNumber: 1,
        action: 'submit',
        fromStatus: 'in_progress',
        toStatus: 'submitted',
        comment: null,
        actorLabel: 'A. Stau',
        occurredAt: '2024-12-05T15:00:00.000Z',
      },
    ];
    const submitted = {
      ...ready,
      status: 'submitted' as const,
      outcomes: ready.outcomes.map((o) => ({ ...o, status: 'submitted' as const })),
      history,
      can: { edit: false, submit: false, review: false },
    };
    const { api, user } = renderWork(ready, {
      'GET /api/outcomes/sections/s-1': [reply(200, ready), reply(200, submitted)],
      'POST /api/outcomes/sections/s-1/submit': reply(200, submitted),
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.type(field('Celebrations'), 'Strong labs');
    await user.click(screen.getByRole('checkbox', { name: /Alert the program admins/ }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText(/Submitted: a reviewer will look at it/)).toBeVisible();
    // The pending change was saved before the submission.
    const order = api.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(order).toEqual([
      'PUT /api/outcomes/sections/s-1/draft',
      'POST /api/outcomes/sections/s-1/submit',
    ]);
    expect(api.callsTo('PUT /api/outcomes/sections/s-1/draft')[0]?.body).toEqual({
      celebrations: 'Strong labs',
    });
    expect(api.callsTo('POST /api/outcomes/sections/s-1/submit')[0]?.body).toEqual({
      alertProgramAdmins: true,
    });
    expect(screen.getByText('ACC-201-001 submitted for review')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Celebrations' })).toBeNull();
    const timeline = within(screen.getByRole('region', { name: 'History' }));
    expect(timeline.getByText('ACC-201.1: Submitted')).toBeVisible();
    expect(timeline.getByText(/A\. Stau · In progress → Submitted/)).toBeVisible();
  });

  it('lists the problems the server refuses a submission for', async () => {
    const { user } = renderWork(detailFixture({ passedCount: 11, dficCount: 2 }), {
      'POST /api/outcomes/sections/s-1/submit': {
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The section cannot be submitted yet',
            details: [
              {
                outcomeId: 'so-2',
                cloNumber: 2,
                field: 'tool',
                message: 'CLO 2: tool is required',
              },
            ],
          },
        },
      },
    });
    await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const refused = await screen.findByText('The submission was refused');
    expect(
      within(refused.closest('[role="alert"], .mantine-Alert-root') as HTMLElement).getByText(
        'CLO 2: tool is required',
      ),
    ).toBeVisible();
  });

  it('shows the reviewer’s rework comment and lets the instructor edit only the CLOs sent back', async () => {
    renderWork(
      detailFixture({
        status: 'needs_rework',
        outcomes: [
          outcomeFixture({ took: 12, passed: 10, tool: 'Final exam', status: 'needs_rework' }),
          outcomeFixture({
            id: 'so-2',
            courseOutcome: { id: 'clo-2', number: 2, description: 'Work in a team' },
            took: 12,
            passed: 9,
            tool: 'Project',
            status: 'approved',
          }),
        ],
        history: [
          {
            id: 'h-9',
            sectionOutcomeId: 'so-1',
            cloNumber: 1,
            action: 'request_rework',
            fromStatus: 'submitted',
            toStatus: 'needs_rework',
            comment: 'Took looks too high',
            actorLabel: 'Dean Ray',
            occurredAt: '2024-12-07T09:00:00.000Z',
          },
        ],
      }),
    );
    expect(await screen.findByText('A reviewer asked for changes', {}, SLOW)).toBeVisible();
    expect(screen.getByText(/\(Dean Ray\): Took looks too high/)).toBeVisible();
    expect(field('Students who took ACC-201.1')).toHaveValue('12');
    expect(screen.queryByRole('textbox', { name: 'Students who took ACC-201.2' })).toBeNull();
  });
});
