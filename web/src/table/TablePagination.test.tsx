import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { TablePagination } from './TablePagination';

function renderPagination(page: number, total: number) {
  const onPageChange = vi.fn();
  const onPageSizeChange = vi.fn();
  renderWithProviders(
    <TablePagination
      page={page}
      pageSize={25}
      total={total}
      onPageChange={onPageChange}
      onPageSizeChange={onPageSizeChange}
    />,
  );
  return { onPageChange, onPageSizeChange, user: userEvent.setup() };
}

describe('TablePagination', () => {
  it('says which rows are shown and moves between pages', async () => {
    const { onPageChange, user } = renderPagination(2, 120);

    expect(screen.getByText('26–50 of 120')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(pages).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenLastCalledWith(3);
    await user.click(screen.getByRole('button', { name: 'Page 5' }));
    expect(onPageChange).toHaveBeenLastCalledWith(5);
  });

  it('offers 25, 50 and 100 rows per page', async () => {
    const { onPageSizeChange, user } = renderPagination(1, 10);

    const select = screen.getByRole('combobox', { name: 'Rows per page' });
    expect([...select.querySelectorAll('option')].map((option) => option.value)).toEqual([
      '25',
      '50',
      '100',
    ]);
    await user.selectOptions(select, '50');
    expect(onPageSizeChange).toHaveBeenCalledExactlyOnceWith(50);
  });

  it('shows no page buttons for a single page', () => {
    renderPagination(1, 10);

    expect(screen.getByText('1–10 of 10')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('gives only the total for a page past the end', () => {
    renderPagination(9, 30);

    expect(screen.getByText('30 in all')).toBeInTheDocument();
  });
});
