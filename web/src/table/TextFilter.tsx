import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';

/** How long typing must pause before the filter applies. */
export const TEXT_FILTER_DELAY_MS = 300;

interface TextFilterProps {
  label: string;
  /** The applied value (from the URL). */
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  description?: ReactNode;
  type?: 'search' | 'text';
}

/**
 * A text filter that applies once typing pauses (or at once on Enter), so that every keystroke
 * does not become a request and a history entry. Follows the URL when it changes elsewhere.
 */
export function TextFilter({
  label,
  value,
  onChange,
  placeholder,
  description,
  type = 'search',
}: TextFilterProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const apply = useDebouncedCallback((next: string) => onChange(next.trim()), TEXT_FILTER_DELAY_MS);

  if (value !== applied) {
    setApplied(value);
    if (value !== draft.trim()) setDraft(value);
  }

  return (
    <TextInput
      type={type}
      label={label}
      placeholder={placeholder}
      description={description}
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply.flush();
      }}
    />
  );
}
