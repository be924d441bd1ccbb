import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { bulkProgressFixture } from '../../test/emailFixtures';
import { mockApi, reply, type MockReply } from '../../test/http';
import { renderApp } from '../../test/render';
import {
  detailFixture,
  fall2024,
  nursing,
  outcomeFixture,
  outcomesMe,
  reviewRowFixture,
  SLOW,
} from '../test/fixtures';
import type { OutcomeStatus, ReviewPage as ReviewReply, ReviewRow } from '../types';

const counts = (values: Partial<Record<OutcomeStatus, number>>): Record<OutcomeStatus, number> => ({
  unassigned: 0,
  assigned: 0,
  in_progress: 0,
  submitted: 0,
  approved: 0,
  needs_rework: 0,
  never_coming_in: 0,
  ...values,
});

const s1clo1 = reviewRowFixture();
const s1clo2 = reviewRowFixture({
  id: 'so-2',
  clo: { id: 'clo-2', number: 2, description: 'Work in a team' },
  status: 'approved',
  passed: 6,
  rate: 0.5,
});
const s2clo1 = reviewRowFixture({
  id: 'so-3',
  section: { id: 's-2', number: '002', dueDate: '2024-12-06', status: 'in_progress' },
  instructor: { id: 'i-2', name: 'Morgan Tate', email: 'morgan@college.example.edu' },
  status: 'in_progress',
  took: null,
  passed: null,
  rate: null,
  tool: null,
});
const rows: ReviewRow[] = [s1clo1, s1clo2, s2clo1];

const queue = (items = rows): ReviewReply => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  counts: counts({ submitted: 1, approved: 1, in_progress: 1 }),
});

function renderQueue(
  role: 'tenant_admin' | 'program_admin' | 'instructor' = 'tenant_admin',
  routes: Record<string, MockReply | MockReply[]> = {},
) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/review': reply(200, queue()),
    'GET /api/outcomes/terms': reply(200, page([fall2024])),
    'GET /api/outcomes/programs': reply(200, page([nursing])),
    'GET /api/outcomes/courses': reply(200, page([])),
    'GET /api/outcomes/instructors': reply(200, page([])),
    'GET /api/outcomes/reminder-settings': reply(200, {
      enabled: false,
      daysBefore: [7, 1],
      weeklyWhenOverdue: true,
    }),
    ...routes,
  });
  return { api, ...renderApp('/outcomes/review'), user: userEvent.setup() };
}

const table = () => within(screen.getByRole('table', { name: 'Review queue' }));
const bulkBar = () => within(screen.getByRole('group', { name: 'Actions on the selected CLOs' }));
const lastQuery = (api: ReturnType<typeof renderQueue>['api']) =>
  api.queriesTo('GET /api/outcomes/review').at(-1);

