import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import { fieldErrorText } from '../api/fieldErrors';
import { ME_QUERY_KEY } from '../session/queries';
import { useSession } from '../session/SessionContext';
import { FormError } from '../ui/FormError';
import { requestEmailChange } from './api';
import { ProfileSection } from './ProfileSection';

interface ClientErrors {
  newEmail?: string;
  currentPassword?: string;
}

function validate(newEmail: string, currentPassword: string, current: string): ClientErrors {
  const errors: ClientErrors = {};
  if (newEmail === '') errors.newEmail = 'Enter the new email address.';
  else if (!newEmail.includes('@'))
    errors.newEmail = 'Enter an email address, like name@example.org.';
  else if (newEmail.toLowerCase() === current.toLowerCase()) {
    errors.newEmail = 'This is already your email address.';
  }
  if (currentPassword === '') errors.currentPassword = 'Enter your current password.';
  return errors;
}

function codeOf(error: Error | null): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** Changes the sign-in email; the change waits for the link sent to the new address. */
export function EmailForm() {
  const me = useSession();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: requestEmailChange,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      setNewEmail('');
      setCurrentPassword('');
      setSubmitted(false);
    },
  });

  const clientErrors = submitted ? validate(newEmail.trim(), currentPassword, me.user.email) : {};
  const code = codeOf(change.error);
  const emailError =
    code === 'conflict'
      ? (change.error?.message ?? undefined)
      : fieldErrorText(change.error, 'newEmail', 'Email');
  const passwordError =
    code === 'invalid_password'
      ? change.error?.message
      : fieldErrorText(change.error, 'currentPassword', 'Current password');
  const otherError =
    change.isError && emailError === undefined && passwordError === undefined ? change.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const trimmed = newEmail.trim();
    const errors = validate(trimmed, currentPassword, me.user.email);
    if (errors.newEmail !== undefined || errors.currentPassword !== undefined) return;
    change.mutate({ newEmail: trimmed, currentPassword });
  }

  return (
    <ProfileSection
      title="Email"
      description={
        <>
          You sign in with <strong>{me.user.email}</strong>. A new address takes effect once you
          open the confirmation link we send to it.
        </>
      }
    >
      {me.user.pendingEmail !== null && !change.isSuccess && (
        <Text size="sm">
          Pending confirmation: <strong>{me.user.pendingEmail}</strong>. Open the link we sent to
          that address; until then, keep signing in with {me.user.email}.
        </Text>
      )}
      {change.isSuccess && (
        <Alert color="blue" variant="light" title="Confirm your new address">
          We sent a confirmation link to <strong>{change.data.pendingEmail}</strong>. Until you open
          it, keep signing in with {me.user.email}.
        </Alert>
      )}
      <form onSubmit={handleSubmit} noValidate aria-label="Change email">
        <Stack gap="md">
          {otherError && <FormError title="The email could not be changed" error={otherError} />}
          <TextInput
            label="New email"
            type="email"
            autoComplete="email"
            required
            value={newEmail}
            onChange={(event) => setNewEmail(event.currentTarget.value)}
            error={clientErrors.newEmail ?? emailError}
          />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={clientErrors.currentPassword ?? passwordError}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Send confirmation link
            </Button>
          </Group>
        </Stack>
      </form>
    </ProfileSection>
  );
}
