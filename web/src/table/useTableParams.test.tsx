import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { pageSizeKey } from './pageSize';
import { useTableParams } from './useTableParams';

function Harness() {
  const table = useTableParams({
    tableId: 'things',
    filters: {
      search: {},
      kind: { values: ['a', 'b'] },
      state: { values: ['open', 'closed', 'all'], defaultValue: 'open' },
    },
    sortColumns: ['name', 'date'],
    defaultSort: { column: 'name', order: 'asc' },
  });
  return (
    <div>
      <output aria-label="state">
        {JSON.stringify({
          filters: table.filters,
          isFiltered: table.isFiltered,
          page: table.page,
          pageSize: table.pageSize,
          sort: table.sort,
        })}
      </output>
      <button onClick={() => table.setFilter('search', 'ada')}>search ada</button>
      <button onClick={() => table.setFilter('kind', '')}>any kind</button>
      <button onClick={() => table.setFilter('state', 'open')}>state open</button>
      <button onClick={() => table.setFilter('state', 'all')}>state all</button>
      <button onClick={table.clearFilters}>clear</button>
      <button onClick={() => table.setPage(3)}>page 3</button>
      <button onClick={() => table.setPage(1)}>page 1</button>
      <button onClick={() => table.setPageSize(100)}>size 100</button>
      <button onClick={() => table.toggleSort('name')}>sort name</button>
      <button onClick={() => table.toggleSort('date')}>sort date</button>
    </div>
  );
}

function state() {
  return JSON.parse(screen.getByLabelText('state').textContent) as Record<string, unknown>;
}

function renderAt(path: string) {
  const { router } = renderWithProviders(<Harness />, undefined, path);
  return { user: userEvent.setup(), search: () => router.state.location.search };
}

describe('useTableParams', () => {
  it('reads filters, page and sort from the URL, with defaults', () => {
    renderAt('/things?search=x&kind=b&page=4&sort=date&order=desc');

    expect(state()).toEqual({
      filters: { search: 'x', kind: 'b', state: 'open' },
      isFiltered: true,
      page: 4,
      pageSize: 25,
      sort: { column: 'date', order: 'desc' },
    });
  });

  it('treats unknown values as unset', () => {
    renderAt('/things?kind=zzz&state=nope&page=-2&sort=secret&order=sideways');

    expect(state()).toEqual({
      filters: { search: '', kind: '', state: 'open' },
      isFiltered: false,
      page: 1,
      pageSize: 25,
      sort: { column: 'name', order: 'asc' },
    });
  });

  it('goes back to page 1 when a filter changes, and keeps the other parameters', async () => {
    const { user, search } = renderAt('/things?kind=a&page=3');

    await user.click(screen.getByRole('button', { name: 'search ada' }));

    expect(search()).toBe('?kind=a&search=ada');
    expect(state()).toMatchObject({ page: 1, filters: { search: 'ada', kind: 'a' } });
    await user.click(screen.getByRole('button', { name: 'any kind' }));
    expect(search()).toBe('?search=ada');
  });

  it('leaves a filter at its default out of the URL', async () => {
    const { user, search } = renderAt('/things');

    await user.click(screen.getByRole('button', { name: 'state all' }));
    expect(search()).toBe('?state=all');
    expect(state()).toMatchObject({ isFiltered: true });
    await user.click(screen.getByRole('button', { name: 'state open' }));
    expect(search()).toBe('');
  });

  it('clears every filter and the page, keeping the sort', async () => {
    const { user, search } = renderAt('/things?search=x&state=all&page=2&sort=date&order=asc');

    await user.click(screen.getByRole('button', { name: 'clear' }));

    expect(search()).toBe('?sort=date&order=asc');
  });

  it('keeps the page in the URL, leaving out page 1', async () => {
    const { user, search } = renderAt('/things');

    await user.click(screen.getByRole('button', { name: 'page 3' }));
    expect(search()).toBe('?page=3');
    await user.click(screen.getByRole('button', { name: 'page 1' }));
    expect(search()).toBe('');
  });

  it('remembers the page size per table in local storage and goes back to page 1', async () => {
    const { user, search } = renderAt('/things?page=2');

    await user.click(screen.getByRole('button', { name: 'size 100' }));

    expect(state()).toMatchObject({ pageSize: 100, page: 1 });
    expect(search()).toBe('');
    expect(window.localStorage.getItem(pageSizeKey('things'))).toBe('100');
  });

  it('starts with the page size remembered for the table', () => {
    window.localStorage.setItem(pageSizeKey('things'), '50');
    renderAt('/things');

    expect(state()).toMatchObject({ pageSize: 50 });
  });

  it('sorts ascending first, then flips; the default order stays out of the URL', async () => {
    const { user, search } = renderAt('/things?page=2');

    await user.click(screen.getByRole('button', { name: 'sort date' }));
    expect(search()).toBe('?sort=date&order=asc');
    await user.click(screen.getByRole('button', { name: 'sort date' }));
    expect(search()).toBe('?sort=date&order=desc');
    await user.click(screen.getByRole('button', { name: 'sort name' }));
    expect(search()).toBe('');
    expect(state()).toMatchObject({ sort: { column: 'name', order: 'asc' } });
    await user.click(screen.getByRole('button', { name: 'sort name' }));
    expect(search()).toBe('?sort=name&order=desc');
  });
});

