import { TextInput } from '@mantine/core';

interface DateFilterProps {
  label: string;
  /** `YYYY-MM-DD`, or `''` when unset. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A calendar-day filter (the browser's own date picker). */
export function DateFilter({ label, value, onChange, error }: DateFilterProps) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
