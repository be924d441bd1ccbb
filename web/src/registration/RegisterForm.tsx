import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { PasswordStrengthMeter } from '../password/PasswordStrengthMeter';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password/strength';
import { SLUG_PATTERN, slugFrom } from '../tenants/slug';
import { FormError } from '../ui/FormError';
import { register } from './api';

interface Fields {
  institutionName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
}

type ClientErrors = Partial<Record<keyof Fields, string>>;

function validate(fields: Fields): ClientErrors {
  const errors: ClientErrors = {};
  if (fields.institutionName.trim() === '') errors.institutionName = 'Enter the institution name.';
  if (!SLUG_PATTERN.test(fields.slug)) {
    errors.slug = 'Use 2 to 40 lower-case letters, digits or hyphens.';
  }
  if (fields.name.trim() === '') errors.name = 'Enter your name.';
  if (!fields.email.includes('@')) errors.email = 'Enter an email address, like name@example.org.';
  if (fields.password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${String(PASSWORD_MIN_LENGTH)} characters.`;
  } else if (fields.password.length > PASSWORD_MAX_LENGTH) {
    errors.password = `Use at most ${String(PASSWORD_MAX_LENGTH)} characters.`;
  }
  return errors;
}

const LABELS: Record<keyof Fields, string> = {
  institutionName: 'Institution name',
  slug: 'Short name',
  name: 'Name',
  email: 'Email',
  password: 'Password',
};

const EMPTY: Fields = { institutionName: '', slug: '', name: '', email: '', password: '' };

/** "Create your institution": the institution and its first administrator (you). */
export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [slugEdited, setSlugEdited] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation({
    mutationFn: register,
    onSuccess: (registered) => onRegistered(registered.email),
  });

  const trimmed: Fields = { ...fields, email: fields.email.trim() };
  const clientErrors = submitted ? validate(trimmed) : {};
  const errorOf = (field: keyof Fields) =>
    clientErrors[field] ?? fieldErrorText(create.error, field, LABELS[field]);
  const fieldNames = Object.keys(LABELS) as (keyof Fields)[];
  const otherError =
    create.isError && fieldNames.every((field) => errorOf(field) === undefined)
      ? create.error
      : null;

  const set = (field: keyof Fields) => (value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    if (create.isError) create.reset();
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validate(trimmed)).length > 0) return;
    create.mutate({
      institutionName: trimmed.institutionName.trim(),
      slug: trimmed.slug,
      name: trimmed.name.trim(),
      email: trimmed.email,
      password: trimmed.password,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Create an account">
      <Stack gap="md">
        {otherError && <FormError title="The account could not be created" error={otherError} />}
        <TextInput
          label={LABELS.institutionName}
          description="Your college or organization, as your colleagues know it."
          autoComplete="organization"
          autoFocus
          required
          maxLength={200}
          value={fields.institutionName}
          onChange={(event) => {
            const value = event.currentTarget.value;
            set('institutionName')(value);
            if (!slugEdited) set('slug')(slugFrom(value));
          }}
          error={errorOf('institutionName')}
        />
        <TextInput
          label={LABELS.slug}
          description="Identifies your institution: 2 to 40 lower-case letters, digits or hyphens."
          required
          maxLength={40}
          value={fields.slug}
          onChange={(event) => {
            set('slug')(event.currentTarget.value);
            setSlugEdited(true);
          }}
          error={errorOf('slug')}
        />
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          maxLength={200}
          value={fields.name}
          onChange={(event) => set('name')(event.currentTarget.value)}
          error={errorOf('name')}
        />
        <TextInput
          label={LABELS.email}
          type="email"
          autoComplete="email"
          required
          value={fields.email}
          onChange={(event) => set('email')(event.currentTarget.value)}
          error={errorOf('email')}
        />
        <Stack gap="xs">
          <PasswordInput
            label={LABELS.password}
            description={`${String(PASSWORD_MIN_LENGTH)} to ${String(PASSWORD_MAX_LENGTH)} characters. A few unrelated words make a strong password.`}
            autoComplete="new-password"
            required
            value={fields.password}
            onChange={(event) => set('password')(event.currentTarget.value)}
            error={errorOf('password')}
          />
          <PasswordStrengthMeter password={fields.password} email={trimmed.email} />
        </Stack>
        <Text size="xs" c="dimmed">
          You become the administrator of the new institution, and can invite your colleagues.
        </Text>
        <Button type="submit" fullWidth loading={create.isPending}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
