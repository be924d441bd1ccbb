import { Container, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ListPageProps {
  title: string;
  description: string;
  /** Buttons at the top right, e.g. "New volunteer". */
  actions?: ReactNode;
  /** The filters above the table. */
  filters?: ReactNode;
  children: ReactNode;
}

/** The frame of an engagement list page: title, what it lists, actions, filters, the table. */
export function ListPage({ title, description, actions, filters, children }: ListPageProps) {
  return (
    <Container size="xl" py="md">
      <title>{`${title} · EduLedger`}</title>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Title order={1}>{title}</Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
        {filters && (
          <Group align="flex-end" gap="md" wrap="wrap">
            {filters}
          </Group>
        )}
        {children}
      </Stack>
    </Container>
  );
}
