import { Badge, Group, Text } from '@mantine/core';
import { INSTRUCTOR_STATUS } from '../labels';
import type { Section } from '../types';

/** A section's instructor with their invitation status; "Unassigned" without one. */
export function InstructorCell({ instructor }: { instructor: Section['instructor'] }) {
  if (!instructor) {
    return (
      <Text size="sm" c="dimmed">
        Unassigned
      </Text>
    );
  }
  const status = INSTRUCTOR_STATUS[instructor.status];
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{instructor.name}</Text>
      {instructor.status !== 'active' && (
        <Badge size="xs" variant="light" color={status.color}>
          {status.label}
        </Badge>
      )}
    </Group>
  );
}
