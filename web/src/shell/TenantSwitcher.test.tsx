import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TenantOption } from '../session';
import { TenantSwitcher } from './TenantSwitcher';

const riverside: TenantOption = { slug: 'riverside', name: 'Riverside Partners' };
const northCollege: TenantOption = { slug: 'north-college', name: 'North College' };

function renderSwitcher(tenants: readonly TenantOption[], activeSlug = 'riverside') {
  const onChange = vi.fn<(slug: string) => void>();
  const view = render(
    <MantineProvider env="test">
      <div data-testid="header-slot">
        <TenantSwitcher tenants={tenants} activeSlug={activeSlug} onChange={onChange} />
      </div>
    </MantineProvider>,
  );
  return { ...view, onChange };
}

describe('TenantSwitcher', () => {
  it('renders nothing without tenants', () => {
    renderSwitcher([]);

    expect(screen.getByTestId('header-slot')).toBeEmptyDOMElement();
  });

  it('shows the name of a single tenant without a control', () => {
    renderSwitcher([riverside]);

    expect(screen.getByText('Riverside Partners')).toBeInTheDocument();
    expect(screen.getByText('Tenant:')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('offers a labelled select showing the active tenant when there are several', () => {
    renderSwitcher([riverside, northCollege], 'north-college');

    expect(screen.getByRole('combobox', { name: 'Tenant' })).toHaveValue('North College');
  });

  it('reports the slug of the tenant picked from the list', async () => {
    const user = userEvent.setup();
    const { onChange } = renderSwitcher([riverside, northCollege]);

    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(screen.getByRole('option', { name: 'North College' }));

    expect(onChange).toHaveBeenCalledExactlyOnceWith('north-college');
  });

  it('does not report picking the tenant that is already active', async () => {
    const user = userEvent.setup();
    const { onChange } = renderSwitcher([riverside, northCollege]);

    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(screen.getByRole('option', { name: 'Riverside Partners' }));

    expect(onChange).not.toHaveBeenCalled();
  });
});
