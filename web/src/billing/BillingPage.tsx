import {
  Alert,
  Badge,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { BILLING_KEY, getBilling } from './api';
import { formatDay, formatMoney, planPrice } from './format';
import { InvoicesSection } from './InvoicesSection';
import { isRestricted, REASON_TEXT, STATUS_COLORS, STATUS_LABELS } from './labels';
import { PlanChooser } from './PlanChooser';
import type { Subscription } from './types';
import { UsageSection } from './UsageSection';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Card>
  );
}

/** What the status means for the tenant now, and what to do about it. */
function StatusNotice({ subscription }: { subscription: Subscription }) {
  const reason = subscription.statusReason ? REASON_TEXT[subscription.statusReason] : undefined;
  if (isRestricted(subscription.status)) {
    return (
      <Alert color="red" variant="light" title="This workspace is read-only">
        {reason} Everything stays readable and exportable, but nothing can be changed and no one can
        be invited.{' '}
        {subscription.openInvoices > 0
          ? 'Pay the open invoice below to restore full access.'
          : 'Choose a plan below: its first invoice is issued at once, and full access returns when it is paid.'}
      </Alert>
    );
  }
  if (subscription.status === 'past_due') {
    return (
      <Alert color="orange" variant="light" title="A payment is overdue">
        Pay the overdue invoice below; a workspace with an invoice unpaid 14 days after its due date
        becomes read-only.
      </Alert>
    );
  }
  if (subscription.status === 'trialing' && subscription.trialEndsOn) {
    return (
      <Alert
        color="blue"
        variant="light"
        title={`Trial: ${String(subscription.trialDaysLeft ?? 0)} days left`}
      >
        The trial ends on {formatDay(subscription.trialEndsOn)}.{' '}
        {subscription.planChosen
          ? `Then the ${subscription.plan.name} plan starts and everything stays editable.`
          : 'Choose a plan before then to keep editing; without one, the workspace becomes read-only.'}
      </Alert>
    );
  }
  return null;
}

/** `/admin/billing` (tenant admins): plan, trial, usage over time, invoices, and changing plan. */
export function BillingPage() {
  const billing = useQuery({ queryKey: BILLING_KEY, queryFn: ({ signal }) => getBilling(signal) });
  const data = billing.data;
  const subscription = data?.subscription ?? null;

  return (
    <Container size="xl" py="md">
      <title>Billing · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1}>Billing</Title>
            <Text size="sm" c="dimmed">
              Your plan, usage and invoices.
            </Text>
          </Stack>
          {subscription && (
            <Badge size="lg" variant="light" color={STATUS_COLORS[subscription.status]}>
              {STATUS_LABELS[subscription.status]}
            </Badge>
          )}
        </Group>
        {billing.isPending && <TableLoading label="Loading billing…" />}
        {billing.isError && (
          <ErrorAlert
            title="Billing could not be loaded"
            error={billing.error}
            onRetry={() => void billing.refetch()}
            retrying={billing.isFetching}
          />
        )}
        {data && !subscription && (
          <TableEmpty
            title="No subscription yet"
            description="This workspace is not billed. An EduLedger administrator starts a subscription with a free 30-day trial."
          />
        )}
        {data && subscription && (
          <>
            <StatusNotice subscription={subscription} />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
              <Fact label="Plan">
                {subscription.plan.name}
                {subscription.planChosen ? '' : ' (not chosen yet)'}
                <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                  {planPrice(subscription.plan, subscription.currency)}
                </Text>
              </Fact>
              <Fact label={subscription.status === 'trialing' ? 'Trial days left' : 'Next invoice'}>
                {subscription.status === 'trialing'
                  ? String(subscription.trialDaysLeft ?? 0)
                  : subscription.nextPeriodStart
                    ? formatDay(subscription.nextPeriodStart)
                    : 'None scheduled'}
              </Fact>
              <Fact label="Estimated monthly">
                {formatMoney(subscription.estimatedMonthlyCents, subscription.currency)}
                <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                  {data.usage
                    ? `at ${String(data.usage.billableCourses)} billable courses`
                    : 'before the first usage count'}
                </Text>
              </Fact>
              <Fact label="Payment method">{subscription.paymentMethod.label}</Fact>
            </SimpleGrid>
            <PlanChooser plans={data.plans} subscription={subscription} />
            <UsageSection canRefresh={!isRestricted(subscription.status)} />
            <InvoicesSection today={data.today} />
          </>
        )}
      </Stack>
    </Container>
  );
}
