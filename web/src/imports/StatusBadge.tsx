import { Badge } from '@mantine/core';
import { STATUS_COLORS, STATUS_LABELS } from './labels';
import type { RunStatus, StepStatus } from './types';

export function StatusBadge({ status }: { status: RunStatus | StepStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
