import { Button, Combobox, Menu, Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../session/SessionContext';
import { ConfirmModal } from '../ui/ConfirmModal';
import { requestIdOf } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { runMemberAction, sendResetLink, USERS_KEY, type MemberAction } from './api';
import { ChangeRoleForm } from './ChangeRoleForm';
import type { TenantMember } from './types';

type Dialog = 'role' | 'deactivate' | 'reactivate' | null;

const CONFIRMATIONS = {
  deactivate: {
    title: 'Deactivate this user?',
    confirm: 'Deactivate',
    color: 'red',
    text: 'They are signed out and can no longer open this tenant. Their records stay. You can reactivate them later.',
    done: 'deactivated',
  },
  reactivate: {
    title: 'Reactivate this user?',
    confirm: 'Reactivate',
    color: undefined,
    text: 'They can sign in to this tenant again, with the role they had.',
    done: 'reactivated',
  },
} as const;

/** What the row menu offers; the server refuses to let you deactivate or demote yourself. */
export function memberMenuItems(member: TenantMember, isSelf: boolean) {
  return {
    changeRole: !isSelf,
    deactivate: !isSelf && member.status !== 'deactivated',
    reactivate: !isSelf && member.status === 'deactivated',
    unlock: member.locked,
    sendReset: member.status === 'active' || member.status === 'suspended',
  };
}

/** The actions menu of one row of the users table, with its dialogs. */
export function MemberActions({ member }: { member: TenantMember }) {
  const me = useSession();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const who = member.name || member.email;
  const items = memberMenuItems(member, member.id === me.user.id);

  const notifyError = (title: string) => (error: Error) =>
    notify({ kind: 'error', title, message: error.message, requestId: requestIdOf(error) });
  const action = useMutation({
    mutationFn: (verb: MemberAction) => runMemberAction(member.id, verb),
    onSuccess: (_updated, verb) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      setDialog(null);
      const done = verb === 'unlock' ? 'unlocked' : CONFIRMATIONS[verb].done;
      notify({ kind: 'success', title: `${who} ${done}` });
    },
    onError: (error, verb) => {
      if (verb === 'unlock') notifyError(`${who} could not be unlocked`)(error);
    },
  });
  const reset = useMutation({
    mutationFn: () => sendResetLink(member.id),
    onSuccess: () =>
      notify({
        kind: 'success',
        title: 'Password reset link sent',
        message: `${member.email} can choose a new password with it within 1 hour.`,
      }),
    onError: notifyError(`No reset link could be sent to ${member.email}`),
  });

  const confirming = dialog === 'deactivate' || dialog === 'reactivate' ? dialog : null;
  const confirmation = CONFIRMATIONS[confirming ?? 'deactivate'];
  const close = () => {
    setDialog(null);
    action.reset();
  };
  const open = (next: Dialog) => {
    action.reset();
    setDialog(next);
  };
  if (!Object.values(items).some(Boolean)) return null;

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            rightSection={<Combobox.Chevron size="xs" />}
            loading={action.isPending || reset.isPending}
            aria-label={`Actions for ${who}`}
          >
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.changeRole && <Menu.Item onClick={() => open('role')}>Change role</Menu.Item>}
          {items.unlock && <Menu.Item onClick={() => action.mutate('unlock')}>Unlock</Menu.Item>}
          {items.sendReset && (
            <Menu.Item onClick={() => reset.mutate()}>Send password reset link</Menu.Item>
          )}
          {items.reactivate && <Menu.Item onClick={() => open('reactivate')}>Reactivate</Menu.Item>}
          {items.deactivate && (
            <Menu.Item color="red" onClick={() => open('deactivate')}>
              Deactivate
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'role'}
        onClose={close}
        title={`Change the role of ${who}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog === 'role' && (
          <ChangeRoleForm
            member={member}
            onCancel={close}
            onDone={() => {
              close();
              notify({ kind: 'success', title: `Role of ${who} changed` });
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={confirming !== null}
        title={confirmation.title}
        confirmLabel={confirmation.confirm}
        color={confirmation.color}
        onConfirm={() => {
          if (confirming !== null) action.mutate(confirming);
        }}
        onClose={close}
        pending={action.isPending}
        error={action.error}
      >
        <Text size="sm">
          <strong>{who}</strong> ({member.email}). {confirmation.text}
        </Text>
      </ConfirmModal>
    </>
  );
}
