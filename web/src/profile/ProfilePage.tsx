import { Container, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../session/SessionContext';
import { EmailChangeResult } from './EmailChangeResult';
import { EmailForm } from './EmailForm';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';
import { SessionsList } from './SessionsList';

/** `/profile`: the signed-in user's name, email, password and sessions. */
export function ProfilePage() {
  const me = useSession();
  return (
    <Container size="md" py="md">
      <title>Profile · EduLedger</title>
      <Stack gap="lg">
        <Stack gap={0}>
          <Title order={1}>Profile</Title>
          <Text c="dimmed">{me.user.email}</Text>
        </Stack>
        <EmailChangeResult />
        <NameForm />
        <EmailForm />
        <PasswordForm />
        <SessionsList />
      </Stack>
    </Container>
  );
}
