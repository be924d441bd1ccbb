import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { isPageSize, PAGE_SIZES, type PageSize } from './pageSize';

interface TablePaginationProps {
  page: number;
  pageSize: PageSize;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: PageSize) => void;
}

const CONTROL_LABELS = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
} as const;

/** "26–50 of 120", the pages, and the rows per page (25, 50 or 100). */
export function TablePagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
}: TablePaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);

  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {first > last
          ? `${String(total)} in all`
          : `${String(first)}–${String(last)} of ${String(total)}`}
      </Text>
      <Group gap="md" wrap="wrap">
        <NativeSelect
          label="Rows per page"
          size="xs"
          w={120}
          data={PAGE_SIZES.map(String)}
          value={String(pageSize)}
          onChange={(event) => {
            const size = Number(event.currentTarget.value);
            if (isPageSize(size)) onPageSizeChange(size);
          }}
        />
        {pageCount > 1 && (
          <nav aria-label="Pages">
            <Pagination
              size="sm"
              total={pageCount}
              value={Math.min(page, pageCount)}
              onChange={onPageChange}
              withEdges
              getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
              getItemProps={(item) => ({
                'aria-label': `Page ${String(item)}`,
                'aria-current': item === page ? 'page' : undefined,
              })}
            />
          </nav>
        )}
      </Group>
    </Group>
  );
}
