import { Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useNotify } from '../ui/notificationsContext';
import { markPaid, PLATFORM_BILLING_KEY } from './api';
import { formatMoney } from './format';
import { STATUS_LABELS } from './labels';
import type { TenantInvoice } from './types';

interface MarkPaidDialogProps {
  invoice: TenantInvoice | null;
  onClose: () => void;
}

/** The built-in manual provider: record that an invoice was paid (bank transfer, check…). */
export function MarkPaidDialog({ invoice, onClose }: MarkPaidDialogProps) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const paid = useMutation({
    mutationFn: (target: TenantInvoice) => markPaid(target.id, note.trim()),
    onSuccess: (result, target) => {
      void queryClient.invalidateQueries({ queryKey: PLATFORM_BILLING_KEY });
      setNote('');
      onClose();
      notify({
        kind: 'success',
        title: `Invoice ${target.number} marked paid`,
        message: result.subscriptionStatus
          ? `${target.tenantName} is now ${STATUS_LABELS[result.subscriptionStatus].toLowerCase()}.`
          : undefined,
      });
    },
  });
  const close = () => {
    paid.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={invoice !== null}
      title={invoice ? `Mark invoice ${invoice.number} paid?` : 'Mark paid?'}
      confirmLabel="Mark paid"
      onConfirm={() => invoice && paid.mutate(invoice)}
      onClose={close}
      pending={paid.isPending}
      error={paid.error}
    >
      {invoice && (
        <Text size="sm">
          Records a payment of{' '}
          {formatMoney(invoice.totalCents - invoice.paidCents, invoice.currency)} from{' '}
          {invoice.tenantName}, received today. A read-only or past-due tenant with nothing else
          overdue becomes active at once.
        </Text>
      )}
      <Textarea
        label="Note (optional)"
        description="E.g. the check number or the transfer reference."
        value={note}
        maxLength={500}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
    </ConfirmModal>
  );
}
