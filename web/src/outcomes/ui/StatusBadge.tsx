import { Badge } from '@mantine/core';

/** A status as a coloured badge. */
export function StatusBadge({ status }: { status: { label: string; color: string } }) {
  return (
    <Badge variant="light" color={status.color}>
      {status.label}
    </Badge>
  );
}
