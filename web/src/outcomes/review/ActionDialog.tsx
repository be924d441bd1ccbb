import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { REVIEW_ACTIONS } from '../labels';
import type { ReviewAction } from '../types';
import { TransitionError } from './TransitionError';
import { useReviewAction } from './useReviewAction';

/** What the comment is called for each action; rework and NCI need one. */
const COMMENT: Record<ReviewAction, { label: string; required: boolean; description: string }> = {
  approve: {
    label: 'Comment (optional)',
    required: false,
    description: 'Kept in the history.',
  },
  request_rework: {
    label: 'What needs rework',
    required: true,
    description: 'The instructor gets it by email and sees it on the section page.',
  },
  nci: {
    label: 'Reason',
    required: true,
    description: 'Why these results will never come in; kept in the history.',
  },
  reopen: {
    label: 'Comment (optional)',
    required: false,
    description: 'Reopened CLOs go back to Submitted, for another review.',
  },
};

interface ActionDialogProps {
  action: ReviewAction;
  outcomeIds: string[];
  /** "3 CLOs of ACC-201-001", for the title. */
  subject: string;
  nameOf: (outcomeId: string) => string;
  onClose: () => void;
  /** After the move, before closing (e.g. to clear a selection). */
  onDone?: () => void;
}

/** Asks for the comment of a review action (required for rework and NCI), then moves the CLOs. */
export function ActionDialog({
  action,
  outcomeIds,
  subject,
  nameOf,
  onClose,
  onDone,
}: ActionDialogProps) {
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const move = useReviewAction(() => {
    onDone?.();
    onClose();
  });
  const spec = COMMENT[action];
  const { label } = REVIEW_ACTIONS[action];
  const missing = spec.required && comment.trim() === '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    const text = comment.trim();
    move.mutate({ action, outcomeIds, ...(text === '' ? {} : { comment: text }) });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${label}: ${subject}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack gap="md">
          <Text size="sm">
            {outcomeIds.length === 1 ? '1 CLO' : `${String(outcomeIds.length)} CLOs`}:{' '}
            {outcomeIds.slice(0, 6).map(nameOf).join(', ')}
            {outcomeIds.length > 6 ? `, and ${String(outcomeIds.length - 6)} more` : ''}
          </Text>
          <Textarea
            label={spec.label}
            description={spec.description}
            required={spec.required}
            rows={3}
            resize="vertical"
            maxLength={5000}
            data-autofocus
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={
              tried && missing ? 'Write a comment: it is required for this action.' : undefined
            }
          />
          {move.error && (
            <TransitionError
              title={`Could not ${label.toLowerCase()}`}
              error={move.error}
              nameOf={nameOf}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={REVIEW_ACTIONS[action].color} loading={move.isPending}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
