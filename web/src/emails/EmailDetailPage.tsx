import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../format/dates';
import { TableLoading } from '../table/TableStates';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useNotify } from '../ui/notificationsContext';
import { EMAILS_KEY, getEmail, resendEmail } from './api';
import { DetailProblem } from './DetailProblem';
import { EmailPreview } from './EmailPreview';
import { isInFlight, OUTCOME_COLORS, OUTCOME_LABELS, templateLabel } from './labels';
import { bulkJobPath, EMAILS_PATH } from './paths';
import { StatusBadge } from './StatusBadge';
import type { EmailDetail } from './types';
import { useTenantNamer } from './useTenantNamer';

/** What the server puts in place of one-time links when previews must not hand out access. */
const HIDDEN_LINK = '[link hidden]';
const IN_FLIGHT_REFRESH_MS = 3_000;

function Facts({ rows }: { rows: ReadonlyArray<[string, ReactNode]> }) {
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="Email details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140} scope="row">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Attempts({ attempts }: { attempts: EmailDetail['deliveryAttempts'] }) {
  if (attempts.length === 0) {
    return <Text size="sm">No delivery attempt yet: the email is waiting for the worker.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder aria-label="Delivery attempts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th w={200}>When</Table.Th>
            <Table.Th w={120}>Outcome</Table.Th>
            <Table.Th>Mail server’s answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attempts.map((attempt) => (
            <Table.Tr key={attempt.attempt}>
              <Table.Td>{attempt.attempt}</Table.Td>
              <Table.Td>{formatDateTime(attempt.occurredAt)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={OUTCOME_COLORS[attempt.outcome]}>
                  {OUTCOME_LABELS[attempt.outcome]}
                </Badge>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{attempt.response ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ResendButton({ email }: { email: EmailDetail }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const resend = useMutation({
    mutationFn: () => resendEmail(email.id),
    onSuccess: () => {
      setOpened(false);
      void queryClient.invalidateQueries({ queryKey: EMAILS_KEY });
      notify({
        kind: 'success',
        title: `Email queued again for ${email.to}`,
        message: 'The new copy appears at the top of Recent emails.',
      });
    },
  });
  const close = () => {
    setOpened(false);
    resend.reset();
  };
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Resend
      </Button>
      <ConfirmModal
        opened={opened}
        title="Send this email again?"
        confirmLabel="Resend"
        onConfirm={() => resend.mutate()}
        onClose={close}
        pending={resend.isPending}
        error={resend.error}
      >
        <Text size="sm">
          A new copy of “{email.subject}” is rendered from the same data and queued for {email.to}.
          This email keeps its own history.
        </Text>
      </ConfirmModal>
    </>
  );
}

/** `/admin/emails/:id`: one email, how its delivery went, what it looks like, and resend. */
export function EmailDetailPage() {
  const { id = '' } = useParams();
  const tenantNameOf = useTenantNamer();
  const email = useQuery({
    queryKey: [...EMAILS_KEY, 'detail', id],
    queryFn: ({ signal }) => getEmail(id, signal),
    refetchInterval: ({ state }) =>
      state.data && isInFlight(state.data.status) ? IN_FLIGHT_REFRESH_MS : false,
  });
  const back = (
    <Anchor component={Link} to={EMAILS_PATH} size="sm">
      ← All emails
    </Anchor>
  );

  if (email.isPending) return <TableLoading label="Loading the email…" />;
  if (email.isError) {
    return <DetailProblem back={back} title="The email could not be loaded" query={email} />;
  }
  const data = email.data;
  const facts: Array<[string, ReactNode]> = [
    ['To', data.to],
    ['From', data.fromName],
    ['Reply-to', data.replyTo ?? '—'],
    ['Template', templateLabel(data.template)],
    ['Status', <StatusBadge key="status" status={data.status} />],
    ['Attempts', String(data.attempts)],
  ];
  if (data.lastError) facts.push(['Last error', data.lastError]);
  facts.push(
    ['Queued', formatDateTime(data.createdAt)],
    ['Sent', data.sentAt ? formatDateTime(data.sentAt) : '—'],
  );
  if (data.bulkJobId) {
    facts.push([
      'Bulk send',
      <Anchor key="bulk" component={Link} to={bulkJobPath(data.bulkJobId)} size="sm">
        See the whole bulk send
      </Anchor>,
    ]);
  }
  if (tenantNameOf) facts.push(['Tenant', tenantNameOf(data)]);
  const linksHidden = data.html.includes(HIDDEN_LINK) || data.text.includes(HIDDEN_LINK);

  return (
    <Stack gap="lg">
      <title>{`${data.subject} · Emails · EduLedger`}</title>
      <Stack gap="xs">
        {back}
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {data.subject}
          </Title>
          <ResendButton email={data} />
        </Group>
      </Stack>
      <Facts rows={facts} />
      <Stack gap="xs">
        <Title order={3} size="h5">
          Delivery attempts
        </Title>
        <Attempts attempts={data.deliveryAttempts} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Preview
        </Title>
        {linksHidden && (
          <Alert variant="light" color="blue">
            One-time links (sign-in, reset, invitation) are hidden in previews so that reading an
            email here does not hand out access.
          </Alert>
        )}
        <EmailPreview email={data} label={data.subject} />
      </Stack>
    </Stack>
  );
}
