import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import type { EmailSender } from '../../../core/email/sender.js';
import { AppError, NotFoundError, ValidationError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as reviewData from '../data/review.js';
import * as workflowData from '../data/workflow.js';
import { OUTCOME_STATUSES } from '../enums.js';
import { NEEDS_COMMENT, REVIEW_ACTIONS, transition } from '../workflow/transitions.js';
import { outcomeRate } from '../workflow/validation.js';
import { actorOf, inTenant, resultsChanged } from './context.js';

/*
 * The reviewer side of the assessment workflow (§3.2): the queue of section outcomes in scope,
 * and the actions on them — approve, request rework, never coming in, reopen — all or nothing.
 */

export const reviewQuery = z.object({
  termId: z.uuid().optional(),
  programId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  instructorId: z.uuid().optional(),
  status: z.enum(OUTCOME_STATUSES).optional(),
  sort: z.enum(reviewData.REVIEW_SORTS).default('course'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const reviewActionInput = z.object({
  action: z.enum(REVIEW_ACTIONS),
  outcomeIds: z.array(z.uuid()).min(1).max(500),
  comment: z.string().trim().max(5000).optional(),
});

/** A review action some outcomes cannot take: 409 naming each, and nothing changes. */
export class InvalidTransitionError extends AppError {
  constructor(refused: { id: string; status: string; reason: string }[]) {
    super(
      409,
      'invalid_transition',
      `${String(refused.length)} of the selected outcomes cannot take this action; nothing was changed`,
      refused.map((r) => ({ ...r, message: r.reason })),
    );
  }
}

export function listReview(db: Db, ctx: RequestContext, input: z.input<typeof reviewQuery>) {
  const { page, pageSize, ...query } = parseInput(reviewQuery, input);
  return inTenant(db, ctx, async (q, { scope }) => {
    const result = await reviewData.list(q, {
      ...query,
      scope,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: result.items.map((item) => ({ ...item, rate: outcomeRate(item) })),
      total: result.total,
      page,
      pageSize,
      counts: result.counts,
    };
  });
}

const labelOf = (target: reviewData.ActionTarget) =>
  `${target.courseNumber}-${target.sectionNumber} ${target.termCode} CLO ${String(target.cloNumber)}`;

/**
 * Applies a review action to outcomes in scope (404 if any is not), all or nothing: if any cannot
 * take it, 409 lists them and nothing changes. Each move writes its history row and its audit
 * record in the same transaction; a rework request emails each section's instructor once.
 */
export function applyReviewAction(
  db: Db,
  deps: { emailSender: EmailSender; baseUrl: string },
  ctx: RequestContext,
  input: z.input<typeof reviewActionInput>,
) {
  const { action, outcomeIds, comment: raw } = parseInput(reviewActionInput, input);
  const comment = raw ? raw : null;
  if (NEEDS_COMMENT.includes(action) && !comment) {
    throw new ValidationError(
      action === 'nci' ? 'Give the reason the data is never coming in' : 'Say what needs rework',
      [{ path: 'comment', message: 'is required' }],
    );
  }
  const ids = [...new Set(outcomeIds)];
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const targets = await reviewData.findForAction(q, scope, ids);
    if (targets.length !== ids.length) throw new NotFoundError('Section outcome');
    const moves: workflowData.Move[] = [];
    const refused: { id: string; status: string; reason: string }[] = [];
    for (const target of targets) {
      const result = transition(action, target.status);
      if (result.allowed) moves.push({ id: target.id, from: target.status, to: result.to });
      else refused.push({ id: target.id, status: target.status, reason: result.reason });
    }
    if (refused.length > 0) throw new InvalidTransitionError(refused);
    const to = moves[0]?.to;
    if (!to) return { updated: 0 };
    const actor = actorOf(ctx);
    await workflowData.move(q, tenantId, moves, { action, to, comment, actor });
    for (const target of targets) {
      const nciReason = to === 'never_coming_in' ? comment : null;
      await recordAudit(q, ctx, {
        action: `outcomes.section_outcome.${action}`,
        target: { type: 'section_outcome', id: target.id, label: labelOf(target) },
        changes: {
          status: [target.status, to],
          ...(nciReason !== target.nciReason ? { nciReason: [target.nciReason, nciReason] } : {}),
        },
        meta: comment ? { comment } : undefined,
      });
    }
    if (action === 'request_rework' && comment) {
      const sections = new Map(targets.map((t) => [t.sectionId, t]));
      for (const [sectionId, target] of sections) {
        if (!target.instructorEmail) continue;
        await deps.emailSender.send(q, {
          template: 'rework-requested',
          to: target.instructorEmail,
          tenantId,
          data: {
            reviewerName: actor.label ?? 'Your reviewer',
            section: `${target.courseNumber} ${target.sectionNumber}`,
            comment,
            url: `${deps.baseUrl}/outcomes/sections/${sectionId}`,
          },
        });
      }
    }
    await resultsChanged(q, ctx);
    return { updated: moves.length };
  });
}
