import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TenantSwitcher, type TenantOption } from './TenantSwitcher';

const riverside: TenantOption = { id: 't-riverside', name: 'Riverside Partners' };
const northCollege: TenantOption = { id: 't-north', name: 'North College' };

function renderSwitcher(
  tenants: readonly TenantOption[],
  activeTenantId: string | null = 't-riverside',
  disabled = false,
) {
  const onChange = vi.fn<(tenantId: string) => void>();
  const view = render(
    <MantineProvider env="test">
      <div data-testid="header-slot">
        <TenantSwitcher
          tenants={tenants}
          activeTenantId={activeTenantId}
          onChange={onChange}
          disabled={disabled}
        />
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

  it('shows the name of a single active tenant without a control', () => {
    renderSwitcher([riverside]);

    expect(screen.getByText('Riverside Partners')).toBeInTheDocument();
    expect(screen.getByText('Tenant:')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('offers a labelled select showing the active tenant when there are several', () => {
    renderSwitcher([riverside, northCollege], 't-north');

    expect(screen.getByRole('combobox', { name: 'Tenant' })).toHaveValue('North College');
  });

  it('asks to choose when no tenant is active', () => {
    renderSwitcher([riverside], null);

    const select = screen.getByRole('combobox', { name: 'Tenant' });
    expect(select).toHaveValue('');
    expect(select).toHaveAttribute('placeholder', 'Choose a tenant');
  });

  it('reports the id of the tenant picked from the list', async () => {
    const user = userEvent.setup();
    const { onChange } = renderSwitcher([riverside, northCollege]);

    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(screen.getByRole('option', { name: 'North College' }));

    expect(onChange).toHaveBeenCalledExactlyOnceWith('t-north');
  });

  it('does not report picking the tenant that is already active', async () => {
    const user = userEvent.setup();
    const { onChange } = renderSwitcher([riverside, northCollege]);

    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(screen.getByRole('option', { name: 'Riverside Partners' }));

    expect(onChange).not.toHaveBeenCalled();
  });

  it('marks a deactivated tenant, which only site admins are offered', async () => {
    const user = userEvent.setup();
    const { onChange } = renderSwitcher([riverside, { ...northCollege, isActive: false }]);

    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(screen.getByRole('option', { name: 'North College (deactivated)' }));

    expect(onChange).toHaveBeenCalledExactlyOnceWith('t-north');
  });

  it('can be searched by typing when there are many tenants', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 8 }, (_, i) => ({
      id: `t-${String(i)}`,
      name: `Tenant ${String(i)}`,
    }));
    const { onChange } = renderSwitcher([...many, northCollege], null);

    await user.type(screen.getByRole('combobox', { name: 'Tenant' }), 'North');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'North College',
    ]);
    await user.click(screen.getByRole('option', { name: 'North College' }));

    expect(onChange).toHaveBeenCalledExactlyOnceWith('t-north');
  });

  it('is disabled while a switch is under way', () => {
    renderSwitcher([riverside, northCollege], 't-riverside', true);

    expect(screen.getByRole('combobox', { name: 'Tenant' })).toBeDisabled();
  });
});