describe('ReviewPage', () => {
  it('groups rows by course and section and shows the counts per status', async () => {
    renderQueue();
    expect(await screen.findByRole('table', { name: 'Review queue' }, SLOW)).toBeVisible();
    // One course cell and one cell per section span their rows.
    const course = table().getByText('ACC-201').closest('td');
    expect(course).toHaveAttribute('rowspan', '3');
    const section1 = table().getByRole('button', { name: 'Details of ACC-201-001' }).closest('td');
    expect(section1).toHaveAttribute('rowspan', '2');
    expect(table().getByText('Morgan Tate')).toBeVisible();
    expect(table().getByText('83.3%')).toBeVisible();
    expect(table().getByText('50%')).toBeVisible();

    const chips = within(screen.getByRole('radiogroup', { name: 'Status' }));
    expect(chips.getByRole('radio', { name: 'All (3)' })).toBeChecked();
    expect(chips.getByRole('radio', { name: 'Submitted (1)' })).toBeVisible();
    expect(chips.getByRole('radio', { name: 'Needs rework (0)' })).toBeVisible();
  });

  it('filters by term and status, sorts by a column, and asks for the page of rows', async () => {
    const { api, user } = renderQueue();
    await screen.findByRole('table', { name: 'Review queue' }, SLOW);
    expect(lastQuery(api)).toEqual({
      page: '1',
      pageSize: '25',
      sort: 'course',
      order: 'asc',
    });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Term' }), 't-1');
    await user.click(screen.getByRole('radio', { name: 'Submitted (1)' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ termId: 't-1', status: 'submitted' }),
    );
    await user.click(table().getByRole('button', { name: /^Updated/ }));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ sort: 'updated', order: 'asc' }));
    await user.click(table().getByRole('button', { name: /^Updated/ }));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ sort: 'updated', order: 'desc' }));
    expect(table().getByRole('columnheader', { name: /Updated/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('approves the selected rows in bulk and shows which ones a 409 refused', async () => {
    const refused: MockReply = {
      status: 409,
      body: {
        error: {
          code: 'invalid_transition',
          message: 'Some outcomes cannot make this move',
          details: [{ id: 'so-2', status: 'approved', reason: 'Only submitted CLOs are approved' }],
        },
      },
    };
    const { api, user } = renderQueue('tenant_admin', {
      'POST /api/outcomes/review/actions': [refused, reply(200, { updated: 1 })],
    });
    await screen.findByRole('table', { name: 'Review queue' }, SLOW);
    await user.click(table().getByRole('checkbox', { name: 'Select every CLO of ACC-201-001' }));
    expect(screen.getByText('2 CLOs selected in 1 section')).toBeVisible();
    expect(table().getByRole('checkbox', { name: 'Select ACC-201-001 · ACC-201.2' })).toBeChecked();

    await user.click(bulkBar().getByRole('button', { name: 'Approve' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Could not approve')).toBeVisible();
    expect(
      within(alert.getByRole('list', { name: 'Refused CLOs' })).getByRole('listitem'),
    ).toHaveTextContent('ACC-201-001 · ACC-201.2 (Approved): Only submitted CLOs are approved');
    // Nothing moved: the selection stays for another try without the refused row.
    await user.click(table().getByRole('checkbox', { name: 'Select ACC-201-001 · ACC-201.2' }));
    await user.click(bulkBar().getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('1 CLO approved')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/actions').map((c) => c.body)).toEqual([
      { action: 'approve', outcomeIds: ['so-1', 'so-2'] },
      { action: 'approve', outcomeIds: ['so-1'] },
    ]);
    expect(screen.queryByText(/selected in/)).toBeNull();
  });

  it('marks the whole page never coming in, with the reason the dialog requires', async () => {
    const { api, user } = renderQueue('tenant_admin', {
      'POST /api/outcomes/review/actions': reply(200, { updated: 3 }),
    });
    await screen.findByRole('table', { name: 'Review queue' }, SLOW);
    await user.click(table().getByRole('checkbox', { name: 'Select every row on this page' }));
    await user.click(bulkBar().getByRole('button', { name: 'Mark never coming in…' }));
    const form = within(await screen.findByRole('form', { name: 'Mark never coming in' }));
    await user.click(form.getByRole('button', { name: 'Mark never coming in' }));
    expect(form.getByText('Write a comment: it is required for this action.')).toBeVisible();
    await user.type(form.getByRole('textbox', { name: /Reason/ }), 'Course cancelled');
    await user.click(form.getByRole('button', { name: 'Mark never coming in' }));
    expect(await screen.findByText('3 CLOs marked never coming in')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/actions')[0]?.body).toEqual({
      action: 'nci',
      outcomeIds: ['so-1', 'so-2', 'so-3'],
      comment: 'Course cancelled',
    });
  });

  it('reminds the instructors of the selected sections with the edited text, then shows the progress live', async () => {
    const running = bulkProgressFixture({
      id: 'job-1',
      template: 'assessment-reminder',
      status: 'running',
      total: 2,
      counts: { queued: 1, sending: 0, sent: 1, failed: 0, blocked: 0 },
      failures: [],
    });
    const done = {
      ...running,
      status: 'completed' as const,
      counts: { queued: 0, sending: 0, sent: 2, failed: 0, blocked: 0 },
    };
    const { api, user } = renderQueue('tenant_admin', {
      'GET /api/outcomes/review/reminders/default': reply(200, {
        subject: 'Outcomes results due',
        message: 'Please enter your CLO results.',
      }),
      'POST /api/outcomes/review/reminders': reply(200, {
        bulkJobId: 'job-1',
        recipients: 2,
        skipped: 1,
      }),
      'GET /api/outcomes/review/reminders/job-1': [reply(200, running), reply(200, done)],
    });
    await screen.findByRole('table', { name: 'Review queue' }, SLOW);
    await user.click(table().getByRole('checkbox', { name: 'Select ACC-201-001 · ACC-201.1' }));
    await user.click(table().getByRole('checkbox', { name: 'Select ACC-201-002 · ACC-201.1' }));
    await user.click(bulkBar().getByRole('button', { name: 'Remind…' }));

    const form = within(await screen.findByRole('form', { name: 'Remind instructors' }));
    const subject = form.getByRole('textbox', { name: /Subject/ });
    expect(subject).toHaveValue('Outcomes results due');
    expect(form.getByRole('textbox', { name: /Message/ })).toHaveValue(
      'Please enter your CLO results.',
    );
    await user.clear(subject);
    await user.type(subject, 'Last call');
    await user.click(form.getByRole('button', { name: 'Send reminders' }));

    expect(await screen.findByText(/Sending to 2 instructors\. 1 section skipped/)).toBeVisible();
    const bar = await screen.findByRole('progressbar', { name: 'Progress of the reminders' });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '2'), { timeout: 4000 });
    expect(screen.getByText('Done')).toBeVisible();
    expect(screen.getByText(/Sent to 2 instructors\./)).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/review/reminders')[0]?.body).toEqual({
      sectionIds: ['s-1', 's-2'],
      subject: 'Last call',
      message: 'Please enter your CLO results.',
    });
    // Polling stops once the job is done.
    const polls = api.callsTo('GET /api/outcomes/review/reminders/job-1').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(api.callsTo('GET /api/outcomes/review/reminders/job-1')).toHaveLength(polls);
  });

  it('opens a section in the side panel with its numbers, narratives and history', async () => {
    const { user } = renderQueue('program_admin', {
      'GET /api/outcomes/sections/s-1': reply(
        200,
        detailFixture({
          celebrations: 'Strong labs',
          outcomes: [
            outcomeFixture({ took: 12, passed: 10, tool: 'Final exam', status: 'submitted' }),
          ],
          can: { edit: false, submit: false, review: true },
        }),
      ),
    });
    await screen.findByRole('table', { name: 'Review queue' }, SLOW);
    await user.click(table().getByRole('button', { name: 'Details of ACC-201-001' }));
    const drawer = within(await screen.findByRole('dialog', { name: 'ACC-201-001 · Fall 2024' }));
    expect(await drawer.findByText('Strong labs')).toBeVisible();
    expect(drawer.getByRole('link', { name: 'Open the section page' })).toHaveAttribute(
      'href',
      '/outcomes/sections/s-1',
    );
    expect(drawer.getByRole('button', { name: 'Review ACC-201.1' })).toBeVisible();
    expect(drawer.getByRole('region', { name: 'History' })).toBeVisible();
    expect(drawer.getByRole('button', { name: 'Remind the instructor…' })).toBeVisible();
    await user.click(drawer.getByRole('button', { name: 'Change instructor…' }));
    expect(await screen.findByRole('form', { name: 'Assign an instructor' })).toBeVisible();
    // Program admins review; the institution's reminder settings are the tenant admins'.
    expect(screen.queryByRole('region', { name: 'Automatic reminders' })).toBeNull();
  });

  it('is closed to instructors', async () => {
    const { api } = renderQueue('instructor');
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }, SLOW),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Review' })).toBeNull();
    expect(api.callsTo('GET /api/outcomes/review')).toEqual([]);
  });
});

