import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, reply } from '../../test/http';
import { renderApp } from '../../test/render';
import type { ImportResult } from '../types';
import { outcomesMe, SLOW } from '../test/fixtures';

const zero = { created: 0, updated: 0, unchanged: 0 };
const preview: ImportResult = {
  uploadId: 'up-1',
  fileName: '2024FAresults_safe.xlsx',
  runId: 'run-1',
  validateOnly: true,
  status: 'partial',
  counts: {
    courses: { ...zero, created: 173 },
    terms: { ...zero, created: 1 },
    sections: { ...zero, created: 311 },
    instructors: { ...zero, created: 144 },
    outcomes: { ...zero, created: 817 },
    sectionOutcomes: { ...zero, created: 1538 },
  },
  errors: [
    {
      step: 'read',
      file: 'feed.xlsx',
      row: 12,
      column: 'cllo_text',
      code: 'clo_course_mismatch',
      message: 'cllo_text is for ACC-202 but the row’s course is ACC-201',
    },
  ],
  errorCount: 140,
  warnings: [
    {
      step: 'read',
      file: 'feed.xlsx',
      row: 197,
      column: null,
      code: 'duplicate_row',
      message: 'Duplicate of row 192: imported once',
    },
  ],
  warningCount: 1,
};

function renderImport() {
  const api = mockApi({
    'GET /api/me': reply(200, outcomesMe()),
    'POST /api/outcomes/imports': reply(200, preview),
    'POST /api/outcomes/imports/up-1/commit': reply(200, {
      ...preview,
      validateOnly: false,
      status: 'succeeded',
      errors: [],
      errorCount: 0,
    }),
  });
  return { api, ...renderApp('/outcomes/import'), user: userEvent.setup() };
}

describe('ImportPage', () => {
  it('checks the workbook, previews counts, errors and warnings, then imports it', async () => {
    const { api, user } = renderImport();
    const check = await screen.findByRole('button', { name: 'Check the file' }, SLOW);
    await user.click(check);
    expect(screen.getByText('Choose the workbook to import.')).toBeVisible();

    const file = new File(['PK'], '2024FAresults_safe.xlsx');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    await user.upload(input, file);
    await user.click(check);

    expect(
      await screen.findByText('Some rows have errors; the others can be imported'),
    ).toBeVisible();
    const counts = within(screen.getByRole('table', { name: 'Counts per entity' }));
    expect(
      within(counts.getByText('Sections').closest('tr') as HTMLElement).getByText('311'),
    ).toBeVisible();
    expect(screen.getByText('Errors (140)')).toBeVisible();
    expect(
      screen.getByText('The first 1 are shown; download the CSV for all of them.'),
    ).toBeVisible();
    expect(screen.getByText('Duplicate of row 192: imported once')).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Download all errors and warnings (CSV)' }),
    ).toHaveAttribute('href', '/api/outcomes/imports/up-1/problems.csv');
    expect(api.queriesTo('POST /api/outcomes/imports')).toEqual([
      { fileName: '2024FAresults_safe.xlsx' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported')).toBeVisible();
    await waitFor(() =>
      expect(api.callsTo('POST /api/outcomes/imports/up-1/commit')).toHaveLength(1),
    );
    expect(screen.getByRole('link', { name: 'See the sections' })).toBeVisible();
  });
});
