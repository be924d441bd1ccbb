import { Badge, Tooltip } from '@mantine/core';
import { STATUS_COLORS, STATUS_HINTS, STATUS_LABELS } from './labels';
import type { EmailStatus } from './types';

/** The delivery state of an email, with what it means on hover. */
export function StatusBadge({ status }: { status: EmailStatus }) {
  return (
    <Tooltip label={STATUS_HINTS[status]} openDelay={300}>
      <Badge variant="light" color={STATUS_COLORS[status]}>
        {STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}
