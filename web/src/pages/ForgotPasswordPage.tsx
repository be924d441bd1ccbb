import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fieldErrorsOf } from '../api/fieldErrors';
import { requestPasswordReset } from '../password/api';
import { SIGN_IN_PATH } from '../session/nextPath';

export const RESET_LINK_SENT_MESSAGE =
  'If an account exists for that address, we sent a link to reset the password. It expires in 1 hour.';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const request = useMutation({ mutationFn: requestPasswordReset });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    if (!trimmed.includes('@')) {
      setEmailError('Enter an email address, like name@example.org.');
      return;
    }
    setEmailError(undefined);
    request.mutate(trimmed);
  }

  const serverEmailErrors = fieldErrorsOf(request.error, 'email');
  const otherError = request.isError && serverEmailErrors.length === 0 ? request.error : null;

  return (
    <Container size={420} py="xl">
      <title>Reset your password · EduLedger</title>
      <Card withBorder padding="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            Reset your password
          </Title>
          {request.isSuccess ? (
            <Stack gap="md" align="flex-start">
              <Alert color="green" variant="light" title="Check your email" w="100%">
                {RESET_LINK_SENT_MESSAGE}
              </Alert>
              <Anchor component={Link} to={SIGN_IN_PATH}>
                Back to sign in
              </Anchor>
            </Stack>
          ) : (
            <form onSubmit={handleSubmit} noValidate aria-label="Reset your password">
              <Stack gap="md">
                <Text size="sm">
                  Enter the email address you sign in with. We will send you a link to choose a new
                  password.
                </Text>
                {otherError && (
                  <Alert color="red" variant="light" title="The link could not be requested">
                    {otherError.message}
                  </Alert>
                )}
                <TextInput
                  label="Email"
                  type="email"
                  name="email"
                  autoComplete="email"
                  autoFocus
                  required
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={emailError ?? serverEmailErrors.join(' ')}
                />
                <Button type="submit" fullWidth loading={request.isPending}>
                  Send reset link
                </Button>
                <Anchor component={Link} to={SIGN_IN_PATH} size="sm">
                  Back to sign in
                </Anchor>
              </Stack>
            </form>
          )}
        </Stack>
      </Card>
    </Container>
  );
}
