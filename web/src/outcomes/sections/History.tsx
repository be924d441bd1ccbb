import { Stack, Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../format/dates';
import { cloName, HISTORY_ACTION, OUTCOME_STATUS } from '../labels';
import type { HistoryAction, HistoryEntry } from '../types';

const actionLabel = (action: string) =>
  action in HISTORY_ACTION ? HISTORY_ACTION[action as HistoryAction] : action;

const REVIEW_COLORS: Partial<Record<string, string>> = {
  approve: 'green',
  request_rework: 'orange',
  nci: 'dark',
  submit: 'indigo',
};

interface HistoryProps {
  courseNumber: string;
  history: readonly HistoryEntry[];
}

/** Every move of the section's CLOs, newest first: who, when, from → to, and the comment. */
export function History({ courseNumber, history }: HistoryProps) {
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened to these CLOs yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label="History">
      {history.map((entry) => (
        <Timeline.Item
          key={entry.id}
          color={REVIEW_COLORS[entry.action] ?? 'blue'}
          title={
            <Text size="sm" fw={600} component="span">
              {`${cloName(courseNumber, entry.cloNumber)}: ${actionLabel(entry.action)}`}
            </Text>
          }
        >
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.occurredAt)}
              {entry.actorLabel ? ` · ${entry.actorLabel}` : ''}
              {` · ${entry.fromStatus ? `${OUTCOME_STATUS[entry.fromStatus].label} → ` : ''}${OUTCOME_STATUS[entry.toStatus].label}`}
            </Text>
            {entry.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.comment}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
