import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, never, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { nursing, outcomesMe, SLOW, unclassified } from '../test/fixtures';
import { displayModeKey } from './display';
import { dashboardSpring25, plo1, plo2, trend } from './fixtures';

const BASE = '/api/outcomes/programs/p-1';

function renderPlo(
  path = '/outcomes/plo',
  routes = {},
  role: 'tenant_admin' | 'program_admin' = 'tenant_admin',
) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe(role)),
    'GET /api/outcomes/programs': reply(200, page([nursing, unclassified])),
    [`GET ${BASE}/plo-trend`]: reply(200, trend),
    [`GET ${BASE}/plo-dashboard`]: reply(200, dashboardSpring25),
    [`GET ${BASE}/plos`]: reply(200, { items: [plo1, plo2] }),
    ...routes,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}

const tree = () => screen.findByRole('table', { name: 'Results for Spring 2025' }, SLOW);
const rowOf = (table: HTMLElement, text: string | RegExp) => {
  const row = within(table).getByText(text).closest('tr');
  if (!row) throw new Error(`no row with ${String(text)}`);
  return within(row);
};

describe('the PLO dashboard', () => {
  it('opens the first program on the latest term with data, as an expandable tree', async () => {
    const { api, user } = renderPlo();
    const table = await tree();
    expect(document.title).toBe('PLO dashboard · EduLedger');
    expect(api.queriesTo(`GET ${BASE}/plo-dashboard`)).toEqual([{ termId: 't-3' }]);
    expect(rowOf(table, 'Nursing').getByText('U · 66.7%')).toBeVisible();
    const first = rowOf(table, 'PLO 1 — Safe care');
    expect(first.getByText('30')).toBeVisible();
    expect(first.getByText('20')).toBeVisible();
    // No data is a dash, never 0 %.
    expect(rowOf(table, 'PLO 2 — Communication').getByText('—', { selector: 'p' })).toBeVisible();
    expect(within(table).getByText('No CLO is mapped to PLO 2.')).toBeVisible();

    expect(within(table).queryByText(/NUR-101\.1/)).toBeNull();
    await user.click(first.getByRole('button', { name: 'Show CLOs of PLO 1' }));
    expect(within(table).getByText('NUR-101.1 — Take vital signs')).toBeVisible();
    await user.click(within(table).getByRole('button', { name: 'Show sections of SHR-101.1' }));
    const section = rowOf(table, 'SHR-101-001');
    expect(section.getByText('Submitted')).toBeVisible();
    expect(section.getByText('U · 50%')).toBeVisible();
    await user.click(within(table).getByRole('button', { name: 'Hide CLOs of PLO 1' }));
    expect(within(table).queryByText('SHR-101-001')).toBeNull();
  });

  it('reads S/U, % or both, remembered per program', async () => {
    window.localStorage.setItem(displayModeKey('p-1'), 'su');
    const { user } = renderPlo();
    const table = await tree();
    expect(rowOf(table, 'PLO 1 — Safe care').getByText('U')).toBeVisible();
    await user.click(screen.getByRole('radio', { name: '%' }));
    expect(rowOf(table, 'PLO 1 — Safe care').getByText('66.7%')).toBeVisible();
    expect(window.localStorage.getItem(displayModeKey('p-1'))).toBe('percent');
    expect(window.localStorage.getItem(displayModeKey('p-0'))).toBeNull();
  });

  it('shows the trend as a chart or as a table with gaps and change markers', async () => {
    const { user } = renderPlo();
    await tree();
    expect(
      await screen.findByRole(
        'img',
        { name: 'Pass rate by term for Nursing, as a line chart' },
        SLOW,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Table' }));
    const table = screen.getByRole('table', { name: 'Pass rate by term' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Outcome', '2024SP', '2024FA', '2025SP']);
    const cells = rowOf(table, 'PLO 1').getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['S · 75%', '—', 'U · 66.7%◆']);
    expect(
      within(cells[2] ?? table).getByLabelText('Contributing CLOs changed: added SHR-101.1'),
    ).toBeVisible();
    expect(
      rowOf(table, 'PLO 2')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['—', '—', '—']);
  });

  it('loads another term’s results', async () => {
    const { api, user } = renderPlo();
    await tree();
    await user.click(screen.getByRole('combobox', { name: 'Term' }));
    await user.click(await screen.findByRole('option', { name: 'Fall 2024 (2024FA)' }));
    await waitFor(() =>
      expect(api.queriesTo(`GET ${BASE}/plo-dashboard`)).toContainEqual({ termId: 't-2' }),
    );
  });

  it('says when nothing is published yet, and leads to the mapping', async () => {
    const { router, user } = renderPlo('/outcomes/plo', {
      [`GET ${BASE}/plo-trend`]: reply(200, { ...trend, mapping: null }),
      [`GET ${BASE}/plo-mappings`]: reply(200, { items: [] }),
      [`GET ${BASE}/plo-mappings/draft`]: () => never(),
    });
    expect(await screen.findByText('No published mapping yet', {}, SLOW)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Open the mapping' }));
    expect(router.state.location.search).toContain('tab=mapping');
    expect(await screen.findByText('Loading the mapping…')).toBeVisible();
  });

  it('says when the results cannot be loaded, with a retry', async () => {
    renderPlo('/outcomes/plo', {
      [`GET ${BASE}/plo-trend`]: errorReply(500, 'internal', 'Something broke'),
    });
    expect(await screen.findByText('The results could not be loaded', {}, SLOW)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('tells a program admin without programs what to do', async () => {
    renderPlo(
      '/outcomes/plo',
      { 'GET /api/outcomes/programs': reply(200, page([])) },
      'program_admin',
    );
    expect(await screen.findByText('No programs', {}, SLOW)).toBeVisible();
  });
});

describe('the PLO list', () => {
  it('adds a PLO, numbered next by the server', async () => {
    const { api, user } = renderPlo('/outcomes/plo?program=p-1&tab=plos', {
      [`POST ${BASE}/plos`]: reply(201, { ...plo2, id: 'plo-3', number: 3, description: 'Ethics' }),
    });
    await screen.findByRole('table', { name: 'Program learning outcomes' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Add PLO' }));
    const form = screen.getByRole('form', { name: 'New PLO' });
    await user.click(within(form).getByRole('button', { name: 'Add PLO' }));
    expect(within(form).getByText('Describe the program outcome.')).toBeVisible();
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Ethics');
    await user.click(within(form).getByRole('button', { name: 'Add PLO' }));
    expect(await screen.findByText('Added PLO 3')).toBeVisible();
    expect(api.callsTo(`POST ${BASE}/plos`)[0]?.body).toEqual({ description: 'Ethics' });
  });

  it('shows why a PLO cannot be deleted', async () => {
    const { user } = renderPlo('/outcomes/plo?program=p-1&tab=plos', {
      'DELETE /api/outcomes/plos/plo-1': errorReply(
        409,
        'plo_in_current_mapping',
        'The current mapping maps 2 CLO(s) to this PLO; unmap them in the draft and publish it first',
      ),
    });
    const table = await screen.findByRole('table', { name: 'Program learning outcomes' }, SLOW);
    await user.click(rowOf(table, 'Safe care').getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete PLO 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete PLO' }));
    expect(await within(dialog).findByText(/maps 2 CLO\(s\) to this PLO/)).toBeVisible();
  });
});
