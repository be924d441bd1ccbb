import { Badge } from '@mantine/core';
import { INVOICE_STATUS_COLORS, INVOICE_STATUS_LABELS } from './labels';
import type { Invoice } from './types';

/** Open, paid or void; an open invoice past its due day says so. */
export function InvoiceStatusBadge({ invoice, today }: { invoice: Invoice; today: string }) {
  if (invoice.status === 'open' && invoice.dueOn < today) {
    return (
      <Badge variant="light" color="red">
        Overdue
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={INVOICE_STATUS_COLORS[invoice.status]}>
      {INVOICE_STATUS_LABELS[invoice.status]}
    </Badge>
  );
}
