import { Select, Text, VisuallyHidden } from '@mantine/core';
import type { TenantOption } from '../session';

interface TenantSwitcherProps {
  tenants: readonly TenantOption[];
  activeSlug: string;
  onChange: (slug: string) => void;
}

/** Names the active tenant, and lets a user who belongs to several tenants switch between them. */
export function TenantSwitcher({ tenants, activeSlug, onChange }: TenantSwitcherProps) {
  const [onlyTenant] = tenants;
  if (onlyTenant === undefined) return null;

  if (tenants.length === 1) {
    return (
      <Text fw={500} size="sm">
        <VisuallyHidden>Tenant: </VisuallyHidden>
        {onlyTenant.name}
      </Text>
    );
  }

  return (
    <Select
      aria-label="Tenant"
      size="sm"
      w={240}
      allowDeselect={false}
      data={tenants.map((tenant) => ({ value: tenant.slug, label: tenant.name }))}
      value={activeSlug}
      onChange={(slug) => {
        if (slug !== null && slug !== activeSlug) onChange(slug);
      }}
    />
  );
}
