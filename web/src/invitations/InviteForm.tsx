import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import { fieldErrorText } from '../api/fieldErrors';
import { rolesForModules, scopeFor, scopeKindOf } from '../roles/roles';
import { ScopeField } from '../roles/ScopeField';
import { ROLE_LABELS } from '../session/labels';
import { activeTenantOf } from '../session/session';
import { useSession } from '../session/SessionContext';
import type { MembershipRole } from '../session/types';
import { FormError } from '../ui/FormError';
import { createInvitation, INVITATIONS_KEY } from './api';
import type { Invitation } from './types';

export const MESSAGE_MAX_LENGTH = 1000;

interface ClientErrors {
  email?: string;
  role?: string;
  scope?: string;
}

interface Inviter {
  /** Program admins may invite instructors only, into their own programs. */
  programAdmin: boolean;
  roles: MembershipRole[];
  ownPrograms: readonly string[];
}

function useInviter(): Inviter {
  const me = useSession();
  const tenant = activeTenantOf(me);
  const programAdmin = !me.user.isSiteAdmin && tenant?.role === 'program_admin';
  return {
    programAdmin,
    roles: programAdmin ? ['instructor'] : rolesForModules(tenant?.modules ?? []),
    ownPrograms: programAdmin ? (tenant?.scope.programs ?? []) : [],
  };
}

function validate(
  inviter: Inviter,
  email: string,
  role: MembershipRole | null,
  ids: string[],
): ClientErrors {
  const errors: ClientErrors = {};
  if (email === '') errors.email = 'Enter the email address to invite.';
  else if (!email.includes('@')) errors.email = 'Enter an email address, like name@example.org.';
  if (role === null) errors.role = 'Choose a role.';
  if (inviter.programAdmin) {
    const foreign = ids.filter((id) => !inviter.ownPrograms.includes(id));
    if (ids.length === 0) errors.scope = 'Choose at least one of your programs.';
    else if (foreign.length > 0) {
      errors.scope = `You can invite into your own programs only; not ${foreign.join(', ')}.`;
    }
  }
  return errors;
}

function emailErrorOf(error: Error | null): string | undefined {
  if (error instanceof ApiError && error.code === 'conflict') {
    return fieldErrorText(error, 'email', 'This person') ?? error.message;
  }
  return fieldErrorText(error, 'email', 'Email');
}

interface InviteFormProps {
  onInvited: (invitation: Invitation) => void;
  onCancel: () => void;
}

/** Invites an email address into the active tenant with a role, a scope and a personal message. */
export function InviteForm({ onInvited, onCancel }: InviteFormProps) {
  const inviter = useInviter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole | null>(
    inviter.roles.length === 1 ? (inviter.roles[0] ?? null) : null,
  );
  const [ids, setIds] = useState<string[]>(
    inviter.ownPrograms.length === 1 ? [...inviter.ownPrograms] : [],
  );
  const [message, setMessage] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const invite = useMutation({
    mutationFn: createInvitation,
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      onInvited(invitation);
    },
  });

  const clientErrors = submitted ? validate(inviter, email.trim(), role, ids) : {};
  const serverErrors = {
    email: emailErrorOf(invite.error),
    role: fieldErrorText(invite.error, 'role', 'Role'),
    scope:
      fieldErrorText(invite.error, 'programs', 'Programs') ??
      fieldErrorText(invite.error, 'districts', 'Districts'),
    message: fieldErrorText(invite.error, 'message', 'Message'),
  };
  const otherError =
    invite.isError && Object.values(serverErrors).every((text) => text === undefined)
      ? invite.error
      : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const trimmed = email.trim();
    const errors = validate(inviter, trimmed, role, ids);
    if (role === null || Object.values(errors).some(Boolean)) return;
    const text = message.trim();
    invite.mutate({
      email: trimmed,
      role,
      scope: scopeFor(role, ids),
      ...(text === '' ? {} : { message: text }),
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Invite someone">
      <Stack gap="md">
        {otherError && <FormError title="The invitation could not be sent" error={otherError} />}
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          data-autofocus
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={clientErrors.email ?? serverErrors.email}
        />
        {inviter.programAdmin ? (
          <TextInput
            label="Role"
            value={ROLE_LABELS.instructor}
            readOnly
            description="Program administrators invite instructors."
          />
        ) : (
          <Select
            label="Role"
            placeholder="Choose a role"
            required
            allowDeselect={false}
            data={inviter.roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            value={role}
            onChange={(value) => {
              const next = inviter.roles.find((candidate) => candidate === value) ?? null;
              if (next !== null && role !== null && scopeKindOf(next) !== scopeKindOf(role)) {
                setIds([]);
              }
              setRole(next);
            }}
            error={clientErrors.role ?? serverErrors.role}
          />
        )}
        {role !== null && scopeKindOf(role) !== null && (
          <ScopeField
            role={role}
            value={ids}
            onChange={setIds}
            suggestions={inviter.programAdmin ? inviter.ownPrograms : undefined}
            description={
              inviter.programAdmin
                ? 'Which of your programs the instructor joins. Type or pick a program id.'
                : undefined
            }
            error={clientErrors.scope ?? serverErrors.scope}
          />
        )}
        <Textarea
          label="Personal message"
          description={`Optional; included in the email. ${String(message.length)} / ${String(MESSAGE_MAX_LENGTH)} characters.`}
          rows={4}
          maxLength={MESSAGE_MAX_LENGTH}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={serverErrors.message}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
