import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { createTerm, updateTerm, type TermInput } from '../api';
import type { Term } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

const FIELDS = ['code', 'name', 'startDate', 'endDate', 'dueDate'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  code: 'Code',
  name: 'Name',
  startDate: 'Start',
  endDate: 'End',
  dueDate: 'Assessment due',
};

/** Creates a term from its code (name and dates default from the season) or edits one. */
export function TermForm({ term, onClose }: { term?: Term; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [values, setValues] = useState<Record<Field, string>>({
    code: term?.code ?? '',
    name: term?.name ?? '',
    startDate: term?.startDate ?? '',
    endDate: term?.endDate ?? '',
    dueDate: term?.dueDate ?? '',
  });
  const [missingCode, setMissingCode] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const given = (field: Field) =>
        values[field].trim() === '' ? undefined : values[field].trim();
      const input: TermInput = {
        name: given('name'),
        startDate: given('startDate'),
        endDate: given('endDate'),
        dueDate: given('dueDate') ?? null,
      };
      return term ? updateTerm(term.id, input) : createTerm({ ...input, code: given('code') });
    },
    onSuccess: async (saved) => {
      await invalidate();
      notify({ kind: 'success', title: `${term ? 'Saved' : 'Created'} ${saved.name}` });
      onClose();
    },
  });
  const errors = Object.fromEntries(
    FIELDS.map((field) => [field, fieldErrorText(save.error, field, LABELS[field])]),
  ) as Record<Field, string | undefined>;
  const otherError =
    save.isError && Object.values(errors).every((e) => e === undefined) ? save.error : null;
  const set = (field: Field) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const noCode = !term && values.code.trim() === '';
    setMissingCode(noCode);
    if (!noCode) save.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={term ? `Edit ${term.name}` : 'New term'}>
      <form onSubmit={submit} noValidate aria-label={term ? 'Edit term' : 'New term'}>
        <Stack gap="md">
          {otherError && <FormError title="The term could not be saved" error={otherError} />}
          {!term && (
            <TextInput
              label="Code"
              description="e.g. 2024FA or Fall 2024"
              required
              data-autofocus
              value={values.code}
              onChange={set('code')}
              error={missingCode ? 'Enter the term’s code.' : errors.code}
            />
          )}
          <TextInput
            label="Name"
            description={term ? undefined : 'Leave empty for the usual name, e.g. Fall 2024'}
            value={values.name}
            onChange={set('name')}
            error={errors.name}
          />
          <Group grow>
            <TextInput
              type="date"
              label="Start"
              value={values.startDate}
              onChange={set('startDate')}
              error={errors.startDate}
            />
            <TextInput
              type="date"
              label="End"
              value={values.endDate}
              onChange={set('endDate')}
              error={errors.endDate}
            />
          </Group>
          <TextInput
            type="date"
            label="Assessment due"
            value={values.dueDate}
            onChange={set('dueDate')}
            error={errors.dueDate}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {term ? 'Save' : 'Create term'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
