import { Alert, Stack, Text } from '@mantine/core';
import { ResendConfirmation } from './ResendConfirmation';

interface EmailConfirmationProps {
  /** The sign-in page's query: `?verified=1`, with `&error=…` when the link did not work. */
  params: URLSearchParams;
  /** The address typed into the sign-in form, to send a new link to. */
  email: string;
}

/** On the sign-in page, after the emailed confirmation link was opened. */
export function EmailConfirmation({ params, email }: EmailConfirmationProps) {
  if (params.get('verified') !== '1') return null;
  if (!params.has('error')) {
    return (
      <Alert color="green" variant="light" title="Your email address is confirmed">
        Sign in to continue.
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title="The confirmation link did not work">
      <Stack gap="xs">
        <Text size="sm">It has expired or was already used.</Text>
        {email.includes('@') ? (
          <ResendConfirmation email={email} />
        ) : (
          <Text size="sm">Enter your email address below to get a new link.</Text>
        )}
      </Stack>
    </Alert>
  );
}
