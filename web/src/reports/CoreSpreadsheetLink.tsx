import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { useIsReportAdmin } from './access';
import { fetchReportSettings, REPORTS_KEY, saveReportSettings } from './api';
import type { VirtualUsageSettings } from './types';

const NAME = 'virtual-usage';

interface LinkFormProps {
  schoolYear: string;
  current: string | null;
  onClose: () => void;
}

function LinkForm({ schoolYear, current, onClose }: LinkFormProps) {
  const [url, setUrl] = useState(current ?? '');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const save = useMutation({
    mutationFn: async () => {
      const settings = await fetchReportSettings<VirtualUsageSettings>(NAME);
      const others = Object.entries(settings.coreSpreadsheets).filter(
        ([year]) => year !== schoolYear,
      );
      const link = url.trim();
      const coreSpreadsheets = Object.fromEntries(link ? [...others, [schoolYear, link]] : others);
      return saveReportSettings<VirtualUsageSettings>(NAME, { coreSpreadsheets });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...REPORTS_KEY, NAME] });
      notify({ kind: 'success', title: `Core spreadsheet link of ${schoolYear} saved` });
      onClose();
    },
  });
  const fieldError = fieldErrorText(save.error, schoolYear, 'The link');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Link"
          description="The address of the spreadsheet; leave empty to remove the link."
          type="url"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={fieldError}
          data-autofocus
        />
        {save.error && !fieldError && (
          <ErrorAlert title="The link could not be saved" error={save.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The tenant's core spreadsheet of the school year; tenant admins set it here. */
export function CoreSpreadsheetLink({
  schoolYear,
  url,
}: {
  schoolYear: string;
  url: string | null;
}) {
  const isAdmin = useIsReportAdmin();
  const [editing, setEditing] = useState(false);
  if (!url && !isAdmin) return null;
  return (
    <Group gap="sm">
      {url ? (
        <Anchor href={url} target="_blank" rel="noopener noreferrer">
          Core spreadsheet {schoolYear}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          No core spreadsheet linked for {schoolYear}.
        </Text>
      )}
      {isAdmin && (
        <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
          {url ? 'Change link' : 'Add link'}
        </Button>
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={`Core spreadsheet of ${schoolYear}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <LinkForm schoolYear={schoolYear} current={url} onClose={() => setEditing(false)} />
      </Modal>
    </Group>
  );
}
