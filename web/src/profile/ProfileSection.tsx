import { Card, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface ProfileSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** One titled card of the profile page. */
export function ProfileSection({ title, description, children }: ProfileSectionProps) {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}
