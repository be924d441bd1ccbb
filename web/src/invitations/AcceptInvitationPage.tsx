import { Blockquote, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import { formatDate, formatRelative } from '../format/dates';
import { useNow } from '../format/useNow';
import { ROLE_LABELS } from '../session/labels';
import { CardPage } from '../ui/CardPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { getInvitationOffer } from './api';
import { InvitationExpired, InvitationInvalid } from './InvitationProblem';
import type { InvitationOffer } from './types';

export const ACCEPT_INVITATION_PATH = '/invitations/accept';

function statusOf(error: Error | null): number | null {
  return error instanceof ApiError ? error.status : null;
}

function Offer({ offer }: { offer: InvitationOffer }) {
  const now = useNow();
  return (
    <Stack gap="sm">
      <Text>
        <strong>{offer.inviterName}</strong> invited you to join <strong>{offer.tenantName}</strong>{' '}
        as <strong>{ROLE_LABELS[offer.role]}</strong>.
      </Text>
      {(offer.program || offer.section) && (
        <Text>
          {offer.program && (
            <>
              Program: <strong>{offer.program}</strong>.{' '}
            </>
          )}
          {offer.section && (
            <>
              Section to assess: <strong>{offer.section}</strong>; it opens once you have joined.
            </>
          )}
        </Text>
      )}
      {offer.message !== null && offer.message.trim() !== '' && (
        <Blockquote p="sm" cite={`— ${offer.inviterName}`} style={{ whiteSpace: 'pre-line' }}>
          {offer.message}
        </Blockquote>
      )}
      <Text size="sm" c="dimmed">
        This invitation expires {formatRelative(offer.expiresAt, now)} (
        {formatDate(offer.expiresAt)}).
      </Text>
    </Stack>
  );
}

function AcceptInvitation({ token }: { token: string }) {
  const offer = useQuery({
    queryKey: ['invitation-offer', token],
    queryFn: ({ signal }) => getInvitationOffer(token, signal),
    staleTime: Infinity,
  });
  const [goneStatus, setGoneStatus] = useState<number | null>(null);
  const status = goneStatus ?? statusOf(offer.error);

  if (status === 404) return <InvitationInvalid />;
  if (status === 410) return <InvitationExpired />;
  if (offer.isError) {
    return (
      <CardPage title="Your invitation">
        <ErrorAlert
          title="The invitation could not be opened"
          error={offer.error}
          onRetry={() => void offer.refetch()}
          retrying={offer.isFetching}
        />
      </CardPage>
    );
  }
  if (offer.isPending) {
    return (
      <CardPage title="Your invitation">
        <Center role="status" py="md">
          <Loader size="sm" aria-hidden />
          <Text size="sm" ml="sm">
            Opening your invitation…
          </Text>
        </Center>
      </CardPage>
    );
  }
  return (
    <CardPage title={`Join ${offer.data.tenantName}`}>
      <Offer offer={offer.data} />
      <AcceptInvitationForm
        token={token}
        email={offer.data.email}
        onGone={(error) => setGoneStatus(error.status)}
      />
    </CardPage>
  );
}

/** Opened from the invitation email: `/invitations/accept?token=…`. Anyone may open it. */
export function AcceptInvitationPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  if (!token) return <InvitationInvalid />;
  return <AcceptInvitation key={token} token={token} />;
}
