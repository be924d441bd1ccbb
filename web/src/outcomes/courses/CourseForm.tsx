import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { useOutcomesAccess } from '../access';
import { createCourse, updateCourse } from '../api';
import type { Course } from '../types';
import { ProgramPicker } from '../ui/ProgramPicker';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

/** `PREFIX-NNN` with an optional letter suffix (the server normalizes case and spaces). */
export const COURSE_NUMBER = /^[A-Za-z]{2,6}\s*-\s*\d{3}[A-Za-z]?$/;
export const COURSE_NUMBER_HINT = 'Use the form ABC-123 (a letter may follow: ABC-123L).';

interface CourseFormProps {
  course?: Course;
  onClose: () => void;
  onSaved?: (course: Course) => void;
}

/** Creates or edits a course: number, title, credit hours, programs. */
export function CourseForm({ course, onClose, onSaved }: CourseFormProps) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const { ownPrograms } = useOutcomesAccess();
  const [number, setNumber] = useState(course?.number ?? '');
  const [title, setTitle] = useState(course?.title ?? '');
  const [credits, setCredits] = useState<number | string>(course?.creditHours ?? 3);
  const [programIds, setProgramIds] = useState<string[]>(
    course?.programs.map((p) => p.id) ?? (ownPrograms?.length === 1 ? [...ownPrograms] : []),
  );
  const [submitted, setSubmitted] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        number: number.trim(),
        title: title.trim(),
        creditHours: Number(credits),
        ...(programIds.length > 0 || course ? { programIds } : {}),
      };
      return course ? updateCourse(course.id, input) : createCourse(input);
    },
    onSuccess: async (saved) => {
      await invalidate();
      notify({ kind: 'success', title: `${course ? 'Saved' : 'Created'} ${saved.number}` });
      onSaved?.(saved);
      onClose();
    },
  });
  const numberProblem =
    submitted && !COURSE_NUMBER.test(number.trim()) ? COURSE_NUMBER_HINT : undefined;
  const errors = {
    number: numberProblem ?? fieldErrorText(save.error, 'number', 'Number'),
    creditHours: fieldErrorText(save.error, 'creditHours', 'Credit hours'),
    programIds: fieldErrorText(save.error, 'programIds', 'Programs'),
  };
  const otherError =
    save.isError && Object.values(errors).every((e) => e === undefined) ? save.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (COURSE_NUMBER.test(number.trim())) save.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={course ? `Edit ${course.number}` : 'New course'}>
      <form onSubmit={submit} noValidate aria-label={course ? 'Edit course' : 'New course'}>
        <Stack gap="md">
          {otherError && <FormError title="The course could not be saved" error={otherError} />}
          <TextInput
            label="Number"
            description="e.g. ACC-201 or ASE-103L"
            required
            data-autofocus
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.number}
          />
          <TextInput
            label="Title"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <NumberInput
            label="Credit hours"
            min={0}
            max={30}
            step={0.5}
            decimalScale={1}
            value={credits}
            onChange={setCredits}
            error={errors.creditHours}
          />
          <ProgramPicker
            value={programIds}
            onChange={setProgramIds}
            error={errors.programIds}
            description={
              ownPrograms === null ? 'None chosen: the course goes to Unclassified.' : undefined
            }
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {course ? 'Save' : 'Create course'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
