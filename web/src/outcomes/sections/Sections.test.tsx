import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import type { Instructor, SectionDetail } from '../types';
import { acc201Detail, fall2024, nursing, outcomesMe, section001, SLOW } from '../test/fixtures';

const morgan: Instructor = {
  id: 'i-2',
  name: 'Morgan Tate',
  email: 'morgan.tate@college.example.edu',
  status: 'pending',
  userId: 'u-9',
  sectionCount: 0,
};

const unassigned = { ...section001, id: 's-2', number: '002', instructor: null };

const detail: SectionDetail = {
  ...section001,
  cannotReconcile: true,
  reconcileNote: 'Two transfers',
  outcomes: [
    {
      id: 'so-1',
      courseOutcome: { id: 'clo-1', number: 1, description: 'Complete the accounting cycle' },
      took: 12,
      passed: 10,
      tool: 'Final exam',
      status: 'submitted',
      nciReason: null,
      updatedAt: '2024-12-01T10:00:00.000Z',
    },
  ],
  history: [],
  can: { edit: false, submit: false, review: true },
  validation: { errors: [], warnings: [] },
};

function renderAt(
  path: string,
  role: 'tenant_admin' | 'program_admin' = 'tenant_admin',
  routes = {},
) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/sections': reply(200, page([section001, unassigned])),
    'GET /api/outcomes/programs': reply(200, page([nursing])),
    'GET /api/outcomes/terms': reply(200, page([fall2024])),
    'GET /api/outcomes/instructors': reply(200, page([morgan])),
    ...routes,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

const rowOf = (text: string) =>
  within(
    within(screen.getByRole('table', { name: 'Sections' }))
      .getByRole('link', { name: text })
      .closest('tr') as HTMLElement,
  );

describe('SectionsPage', () => {
  it('lists sections with their instructor, status and due date; filters by status', async () => {
    const { api, user } = renderAt('/outcomes/sections');
    expect(await screen.findByRole('link', { name: 'ACC-201-001' }, SLOW)).toBeVisible();
    expect(rowOf('ACC-201-001').getByText('A. Stau')).toBeVisible();
    expect(rowOf('ACC-201-001').getByText('Needs email')).toBeVisible();
    expect(rowOf('ACC-201-001').getByText('Dec 6, 2024')).toBeVisible();
    expect(rowOf('ACC-201-002').getByText('Unassigned')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Instructor' }), 'true');
    await waitFor(() =>
      expect(api.queriesTo('GET /api/outcomes/sections').at(-1)).toMatchObject({
        unassigned: 'true',
      }),
    );
  });

  it('assigns an existing instructor', async () => {
    const { api, user } = renderAt('/outcomes/sections', 'tenant_admin', {
      'PUT /api/outcomes/sections/s-2/instructor': reply(200, {
        ...unassigned,
        instructor: { id: 'i-2', name: 'Morgan Tate', email: morgan.email, status: 'pending' },
      }),
    });
    await screen.findByRole('link', { name: 'ACC-201-002' }, SLOW);
    await user.click(rowOf('ACC-201-002').getByRole('button', { name: 'Assign instructor' }));
    const form = within(screen.getByRole('form', { name: 'Assign an instructor' }));
    expect(form.getByRole('button', { name: 'Assign' })).toBeDisabled();
    await user.click(form.getByRole('combobox', { name: 'Instructor' }));
    await user.click(await screen.findByRole('option', { name: /Morgan Tate/ }));
    await user.click(form.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Morgan Tate teaches ACC-201-002 (Fall 2024)')).toBeVisible();
    expect(api.callsTo('PUT /api/outcomes/sections/s-2/instructor')[0]?.body).toEqual({
      instructorId: 'i-2',
    });
  });

  it('removes an instructor', async () => {
    const { api, user } = renderAt('/outcomes/sections', 'tenant_admin', {
      'PUT /api/outcomes/sections/s-1/instructor': reply(200, { ...section001, instructor: null }),
    });
    await screen.findByRole('link', { name: 'ACC-201-001' }, SLOW);
    await user.click(rowOf('ACC-201-001').getByRole('button', { name: 'Change instructor' }));
    await user.click(screen.getByRole('button', { name: 'Remove instructor' }));
    expect(await screen.findByText('ACC-201-001 (Fall 2024) has no instructor now')).toBeVisible();
    expect(api.callsTo('PUT /api/outcomes/sections/s-1/instructor')[0]?.body).toEqual({
      instructorId: null,
    });
  });

  it('invites a new instructor from the assign dialog, into the course’s programs', async () => {
    const { api, user } = renderAt('/outcomes/sections', 'program_admin', {
      'GET /api/outcomes/courses/c-1': reply(200, {
        ...acc201Detail,
        programs: [
          { id: 'p-1', name: 'Nursing' },
          { id: 'p-7', name: 'Welding' },
        ],
      }),
      'POST /api/outcomes/instructors': [
        errorReply(409, 'conflict', 'An instructor with this email already exists'),
      ],
      'POST /api/invitations': reply(201, {}),
      'PUT /api/outcomes/sections/s-2/instructor': reply(200, unassigned),
    });
    await screen.findByRole('link', { name: 'ACC-201-002' }, SLOW);
    await user.click(rowOf('ACC-201-002').getByRole('button', { name: 'Assign instructor' }));
    await user.click(screen.getByRole('button', { name: 'Invite a new instructor…' }));
    const form = within(screen.getByRole('form', { name: 'Invite a new instructor' }));
    await user.click(form.getByRole('button', { name: 'Invite and assign' }));
    expect(form.getByText('Enter the instructor’s name.')).toBeVisible();
    await user.type(form.getByRole('textbox', { name: 'Name' }), 'Morgan Tate');
    await user.type(
      form.getByRole('textbox', { name: 'Email' }),
      'Morgan.Tate@college.example.edu',
    );
    await user.click(form.getByRole('button', { name: 'Invite and assign' }));

    expect(await screen.findByText('Invited Morgan Tate')).toBeVisible();
    expect(api.callsTo('POST /api/invitations')[0]?.body).toEqual({
      email: 'Morgan.Tate@college.example.edu',
      role: 'instructor',
      scope: { programs: ['p-1'] },
      sectionId: 's-2',
    });
    expect(api.callsTo('PUT /api/outcomes/sections/s-2/instructor')[0]?.body).toEqual({
      instructorId: 'i-2',
    });
  });
});

describe('SectionPage', () => {
  it('shows the section, its numbers and its CLO outcomes', async () => {
    renderAt('/outcomes/sections/s-1', 'tenant_admin', {
      'GET /api/outcomes/sections/s-1': reply(200, detail),
    });
    expect(await screen.findByRole('heading', { name: 'ACC-201-001' }, SLOW)).toBeVisible();
    expect(screen.getByText('No: Two transfers')).toBeVisible();
    const outcomes = within(screen.getByRole('table', { name: 'Section outcomes' }));
    expect(outcomes.getByText('Final exam')).toBeVisible();
    expect(outcomes.getByText('Submitted')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Change instructor' })).toBeVisible();
  });

  it('says when the section is out of reach', async () => {
    renderAt('/outcomes/sections/s-9', 'tenant_admin', {
      'GET /api/outcomes/sections/s-9': errorReply(404, 'not_found', 'Section was not found'),
    });
    expect(await screen.findByText('Section was not found', {}, SLOW)).toBeVisible();
  });
});
