import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError';
import { useNotify } from '../../ui/notificationsContext';
import { reviewAction } from '../api';
import { REVIEW_ACTIONS } from '../labels';
import type { OutcomeStatus, RefusedMove, ReviewAction } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';

export interface ReviewRequest {
  action: ReviewAction;
  outcomeIds: string[];
  comment?: string;
}

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** The refused moves of a 409 `invalid_transition`, or null for any other failure. */
export function refusedMoves(error: Error | null): RefusedMove[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_transition') return null;
  return error.rawDetails.flatMap((detail) => {
    if (typeof detail !== 'object' || detail === null) return [];
    const { id, status, reason, message } = detail as Record<string, unknown>;
    if (typeof id !== 'string') return [];
    const why = typeof reason === 'string' ? reason : typeof message === 'string' ? message : '';
    return [{ id, status: status as OutcomeStatus, reason: why }];
  });
}

/**
 * Moves section outcomes (approve, request rework, NCI, reopen), then refreshes every outcomes
 * view and says what happened.
 */
export function useReviewAction(onDone?: () => void) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  return useMutation({
    mutationFn: (request: ReviewRequest) => reviewAction(request),
    onSuccess: async ({ updated }, { action }) => {
      await invalidate();
      notify({
        kind: 'success',
        title: `${plural(updated, 'CLO')} ${REVIEW_ACTIONS[action].verb}`,
      });
      onDone?.();
    },
  });
}
