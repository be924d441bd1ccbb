import { Alert, Stack, Text } from '@mantine/core';
import { BillingLink } from './BillingLink';
import { RequestId } from './ErrorAlert';

/** A form-level failure: the server's message and request id. */
export function FormError({ title, error }: { title: string; error: Error }) {
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap={4}>
        <Text size="sm">{error.message}</Text>
        <BillingLink error={error} />
        <RequestId error={error} />
      </Stack>
    </Alert>
  );
}
