import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../ui/ErrorAlert';
import { resendConfirmation } from './api';

/** Sends the email confirmation link again, to `email`. */
export function ResendConfirmation({ email }: { email: string }) {
  const resend = useMutation({ mutationFn: resendConfirmation });
  return (
    <Stack gap="xs" align="flex-start">
      {resend.isSuccess && (
        <Text size="sm" role="status">
          We sent a new link to {resend.variables}. It works for 24 hours.
        </Text>
      )}
      {resend.isError && <ErrorAlert title="The link could not be sent" error={resend.error} />}
      <Button
        variant="light"
        size="xs"
        onClick={() => resend.mutate(email)}
        loading={resend.isPending}
      >
        Send a new link
      </Button>
    </Stack>
  );
}
