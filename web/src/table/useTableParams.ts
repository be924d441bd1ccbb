import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readPageSize, writePageSize, type PageSize } from './pageSize';

export type SortOrder = 'asc' | 'desc';

export interface SortState<S extends string> {
  column: S;
  order: SortOrder;
}

export interface FilterSpec {
  /** Values the filter accepts; any other value in the URL counts as unset. */
  values?: readonly string[];
  /** The value when the URL names none; it is left out of the URL. */
  defaultValue?: string;
}

export interface TableParamsConfig<F extends string, S extends string> {
  /** Names the table in local storage, where its page size is remembered. */
  tableId: string;
  /** Filters, by URL parameter name (not `page`, `sort` or `order`). */
  filters: Readonly<Record<F, FilterSpec>>;
  /** Columns the server can sort by. */
  sortColumns?: readonly S[];
  /** The server's own order, used when the URL names none. */
  defaultSort?: SortState<S>;
  /**
   * Put before every URL parameter name, so that several tables on one page keep independent
   * filters, pages and sorts (e.g. `schools.page`).
   */
  urlPrefix?: string;
}

export interface TableParams<F extends string, S extends string> {
  /** Current filter values; `''` when a filter is unset. */
  filters: Readonly<Record<F, string>>;
  /** Whether any filter differs from its default. */
  isFiltered: boolean;
  page: number;
  pageSize: PageSize;
  sort: SortState<S> | null;
  /** Sets a filter and goes back to page 1. */
  setFilter: (name: F, value: string) => void;
  /** Resets every filter to its default and goes back to page 1. */
  clearFilters: () => void;
  setPage: (page: number) => void;
  /** Remembers the size for this table and goes back to page 1. */
  setPageSize: (size: PageSize) => void;
  /** Sorts by `column`, ascending first, or flips the order if it already sorts by it. */
  toggleSort: (column: S) => void;
}

const PAGE_PARAM = 'page';
const SORT_PARAM = 'sort';
const ORDER_PARAM = 'order';

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function readFilter(spec: FilterSpec, value: string | null): string {
  const fallback = spec.defaultValue ?? '';
  if (value === null) return fallback;
  if (spec.values && !spec.values.includes(value)) return fallback;
  return value;
}

function readSort<S extends string>(
  params: URLSearchParams,
  columns: readonly S[],
  fallback: SortState<S> | undefined,
  prefix: string,
): SortState<S> | null {
  const column = columns.find((candidate) => candidate === params.get(prefix + SORT_PARAM));
  if (column === undefined) return fallback ?? null;
  return { column, order: params.get(prefix + ORDER_PARAM) === 'desc' ? 'desc' : 'asc' };
}

/**
 * The state of a list table, kept where DOMAIN §1.5 wants it: filters, page and sort in the URL
 * (so a link shows the same rows), the page size in local storage per table.
 */
export function useTableParams<F extends string, S extends string = never>(
  config: TableParamsConfig<F, S>,
): TableParams<F, S> {
  const { tableId, filters: specs, sortColumns = [], defaultSort, urlPrefix = '' } = config;
  const pageKey = urlPrefix + PAGE_PARAM;
  const sortKey = urlPrefix + SORT_PARAM;
  const orderKey = urlPrefix + ORDER_PARAM;
  const param = (name: F) => urlPrefix + name;
  const [searchParams, setSearchParams] = useSearchParams();
  const [pageSize, setStoredPageSize] = useState(() => readPageSize(tableId));
  const names = Object.keys(specs) as F[];

  const filters = Object.fromEntries(
    names.map((name) => [name, readFilter(specs[name], searchParams.get(param(name)))]),
  ) as Record<F, string>;
  const isFiltered = names.some((name) => filters[name] !== (specs[name].defaultValue ?? ''));

  // The URL as last asked for: a second change made before the first one has rendered (the
  // router renders navigations in a transition) must build on it, not on the rendered URL.
  const latest = useRef(searchParams);
  useEffect(() => {
    latest.current = searchParams;
  }, [searchParams]);

  function update(change: (params: URLSearchParams) => void) {
    const next = new URLSearchParams(latest.current);
    change(next);
    latest.current = next;
    setSearchParams(next);
  }

  function setFilter(name: F, value: string) {
    update((params) => {
      if (value === (specs[name].defaultValue ?? '')) params.delete(param(name));
      else params.set(param(name), value);
      params.delete(pageKey);
    });
  }

  function clearFilters() {
    update((params) => {
      for (const name of names) params.delete(param(name));
      params.delete(pageKey);
    });
  }

  function setPage(page: number) {
    update((params) => {
      if (page <= 1) params.delete(pageKey);
      else params.set(pageKey, String(page));
    });
  }

  function setPageSize(size: PageSize) {
    writePageSize(tableId, size);
    setStoredPageSize(size);
    update((params) => params.delete(pageKey));
  }

  const sort = readSort(searchParams, sortColumns, defaultSort, urlPrefix);

  function toggleSort(column: S) {
    const order: SortOrder = sort?.column === column && sort.order === 'asc' ? 'desc' : 'asc';
    update((params) => {
      if (defaultSort?.column === column && defaultSort.order === order) {
        params.delete(sortKey);
        params.delete(orderKey);
      } else {
        params.set(sortKey, column);
        params.set(orderKey, order);
      }
      params.delete(pageKey);
    });
  }

  return {
    filters,
    isFiltered,
    page: readPage(searchParams.get(pageKey)),
    pageSize,
    sort,
    setFilter,
    clearFilters,
    setPage,
    setPageSize,
    toggleSort,
  };
}
