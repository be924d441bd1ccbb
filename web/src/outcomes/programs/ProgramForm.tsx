import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { createProgram, updateProgram } from '../api';
import type { Program } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

interface ProgramFormProps {
  /** The program to edit; a new one without. */
  program?: Program;
  onClose: () => void;
}

/** Creates or edits a program: name, short name, description. */
export function ProgramForm({ program, onClose }: ProgramFormProps) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [name, setName] = useState(program?.name ?? '');
  const [shortName, setShortName] = useState(program?.shortName ?? '');
  const [description, setDescription] = useState(program?.description ?? '');
  const [missingName, setMissingName] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        name: name.trim(),
        shortName: shortName.trim(),
        description: description.trim(),
      };
      return program ? updateProgram(program.id, input) : createProgram(input);
    },
    onSuccess: async (saved) => {
      await invalidate();
      notify({ kind: 'success', title: `${program ? 'Saved' : 'Created'} ${saved.name}` });
      onClose();
    },
  });
  const nameError = fieldErrorText(save.error, 'name', 'Name');
  const otherError = save.isError && nameError === undefined ? save.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingName(name.trim() === '');
    if (name.trim() !== '') save.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={program ? `Edit ${program.name}` : 'New program'}>
      <form onSubmit={submit} noValidate aria-label={program ? 'Edit program' : 'New program'}>
        <Stack gap="md">
          {otherError && <FormError title="The program could not be saved" error={otherError} />}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={missingName ? 'Enter the program’s name.' : nameError}
          />
          <TextInput
            label="Short name"
            description="Optional, e.g. NURS"
            value={shortName}
            onChange={(event) => setShortName(event.currentTarget.value)}
          />
          <Textarea
            label="Description"
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {program ? 'Save' : 'Create program'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
