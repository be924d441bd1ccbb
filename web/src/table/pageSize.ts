/** Page sizes every table offers (DOMAIN §1.5); the server accepts exactly these. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value);
}

/** The local storage key under which a table remembers its page size. */
export function pageSizeKey(tableId: string): string {
  return `eduledger.table.${tableId}.pageSize`;
}

/** The page size last chosen for `tableId` in this browser, or the default. */
export function readPageSize(tableId: string): PageSize {
  try {
    const stored = Number(window.localStorage.getItem(pageSizeKey(tableId)));
    return isPageSize(stored) ? stored : DEFAULT_PAGE_SIZE;
  } catch {
    return DEFAULT_PAGE_SIZE;
  }
}

/** Remembers the page size of `tableId`; a browser that refuses storage just forgets it. */
export function writePageSize(tableId: string, size: PageSize): void {
  try {
    window.localStorage.setItem(pageSizeKey(tableId), String(size));
  } catch {
    // Storage full or disabled (private mode): the choice lasts for this page only.
  }
}