describe('useTableParams with quick successive changes', () => {
  it('keeps both of two changes made before the first one renders', async () => {
    function Twice() {
      const table = useTableParams({ tableId: 't', filters: { a: {}, b: {} } });
      return (
        <button
          onClick={() => {
            table.setFilter('a', '1');
            table.setFilter('b', '2');
          }}
        >
          both
        </button>
      );
    }
    const { router } = renderWithProviders(<Twice />, undefined, '/t?page=2');

    await userEvent.setup().click(screen.getByRole('button', { name: 'both' }));

    expect(router.state.location.search).toBe('?a=1&b=2');
  });
});

describe('useTableParams with a URL prefix', () => {
  it('keeps two tables of one page apart in the URL', async () => {
    function TwoTables() {
      const left = useTableParams({
        tableId: 'left',
        urlPrefix: 'left.',
        filters: { q: {} },
        sortColumns: ['name'],
      });
      const right = useTableParams({ tableId: 'right', urlPrefix: 'right.', filters: { q: {} } });
      return (
        <div>
          <output aria-label="left">
            {JSON.stringify({ q: left.filters.q, page: left.page, sort: left.sort })}
          </output>
          <output aria-label="right">
            {JSON.stringify({ q: right.filters.q, page: right.page })}
          </output>
          <button onClick={() => left.setFilter('q', 'x')}>filter left</button>
          <button onClick={() => left.toggleSort('name')}>sort left</button>
          <button onClick={() => right.setPage(4)}>page right</button>
          <button onClick={left.clearFilters}>clear left</button>
        </div>
      );
    }
    const { router } = renderWithProviders(<TwoTables />, undefined, '/p?left.page=3&right.q=y');
    const user = userEvent.setup();
    const read = (name: string) =>
      JSON.parse(screen.getByLabelText(name).textContent) as Record<string, unknown>;

    expect(read('left')).toEqual({ q: '', page: 3, sort: null });
    expect(read('right')).toEqual({ q: 'y', page: 1 });
    await user.click(screen.getByRole('button', { name: 'filter left' }));
    await user.click(screen.getByRole('button', { name: 'sort left' }));
    await user.click(screen.getByRole('button', { name: 'page right' }));

    expect(new URLSearchParams(router.state.location.search).toString()).toBe(
      'right.q=y&left.q=x&left.sort=name&left.order=asc&right.page=4',
    );
    await user.click(screen.getByRole('button', { name: 'clear left' }));
    expect(read('left')).toEqual({ q: '', page: 1, sort: { column: 'name', order: 'asc' } });
    expect(read('right')).toEqual({ q: 'y', page: 4 });
  });
});
