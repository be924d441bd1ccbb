import { Button, Card, Group, NumberInput, Pill, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { getReminderSettings, OUTCOMES_KEY, saveReminderSettings } from '../api';
import type { ReminderSettings } from '../types';

const SETTINGS_KEY = [...OUTCOMES_KEY, 'reminder-settings'] as const;
export const MAX_DAYS = 5;
export const DAY_RANGE = { min: 1, max: 60 } as const;

const daysLabel = (n: number) => `${String(n)} day${n === 1 ? '' : 's'} before`;

function SettingsForm({ initial }: { initial: ReminderSettings }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [settings, setSettings] = useState(initial);
  const [day, setDay] = useState<number | string>('');
  const [dayError, setDayError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => saveReminderSettings(settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setSettings(saved);
      notify({ kind: 'success', title: 'Reminder settings saved' });
    },
  });
  const changed = JSON.stringify(settings) !== JSON.stringify(initial);

  function addDay() {
    const n = typeof day === 'number' ? day : Number.NaN;
    if (!Number.isInteger(n) || n < DAY_RANGE.min || n > DAY_RANGE.max) {
      setDayError(
        `Enter a whole number of days from ${String(DAY_RANGE.min)} to ${String(DAY_RANGE.max)}.`,
      );
      return;
    }
    if (settings.daysBefore.includes(n)) {
      setDayError(`${daysLabel(n)} is already there.`);
      return;
    }
    if (settings.daysBefore.length >= MAX_DAYS) {
      setDayError(`At most ${String(MAX_DAYS)} reminders before the due date.`);
      return;
    }
    setDayError(undefined);
    setDay('');
    setSettings({ ...settings, daysBefore: [...settings.daysBefore, n].sort((a, b) => b - a) });
  }

  return (
    <Stack gap="sm">
      <Switch
        label="Send reminders automatically"
        description="To instructors whose sections are not submitted yet; never more than one per section a day."
        checked={settings.enabled}
        onChange={(event) => setSettings({ ...settings, enabled: event.currentTarget.checked })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="reminder-days-label">
          Days before the due date
        </Text>
        <Group gap="xs" role="list" aria-labelledby="reminder-days-label">
          {settings.daysBefore.length === 0 && (
            <Text size="sm" c="dimmed">
              None
            </Text>
          )}
          {settings.daysBefore.map((n) => (
            <Pill
              key={n}
              size="md"
              role="listitem"
              withRemoveButton
              // A Pill's remove button is hidden from the keyboard by default (made for PillsInput).
              removeButtonProps={{
                'aria-label': `Remove ${daysLabel(n)}`,
                'aria-hidden': false,
                tabIndex: 0,
              }}
              onRemove={() =>
                setSettings({ ...settings, daysBefore: settings.daysBefore.filter((d) => d !== n) })
              }
            >
              {daysLabel(n)}
            </Pill>
          ))}
        </Group>
        <Group gap="xs" align="flex-start">
          <NumberInput
            aria-label="Days before the due date to add"
            placeholder="Days"
            w={120}
            allowNegative={false}
            allowDecimal={false}
            value={day}
            onChange={setDay}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addDay();
              }
            }}
            error={dayError}
          />
          <Button
            variant="default"
            onClick={addDay}
            disabled={settings.daysBefore.length >= MAX_DAYS}
          >
            Add
          </Button>
        </Group>
      </Stack>
      <Switch
        label="Weekly when overdue"
        description="Once a week after the due date, until the section is submitted."
        checked={settings.weeklyWhenOverdue}
        onChange={(event) =>
          setSettings({ ...settings, weeklyWhenOverdue: event.currentTarget.checked })
        }
      />
      {save.error && <FormError title="The settings could not be saved" error={save.error} />}
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} disabled={!changed} loading={save.isPending}>
          Save reminder settings
        </Button>
      </Group>
    </Stack>
  );
}

/** Scheduled reminders of the institution (tenant admins): when they go out. */
export function ReminderSettingsCard() {
  const query = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => getReminderSettings(signal),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reminder-settings-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="reminder-settings-title">
          Automatic reminders
        </Title>
        {query.isPending && <TableLoading label="Loading the reminder settings…" />}
        {query.isError && (
          <ErrorAlert
            title="The reminder settings could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {query.data && <SettingsForm key={JSON.stringify(query.data)} initial={query.data} />}
      </Stack>
    </Card>
  );
}
