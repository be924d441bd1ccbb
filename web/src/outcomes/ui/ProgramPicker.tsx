import { MultiSelect } from '@mantine/core';
import type { Program } from '../types';
import { useOptions } from './useOptions';

interface ProgramPickerProps {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  description?: string;
}

/** Chooses programs by name (those the caller sees). */
export function ProgramPicker({ value, onChange, error, description }: ProgramPickerProps) {
  const { options, loading } = useOptions<Program>('programs', (p) => ({
    value: p.id,
    label: p.name,
  }));
  return (
    <MultiSelect
      label="Programs"
      description={description}
      placeholder={loading ? 'Loading programs…' : 'Choose programs'}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
    />
  );
}
