import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../api/ApiError';
import { BillingLink } from './BillingLink';

/** The request id of a server error, to quote when asking for help. */
export function requestIdOf(error: Error): string | undefined {
  return error instanceof ApiError ? error.requestId : undefined;
}

interface RequestIdProps {
  error: Error;
}

export function RequestId({ error }: RequestIdProps) {
  const requestId = requestIdOf(error);
  if (requestId === undefined) return null;
  return (
    <Text size="xs" c="dimmed">
      Request ID: <code>{requestId}</code>
    </Text>
  );
}

interface ErrorAlertProps {
  title: string;
  error: Error;
  /** Offers a Retry button when given. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request: what went wrong in the server's words, its request id, and a way to retry. */
export function ErrorAlert({ title, error, onRetry, retrying = false }: ErrorAlertProps) {
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <BillingLink error={error} />
        <RequestId error={error} />
        {onRetry && (
          <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
