import { Anchor } from '@mantine/core';
import { ApiError } from '../api/ApiError';

/** The server refuses writes of a read-only tenant with this code (HTTP 402). */
export const TENANT_READ_ONLY = 'tenant_read_only';

/** Where a read-only tenant's refusal points: the Billing page, where access is restored. */
export function BillingLink({ error }: { error: Error }) {
  if (!(error instanceof ApiError) || error.code !== TENANT_READ_ONLY) return null;
  const path =
    error.details.find((detail) => detail.path === 'billing')?.message ?? '/admin/billing';
  return (
    <Anchor href={path} size="sm">
      Go to Billing
    </Anchor>
  );
}
