import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { formatDateTime } from '../format/dates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormError } from '../ui/FormError';
import { useNotify } from '../ui/notificationsContext';
import { IMPORTS_KEY, listSchedules, saveSchedule } from './api';
import { cronError } from './labels';
import type { Schedule } from './types';

const SCHEDULES_KEY = [...IMPORTS_KEY, 'schedules'] as const;

function ScheduleRow({ schedule, salesforce }: { schedule: Schedule; salesforce: boolean }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [cron, setCron] = useState(schedule.cron);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [submitted, setSubmitted] = useState(false);
  const save = useMutation({
    mutationFn: () => saveSchedule(schedule.pipeline, { cron: cron.trim(), enabled }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SCHEDULES_KEY });
      notify({ kind: 'success', title: 'Schedule saved' });
    },
  });
  const clientError = submitted ? cronError(cron) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (cronError(cron) === null) save.mutate();
  };
  const serverError = fieldErrorText(save.error, 'cron', 'Schedule');
  return (
    <form onSubmit={submit} aria-label={`Schedule of ${schedule.pipeline}`}>
      <Stack gap="sm">
        <Switch
          label="Import from Salesforce on a schedule"
          description={
            salesforce
              ? 'Off by default. When a scheduled run fails, tenant admins get an email.'
              : 'Needs the Salesforce connection, which is not configured on this server.'
          }
          checked={enabled}
          disabled={!salesforce}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
        />
        <TextInput
          label="When (cron expression)"
          description="minute hour day-of-month month day-of-week, in the tenant's time zone; 0 2 * * * is 2:00 every night"
          value={cron}
          onChange={(event) => setCron(event.currentTarget.value)}
          error={clientError ?? serverError}
          w={{ base: '100%', sm: 420 }}
        />
        {schedule.enabled && schedule.nextRunAt && (
          <Text size="sm" c="dimmed">
            Next run: {formatDateTime(schedule.nextRunAt)}
          </Text>
        )}
        {save.isError && !serverError && (
          <FormError title="The schedule could not be saved" error={save.error} />
        )}
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The nightly import: a cron expression per pipeline, off by default (tenant admins). */
export function ScheduleForm({ salesforce }: { salesforce: boolean }) {
  const schedules = useQuery({
    queryKey: SCHEDULES_KEY,
    queryFn: ({ signal }) => listSchedules(signal),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={2}>Schedule</Title>
        {schedules.isError && (
          <ErrorAlert title="The schedule could not be loaded" error={schedules.error} />
        )}
        {schedules.data?.items.map((schedule) => (
          <ScheduleRow key={schedule.pipeline} schedule={schedule} salesforce={salesforce} />
        ))}
      </Stack>
    </Paper>
  );
}
