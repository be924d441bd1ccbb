import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { acc201, acc201Detail, nursing, outcomesMe, unclassified, SLOW } from '../test/fixtures';

const base = {
  'GET /api/me': reply(200, outcomesMe()),
  'GET /api/outcomes/programs': reply(200, page([unclassified, nursing])),
  'GET /api/outcomes/courses': reply(200, page([acc201])),
};

function renderAt(path: string, routes = {}) {
  const api = mockApi({ ...base, ...routes });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

describe('CoursesPage', () => {
  it('lists courses with their programs and counts, filtered by program', async () => {
    const { api, user, router } = renderAt('/outcomes/courses');
    expect(await screen.findByRole('link', { name: 'ACC-201' }, SLOW)).toHaveAttribute(
      'href',
      '/outcomes/courses/c-1',
    );
    expect(screen.getByText('Principles of Accounting')).toBeVisible();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Program' }), 'p-1');
    expect(router.state.location.search).toBe('?programId=p-1');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/outcomes/courses').at(-1)).toMatchObject({ programId: 'p-1' }),
    );
  });

  it('checks the course number before creating, then opens the new course', async () => {
    const { api, user, router } = renderAt('/outcomes/courses', {
      'POST /api/outcomes/courses': reply(201, { ...acc201, id: 'c-2', number: 'ASE-103L' }),
      'GET /api/outcomes/courses/c-2': reply(200, {
        ...acc201Detail,
        id: 'c-2',
        number: 'ASE-103L',
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'New course' }, SLOW));
    const form = within(screen.getByRole('form', { name: 'New course' }));
    await user.type(form.getByRole('textbox', { name: 'Number' }), 'ASE103');
    await user.click(form.getByRole('button', { name: 'Create course' }));
    expect(form.getByText(/Use the form ABC-123/)).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/courses')).toHaveLength(0);

    await user.clear(form.getByRole('textbox', { name: 'Number' }));
    await user.type(form.getByRole('textbox', { name: 'Number' }), 'ase-103l');
    await user.type(form.getByRole('textbox', { name: 'Title' }), 'Electrical lab');
    await user.click(form.getByRole('button', { name: 'Create course' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/outcomes/courses/c-2'));
    expect(api.callsTo('POST /api/outcomes/courses')[0]?.body).toEqual({
      number: 'ase-103l',
      title: 'Electrical lab',
      creditHours: 3,
    });
  });
});

describe('CoursePage', () => {
  it('shows the course and its CLOs; only CLOs without results can be deleted', async () => {
    renderAt('/outcomes/courses/c-1', {
      'GET /api/outcomes/courses/c-1': reply(200, acc201Detail),
    });
    expect(await screen.findByRole('heading', { name: 'ACC-201', level: 1 }, SLOW)).toBeVisible();
    const table = within(screen.getByRole('table', { name: 'Course outcomes' }));
    const first = within(table.getByText('ACC-201.1').closest('tr') as HTMLElement);
    const second = within(table.getByText('ACC-201.2').closest('tr') as HTMLElement);
    expect(first.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(second.getByRole('button', { name: 'Delete' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete course' })).toBeNull();
  });

  it('adds, rewords and deactivates CLOs', async () => {
    const { api, user } = renderAt('/outcomes/courses/c-1', {
      'GET /api/outcomes/courses/c-1': reply(200, acc201Detail),
      'POST /api/outcomes/courses/c-1/outcomes': reply(201, {
        ...acc201Detail.outcomes[1],
        id: 'clo-3',
        number: 3,
      }),
      'PATCH /api/outcomes/course-outcomes/clo-1': reply(200, acc201Detail.outcomes[0]),
    });
    await user.click(await screen.findByRole('button', { name: 'Add outcome' }, SLOW));
    const form = within(screen.getByRole('form', { name: 'New outcome' }));
    await user.click(form.getByRole('button', { name: 'Add outcome' }));
    expect(form.getByText('Describe the outcome.')).toBeVisible();
    await user.type(form.getByRole('textbox', { name: 'New outcome' }), 'Use spreadsheets');
    await user.click(form.getByRole('button', { name: 'Add outcome' }));
    expect(await screen.findByText('Added ACC-201.3')).toBeVisible();
    expect(api.callsTo('POST /api/outcomes/courses/c-1/outcomes')[0]?.body).toEqual({
      description: 'Use spreadsheets',
    });

    const row = within(screen.getByText('ACC-201.1').closest('tr') as HTMLElement);
    await user.click(row.getByRole('button', { name: 'Deactivate' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /api/outcomes/course-outcomes/clo-1')[0]?.body).toEqual({
        isActive: false,
      }),
    );
    await user.click(row.getByRole('button', { name: 'Edit' }));
    const edit = within(screen.getByRole('form', { name: 'Edit outcome' }));
    const text = edit.getByRole('textbox', { name: 'ACC-201.1' });
    await user.clear(text);
    await user.type(text, 'Close the books');
    await user.click(edit.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /api/outcomes/course-outcomes/clo-1')[1]?.body).toEqual({
        description: 'Close the books',
      }),
    );
  });

  it('duplicates a course under a new number', async () => {
    const { api, user, router } = renderAt('/outcomes/courses/c-1', {
      'GET /api/outcomes/courses/c-1': reply(200, acc201Detail),
      'POST /api/outcomes/courses/c-1/duplicate': [
        errorReply(409, 'conflict', 'A course numbered ACC-202 already exists', [
          { path: 'number', message: 'is taken' },
        ]),
        reply(201, { ...acc201, id: 'c-3', number: 'ACC-203' }),
      ],
      'GET /api/outcomes/courses/c-3': reply(200, {
        ...acc201Detail,
        id: 'c-3',
        number: 'ACC-203',
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Duplicate' }, SLOW));
    const form = within(screen.getByRole('form', { name: 'Duplicate course' }));
    await user.type(form.getByRole('textbox', { name: 'New number' }), 'ACC-202');
    await user.click(form.getByRole('button', { name: 'Duplicate' }));
    expect(await form.findByText('Number is taken')).toBeVisible();
    await user.clear(form.getByRole('textbox', { name: 'New number' }));
    await user.type(form.getByRole('textbox', { name: 'New number' }), 'ACC-203');
    await user.click(form.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/outcomes/courses/c-3'));
    expect(api.callsTo('POST /api/outcomes/courses/c-1/duplicate')[1]?.body).toEqual({
      number: 'ACC-203',
    });
  });

  it('deletes a course that is not offered', async () => {
    const { api, user, router } = renderAt('/outcomes/courses/c-1', {
      'GET /api/outcomes/courses/c-1': reply(200, { ...acc201Detail, offeringCount: 0 }),
      'DELETE /api/outcomes/courses/c-1': { status: 204 },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete course' }, SLOW));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete ACC-201?' }));
    await user.click(dialog.getByRole('button', { name: 'Delete course' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/outcomes/courses'));
    expect(api.callsTo('DELETE /api/outcomes/courses/c-1')).toHaveLength(1);
  });

  it('says when the course cannot be loaded', async () => {
    renderAt('/outcomes/courses/c-9', {
      'GET /api/outcomes/courses/c-9': errorReply(404, 'not_found', 'Course was not found'),
    });
    expect(await screen.findByText('Course was not found', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'This course could not be shown' })).toBeVisible();
  });
});
