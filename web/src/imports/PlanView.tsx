import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { PlanPreview } from './types';

/** The resolved plan: each step in order, what it reads (and what the upload lacks), and warnings. */
export function PlanView({ preview }: { preview: PlanPreview }) {
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Plan: {preview.plan.length} step{preview.plan.length === 1 ? '' : 's'}, in this order
      </Text>
      <List type="ordered" size="sm" spacing={4} aria-label="Plan">
        {preview.plan.map((step) => (
          <List.Item key={step.name}>
            <Group gap={6}>
              <Text size="sm" fw={500}>
                {step.name}
              </Text>
              <Text size="xs" c="dimmed">
                reads {step.reads.join(', ')}
              </Text>
              {step.missing.map((object) => (
                <Badge key={object} color="orange" variant="light" size="sm">
                  {object} not in the upload
                </Badge>
              ))}
            </Group>
          </List.Item>
        ))}
      </List>
      {preview.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Check before running">
          <List size="sm">
            {preview.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
