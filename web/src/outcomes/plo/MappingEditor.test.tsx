import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from '../../test/adminFixtures';
import { errorReply, mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import { nursing, outcomesMe, SLOW } from '../test/fixtures';
import { draft, matrixDraft, matrixFromV1, matrixV1, plo1, plo2, v1 } from './fixtures';

const BASE = '/api/outcomes/programs/p-1';

function renderMapping(routes = {}) {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe('program_admin')),
    'GET /api/outcomes/programs': reply(200, page([nursing])),
    [`GET ${BASE}/plo-mappings`]: reply(200, { items: [v1] }),
    [`GET ${BASE}/plo-mappings/draft`]: reply(200, matrixFromV1),
    [`GET ${BASE}/plos`]: reply(200, { items: [plo1, plo2] }),
    ...routes,
  });
  return {
    api,
    ...renderApp('/outcomes/plo?program=p-1&tab=mapping'),
    user: userEvent.setup(),
  };
}

const matrixRow = (label: string) => {
  const row = within(screen.getByRole('table', { name: 'PLO × CLO matrix' }))
    .getByRole('rowheader', { name: new RegExp(label.replace('.', '\\.')) })
    .closest('tr');
  if (!row) throw new Error(`no row for ${label}`);
  return within(row);
};

describe('the mapping editor', () => {
  it('shows the matrix of the version a draft would start from, unmapped CLOs highlighted', async () => {
    renderMapping();
    await screen.findByRole('table', { name: 'PLO × CLO matrix' }, SLOW);
    expect(screen.getByText('Showing v1. Choosing a PLO starts a draft from it.')).toBeVisible();
    expect(matrixRow('NUR-101.1').getByLabelText('NUR-101.1 → PLO 1')).toBeVisible();
    expect(matrixRow('NUR-101.1').queryByText('Unmapped')).toBeNull();
    expect(matrixRow('NUR-101.2').getByText('Unmapped')).toBeVisible();
    expect(screen.getByText('2 CLO(s) not mapped')).toBeVisible();
    expect(screen.getByText('NUR-101.2, SHR-101.1')).toBeVisible();
    // Nothing to publish before the first edit.
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
  });

  it('maps a CLO in the draft, then publishes it after confirming', async () => {
    const { api, user } = renderMapping({
      [`PUT ${BASE}/plo-mappings/draft/entries/clo-b`]: reply(200, matrixDraft),
      [`POST ${BASE}/plo-mappings/draft/publish`]: reply(200, {
        ...draft,
        status: 'published',
        version: 2,
      }),
    });
    await screen.findByRole('table', { name: 'PLO × CLO matrix' }, SLOW);
    await user.click(screen.getByRole('combobox', { name: 'PLO of NUR-101.2' }));
    await user.click(await screen.findByRole('option', { name: 'PLO 2 — Communication' }));
    await waitFor(() =>
      expect(api.callsTo(`PUT ${BASE}/plo-mappings/draft/entries/clo-b`)[0]?.body).toEqual({
        programOutcomeId: 'plo-2',
      }),
    );
    expect(await screen.findByText('Draft')).toBeVisible();
    expect(matrixRow('NUR-101.2').getByLabelText('NUR-101.2 → PLO 2')).toBeVisible();
    expect(screen.getByText('1 CLO(s) not mapped')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the draft as v2?' });
    expect(within(dialog).getByText(/1 CLO\(s\) stay unmapped/)).toBeVisible();
    expect(api.callsTo(`POST ${BASE}/plo-mappings/draft/publish`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published v2')).toBeVisible();
    expect(api.callsTo(`POST ${BASE}/plo-mappings/draft/publish`)).toHaveLength(1);
  });

  it('clears a CLO’s PLO', async () => {
    const { api, user } = renderMapping({
      [`GET ${BASE}/plo-mappings/draft`]: reply(200, matrixDraft),
      [`GET ${BASE}/plo-mappings`]: reply(200, { items: [draft, v1] }),
      [`PUT ${BASE}/plo-mappings/draft/entries/clo-b`]: reply(200, {
        ...matrixDraft,
        clos: matrixFromV1.clos,
        unmapped: matrixFromV1.unmapped,
      }),
    });
    await screen.findByRole('table', { name: 'PLO × CLO matrix' }, SLOW);
    await user.click(screen.getByRole('combobox', { name: 'PLO of NUR-101.2' }));
    await user.click(await screen.findByRole('option', { name: 'Not mapped' }));
    await waitFor(() =>
      expect(api.callsTo(`PUT ${BASE}/plo-mappings/draft/entries/clo-b`)[0]?.body).toEqual({
        programOutcomeId: null,
      }),
    );
    expect(await screen.findByText('2 CLO(s) not mapped')).toBeVisible();
  });

  it('shows a past version read-only', async () => {
    const { user } = renderMapping({
      [`GET ${BASE}/plo-mappings/draft`]: reply(200, matrixDraft),
      [`GET ${BASE}/plo-mappings/1`]: reply(200, matrixV1),
      [`GET ${BASE}/plo-mappings`]: reply(200, { items: [draft, v1] }),
    });
    await screen.findByRole('table', { name: 'PLO × CLO matrix' }, SLOW);
    await user.click(screen.getByRole('combobox', { name: 'Version' }));
    await user.click(await screen.findByRole('option', { name: /^v1 · .* \(current\)$/ }));
    expect(await screen.findByText('Published v1')).toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'PLO of NUR-101.1' })).toBeNull();
    expect(matrixRow('NUR-101.1').getByText('PLO 1')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
  });

  it('says why a mapping cannot be changed', async () => {
    const { user } = renderMapping({
      [`PUT ${BASE}/plo-mappings/draft/entries/clo-c`]: errorReply(
        404,
        'not_found',
        'Course outcome was not found',
      ),
    });
    await screen.findByRole('table', { name: 'PLO × CLO matrix' }, SLOW);
    await user.click(screen.getByRole('combobox', { name: 'PLO of SHR-101.1' }));
    await user.click(await screen.findByRole('option', { name: 'PLO 1 — Safe care' }));
    expect(await screen.findByText('SHR-101.1 could not be mapped')).toBeVisible();
    expect(screen.getByText('Course outcome was not found')).toBeVisible();
  });

  it('asks for PLOs first when the program has none', async () => {
    renderMapping({
      [`GET ${BASE}/plo-mappings/draft`]: reply(200, { ...matrixFromV1, plos: [] }),
    });
    expect(await screen.findByText('No PLOs yet', {}, SLOW)).toBeVisible();
    expect(screen.queryByRole('table', { name: 'PLO × CLO matrix' })).toBeNull();
  });
});
