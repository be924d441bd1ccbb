import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { duplicateCourse } from '../api';
import type { Course } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { COURSE_NUMBER, COURSE_NUMBER_HINT } from './CourseForm';

interface DuplicateCourseProps {
  course: Course;
  onClose: () => void;
  onCreated: (course: Course) => void;
}

/** A new course with this one's title, credits, programs and CLOs, under another number. */
export function DuplicateCourse({ course, onClose, onCreated }: DuplicateCourseProps) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [number, setNumber] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const copy = useMutation({
    mutationFn: () => duplicateCourse(course.id, { number: number.trim() }),
    onSuccess: async (created) => {
      await invalidate();
      notify({ kind: 'success', title: `Created ${created.number} from ${course.number}` });
      onCreated(created);
    },
  });
  const numberError =
    submitted && !COURSE_NUMBER.test(number.trim())
      ? COURSE_NUMBER_HINT
      : fieldErrorText(copy.error, 'number', 'Number');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (COURSE_NUMBER.test(number.trim())) copy.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={`Duplicate ${course.number}`}>
      <form onSubmit={submit} noValidate aria-label="Duplicate course">
        <Stack gap="md">
          <Text size="sm">
            The copy gets the title, credit hours, programs and {course.outcomeCount} CLO(s); no
            offerings.
          </Text>
          {copy.isError && numberError === undefined && (
            <FormError title="The course could not be duplicated" error={copy.error} />
          )}
          <TextInput
            label="New number"
            required
            data-autofocus
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={numberError}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={copy.isPending}>
              Duplicate
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
