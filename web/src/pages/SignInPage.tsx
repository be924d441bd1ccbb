import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Container,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import { publicConfigQuery, REGISTER_PATH } from '../registration/api';
import { EmailConfirmation } from '../registration/EmailConfirmation';
import { safeNextPath } from '../session/nextPath';
import { useMe, useSignIn } from '../session/queries';
import { SystemStatus } from '../status/SystemStatus';

const ERROR_TITLES: Readonly<Record<string, string>> = {
  invalid_credentials: 'Sign-in failed',
  too_many_attempts: 'Account temporarily locked',
  account_inactive: 'Account not active',
};

function errorTitleOf(error: Error): string {
  return (error instanceof ApiError && ERROR_TITLES[error.code]) || 'Could not sign in';
}

interface FieldErrors {
  email?: string;
  password?: string;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email === '') errors.email = 'Enter your email address.';
  else if (!email.includes('@')) errors.email = 'Enter an email address, like name@example.org.';
  if (password === '') errors.password = 'Enter your password.';
  return errors;
}

export function SignInPage() {
  const me = useMe();
  const config = useQuery(publicConfigQuery);
  const [searchParams] = useSearchParams();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmedEmail = email.trim();
    const errors = validate(trimmedEmail, password);
    setFieldErrors(errors);
    if (errors.email !== undefined || errors.password !== undefined) return;
    signIn.mutate({ email: trimmedEmail, password, rememberMe });
  }

  return (
    <Container size={420} py="xl">
      <title>Sign in · EduLedger</title>
      <Card withBorder padding="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            Sign in to EduLedger
          </Title>
          <EmailConfirmation params={searchParams} email={email.trim()} />
          <form onSubmit={handleSubmit} noValidate aria-label="Sign in">
            <Stack gap="md">
              {signIn.isError && (
                <Alert color="red" variant="light" title={errorTitleOf(signIn.error)}>
                  {signIn.error.message}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
              />
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Checkbox
                  label="Keep me signed in for 30 days"
                  name="rememberMe"
                  checked={rememberMe}
                  onChange={(event) => setRememberMe(event.currentTarget.checked)}
                />
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Forgot your password?
                </Anchor>
              </Group>
              <Button type="submit" fullWidth loading={signIn.isPending}>
                Sign in
              </Button>
            </Stack>
          </form>
          {config.data?.selfRegistration && (
            <Text size="sm" ta="center">
              New to EduLedger?{' '}
              <Anchor component={Link} to={REGISTER_PATH}>
                Create an account
              </Anchor>
            </Text>
          )}
          <Divider />
          <section aria-labelledby="system-status-heading">
            <Text component="h2" id="system-status-heading" size="xs" fw={500} c="dimmed" mb={4}>
              System status
            </Text>
            <SystemStatus />
          </section>
        </Stack>
      </Card>
    </Container>
  );
}
