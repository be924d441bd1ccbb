import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { SelectFilter } from '../table/SelectFilter';
import { EVENT_TYPE_OPTIONS } from './labels';

/** A row of report filters that wraps on narrow screens. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      {children}
    </Group>
  );
}

export function EventTypeFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectFilter
      label="Event type"
      anyLabel="All event types"
      options={EVENT_TYPE_OPTIONS}
      value={value}
      onChange={onChange}
    />
  );
}
