import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import {
  MEMBERSHIP_ROLES,
  rolesForModules,
  scopeFor,
  scopeIdsOf,
  scopeKindOf,
} from '../roles/roles';
import { ScopeField } from '../roles/ScopeField';
import { ROLE_LABELS } from '../session/labels';
import { activeTenantOf } from '../session/session';
import { useSession } from '../session/SessionContext';
import type { MembershipRole } from '../session/types';
import { FormError } from '../ui/FormError';
import { changeRole, USERS_KEY } from './api';
import type { TenantMember } from './types';

interface ChangeRoleFormProps {
  member: TenantMember;
  onDone: (member: TenantMember) => void;
  onCancel: () => void;
}

/** Changes the role of a member, and the districts or programs that limit it. */
export function ChangeRoleForm({ member, onDone, onCancel }: ChangeRoleFormProps) {
  const tenant = activeTenantOf(useSession());
  const queryClient = useQueryClient();
  const offered = rolesForModules(tenant?.modules ?? []);
  const roles = offered.includes(member.role) ? offered : [...offered, member.role];
  const [role, setRole] = useState<MembershipRole>(member.role);
  const [ids, setIds] = useState<string[]>(() => scopeIdsOf(member.role, member.scope));
  const save = useMutation({
    mutationFn: () => changeRole(member.id, { role, scope: scopeFor(role, ids) }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone(updated);
    },
  });

  const roleError = fieldErrorText(save.error, 'role', 'Role');
  const scopeError =
    fieldErrorText(save.error, 'programs', 'Programs') ??
    fieldErrorText(save.error, 'districts', 'Districts');
  const otherError = save.isError && !roleError && !scopeError ? save.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Change the role of ${member.email}`}>
      <Stack gap="md">
        <Text size="sm">
          {member.name || member.email} is now <strong>{ROLE_LABELS[member.role]}</strong>.
        </Text>
        {otherError && <FormError title="The role could not be changed" error={otherError} />}
        <Select
          label="Role"
          required
          allowDeselect={false}
          data-autofocus
          data={MEMBERSHIP_ROLES.filter((value) => roles.includes(value)).map((value) => ({
            value,
            label: ROLE_LABELS[value],
          }))}
          value={role}
          onChange={(value) => {
            const next = roles.find((candidate) => candidate === value);
            if (next === undefined) return;
            if (scopeKindOf(next) !== scopeKindOf(role)) setIds(scopeIdsOf(next, member.scope));
            setRole(next);
          }}
          error={roleError}
        />
        <ScopeField role={role} value={ids} onChange={setIds} error={scopeError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
