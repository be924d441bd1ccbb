import {
  Alert,
  Button,
  Center,
  Container,
  Loader,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/ApiError';
import { AppLayout } from '../shell/AppLayout';
import { signInPathFor } from './nextPath';
import { useMe } from './queries';

function SessionPending() {
  return (
    <Center h="100dvh" role="status">
      <Loader />
      <VisuallyHidden>Checking your session…</VisuallyHidden>
    </Center>
  );
}

interface SessionUnavailableProps {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}

function SessionUnavailable({ error, onRetry, retrying }: SessionUnavailableProps) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Container component="main" size="sm" py="xl">
      <title>EduLedger is unavailable</title>
      <Alert color="red" variant="light" title="Your session could not be checked">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error.message}</Text>
          {requestId !== undefined && (
            <Text size="xs" c="dimmed">
              Request ID: <code>{requestId}</code>
            </Text>
          )}
          <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}

/**
 * Layout route of the signed-in pages: waits for `/api/me`, sends visitors who are not signed in
 * to sign-in (coming back here afterwards), and renders the shell for everyone else.
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();

  if (me.data) return <AppLayout me={me.data} />;
  if (me.data === null) return <Navigate to={signInPathFor(location)} replace />;
  if (me.isError) {
    return (
      <SessionUnavailable
        error={me.error}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  return <SessionPending />;
}

/** Layout for pages anyone may open (e.g. not found): the full shell when signed in, else the bare one. */
export function OptionalSessionLayout() {
  const me = useMe();
  return <AppLayout me={me.data ?? null} />;
}
