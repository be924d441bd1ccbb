import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/ApiError';
import { fieldErrorText } from '../../api/fieldErrors';
import { createInvitation } from '../../invitations/api';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { useOutcomesAccess } from '../access';
import { assignInstructor, createInstructor, getCourse, listOf } from '../api';
import { instructorOption } from '../offerings/OfferingForm';
import type { Instructor, Section } from '../types';
import { RecordSelect } from '../ui/RecordSelect';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

const label = (section: Section) =>
  `${section.course.number}-${section.number} (${section.term.name})`;

/** The instructor with this email: a new one, or the one already known by it. */
async function instructorFor(name: string, email: string): Promise<Instructor> {
  try {
    return await createInstructor({ name, email });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const found = await listOf<Instructor>('instructors', { search: email });
    const same = found.items.find((i) => i.email === email);
    if (!same) throw error;
    return same;
  }
}

interface InviteFormProps {
  section: Section;
  onDone: (instructor: Instructor) => void;
  onBack: () => void;
}

/**
 * Invites a new instructor to teach the section: the instructor record, the invitation (into the
 * course's programs that the inviter may invite into, naming the section), then the assignment.
 */
function InviteInstructor({ section, onDone, onBack }: InviteFormProps) {
  const { ownPrograms } = useOutcomesAccess();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const invite = useMutation({
    mutationFn: async () => {
      const course = await getCourse(section.course.id);
      const programs = course.programs
        .map((p) => p.id)
        .filter((id) => ownPrograms === null || ownPrograms.includes(id));
      const instructor = await instructorFor(name.trim(), email.trim().toLowerCase());
      await createInvitation({
        email: email.trim(),
        role: 'instructor',
        scope: { programs },
        sectionId: section.id,
      });
      await assignInstructor(section.id, instructor.id);
      return instructor;
    },
    onSuccess: onDone,
  });
  const problems = {
    name:
      submitted && name.trim() === ''
        ? 'Enter the instructor’s name.'
        : fieldErrorText(invite.error, 'name', 'Name'),
    email:
      submitted && !email.includes('@')
        ? 'Enter an email address, like name@example.edu.'
        : fieldErrorText(invite.error, 'email', 'Email'),
  };
  const otherError =
    invite.isError && Object.values(problems).every((p) => p === undefined) ? invite.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (name.trim() !== '' && email.includes('@')) invite.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a new instructor">
      <Stack gap="md">
        <Text size="sm">
          They get an email invitation to EduLedger and are assigned to {label(section)} at once.
        </Text>
        {otherError && <FormError title="The instructor could not be invited" error={otherError} />}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problems.name}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={problems.email}
        />
        <Group justify="space-between" gap="sm">
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            ← Choose an existing instructor
          </Anchor>
          <Button type="submit" loading={invite.isPending}>
            Invite and assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Assigns, changes or removes the instructor of a section, or invites a new one. */
export function AssignDialog({ section, onClose }: { section: Section; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [inviting, setInviting] = useState(false);
  const [instructorId, setInstructorId] = useState<string | null>(section.instructor?.id ?? null);
  const assign = useMutation({
    mutationFn: (id: string | null) => assignInstructor(section.id, id),
    onSuccess: async (saved) => {
      await invalidate();
      notify({
        kind: 'success',
        title: saved.instructor
          ? `${saved.instructor.name} teaches ${label(section)}`
          : `${label(section)} has no instructor now`,
      });
      onClose();
    },
  });

  async function invited(instructor: Instructor) {
    await invalidate();
    notify({
      kind: 'success',
      title: `Invited ${instructor.name}`,
      message: `They teach ${label(section)}.`,
    });
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`Instructor of ${label(section)}`}>
      {inviting ? (
        <InviteInstructor
          section={section}
          onDone={(i) => void invited(i)}
          onBack={() => setInviting(false)}
        />
      ) : (
        <form
          noValidate
          aria-label="Assign an instructor"
          onSubmit={(event) => {
            event.preventDefault();
            if (instructorId) assign.mutate(instructorId);
          }}
        >
          <Stack gap="md">
            {assign.isError && (
              <FormError title="The instructor could not be assigned" error={assign.error} />
            )}
            <RecordSelect
              resource="instructors"
              label="Instructor"
              placeholder="Search by name or email"
              toOption={instructorOption}
              value={instructorId}
              onChange={setInstructorId}
            />
            <Anchor component="button" type="button" size="sm" onClick={() => setInviting(true)}>
              Invite a new instructor…
            </Anchor>
            <Group justify="space-between" gap="sm">
              {section.instructor ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => assign.mutate(null)}
                  loading={assign.isPending && assign.variables === null}
                >
                  Remove instructor
                </Button>
              ) : (
                <span />
              )}
              <Group gap="sm">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button
                  type="submit"
                  disabled={!instructorId}
                  loading={assign.isPending && assign.variables !== null}
                >
                  Assign
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
