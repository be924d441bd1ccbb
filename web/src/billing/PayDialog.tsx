import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { BILLING_KEY, howToPay } from './api';
import type { Invoice } from './types';

interface PayDialogProps {
  invoice: Invoice | null;
  onClose: () => void;
}

/**
 * How to pay an open invoice, as the tenant's payment provider says: instructions (the built-in
 * manual provider), or a link to the provider's checkout page.
 */
export function PayDialog({ invoice, onClose }: PayDialogProps) {
  const instructions = useQuery({
    queryKey: [...BILLING_KEY, 'pay', invoice?.id],
    queryFn: () => howToPay(invoice?.id ?? ''),
    enabled: invoice !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const answer = instructions.data;

  return (
    <Modal
      opened={invoice !== null}
      onClose={onClose}
      title={invoice ? `Pay invoice ${invoice.number}` : 'Pay'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {instructions.isPending && <TableLoading label="Asking how to pay…" />}
        {instructions.isError && (
          <ErrorAlert title="Payment details could not be loaded" error={instructions.error} />
        )}
        {answer?.kind === 'instructions' && <Text>{answer.text}</Text>}
        {answer?.kind === 'redirect' && (
          <Text>Payment happens on the payment provider’s secure page.</Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Close
          </Button>
          {answer?.kind === 'redirect' && (
            <Button component="a" href={answer.url}>
              Continue to payment
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
