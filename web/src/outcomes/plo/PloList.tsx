import {
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { createPlo, deletePlo, listPlos, PLO_KEY, updatePlo } from './api';
import type { Plo } from './types';

export const plosKey = (programId: string) => [...PLO_KEY, programId, 'plos'] as const;

/** The program's PLOs, for every tab. */
export function usePlos(programId: string) {
  return useQuery({
    queryKey: plosKey(programId),
    queryFn: ({ signal }) => listPlos(programId, signal),
  });
}

interface PloFormProps {
  programId: string;
  plo?: Plo;
  onClose: () => void;
}

/** Adds a PLO (numbered next unless given) or edits one. */
function PloForm({ programId, plo, onClose }: PloFormProps) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [number, setNumber] = useState<string | number>(plo?.number ?? '');
  const [description, setDescription] = useState(plo?.description ?? '');
  const [empty, setEmpty] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        description: description.trim(),
        ...(typeof number === 'number' ? { number } : {}),
      };
      return plo ? updatePlo(plo.id, input) : createPlo(programId, input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: [...PLO_KEY, programId] });
      notify({ kind: 'success', title: `${plo ? 'Saved' : 'Added'} PLO ${String(saved.number)}` });
      onClose();
    },
  });
  const numberError = fieldErrorText(save.error, 'number', 'Number');
  const descriptionError = fieldErrorText(save.error, 'description', 'Description');
  const otherError =
    save.isError && numberError === undefined && descriptionError === undefined ? save.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEmpty(description.trim() === '');
    if (description.trim() !== '') save.mutate();
  }

  const title = plo ? `Edit PLO ${String(plo.number)}` : 'New PLO';
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {otherError && <FormError title="The PLO could not be saved" error={otherError} />}
          <NumberInput
            label="Number"
            description={plo ? undefined : 'Leave empty for the next number.'}
            min={1}
            max={999}
            allowDecimal={false}
            value={number}
            onChange={setNumber}
            error={numberError}
          />
          <Textarea
            label="Description"
            required
            rows={3}
            data-autofocus
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={empty ? 'Describe the program outcome.' : descriptionError}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {plo ? 'Save' : 'Add PLO'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeletePlo({
  programId,
  plo,
  onClose,
}: {
  programId: string;
  plo: Plo;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const remove = useMutation({
    mutationFn: () => deletePlo(plo.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...PLO_KEY, programId] });
      notify({ kind: 'success', title: `Deleted PLO ${String(plo.number)}` });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title={`Delete PLO ${String(plo.number)}?`}
      confirmLabel="Delete PLO"
      color="red"
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">
        Its CLOs in the draft become unmapped. A PLO the current mapping uses cannot be deleted:
        unmap its CLOs and publish first.
      </Text>
    </ConfirmModal>
  );
}

type Dialog = { kind: 'new' } | { kind: 'edit' | 'delete'; plo: Plo } | null;

/** The program's PLOs: add, edit, delete. */
export function PloList({ programId }: { programId: string }) {
  const query = usePlos(programId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const plos = query.data?.items ?? [];
  return (
    <Stack gap="md">
      {query.isPending && <TableLoading label="Loading the PLOs…" />}
      {query.isError && (
        <ErrorAlert
          title="The PLOs could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {query.isSuccess && plos.length === 0 && (
        <TableEmpty
          title="No PLOs yet"
          description="Add the program learning outcomes, then map the courses’ CLOs to them."
        />
      )}
      {plos.length > 0 && (
        <Table aria-label="Program learning outcomes" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>PLO</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={180}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plos.map((plo) => (
              <Table.Tr key={plo.id}>
                <Table.Td>{`PLO ${String(plo.number)}`}</Table.Td>
                <Table.Td>{plo.description}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'edit', plo })}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDialog({ kind: 'delete', plo })}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {query.isSuccess && (
        <Group>
          <Button variant="light" onClick={() => setDialog({ kind: 'new' })}>
            Add PLO
          </Button>
        </Group>
      )}
      {dialog?.kind === 'new' && <PloForm programId={programId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <PloForm programId={programId} plo={dialog.plo} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <DeletePlo programId={programId} plo={dialog.plo} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
