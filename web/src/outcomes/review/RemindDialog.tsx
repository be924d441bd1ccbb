import {
  Button,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { BulkProgressBar, BulkTallyText } from '../../emails/BulkProgressBar';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { getReminderProgress, getReminderText, OUTCOMES_KEY, sendReminders } from '../api';
import type { ReminderText, RemindReply } from '../types';

/** How often the progress of a sending job is read. */
export const REMIND_POLL_MS = 1_000;

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

function Progress({ reply, onClose }: { reply: RemindReply; onClose: () => void }) {
  const jobId = reply.bulkJobId;
  const job = useQuery({
    queryKey: [...OUTCOMES_KEY, 'reminders', 'progress', jobId],
    queryFn: ({ signal }) => getReminderProgress(jobId ?? '', signal),
    enabled: jobId !== null,
    refetchInterval: ({ state }) => (state.data?.status === 'completed' ? false : REMIND_POLL_MS),
  });
  const skipped =
    reply.skipped > 0
      ? ` ${plural(reply.skipped, 'section')} skipped (already submitted, or no instructor email).`
      : '';
  const data = job.data;
  const tally = data && {
    total: data.total,
    sent: data.counts.sent,
    failed: data.counts.failed + data.counts.blocked,
  };
  return (
    <Stack gap="md">
      {jobId === null ? (
        <Text size="sm">Nobody to remind.{skipped}</Text>
      ) : (
        <>
          <Text size="sm">
            {data?.status === 'completed' ? 'Sent to' : 'Sending to'}{' '}
            {plural(reply.recipients, 'instructor')}.{skipped}
          </Text>
          {job.isError && <ErrorAlert title="The progress could not be read" error={job.error} />}
          {tally ? (
            <>
              <BulkProgressBar {...tally} label="Progress of the reminders" />
              <Group justify="space-between" wrap="wrap">
                <BulkTallyText {...tally} />
                <Text
                  size="sm"
                  role="status"
                  c={data.status === 'completed' ? 'green.8' : 'dimmed'}
                >
                  {data.status === 'completed' ? 'Done' : 'Sending…'}
                </Text>
              </Group>
              {data.failures.length > 0 && (
                <List size="sm" aria-label="Failed reminders">
                  {data.failures.map((failure) => (
                    <List.Item key={failure.to}>
                      {failure.to}: {failure.reason ?? failure.status}
                    </List.Item>
                  ))}
                </List>
              )}
            </>
          ) : (
            !job.isError && <Loader size="sm" aria-label="Loading the progress" />
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>Close</Button>
      </Group>
    </Stack>
  );
}

function Compose({
  initial,
  sectionIds,
  onSent,
  onClose,
}: {
  initial: ReminderText;
  sectionIds: readonly string[];
  onSent: (reply: RemindReply) => void;
  onClose: () => void;
}) {
  const [subject, setSubject] = useState(initial.subject);
  const [message, setMessage] = useState(initial.message);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      sendReminders({
        sectionIds: [...sectionIds],
        subject: subject.trim(),
        message: message.trim(),
      }),
    onSuccess: onSent,
  });
  const problems = {
    subject: tried && subject.trim() === '' ? 'Write a subject.' : undefined,
    message: tried && message.trim() === '' ? 'Write a message.' : undefined,
  };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (subject.trim() !== '' && message.trim() !== '') send.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Remind instructors">
      <Stack gap="md">
        <Text size="sm">
          One email per instructor, listing their sections among the{' '}
          {plural(sectionIds.length, 'selected section')}. Sections already submitted, or whose
          instructor has no email, are skipped.
        </Text>
        <TextInput
          label="Subject"
          required
          maxLength={200}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={problems.subject}
        />
        <Textarea
          label="Message"
          required
          rows={6}
          resize="vertical"
          maxLength={5000}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={problems.message}
        />
        {send.error && <FormError title="The reminders could not be sent" error={send.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send reminders
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RemindDialogProps {
  sectionIds: readonly string[];
  onClose: () => void;
}

/** Reminds the instructors of sections: the pre-filled text (editable), then live progress. */
export function RemindDialog({ sectionIds, onClose }: RemindDialogProps) {
  const [sent, setSent] = useState<RemindReply | null>(null);
  const text = useQuery({
    queryKey: [...OUTCOMES_KEY, 'reminders', 'default'],
    queryFn: ({ signal }) => getReminderText(signal),
    staleTime: Infinity,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Remind the instructors of ${plural(sectionIds.length, 'section')}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {sent ? (
        <Progress reply={sent} onClose={onClose} />
      ) : text.isPending ? (
        <Loader size="sm" aria-label="Loading the reminder text" />
      ) : text.isError ? (
        <ErrorAlert
          title="The reminder text could not be loaded"
          error={text.error}
          onRetry={() => void text.refetch()}
          retrying={text.isFetching}
        />
      ) : (
        <Compose initial={text.data} sectionIds={sectionIds} onSent={setSent} onClose={onClose} />
      )}
    </Modal>
  );
}
