import { Card, Container, Stack, Text, Title } from '@mantine/core';
import { SystemStatus } from '../status/SystemStatus';

export function SignInPage() {
  return (
    <Container size="xs" py="xl">
      <title>Sign in · EduLedger</title>
      <Card withBorder padding="xl">
        <Stack gap="md">
          <Title order={1}>EduLedger</Title>
          <Text>
            Records for education partnerships: volunteer engagement with schools and course
            learning outcomes.
          </Text>
          <Text c="dimmed" size="sm">
            Signing in is not open in this build. The service status below is live.
          </Text>
          <section aria-labelledby="system-status-heading">
            <Title order={2} size="h4" id="system-status-heading" mb="xs">
              System status
            </Title>
            <SystemStatus />
          </section>
        </Stack>
      </Card>
    </Container>
  );
}
