import { Button, Combobox, Menu, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { HOME_PATH } from '../session/nextPath';
import { useSwitchTenant } from '../session/queries';
import { useSession } from '../session/SessionContext';
import { ConfirmModal } from '../ui/ConfirmModal';
import { requestIdOf } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { updateTenant } from './api';
import { EditTenantForm } from './EditTenantForm';
import type { AdminTenant } from './types';
import { useTenantMutation } from './useTenantMutation';

type Dialog = 'edit' | 'deactivate' | 'reactivate' | null;

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

const CONFIRMATIONS = {
  deactivate: {
    title: 'Deactivate this tenant?',
    confirm: 'Deactivate',
    color: 'red',
    text: (tenant: AdminTenant) =>
      `Its ${plural(tenant.members, 'member')} can no longer open it. Its data is kept, and you can reactivate it at any time.`,
  },
  reactivate: {
    title: 'Reactivate this tenant?',
    confirm: 'Reactivate',
    color: undefined,
    text: () => 'Its members can open it again, with the roles they had.',
  },
} as const;

interface TenantActionsProps {
  tenant: AdminTenant;
  /** The modules this installation ships. */
  modules: readonly string[];
}

/** The actions menu of one row of the tenants table, with its dialogs. */
export function TenantActions({ tenant, modules }: TenantActionsProps) {
  const me = useSession();
  const notify = useNotify();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const enter = useSwitchTenant({ onSwitched: () => void navigate(HOME_PATH) });
  const activation = useTenantMutation(
    (isActive: boolean) => updateTenant(tenant.id, { isActive }),
    (_saved, isActive) => {
      setDialog(null);
      notify({
        kind: 'success',
        title: `${tenant.name} ${isActive ? 'reactivated' : 'deactivated'}`,
      });
    },
  );

  const confirming = dialog === 'deactivate' || dialog === 'reactivate' ? dialog : null;
  const confirmation = CONFIRMATIONS[confirming ?? 'deactivate'];
  const close = () => {
    setDialog(null);
    activation.reset();
  };
  const open = () =>
    enter.mutate(tenant.id, {
      onError: (error) =>
        notify({
          kind: 'error',
          title: `${tenant.name} could not be opened`,
          message: error.message,
          requestId: requestIdOf(error),
        }),
    });

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            rightSection={<Combobox.Chevron size="xs" />}
            loading={enter.isPending}
            aria-label={`Actions for ${tenant.name}`}
          >
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {me.activeTenantId !== tenant.id && <Menu.Item onClick={open}>Open</Menu.Item>}
          <Menu.Item onClick={() => setDialog('edit')}>Edit</Menu.Item>
          {tenant.isActive ? (
            <Menu.Item color="red" onClick={() => setDialog('deactivate')}>
              Deactivate
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => setDialog('reactivate')}>Reactivate</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'edit'}
        onClose={close}
        title={`Edit ${tenant.name}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {dialog === 'edit' && (
          <EditTenantForm
            tenant={tenant}
            modules={modules}
            onCancel={close}
            onDone={() => {
              close();
              notify({ kind: 'success', title: `${tenant.name} saved` });
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={confirming !== null}
        title={confirmation.title}
        confirmLabel={confirmation.confirm}
        color={confirmation.color}
        onConfirm={() => activation.mutate(confirming === 'reactivate')}
        onClose={close}
        pending={activation.isPending}
        error={activation.error}
      >
        <Text size="sm">
          <strong>{tenant.name}</strong> ({tenant.slug}). {confirmation.text(tenant)}
        </Text>
      </ConfirmModal>
    </>
  );
}
