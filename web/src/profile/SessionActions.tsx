import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeUserAgent } from '../format/userAgent';
import { SIGN_IN_PATH } from '../session/nextPath';
import { ConfirmModal } from '../ui/ConfirmModal';
import { requestIdOf } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { revokeSession, SESSIONS_KEY, type OwnSession } from './api';

/** Revoke for another session; Sign out (after a confirmation) for this one. */
export function SessionActions({ session }: { session: OwnSession }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const device = describeUserAgent(session.userAgent);
  const revoke = useMutation({
    mutationFn: () => revokeSession(session.id),
    onSuccess: () => {
      if (session.current) {
        queryClient.clear();
        void navigate(SIGN_IN_PATH, { replace: true });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      notify({ kind: 'success', title: `Session on ${device} signed out` });
    },
    onError: (error) => {
      if (session.current) return;
      notify({
        kind: 'error',
        title: `The session on ${device} could not be signed out`,
        message: error.message,
        requestId: requestIdOf(error),
      });
    },
  });

  if (!session.current) {
    return (
      <Button
        size="xs"
        variant="light"
        color="red"
        loading={revoke.isPending}
        onClick={() => revoke.mutate()}
        aria-label={`Revoke the session on ${device}`}
      >
        Revoke
      </Button>
    );
  }
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
        Sign out here
      </Button>
      <ConfirmModal
        opened={confirming}
        title="Sign out of this session?"
        confirmLabel="Sign out"
        onConfirm={() => revoke.mutate()}
        onClose={() => {
          setConfirming(false);
          revoke.reset();
        }}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text size="sm">
          This is the session you are using now; you will need to sign in again.
        </Text>
      </ConfirmModal>
    </>
  );
}
