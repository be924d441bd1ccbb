import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';

export type FieldKind =
  'text' | 'email' | 'url' | 'textarea' | 'select' | 'number' | 'datetime' | 'checkbox';

export interface FieldSpec<K extends string> {
  name: K;
  label: string;
  kind?: FieldKind;
  required?: boolean;
  description?: string;
  /** For selects: the choices; the first one is the default. */
  options?: readonly { value: string; label: string }[];
  /** Spans both columns (long text). */
  wide?: boolean;
}

/** What the inputs hold: text for every field, a boolean for checkboxes. */
export type FormValues<K extends string> = Record<K, string | boolean>;

interface RecordFormProps<K extends string, P> {
  label: string;
  fields: readonly FieldSpec<K>[];
  initial: FormValues<K>;
  /** Checks the values and turns them into the request body; its messages show by the fields. */
  schema: z.ZodType<P, FormValues<K>>;
  submitLabel: string;
  onSubmit: (payload: P) => void;
  pending: boolean;
  /** The server's refusal: field messages go by their fields, anything else above the form. */
  error: Error | null;
  onCancel: () => void;
}

function clientErrors<K extends string>(schema: z.ZodType, values: FormValues<K>) {
  const result = schema.safeParse(values);
  const errors: Partial<Record<string, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * A create/edit form described by its fields: the client checks the values with the same rules
 * as the server before sending; either side's messages show next to the field they concern.
 */
export function RecordForm<K extends string, P>({
  label,
  fields,
  initial,
  schema,
  submitLabel,
  onSubmit,
  pending,
  error,
  onCancel,
}: RecordFormProps<K, P>) {
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? clientErrors(schema, values) : {};
  const serverErrors = Object.fromEntries(
    fields.map((field) => [field.name, fieldErrorText(error, field.name, field.label)]),
  ) as Record<K, string | undefined>;
  const otherError =
    error !== null && Object.values(serverErrors).every((text) => text === undefined)
      ? error
      : null;
  const set = (name: K, value: string | boolean) => setValues((old) => ({ ...old, [name]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const result = schema.safeParse(values);
    if (result.success) onSubmit(result.data);
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={label}>
      <Stack gap="md">
        {otherError && <FormError title="The changes could not be saved" error={otherError} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {fields.map((field, index) => {
            const common = {
              label: field.label,
              description: field.description,
              required: field.required,
              error: errors[field.name] ?? serverErrors[field.name],
              'data-autofocus': index === 0 ? true : undefined,
              style: field.wide ? { gridColumn: '1 / -1' } : undefined,
            };
            const text = String(values[field.name]);
            const onText = (value: string) => set(field.name, value);
            switch (field.kind) {
              case 'checkbox':
                return (
                  <Checkbox
                    key={field.name}
                    label={field.label}
                    description={field.description}
                    checked={values[field.name] === true}
                    onChange={(event) => set(field.name, event.currentTarget.checked)}
                    style={common.style}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={field.name}
                    {...common}
                    rows={3}
                    value={text}
                    onChange={(event) => onText(event.currentTarget.value)}
                  />
                );
              case 'select':
                return (
                  <NativeSelect
                    key={field.name}
                    {...common}
                    data={[...(field.options ?? [])]}
                    value={text}
                    onChange={(event) => onText(event.currentTarget.value)}
                  />
                );
              default:
                return (
                  <TextInput
                    key={field.name}
                    {...common}
                    type={
                      field.kind === 'datetime'
                        ? 'datetime-local'
                        : field.kind === 'number'
                          ? 'number'
                          : (field.kind ?? 'text')
                    }
                    value={text}
                    onChange={(event) => onText(event.currentTarget.value)}
                  />
                );
            }
          })}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
