import { Badge, Button, Group, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { TableEmpty } from '../../table/TableStates';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { createCourseOutcome, deleteCourseOutcome, updateCourseOutcome } from '../api';
import type { CourseDetail, CourseOutcome } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

interface OutcomeFormProps {
  course: CourseDetail;
  outcome?: CourseOutcome;
  onDone: () => void;
}

/** Adds a CLO (numbered next) or rewords one. */
function OutcomeForm({ course, outcome, onDone }: OutcomeFormProps) {
  const invalidate = useInvalidateOutcomes();
  const notify = useNotify();
  const [description, setDescription] = useState(outcome?.description ?? '');
  const [empty, setEmpty] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      outcome
        ? updateCourseOutcome(outcome.id, { description: description.trim() })
        : createCourseOutcome(course.id, { description: description.trim() }),
    onSuccess: async (saved) => {
      await invalidate();
      notify({
        kind: 'success',
        title: `${outcome ? 'Saved' : 'Added'} ${course.number}.${String(saved.number)}`,
      });
      onDone();
    },
  });
  const fieldError = fieldErrorText(save.error, 'description', 'Description');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEmpty(description.trim() === '');
    if (description.trim() !== '') save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={outcome ? 'Edit outcome' : 'New outcome'}>
      <Stack gap="xs">
        {save.isError && fieldError === undefined && (
          <FormError title="The outcome could not be saved" error={save.error} />
        )}
        <Textarea
          label={outcome ? `${course.number}.${String(outcome.number)}` : 'New outcome'}
          description={outcome ? undefined : 'Every section of the course gets it.'}
          rows={3}
          data-autofocus
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={empty ? 'Describe the outcome.' : fieldError}
        />
        <Group gap="sm">
          <Button type="submit" size="xs" loading={save.isPending}>
            {outcome ? 'Save' : 'Add outcome'}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OutcomeActions({ outcome, onEdit }: { outcome: CourseOutcome; onEdit: () => void }) {
  const invalidate = useInvalidateOutcomes();
  const notify = useNotify();
  const onError = (error: Error) =>
    notify({ kind: 'error', title: 'The outcome could not be changed', message: error.message });
  const toggle = useMutation({
    mutationFn: () => updateCourseOutcome(outcome.id, { isActive: !outcome.isActive }),
    onSuccess: () => invalidate(),
    onError,
  });
  const remove = useMutation({
    mutationFn: () => deleteCourseOutcome(outcome.id),
    onSuccess: () => invalidate(),
    onError,
  });
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit}>
        Edit
      </Button>
      <Button size="xs" variant="subtle" loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {outcome.isActive ? 'Deactivate' : 'Activate'}
      </Button>
      {outcome.resultCount === 0 && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Delete
        </Button>
      )}
    </Group>
  );
}

/** The CLOs of a course: add, reword, deactivate, or delete those without results. */
export function CourseOutcomes({ course }: { course: CourseDetail }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Stack gap="sm">
      {course.outcomes.length === 0 && editing !== 'new' && (
        <TableEmpty
          title="No outcomes yet"
          description="Add the course learning outcomes every section assesses."
        />
      )}
      {course.outcomes.length > 0 && (
        <Table aria-label="Course outcomes" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>CLO</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={120}>Status</Table.Th>
              <Table.Th w={240}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {course.outcomes.map((outcome) => (
              <Table.Tr key={outcome.id}>
                <Table.Td>{`${course.number}.${String(outcome.number)}`}</Table.Td>
                <Table.Td>
                  {editing === outcome.id ? (
                    <OutcomeForm
                      course={course}
                      outcome={outcome}
                      onDone={() => setEditing(null)}
                    />
                  ) : (
                    <Text size="sm">{outcome.description}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={outcome.isActive ? 'green' : 'gray'}>
                    {outcome.isActive ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <OutcomeActions outcome={outcome} onEdit={() => setEditing(outcome.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing === 'new' ? (
        <OutcomeForm course={course} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            Add outcome
          </Button>
        </Group>
      )}
    </Stack>
  );
}
