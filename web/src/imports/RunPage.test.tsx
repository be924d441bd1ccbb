import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page } from '../test/adminFixtures';
import { errorReply, mockApi, reply, type MockReply } from '../test/http';
import { renderApp } from '../test/render';
import { runFixture, stepFixture } from './fixtures';
import { formatDuration } from './labels';

function renderRun(routes: Parameters<typeof mockApi>[0], path = '/imports/run-1') {
  const api = mockApi({ 'GET /api/me': reply(200, meAs('staff')), ...routes });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

const running = runFixture({
  status: 'running',
  finishedAt: null,
  durationMs: null,
  steps: [
    stepFixture({ read: 12, created: 12 }),
    stepFixture({
      name: 'volunteers',
      status: 'running',
      read: 1500,
      created: 1500,
      total: 3000,
      rate: 750,
      finishedAt: null,
      durationMs: null,
    }),
  ],
});

describe('RunPage', () => {
  it('shows live progress per step while the run works, then its final counts', async () => {
    const { api } = renderRun({
      'GET /api/imports/runs/run-1': [reply(200, running), reply(200, runFixture())],
    });
    const progress = await screen.findByRole('progressbar', { name: 'volunteers progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByText(/1,500 of 3,000 · 750 rows\/s/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeVisible();
    await waitFor(
      () => expect(api.callsTo('GET /api/imports/runs/run-1').length).toBeGreaterThan(1),
      { timeout: 3000 },
    );
    const steps = await screen.findByRole('table', { name: 'Steps' });
    const row = within(steps).getByText('volunteers').closest('tr');
    if (!row) throw new Error('no volunteers row');
    await waitFor(() => expect(within(row).getByText('Succeeded')).toBeVisible());
    expect(within(row).getByText('38')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(screen.getByText(new RegExp(`took ${formatDuration(5000)}`))).toBeVisible();
  });

  it('cancels a working run', async () => {
    const { api, user } = renderRun({
      'GET /api/imports/runs/run-1': [
        reply(200, running),
        reply(200, { ...running, cancelRequested: true }),
      ],
      'POST /api/imports/runs/run-1/cancel': { status: 204 } as MockReply,
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(api.callsTo('POST /api/imports/runs/run-1/cancel')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  });

  it('lists the errors, offers the rejected rows, and reruns the failed steps', async () => {
    const failed = runFixture({
      status: 'failed',
      errorCount: 2,
      rejectedFiles: [{ file: 'Contact.csv', count: 1 }],
      canRerun: true,
      steps: [
        stepFixture({ read: 12, created: 12 }),
        stepFixture({
          name: 'volunteers',
          status: 'failed',
          message: 'Contact.csv is missing required column: LastName',
        }),
      ],
    });
    const { user, router } = renderRun({
      'GET /api/imports/runs/run-1': reply(200, failed),
      'GET /api/imports/runs/run-1/errors': reply(
        200,
        page([
          {
            id: 1,
            step: 'volunteers',
            file: 'Contact.csv',
            row: 7,
            column: 'Birthdate',
            value: '2025-02-30',
            code: 'bad_date',
            message: 'Birthdate "2025-02-30" is not a date',
          },
        ]),
      ),
      'POST /api/imports/runs/run-1/rerun': reply(202, {
        runId: 'run-2',
        plan: ['volunteers'],
        warnings: [],
      }),
      'GET /api/imports/runs/run-2': reply(200, runFixture({ id: 'run-2', status: 'queued' })),
    });
    expect(
      await screen.findByText('Contact.csv is missing required column: LastName'),
    ).toBeVisible();
    const errors = await screen.findByRole('table', { name: 'Errors' });
    expect(within(errors).getByText('Birthdate "2025-02-30" is not a date')).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Download rejected rows of Contact.csv (1)' }),
    ).toHaveAttribute('href', '/api/imports/runs/run-1/rejected?file=Contact.csv');

    await user.click(screen.getByRole('button', { name: 'Rerun failed steps' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/run-2'));
  });

  it('explains a run that cannot be loaded', async () => {
    renderRun({
      'GET /api/imports/runs/run-1': errorReply(404, 'not_found', 'Import run was not found'),
    });
    expect(await screen.findByText('The run could not be loaded')).toBeVisible();
  });

  it('says a validate-only run saved nothing', async () => {
    renderRun({ 'GET /api/imports/runs/run-1': reply(200, runFixture({ mode: 'validate' })) });
    expect(await screen.findByText(/Nothing was saved/)).toBeVisible();
  });
});
