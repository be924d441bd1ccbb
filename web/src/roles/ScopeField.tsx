import { TagsInput } from '@mantine/core';
import type { MembershipRole } from '../session/types';
import { scopeKindOf } from './roles';

interface ScopeFieldProps {
  role: MembershipRole;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Ids to suggest, e.g. the programs of a program admin. */
  suggestions?: readonly string[];
  error?: string;
  description?: string;
}

const FIELDS = {
  districts: {
    label: 'Districts',
    description:
      'The ids of the districts this person may see. Type an id and press Enter; choosing districts from a list comes later.',
  },
  programs: {
    label: 'Programs',
    description:
      'The ids of the programs this person works in. Type an id and press Enter; choosing programs from a list comes later.',
  },
} as const;

/** The districts or programs that limit a role; nothing for roles without a scope. */
export function ScopeField({
  role,
  value,
  onChange,
  suggestions,
  error,
  description,
}: ScopeFieldProps) {
  const kind = scopeKindOf(role);
  if (kind === null) return null;
  return (
    <TagsInput
      label={FIELDS[kind].label}
      description={description ?? FIELDS[kind].description}
      value={value}
      onChange={onChange}
      data={suggestions ? [...suggestions] : undefined}
      error={error}
      clearable
      splitChars={[',', ' ']}
    />
  );
}
