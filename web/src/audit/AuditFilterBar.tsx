import { Group } from '@mantine/core';
import { DateFilter } from '../table/DateFilter';
import { SelectFilter } from '../table/SelectFilter';
import { TextFilter } from '../table/TextFilter';
import { OUTCOME_LABELS } from './labels';
import { AUDIT_OUTCOMES, type AuditFilters } from './types';

const OUTCOME_OPTIONS = AUDIT_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));

interface AuditFilterBarProps {
  filters: AuditFilters;
  onChange: (name: keyof AuditFilters, value: string) => void;
}

/** Filters of the audit log: actor, action prefix, target, outcome and a range of days. */
export function AuditFilterBar({ filters, onChange }: AuditFilterBarProps) {
  const rangeError =
    filters.from !== '' && filters.to !== '' && filters.to < filters.from
      ? 'The end is before the start.'
      : undefined;
  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      <TextFilter
        label="Actor"
        placeholder="Email"
        value={filters.actor}
        onChange={(value) => onChange('actor', value)}
      />
      <TextFilter
        label="Action"
        placeholder="e.g. core.user"
        description="Matches actions starting with this text"
        value={filters.action}
        onChange={(value) => onChange('action', value)}
      />
      <TextFilter
        label="Target"
        placeholder="Name or id"
        value={filters.target}
        onChange={(value) => onChange('target', value)}
      />
      <SelectFilter
        label="Outcome"
        anyLabel="Any outcome"
        options={OUTCOME_OPTIONS}
        value={filters.outcome}
        onChange={(value) => onChange('outcome', value)}
      />
      <DateFilter label="From" value={filters.from} onChange={(value) => onChange('from', value)} />
      <DateFilter
        label="To"
        value={filters.to}
        onChange={(value) => onChange('to', value)}
        error={rangeError}
      />
    </Group>
  );
}
