import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import { fieldErrorsOf } from '../api/fieldErrors';
import { resetPassword } from '../password/api';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password/strength';
import { SIGN_IN_PATH } from '../session/nextPath';

const FORGOT_PASSWORD_PATH = '/forgot-password';

function PageCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} py="xl">
      <title>{`${title} · EduLedger`}</title>
      <Card withBorder padding="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Card>
    </Container>
  );
}

function InvalidLink() {
  return (
    <PageCard title="This link no longer works">
      <Text>
        The password reset link has expired or has already been used. Each link works once, for 1
        hour.
      </Text>
      <Anchor component={Link} to={FORGOT_PASSWORD_PATH}>
        Request a new link
      </Anchor>
    </PageCard>
  );
}

function PasswordChanged() {
  return (
    <PageCard title="Password changed">
      <Alert color="green" variant="light" title="Your password has been changed">
        Sign in with your new password.
      </Alert>
      <Button component={Link} to={SIGN_IN_PATH} fullWidth>
        Sign in
      </Button>
    </PageCard>
  );
}

interface ClientErrors {
  newPassword?: string;
  confirmation?: string;
}

function validate(newPassword: string, confirmation: string): ClientErrors {
  const errors: ClientErrors = {};
  if (newPassword.length < PASSWORD_MIN_LENGTH) {
    errors.newPassword = `Use at least ${String(PASSWORD_MIN_LENGTH)} characters.`;
  } else if (newPassword.length > PASSWORD_MAX_LENGTH) {
    errors.newPassword = `Use at most ${String(PASSWORD_MAX_LENGTH)} characters.`;
  }
  if (confirmation !== newPassword) errors.confirmation = 'The passwords do not match.';
  return errors;
}

function isInvalidToken(error: Error | null): boolean {
  return error instanceof ApiError && error.code === 'invalid_token';
}

function NewPasswordForm({ token }: { token: string }) {
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reset = useMutation({ mutationFn: resetPassword });

  if (reset.isSuccess) return <PasswordChanged />;
  if (isInvalidToken(reset.error)) return <InvalidLink />;

  const clientErrors = submitted ? validate(newPassword, confirmation) : {};
  const serverErrors = fieldErrorsOf(reset.error, 'newPassword');
  const otherError = reset.isError && serverErrors.length === 0 ? reset.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const errors = validate(newPassword, confirmation);
    if (errors.newPassword !== undefined || errors.confirmation !== undefined) return;
    reset.mutate({ token, newPassword });
  }

  return (
    <PageCard title="Choose a new password">
      <form onSubmit={handleSubmit} noValidate aria-label="Choose a new password">
        <Stack gap="md">
          <Text size="sm">
            Use {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters. A few unrelated words
            make a password that is strong and easy to remember.
          </Text>
          {otherError && (
            <Alert color="red" variant="light" title="The password could not be changed">
              {otherError.message}
            </Alert>
          )}
          <Stack gap="xs">
            <PasswordInput
              label="New password"
              name="newPassword"
              autoComplete="new-password"
              autoFocus
              required
              value={newPassword}
              onChange={(event) => {
                setNewPassword(event.currentTarget.value);
                if (reset.isError) reset.reset();
              }}
              error={clientErrors.newPassword ?? (serverErrors.join(' ') || undefined)}
            />
            <PasswordStrengthMeter password={newPassword} />
          </Stack>
          <PasswordInput
            label="Confirm new password"
            name="confirmation"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={clientErrors.confirmation}
          />
          <Button type="submit" fullWidth loading={reset.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </PageCard>
  );
}

/** Opened from the emailed link: `/reset-password?token=…`, or `?error=INVALID_TOKEN` when it is spent. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  if (searchParams.has('error') || !token) return <InvalidLink />;
  return <NewPasswordForm key={token} token={token} />;
}
