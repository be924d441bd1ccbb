import { useState } from 'react';
import { DEFAULT_PAGE_SIZE, type PageSize } from '../table/pageSize';

/** Page and page size kept in the component (a new size starts again at page 1). */
export function useLocalPaging() {
  const [page, setPage] = useState(1);
  const [pageSize, setSize] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  return {
    page,
    pageSize,
    onPageChange: setPage,
    onPageSizeChange: (size: PageSize) => {
      setSize(size);
      setPage(1);
    },
  };
}
