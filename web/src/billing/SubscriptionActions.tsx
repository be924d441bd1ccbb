import { Button, Menu, Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useNotify } from '../ui/notificationsContext';
import { cancelSubscription, PLATFORM_BILLING_KEY } from './api';
import { formatDay } from './format';
import { StartTrialForm } from './StartTrialForm';
import type { PlatformSubscription } from './types';

/** A subscription's row actions: a new trial, or cancelling it. */
export function SubscriptionActions({ subscription }: { subscription: PlatformSubscription }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'trial' | 'cancel' | null>(null);
  const { tenant } = subscription;
  const cancel = useMutation({
    mutationFn: () => cancelSubscription(tenant.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PLATFORM_BILLING_KEY });
      setDialog(null);
      notify({ kind: 'success', title: `${tenant.name}: subscription cancelled` });
    },
  });

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" variant="default" aria-label={`Actions for ${tenant.name}`}>
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('trial')}>Start a new trial</Menu.Item>
          {subscription.status !== 'cancelled' && (
            <Menu.Item color="red" onClick={() => setDialog('cancel')}>
              Cancel subscription
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'trial'}
        onClose={() => setDialog(null)}
        title={`New trial for ${tenant.name}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog === 'trial' && (
          <StartTrialForm
            tenantId={tenant.id}
            onCancel={() => setDialog(null)}
            onDone={({ trialEndsOn }) => {
              setDialog(null);
              notify({
                kind: 'success',
                title: `${tenant.name} is on a trial`,
                message: `It ends on ${formatDay(trialEndsOn)}.`,
              });
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={dialog === 'cancel'}
        title={`Cancel the subscription of ${tenant.name}?`}
        confirmLabel="Cancel subscription"
        dismissLabel="Keep it"
        color="red"
        onConfirm={() => cancel.mutate()}
        onClose={() => {
          setDialog(null);
          cancel.reset();
        }}
        pending={cancel.isPending}
        error={cancel.error}
      >
        <Text size="sm">
          Nothing more is invoiced and the tenant becomes read-only: its data stays readable and
          exportable. Choosing a plan and paying brings it back.
        </Text>
      </ConfirmModal>
    </>
  );
}
