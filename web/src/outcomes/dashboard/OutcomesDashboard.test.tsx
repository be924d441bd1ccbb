import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorReply, mockApi, never, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { outcomesMe, SLOW } from '../test/fixtures';
import { adminDashboard, programAdminDashboard, spring } from './fixtures';
import type { OutcomesDashboard } from './types';

type Route = Parameters<typeof mockApi>[0][string];

function renderHome(role: 'tenant_admin' | 'program_admin', dashboard: Route, path = '/') {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/dashboard': dashboard,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

const table = (name: string) => within(screen.getByRole('table', { name }));

/** The cells of a table's row, by its header cell. */
const rowOf = (name: string, row: string) =>
  table(name).getByRole('rowheader', { name: row }).closest('tr')?.querySelectorAll('td');

const cells = (name: string, row: string) =>
  Array.from(rowOf(name, row) ?? []).map((cell) => cell.textContent);

describe('the outcomes dashboard on the home page', () => {
  it('shows a tenant admin the term’s numbers per program, as a chart and as tables', async () => {
    const { api } = renderHome('tenant_admin', reply(200, adminDashboard));

    const figures = await screen.findByRole('list', { name: 'Key figures of the term' }, SLOW);
    expect(
      within(figures)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Sections5',
      'CLO results8',
      '% complete37.5 %',
      'Awaiting review1',
      'Needs rework0',
    ]);
    expect(
      screen.getByText(/% complete = CLO results approved or marked never coming in/),
    ).toBeVisible();

    // CLO results: total, then Approved, NCI, Submitted, Needs rework, In progress, Assigned,
    // No instructor, % complete.
    expect(cells('CLO results by program', 'Nursing')).toEqual([
      '7',
      '2',
      '1',
      '1',
      '0',
      '1',
      '0',
      '2',
      '42.9 %',
    ]);
    expect(cells('CLO results by program', 'Welding')).toEqual([
      '2',
      '0',
      '0',
      '0',
      '0',
      '1',
      '0',
      '1',
      '0 %',
    ]);
    expect(cells('CLO results by program', 'Unclassified').at(-1)).toBe('—');
    expect(cells('CLO results by program', 'All programs').at(-1)).toBe('37.5 %');
    // Sections: total, then Not started, In progress, Submitted, Needs rework, Approved, NCI.
    expect(cells('Sections by program', 'Nursing')).toEqual(['4', '1', '1', '1', '0', '1', '0']);
    expect(cells('Sections by program', 'All programs')[0]).toBe('5');

    // The chart loads lazily (recharts is a separate chunk).
    expect(
      await screen.findByRole(
        'img',
        { name: /CLO results per program by status/ },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();

    expect(table('Terms').getByText('Fall 2025')).toBeVisible();
    expect(table('Terms').getByText('Dec 20, 2025')).toBeVisible();
    expect(
      table('Users by role')
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['RoleMembersNot yet signed in', 'Tenant administrator20', 'Instructor123']);
    expect(table('Recent imports').getByRole('link', { name: 'fall.xlsx' })).toHaveAttribute(
      'href',
      '/imports/run-1',
    );
    expect(table('Recent imports').getByText('Partly failed')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Manage users' })).toHaveAttribute(
      'href',
      '/admin/users',
    );
    expect(screen.getByRole('link', { name: 'Import a CEI workbook' })).toHaveAttribute(
      'href',
      '/outcomes/import',
    );
    expect(screen.getByRole('link', { name: 'Review submitted results' })).toHaveAttribute(
      'href',
      '/outcomes/review?termId=t-fall&status=submitted',
    );
    expect(screen.getByRole('link', { name: 'Sections of this term' })).toHaveAttribute(
      'href',
      '/outcomes/sections?termId=t-fall',
    );
    // Tenant admins have no faculty or unassigned cards (the Sections page has both).
    expect(screen.queryByRole('table', { name: 'Faculty assignments' })).toBeNull();
    // No module list: the dashboard replaces it.
    expect(screen.queryByText('Modules in use:')).toBeNull();
    expect(api.queriesTo('GET /api/outcomes/dashboard')).toEqual([{}]);
  });

  it('switches to another term, keeping it in the address', async () => {
    const springDashboard: OutcomesDashboard = { ...adminDashboard, termId: spring.id };
    const { api, user, router } = renderHome('tenant_admin', (_call, url) =>
      reply(200, url.searchParams.get('termId') === spring.id ? springDashboard : adminDashboard),
    );
    const select = await screen.findByRole('combobox', { name: 'Term' }, SLOW);
    expect(select).toHaveValue(adminDashboard.termId);
    await user.selectOptions(select, 'Spring 2025 (passed)');

    await waitFor(() =>
      expect(api.queriesTo('GET /api/outcomes/dashboard').at(-1)).toEqual({ termId: spring.id }),
    );
    expect(router.state.location.search).toBe(`?term=${spring.id}`);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Term' })).toHaveValue(spring.id),
    );
  });

  it('shows a program admin its programs, faculty assignments and unassigned sections', async () => {
    renderHome('program_admin', reply(200, programAdminDashboard));

    expect(
      await screen.findByRole('table', { name: 'CLO results by program' }, SLOW),
    ).toBeVisible();
    expect(
      table('CLO results by program')
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Nursing']);
    expect(
      within(screen.getByRole('list', { name: 'Key figures of the term' })).getByText(
        'Unassigned sections',
      ),
    ).toBeVisible();

    const unassigned = table('Unassigned sections');
    expect(unassigned.getByRole('link', { name: 'NUR-101 · 003' })).toHaveAttribute(
      'href',
      '/outcomes/sections/s-3',
    );
    expect(screen.getByRole('link', { name: 'Assign on the Sections page' })).toHaveAttribute(
      'href',
      '/outcomes/sections?termId=t-fall&unassigned=true',
    );
    const faculty = table('Faculty assignments');
    expect(faculty.getAllByRole('row')[1]).toHaveTextContent(
      /Morgan Tate.*morgan\.tate@north\.example\.edu.*Active.*3.*2/,
    );
    // Neither the tenant's users nor its imports, nor the tenant admins' import link.
    expect(screen.queryByRole('table', { name: 'Users by role' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Recent imports' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Import a CEI workbook' })).toBeNull();
  });

  it('says when every section has an instructor, and when nobody teaches yet', async () => {
    renderHome(
      'program_admin',
      reply(200, { ...programAdminDashboard, faculty: [], unassigned: { items: [], total: 0 } }),
    );
    expect(
      await screen.findByText(
        /Every section of your programs in this term has an instructor/,
        {},
        SLOW,
      ),
    ).toBeVisible();
    expect(screen.getByText(/No instructor is assigned to a section/)).toBeVisible();
  });

  it('guides an institution without terms', async () => {
    renderHome(
      'tenant_admin',
      reply(200, {
        ...adminDashboard,
        termId: null,
        terms: [],
        imports: [],
        programs: [],
      }),
    );
    expect(await screen.findByText('No terms yet', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Add a term' })).toHaveAttribute(
      'href',
      '/outcomes/terms',
    );
    expect(screen.getByText('Nothing imported yet.')).toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'Term' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Key figures of the term' })).toBeNull();
  });

  it('says when the term has no sections', async () => {
    const empty = { ...adminDashboard.totals.sections, total: 0 };
    renderHome(
      'tenant_admin',
      reply(200, { ...adminDashboard, totals: { ...adminDashboard.totals, sections: empty } }),
    );
    expect(await screen.findByText('No sections in this term', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to offerings' })).toHaveAttribute(
      'href',
      '/outcomes/offerings',
    );
    expect(screen.queryByRole('table', { name: 'CLO results by program' })).toBeNull();
  });

  it('shows that it is loading, then an error with a retry', async () => {
    const first = renderHome('tenant_admin', () => never());
    expect(await screen.findByText('Loading the dashboard…', {}, SLOW)).toBeVisible();
    first.unmount();

    const { user, api } = renderHome('tenant_admin', [
      errorReply(500, 'internal_error', 'Database unavailable'),
      reply(200, adminDashboard),
    ]);
    expect(await screen.findByText('The dashboard could not be loaded', {}, SLOW)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'CLO results by program' })).toBeVisible();
    expect(api.callsTo('GET /api/outcomes/dashboard')).toHaveLength(2);
  });
});
