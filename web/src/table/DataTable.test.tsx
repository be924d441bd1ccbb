import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { DataTable, type Column } from './DataTable';

interface Row {
  id: string;
  name: string;
  city: string;
}

const rows: Row[] = [
  { id: '1', name: 'Ada', city: 'London' },
  { id: '2', name: 'Grace', city: 'New York' },
];

const columns: Column<Row, 'name'>[] = [
  { key: 'name', header: 'Name', sortKey: 'name', render: (row) => row.name },
  { key: 'city', header: 'City', render: (row) => row.city },
  { key: 'actions', header: 'Actions', hideHeader: true, render: (row) => `edit ${row.id}` },
];

describe('DataTable', () => {
  it('renders a labelled table of the rows', () => {
    renderWithProviders(
      <DataTable label="People" columns={columns} rows={rows} rowKey={(row) => row.id} />,
    );

    const table = screen.getByRole('table', { name: 'People' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name', 'City', 'Actions']);
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((row) => row.textContent)).toEqual(['AdaLondonedit 1', 'GraceNew Yorkedit 2']);
    expect(within(table).queryByRole('button')).not.toBeInTheDocument();
  });

  it('sorts through header buttons and marks the sorted column', async () => {
    const user = userEvent.setup();
    const onSort = vi.fn();
    renderWithProviders(
      <DataTable
        label="People"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        sort={{ column: 'name', order: 'desc' }}
        onSort={onSort}
      />,
    );

    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'City' })).not.toHaveAttribute('aria-sort');
    await user.click(within(nameHeader).getByRole('button', { name: /Name/ }));
    expect(onSort).toHaveBeenCalledExactlyOnceWith('name');
  });

  it('marks a sortable column that is not sorted as such, and the table as busy', () => {
    renderWithProviders(
      <DataTable
        label="People"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        sort={null}
        onSort={() => {}}
        busy
      />,
    );

    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('table', { name: 'People' })).toHaveAttribute('aria-busy', 'true');
  });
});
