import { Select, Text, VisuallyHidden } from '@mantine/core';

export interface TenantOption {
  id: string;
  name: string;
  /** false: deactivated (only site admins see such tenants). */
  isActive?: boolean;
}

const labelOf = (tenant: TenantOption) =>
  tenant.isActive === false ? `${tenant.name} (deactivated)` : tenant.name;

/** From this many tenants on, the select can be searched by typing. */
const SEARCHABLE_FROM = 8;

interface TenantSwitcherProps {
  tenants: readonly TenantOption[];
  activeTenantId: string | null;
  onChange: (tenantId: string) => void;
  /** While a switch is under way. */
  disabled?: boolean;
}

/** Names the active tenant, and lets a user who belongs to several tenants switch between them. */
export function TenantSwitcher({
  tenants,
  activeTenantId,
  onChange,
  disabled = false,
}: TenantSwitcherProps) {
  const [onlyTenant] = tenants;
  if (onlyTenant === undefined) return null;

  if (tenants.length === 1 && onlyTenant.id === activeTenantId) {
    return (
      <Text fw={500} size="sm" truncate>
        <VisuallyHidden>Tenant: </VisuallyHidden>
        {labelOf(onlyTenant)}
      </Text>
    );
  }

  return (
    <Select
      aria-label="Tenant"
      size="sm"
      w={{ base: 160, sm: 240 }}
      allowDeselect={false}
      searchable={tenants.length >= SEARCHABLE_FROM}
      placeholder="Choose a tenant"
      disabled={disabled}
      data={tenants.map((tenant) => ({ value: tenant.id, label: labelOf(tenant) }))}
      value={activeTenantId}
      onChange={(tenantId) => {
        if (tenantId !== null && tenantId !== activeTenantId) onChange(tenantId);
      }}
    />
  );
}
