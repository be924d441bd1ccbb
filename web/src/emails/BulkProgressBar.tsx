import { Group, Progress, Text } from '@mantine/core';

export interface BulkTally {
  total: number;
  sent: number;
  /** Failed or blocked. */
  failed: number;
}

const percent = (n: number, total: number) => (total === 0 ? 0 : (n / total) * 100);

/** Sent (green) and failed (red) out of the job's total; the rest is still pending. */
export function BulkProgressBar({
  total,
  sent,
  failed,
  label,
  size = 'lg',
}: BulkTally & { label: string; size?: string }) {
  const done = sent + failed;
  return (
    <Progress.Root
      size={size}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${String(done)} of ${String(total)} done: ${String(sent)} sent, ${String(failed)} failed`}
    >
      <Progress.Section value={percent(sent, total)} color="green" withAria={false} />
      <Progress.Section value={percent(failed, total)} color="red" withAria={false} />
    </Progress.Root>
  );
}

/** "3 sent · 1 failed · 1 pending of 5". */
export function BulkTallyText({ total, sent, failed }: BulkTally) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="green.8" fw={600}>
        {sent} sent
      </Text>
      <Text size="sm" c="dimmed" aria-hidden>
        ·
      </Text>
      <Text size="sm" c={failed > 0 ? 'red.8' : undefined} fw={failed > 0 ? 600 : undefined}>
        {failed} failed
      </Text>
      <Text size="sm" c="dimmed" aria-hidden>
        ·
      </Text>
      <Text size="sm">{Math.max(0, total - sent - failed)} pending</Text>
      <Text size="sm" c="dimmed">
        of {total}
      </Text>
    </Group>
  );
}
