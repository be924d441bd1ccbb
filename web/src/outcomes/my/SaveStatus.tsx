import { Button, Group, Loader, Text } from '@mantine/core';
import type { SaveState } from './useAutosave';

interface SaveStatusProps {
  state: SaveState;
  error: Error | null;
  onRetry: () => void;
}

/** Where the draft stands: unsaved, saving, saved, or failed with a retry. Announced politely. */
export function SaveStatus({ state, error, onRetry }: SaveStatusProps) {
  return (
    <Group gap="xs" role="status" aria-live="polite" mih={30}>
      {state === 'pending' && (
        <Text size="sm" c="dimmed">
          Unsaved changes
        </Text>
      )}
      {state === 'saving' && (
        <>
          <Loader size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            Saving…
          </Text>
        </>
      )}
      {state === 'saved' && (
        <Text size="sm" c="green.8">
          Saved
        </Text>
      )}
      {state === 'error' && (
        <>
          <Text size="sm" c="red.8" fw={600}>
            Couldn’t save{error ? `: ${error.message}` : ''}
          </Text>
          <Button size="compact-sm" variant="outline" color="red" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </Group>
  );
}
