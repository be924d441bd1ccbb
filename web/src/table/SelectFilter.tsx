import { NativeSelect } from '@mantine/core';

export interface FilterOption {
  value: string;
  label: string;
}

interface SelectFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  /** The option meaning "no filter" (value `''`), e.g. "Any role"; leave out when there is none. */
  anyLabel?: string;
}

/** A filter with a fixed list of values, as a native select (keyboard and screen-reader friendly). */
export function SelectFilter({ label, value, onChange, options, anyLabel }: SelectFilterProps) {
  const data = anyLabel === undefined ? options : [{ value: '', label: anyLabel }, ...options];
  return (
    <NativeSelect
      label={label}
      data={data.map((option) => ({ value: option.value, label: option.label }))}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
