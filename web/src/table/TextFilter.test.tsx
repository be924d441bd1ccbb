import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { TextFilter } from './TextFilter';

function Harness({ onApply }: { onApply: (value: string) => void }) {
  const [value, setValue] = useState('start');
  return (
    <>
      <TextFilter
        label="Search"
        value={value}
        onChange={(next) => {
          onApply(next);
          setValue(next);
        }}
      />
      <button onClick={() => setValue('')}>reset elsewhere</button>
    </>
  );
}

describe('TextFilter', () => {
  it('applies the trimmed text once typing pauses, once', async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    renderWithProviders(<Harness onApply={onApply} />);

    const input = screen.getByRole('searchbox', { name: 'Search' });
    await user.clear(input);
    await user.type(input, ' ada ');

    expect(onApply).not.toHaveBeenCalled();
    await waitFor(() => expect(onApply).toHaveBeenCalledExactlyOnceWith('ada'));
    expect(input).toHaveValue(' ada ');
  });

  it('applies at once on Enter', async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    renderWithProviders(<Harness onApply={onApply} />);

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'x{Enter}');

    expect(onApply).toHaveBeenCalledExactlyOnceWith('startx');
  });

  it('follows the applied value when it changes elsewhere', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness onApply={() => {}} />);

    await user.click(screen.getByRole('button', { name: 'reset elsewhere' }));

    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });
});