describe('ReminderSettingsCard', () => {
  it('lets a tenant admin switch reminders on and choose the days before the due date', async () => {
    const { api, user } = renderQueue('tenant_admin', {
      'PUT /api/outcomes/reminder-settings': reply(200, {
        enabled: true,
        daysBefore: [14, 7],
        weeklyWhenOverdue: false,
      }),
    });
    const card = within(await screen.findByRole('region', { name: 'Automatic reminders' }, SLOW));
    const save = await card.findByRole('button', { name: 'Save reminder settings' });
    expect(save).toBeDisabled();
    expect(card.getByText('7 days before')).toBeVisible();

    await user.click(card.getByRole('switch', { name: /^Send reminders automatically/ }));
    await user.click(card.getByRole('button', { name: 'Remove 1 day before' }));
    const add = card.getByRole('textbox', { name: 'Days before the due date to add' });
    await user.type(add, '7');
    await user.click(card.getByRole('button', { name: 'Add' }));
    expect(card.getByText('7 days before is already there.')).toBeVisible();
    await user.clear(add);
    await user.type(add, '90');
    await user.click(card.getByRole('button', { name: 'Add' }));
    expect(card.getByText('Enter a whole number of days from 1 to 60.')).toBeVisible();
    await user.clear(add);
    await user.type(add, '14{Enter}');
    await user.click(card.getByRole('switch', { name: /^Weekly when overdue/ }));
    await user.click(save);

    expect(await screen.findByText('Reminder settings saved')).toBeVisible();
    expect(api.callsTo('PUT /api/outcomes/reminder-settings')[0]?.body).toEqual({
      enabled: true,
      daysBefore: [14, 7],
      weeklyWhenOverdue: false,
    });
  });
});
