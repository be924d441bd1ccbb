import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page } from '../test/adminFixtures';
import { errorReply, mockApi, reply } from '../test/http';
import { renderApp } from '../test/render';
import type { Me } from '../session/types';
import { overviewFixture, runFixture, runSummaryFixture } from './fixtures';
import { cronError, formatDuration } from './labels';

const plan = {
  plan: [
    { name: 'organizations', dependsOn: [], reads: ['Account'], missing: [] },
    { name: 'volunteers', dependsOn: ['organizations'], reads: ['Contact'], missing: ['Contact'] },
  ],
  warnings: [],
};

/** Mantine's FileInput is a button over a hidden file input. */
function fileInput(form: HTMLElement): HTMLInputElement {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

function renderImports(
  routes: Parameters<typeof mockApi>[0] = {},
  me: Me = meAs('tenant_admin'),
  path = '/imports',
) {
  const api = mockApi({
    'GET /api/me': reply(200, me),
    'GET /api/imports': reply(200, overviewFixture()),
    'GET /api/imports/runs': reply(200, page([runSummaryFixture()])),
    'GET /api/imports/schedules': reply(200, {
      items: [
        {
          pipeline: 'engagement',
          cron: '0 2 * * *',
          enabled: false,
          lastScheduledAt: null,
          nextRunAt: null,
        },
      ],
    }),
    ...routes,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

describe('ImportsPage', () => {
  it('uploads a zip, shows the resolved plan, and runs it with one click', async () => {
    const { api, user, router } = renderImports({
      'POST /api/imports/uploads': reply(201, {
        uploadId: 'up-1',
        fileName: 'export.zip',
        files: ['Account.csv'],
      }),
      'GET /api/imports/pipelines/engagement/plan': reply(200, plan),
      'POST /api/imports/runs': reply(202, { runId: 'run-9', plan: [], warnings: [] }),
      'GET /api/imports/runs/run-9': reply(200, runFixture({ id: 'run-9' })),
    });
    const form = await screen.findByRole('form', { name: 'New import' });
    expect(within(form).queryByRole('radio', { name: 'Salesforce connection' })).toBeNull();
    const run = within(form).getByRole('button', { name: 'Run import' });
    expect(run).toBeDisabled();

    const zip = new File(['PK'], 'export.zip', { type: 'application/zip' });
    await user.upload(fileInput(form), zip);
    expect(await within(form).findByText('export.zip: Account.csv')).toBeVisible();
    const planList = await within(form).findByRole('list', { name: 'Plan' });
    expect(within(planList).getByText('organizations')).toBeVisible();
    expect(within(planList).getByText('Contact not in the upload')).toBeVisible();
    expect(api.queriesTo('GET /api/imports/pipelines/engagement/plan')).toContainEqual({
      uploadId: 'up-1',
    });

    await user.click(within(form).getByRole('checkbox', { name: /Stop at the first/ }));
    await user.click(run);
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/run-9'));
    expect(api.callsTo('POST /api/imports/runs')[0]?.body).toEqual({
      pipeline: 'engagement',
      source: { type: 'upload', uploadId: 'up-1' },
      exclude: [],
      validateOnly: false,
      failFast: true,
    });
  });

  it('shows the server’s refusal of an upload next to the file field', async () => {
    const { user } = renderImports({
      'POST /api/imports/uploads': errorReply(
        400,
        'validation_failed',
        'The zip holds no .csv or .xlsx file',
      ),
    });
    const form = await screen.findByRole('form', { name: 'New import' });
    await user.upload(fileInput(form), new File(['x'], 'empty.zip', { type: 'application/zip' }));
    expect(await within(form).findByText('The zip holds no .csv or .xlsx file')).toBeVisible();
  });

  it('offers the Salesforce connection when configured, with plan warnings', async () => {
    const { user, api } = renderImports({
      'GET /api/imports': reply(200, overviewFixture({ salesforce: { configured: true } })),
      'GET /api/imports/pipelines/engagement/plan': reply(200, {
        plan: [plan.plan[1]],
        warnings: ['volunteers depends on organizations, which is not in the plan'],
      }),
      'POST /api/imports/runs': reply(202, { runId: 'run-2', plan: [], warnings: [] }),
      'GET /api/imports/runs/run-2': reply(200, runFixture({ id: 'run-2' })),
    });
    const form = await screen.findByRole('form', { name: 'New import' });
    await user.click(within(form).getByText('Salesforce connection'));
    expect(
      await within(form).findByText(
        'volunteers depends on organizations, which is not in the plan',
      ),
    ).toBeVisible();
    await user.click(within(form).getByRole('checkbox', { name: /Validate only/ }));
    await user.click(within(form).getByRole('button', { name: 'Validate' }));
    await waitFor(() => expect(api.callsTo('POST /api/imports/runs')).toHaveLength(1));
    expect(api.callsTo('POST /api/imports/runs')[0]?.body).toMatchObject({
      source: { type: 'salesforce' },
      validateOnly: true,
    });
  });

  it('lists the run history with counts and durations', async () => {
    renderImports();
    const table = await screen.findByRole('table', { name: 'Import runs' });
    const row = within(table).getByText('Upload export.zip').closest('tr');
    if (!row) throw new Error('no run row');
    expect(within(row).getByText('Succeeded')).toBeVisible();
    expect(within(row).getByText('50')).toBeVisible();
    expect(within(row).getByText(formatDuration(65000))).toBeVisible();
  });

  it('warns about a failed scheduled run with a link to it', async () => {
    renderImports({
      'GET /api/imports': reply(
        200,
        overviewFixture({
          lastScheduledFailure: {
            runId: 'run-7',
            pipeline: 'engagement',
            status: 'failed',
            finishedAt: '2025-03-05T02:05:00.000Z',
            message: 'Could not sign in to Salesforce',
          },
        }),
      ),
    });
    const banner = await screen.findByText('The last scheduled import did not succeed');
    const alert = banner.closest('[role="alert"]') ?? document.body;
    expect(within(alert as HTMLElement).getByText(/Could not sign in to Salesforce/)).toBeVisible();
    expect(within(alert as HTMLElement).getByRole('link', { name: 'See the run' })).toHaveAttribute(
      'href',
      '/imports/run-7',
    );
  });

  it('validates the cron expression before saving the schedule', async () => {
    const { user, api } = renderImports({
      'GET /api/imports': reply(200, overviewFixture({ salesforce: { configured: true } })),
      'PUT /api/imports/schedules/engagement': reply(200, {
        pipeline: 'engagement',
        cron: '30 1 * * *',
        enabled: true,
        lastScheduledAt: null,
        nextRunAt: '2025-03-06T01:30:00.000Z',
      }),
    });
    const form = await screen.findByRole('form', { name: 'Schedule of engagement' });
    const cron = within(form).getByLabelText('When (cron expression)');
    await user.clear(cron);
    await user.type(cron, 'nightly');
    await user.click(within(form).getByRole('button', { name: 'Save schedule' }));
    expect(await within(form).findByText(/A cron expression has 5 fields/)).toBeVisible();
    expect(api.callsTo('PUT /api/imports/schedules/engagement')).toHaveLength(0);

    await user.clear(cron);
    await user.type(cron, '30 1 * * *');
    await user.click(within(form).getByRole('switch', { name: /on a schedule/ }));
    await user.click(within(form).getByRole('button', { name: 'Save schedule' }));
    await waitFor(() =>
      expect(api.callsTo('PUT /api/imports/schedules/engagement')[0]?.body).toEqual({
        cron: '30 1 * * *',
        enabled: true,
      }),
    );
  });

  it('keeps the schedule to tenant admins, and the page to admins and staff', async () => {
    renderImports({}, meAs('staff'));
    expect(await screen.findByRole('form', { name: 'New import' })).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Schedule of engagement' })).toBeNull();
  });

  it('tells other roles they have no access', async () => {
    renderImports({}, meAs('district_viewer'));
    expect(await screen.findByText('You do not have access to this page')).toBeVisible();
  });
});

describe('cronError', () => {
  it('accepts 5 or 6 fields and explains the rest', () => {
    expect(cronError('0 2 * * *')).toBeNull();
    expect(cronError('0 0 2 * * MON-FRI')).toBeNull();
    expect(cronError('')).toMatch(/Enter a cron expression/);
    expect(cronError('0 2 * *')).toMatch(/5 fields/);
    expect(cronError('0 2 * * ;')).toMatch(/Use numbers/);
  });
});
