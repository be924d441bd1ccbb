import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/ApiError';
import { fieldErrorText } from '../api/fieldErrors';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password/strength';
import { FormError } from '../ui/FormError';
import { useAcceptInvitation } from './useAcceptInvitation';

interface ClientErrors {
  name?: string;
  password?: string;
  confirmation?: string;
}

function validate(name: string, password: string, confirmation: string): ClientErrors {
  const errors: ClientErrors = {};
  if (name.trim() === '') errors.name = 'Enter your name.';
  if (password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${String(PASSWORD_MIN_LENGTH)} characters.`;
  } else if (password.length > PASSWORD_MAX_LENGTH) {
    errors.password = `Use at most ${String(PASSWORD_MAX_LENGTH)} characters.`;
  }
  if (confirmation !== password) errors.confirmation = 'The passwords do not match.';
  return errors;
}

const hasErrors = (errors: ClientErrors) => Object.values(errors).some(Boolean);

/** Errors shown next to the password: policy details, or a wrong password for an existing account. */
function passwordErrorOf(error: Error | null): string | undefined {
  if (error instanceof ApiError && error.code === 'invalid_credentials') {
    return `${error.message} Enter the password of your existing EduLedger account.`;
  }
  return fieldErrorText(error, 'password', 'Password');
}

interface AcceptInvitationFormProps {
  token: string;
  email: string;
  /** Called when the server says the invitation is gone (404) or expired (410) meanwhile. */
  onGone: (error: ApiError) => void;
}

export function AcceptInvitationForm({ token, email, onGone }: AcceptInvitationFormProps) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const accept = useAcceptInvitation();

  const clientErrors = submitted ? validate(name, password, confirmation) : {};
  const nameError = fieldErrorText(accept.error, 'name', 'Name');
  const passwordError = passwordErrorOf(accept.error);
  const otherError =
    accept.isError && nameError === undefined && passwordError === undefined ? accept.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(validate(name, password, confirmation))) return;
    accept.mutate(
      { token, name: name.trim(), password },
      {
        onSuccess: (path) => void navigate(path, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
            onGone(error);
          }
        },
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Accept the invitation">
      <Stack gap="md">
        {otherError && (
          <FormError title="The invitation could not be accepted" error={otherError} />
        )}
        <TextInput label="Email" value={email} readOnly autoComplete="username" />
        <TextInput
          label="Your name"
          name="name"
          autoComplete="name"
          autoFocus
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={clientErrors.name ?? nameError}
        />
        <Text size="sm" c="dimmed">
          If you already have an EduLedger account, enter its password. Otherwise choose a new
          password of {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters.
        </Text>
        <Stack gap="xs">
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              if (accept.isError) accept.reset();
            }}
            error={clientErrors.password ?? passwordError}
          />
          <PasswordStrengthMeter password={password} email={email} />
        </Stack>
        <PasswordInput
          label="Confirm password"
          name="confirmation"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={clientErrors.confirmation}
        />
        <Button type="submit" fullWidth loading={accept.isPending}>
          Accept and sign in
        </Button>
      </Stack>
    </form>
  );
}
