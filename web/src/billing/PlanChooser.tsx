import { Button, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useNotify } from '../ui/notificationsContext';
import { BILLING_KEY, choosePlan } from './api';
import { planPrice } from './format';
import { isRestricted } from './labels';
import type { Plan, Subscription } from './types';

/** What choosing a plan does now, by the subscription's status. */
function consequence(subscription: Subscription): string {
  if (subscription.status === 'trialing') {
    return 'The trial goes on; when it ends, the plan starts and its first invoice is issued, and everything stays editable.';
  }
  if (isRestricted(subscription.status)) {
    return 'Its first month is invoiced today. Full access returns as soon as the invoice is paid.';
  }
  return 'The new plan applies from the next invoice.';
}

interface PlanChooserProps {
  plans: readonly Plan[];
  subscription: Subscription;
}

/** Choose or change the plan (allowed even while read-only: it is how access comes back). */
export function PlanChooser({ plans, subscription }: PlanChooserProps) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const current = subscription.plan.code;
  const [selected, setSelected] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const choose = useMutation({
    mutationFn: () => choosePlan(selected),
    onSuccess: (overview) => {
      queryClient.setQueryData(BILLING_KEY, overview);
      void queryClient.invalidateQueries({ queryKey: BILLING_KEY });
      setConfirming(false);
      notify({
        kind: 'success',
        title: `${overview.subscription?.plan.name ?? 'The'} plan chosen`,
        message: consequence(subscription),
      });
    },
  });
  const chosenPlan = plans.find((plan) => plan.code === selected);
  const unchanged = selected === current && subscription.planChosen;

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={2} size="h4">
            {subscription.planChosen ? 'Change plan' : 'Choose a plan'}
          </Title>
          <Text size="sm" c="dimmed">
            {consequence(subscription)}
          </Text>
        </Stack>
        <Radio.Group value={selected} onChange={setSelected} aria-label="Plans">
          <SimpleGrid cols={{ base: 1, sm: Math.min(3, plans.length) }} spacing="sm">
            {plans.map((plan) => (
              <Radio.Card key={plan.code} value={plan.code} radius="md" p="md">
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600}>
                      {plan.name}
                      {plan.code === current && subscription.planChosen ? ' (current)' : ''}
                    </Text>
                    <Text size="sm">{planPrice(plan, subscription.currency)}</Text>
                    <Text size="xs" c="dimmed">
                      {plan.description}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Group justify="flex-end">
          <Button onClick={() => setConfirming(true)} disabled={unchanged || !chosenPlan}>
            {subscription.planChosen ? 'Change plan' : 'Choose this plan'}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={`Choose the ${chosenPlan?.name ?? ''} plan?`}
        confirmLabel="Choose plan"
        onConfirm={() => choose.mutate()}
        onClose={() => {
          setConfirming(false);
          choose.reset();
        }}
        pending={choose.isPending}
        error={choose.error}
      >
        <Text size="sm">
          {chosenPlan ? planPrice(chosenPlan, subscription.currency) : ''}.{' '}
          {consequence(subscription)}
        </Text>
      </ConfirmModal>
    </Card>
  );
}
