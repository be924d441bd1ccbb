import { Button, Checkbox, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import { fieldErrorText } from '../api/fieldErrors';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password/strength';
import { useSession } from '../session/SessionContext';
import { FormError } from '../ui/FormError';
import { useNotify } from '../ui/notificationsContext';
import { changePassword, SESSIONS_KEY } from './api';
import { ProfileSection } from './ProfileSection';

interface ClientErrors {
  currentPassword?: string;
  newPassword?: string;
  confirmation?: string;
}

function validate(current: string, next: string, confirmation: string): ClientErrors {
  const errors: ClientErrors = {};
  if (current === '') errors.currentPassword = 'Enter your current password.';
  if (next.length < PASSWORD_MIN_LENGTH) {
    errors.newPassword = `Use at least ${String(PASSWORD_MIN_LENGTH)} characters.`;
  } else if (next.length > PASSWORD_MAX_LENGTH) {
    errors.newPassword = `Use at most ${String(PASSWORD_MAX_LENGTH)} characters.`;
  }
  if (confirmation !== next) errors.confirmation = 'The passwords do not match.';
  return errors;
}

function currentPasswordErrorOf(error: Error | null): string | undefined {
  if (error instanceof ApiError && error.code === 'invalid_password') return error.message;
  return fieldErrorText(error, 'currentPassword', 'Current password');
}

export function PasswordForm() {
  const me = useSession();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [revokeOtherSessions, setRevokeOtherSessions] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: (_result, { revokeOtherSessions: revoked }) => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setSubmitted(false);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      notify({
        kind: 'success',
        title: 'Password changed',
        message: revoked
          ? 'Your other sessions were signed out. We also emailed you a confirmation.'
          : 'We emailed you a confirmation.',
      });
    },
  });

  const clientErrors = submitted ? validate(currentPassword, newPassword, confirmation) : {};
  const currentError = currentPasswordErrorOf(change.error);
  const newError = fieldErrorText(change.error, 'newPassword', 'New password');
  const otherError =
    change.isError && currentError === undefined && newError === undefined ? change.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const errors = validate(currentPassword, newPassword, confirmation);
    if (Object.values(errors).some(Boolean)) return;
    change.mutate({ currentPassword, newPassword, revokeOtherSessions });
  }

  return (
    <ProfileSection
      title="Password"
      description={`Use ${String(PASSWORD_MIN_LENGTH)} to ${String(PASSWORD_MAX_LENGTH)} characters; a few unrelated words make a strong password.`}
    >
      <form onSubmit={handleSubmit} noValidate aria-label="Change password">
        <Stack gap="md">
          {otherError && <FormError title="The password could not be changed" error={otherError} />}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => {
              setCurrentPassword(event.currentTarget.value);
              if (change.isError) change.reset();
            }}
            error={clientErrors.currentPassword ?? currentError}
          />
          <Stack gap="xs">
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => {
                setNewPassword(event.currentTarget.value);
                if (change.isError) change.reset();
              }}
              error={clientErrors.newPassword ?? newError}
            />
            <PasswordStrengthMeter password={newPassword} email={me.user.email} />
          </Stack>
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={clientErrors.confirmation}
          />
          <Checkbox
            label="Sign out my other sessions"
            description="Recommended if you think someone else knows your password."
            checked={revokeOtherSessions}
            onChange={(event) => setRevokeOtherSessions(event.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </ProfileSection>
  );
}
