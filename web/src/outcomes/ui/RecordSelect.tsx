import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Resource } from '../api';
import { useOptions, type Option } from './useOptions';

interface RecordSelectProps<T> {
  resource: Resource;
  label: string;
  placeholder: string;
  toOption: (item: T) => Option;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  description?: string;
  required?: boolean;
  clearable?: boolean;
}

/** Picks one record of a list, searching the server as the user types. */
export function RecordSelect<T>({
  resource,
  label,
  placeholder,
  toOption,
  value,
  onChange,
  error,
  description,
  required,
  clearable,
}: RecordSelectProps<T>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<Option | null>(null);
  const { options, loading } = useOptions(resource, toOption, debounced);
  const data =
    chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={label}
      description={description}
      placeholder={loading ? 'Loading…' : placeholder}
      data={data}
      value={value}
      searchable
      clearable={clearable}
      required={required}
      nothingFoundMessage={loading ? 'Loading…' : 'Nothing found'}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id);
      }}
      filter={({ options: all }) => all}
      error={error}
    />
  );
}
