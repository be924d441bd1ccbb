import { Badge } from '@mantine/core';

/** A status as a coloured badge. */
export function StatusBadge({ status }: { status: { label: string; color: string } }) {
  return (
    // Never cut to "SUBMI…" by a narrow table column.
    <Badge variant="light" color={status.color} miw="max-content">
      {status.label}
    </Badge>
  );
}
