import {
  Badge,
  Button,
  Card,
  Container,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { getPlatformBilling, listOpenInvoices, PLATFORM_BILLING_KEY } from './api';
import { FinanceExport } from './FinanceExport';
import { formatDay, formatMoney } from './format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { STATUS_COLORS, STATUS_LABELS } from './labels';
import { MarkPaidDialog } from './MarkPaidDialog';
import { PlansEditor } from './PlansEditor';
import { StartTrialForm } from './StartTrialForm';
import { SubscriptionActions } from './SubscriptionActions';
import type { PlatformBilling, TenantInvoice } from './types';

function Mrr({ mrr }: { mrr: PlatformBilling['mrr'] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 4 }} spacing="md">
      {mrr.length === 0 ? (
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            MRR
          </Text>
          <Text fz="xl" fw={700}>
            None yet
          </Text>
          <Text size="xs" c="dimmed">
            No active or past-due subscription.
          </Text>
        </Card>
      ) : (
        mrr.map(({ currency, cents }) => (
          <Card key={currency} withBorder padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              MRR ({currency})
            </Text>
            <Text fz="xl" fw={700}>
              {formatMoney(cents, currency)}
            </Text>
          </Card>
        ))
      )}
    </SimpleGrid>
  );
}

function SubscriptionsTable({ data }: { data: PlatformBilling }) {
  if (data.subscriptions.length === 0) {
    return (
      <TableEmpty
        title="No subscriptions yet"
        description="Start a trial for a tenant: it is billed once the trial ends."
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Subscriptions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tenant</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Trial ends</Table.Th>
            <Table.Th ta="right">Courses</Table.Th>
            <Table.Th ta="right">Active users</Table.Th>
            <Table.Th ta="right">Monthly</Table.Th>
            <Table.Th ta="right">Open balance</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.subscriptions.map((s) => (
            <Table.Tr key={s.tenant.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {s.tenant.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.tenant.slug}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.planName}
                {s.planChosen ? '' : ' (not chosen)'}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[s.status]}>
                  {STATUS_LABELS[s.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {s.status === 'trialing' && s.trialEndsOn ? formatDay(s.trialEndsOn) : '—'}
              </Table.Td>
              <Table.Td ta="right">{s.billableCourses ?? '—'}</Table.Td>
              <Table.Td ta="right">{s.activeUsers ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatMoney(s.monthlyCents, s.currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(s.openCents, s.currency)}</Table.Td>
              <Table.Td>
                <SubscriptionActions subscription={s} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface InvoiceTableProps {
  label: string;
  invoices: readonly (TenantInvoice & { daysOverdue?: number })[];
  today: string;
  onMarkPaid: (invoice: TenantInvoice) => void;
}

function InvoiceTable({ label, invoices, today, onMarkPaid }: InvoiceTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Invoice</Table.Th>
            <Table.Th>Tenant</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th ta="right">Balance</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Payment</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td fw={500}>{invoice.number}</Table.Td>
              <Table.Td>{invoice.tenantName}</Table.Td>
              <Table.Td>{formatDay(invoice.issuedOn)}</Table.Td>
              <Table.Td>
                {formatDay(invoice.dueOn)}
                {invoice.daysOverdue !== undefined && (
                  <Text size="xs" c="red">
                    {invoice.daysOverdue} days overdue
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {formatMoney(invoice.totalCents - invoice.paidCents, invoice.currency)}
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge invoice={invoice} today={today} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onMarkPaid(invoice)}
                  aria-label={`Mark invoice ${invoice.number} paid`}
                >
                  Mark paid
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * `/admin/subscriptions` (site admins): every subscription, MRR, the past-due list and open
 * invoices to mark paid, trials, plan prices and the finance export.
 */
export function SubscriptionsPage() {
  const notify = useNotify();
  const [starting, setStarting] = useState(false);
  const [paying, setPaying] = useState<TenantInvoice | null>(null);
  const billing = useQuery({
    queryKey: PLATFORM_BILLING_KEY,
    queryFn: ({ signal }) => getPlatformBilling(signal),
  });
  const open = useQuery({
    queryKey: [...PLATFORM_BILLING_KEY, 'open-invoices'],
    queryFn: ({ signal }) => listOpenInvoices(signal),
  });
  const data = billing.data;

  return (
    <Container size="xl" py="md">
      <title>Subscriptions · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1}>Subscriptions</Title>
            <Text size="sm" c="dimmed">
              Billing of every tenant: plans, trials, revenue and payments.
            </Text>
          </Stack>
          {data && <Button onClick={() => setStarting(true)}>Start a trial</Button>}
        </Group>
        {billing.isPending && <TableLoading label="Loading subscriptions…" />}
        {billing.isError && (
          <ErrorAlert
            title="The subscriptions could not be loaded"
            error={billing.error}
            onRetry={() => void billing.refetch()}
            retrying={billing.isFetching}
          />
        )}
        {data && (
          <>
            <Mrr mrr={data.mrr} />
            <Section
              title="All subscriptions"
              description="Monthly: the plan’s price at the latest count of billable courses."
            >
              <SubscriptionsTable data={data} />
            </Section>
            <Section
              title="Past due"
              description="Open invoices past their due day; 14 days later the tenant becomes read-only."
            >
              {data.pastDue.length === 0 ? (
                <TableEmpty title="Nothing is past due" />
              ) : (
                <InvoiceTable
                  label="Past-due invoices"
                  invoices={data.pastDue}
                  today={data.today}
                  onMarkPaid={setPaying}
                />
              )}
            </Section>
            <Section
              title="Open invoices"
              description="Every unpaid invoice. Mark one paid when its payment arrives (bank transfer, check)."
            >
              {open.isPending && <TableLoading label="Loading open invoices…" />}
              {open.isError && (
                <ErrorAlert
                  title="The open invoices could not be loaded"
                  error={open.error}
                  onRetry={() => void open.refetch()}
                  retrying={open.isFetching}
                />
              )}
              {open.data?.items.length === 0 && <TableEmpty title="No open invoices" />}
              {open.data && open.data.items.length > 0 && (
                <InvoiceTable
                  label="Open invoices"
                  invoices={open.data.items}
                  today={data.today}
                  onMarkPaid={setPaying}
                />
              )}
            </Section>
            <FinanceExport today={data.today} />
            <PlansEditor />
          </>
        )}
      </Stack>
      <MarkPaidDialog invoice={paying} onClose={() => setPaying(null)} />
      <Modal
        opened={starting}
        onClose={() => setStarting(false)}
        title="Start a trial"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {starting && (
          <StartTrialForm
            onCancel={() => setStarting(false)}
            onDone={({ tenantName, trialEndsOn }) => {
              setStarting(false);
              notify({
                kind: 'success',
                title: `${tenantName} is on a trial`,
                message: `It ends on ${formatDay(trialEndsOn)}.`,
              });
            }}
          />
        )}
      </Modal>
    </Container>
  );
}
