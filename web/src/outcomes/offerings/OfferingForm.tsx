import { Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { createOffering } from '../api';
import type { Course, Instructor, Term } from '../types';
import { RecordSelect } from '../ui/RecordSelect';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

export const MAX_SECTIONS = 50;

const courseOption = (c: Course) => ({
  value: c.id,
  label: c.title ? `${c.number} · ${c.title}` : c.number,
});
const termOption = (t: Term) => ({ value: t.id, label: `${t.name} (${t.code})` });
export const instructorOption = (i: Instructor) => ({
  value: i.id,
  label: i.email ? `${i.name} · ${i.email}` : i.name,
});

/** Offers a course in a term with N sections at once, optionally all taught by one instructor. */
export function OfferingForm({ onClose }: { onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [courseId, setCourseId] = useState<string | null>(null);
  const [termId, setTermId] = useState<string | null>(null);
  const [sections, setSections] = useState<number | string>(1);
  const [instructorId, setInstructorId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const count = Number(sections);
  const validCount = Number.isInteger(count) && count >= 1 && count <= MAX_SECTIONS;
  const create = useMutation({
    mutationFn: () =>
      createOffering({
        courseId: courseId ?? '',
        termId: termId ?? '',
        sections: count,
        instructorId,
      }),
    onSuccess: async (offering) => {
      await invalidate();
      notify({
        kind: 'success',
        title: `${offering.course.number} offered in ${offering.term.name}`,
        message: `${String(offering.sectionCount)} section(s) created.`,
      });
      onClose();
    },
  });
  const errors = {
    courseId:
      submitted && !courseId
        ? 'Choose the course.'
        : fieldErrorText(create.error, 'courseId', 'Course'),
    termId:
      submitted && !termId ? 'Choose the term.' : fieldErrorText(create.error, 'termId', 'Term'),
    sections:
      submitted && !validCount
        ? `Between 1 and ${String(MAX_SECTIONS)} sections.`
        : fieldErrorText(create.error, 'sections', 'Sections'),
  };
  const otherError =
    create.isError && Object.values(errors).every((e) => e === undefined) ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (courseId && termId && validCount) create.mutate();
  }

  return (
    <Modal opened onClose={onClose} title="New offering">
      <form onSubmit={submit} noValidate aria-label="New offering">
        <Stack gap="md">
          {otherError && <FormError title="The offering could not be created" error={otherError} />}
          <RecordSelect
            resource="courses"
            label="Course"
            placeholder="Search courses"
            required
            toOption={courseOption}
            value={courseId}
            onChange={setCourseId}
            error={errors.courseId}
          />
          <RecordSelect
            resource="terms"
            label="Term"
            placeholder="Search terms"
            required
            toOption={termOption}
            value={termId}
            onChange={setTermId}
            error={errors.termId}
          />
          <NumberInput
            label="Sections"
            description="Numbered 001, 002, …; each gets the course’s active CLOs."
            min={1}
            max={MAX_SECTIONS}
            allowDecimal={false}
            value={sections}
            onChange={setSections}
            error={errors.sections}
          />
          <RecordSelect
            resource="instructors"
            label="Instructor"
            description="Optional; you can assign each section later."
            placeholder="Search instructors"
            clearable
            toOption={instructorOption}
            value={instructorId}
            onChange={setInstructorId}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create offering
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
