import { Select } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import { ME_QUERY_KEY } from '../session/queries';
import { activeTenantOf } from '../session/session';
import type { Me } from '../session/types';

interface ProgramChoices {
  activeProgramId: string | null;
  programs: readonly { id: string; name: string }[];
}

const ALL = 'all';
const CHOICES_KEY = ['active-program'] as const;

/** Who may narrow the outcomes screens to one program: the institution's admins. */
function mayNarrow(me: Me): boolean {
  const tenant = activeTenantOf(me);
  if (!tenant?.modules.includes('outcomes')) return false;
  return me.user.isSiteAdmin || tenant.role === 'tenant_admin' || tenant.role === 'program_admin';
}

/**
 * Narrows the session to one program of the active institution (or all of them): every
 * outcomes list, dashboard and report then shows only that program. Shown when there is a choice.
 */
export function ProgramSwitcher({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const enabled = mayNarrow(me);
  const choices = useQuery({
    queryKey: [...CHOICES_KEY, me.activeTenantId],
    queryFn: ({ signal }) => apiFetch<ProgramChoices>('/api/outcomes/active-program', { signal }),
    enabled,
  });
  const choose = useMutation({
    mutationFn: (programId: string | null) =>
      apiFetch<{ activeProgramId: string | null }>('/api/outcomes/active-program', {
        method: 'PUT',
        json: { programId },
      }),
    onSuccess: () =>
      // Everything on screen was read under the previous narrowing: read it again.
      queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] }),
  });

  const programs = choices.data?.programs ?? [];
  if (!enabled || programs.length < 2) return null;
  const active = choices.data?.activeProgramId ?? null;
  return (
    <Select
      aria-label="Program"
      size="sm"
      w={{ base: 140, sm: 200 }}
      allowDeselect={false}
      searchable={programs.length >= 8}
      disabled={choose.isPending}
      error={choose.isError ? choose.error.message : undefined}
      data={[
        { value: ALL, label: 'All programs' },
        ...programs.map((p) => ({ value: p.id, label: p.name })),
      ]}
      value={active ?? ALL}
      onChange={(value) => {
        const next = value === ALL ? null : value;
        if (value !== null && next !== active) choose.mutate(next);
      }}
    />
  );
}
