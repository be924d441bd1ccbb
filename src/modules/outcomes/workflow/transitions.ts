import type { OutcomeStatus } from '../enums.js';

/*
 * The assessment workflow of one section outcome (DOMAIN.md §3.2), as pure rules: which action
 * moves an outcome from which status to which. Services ask here before writing anything.
 *
 *   unassigned ─assign→ assigned ─edit→ in_progress ─submit→ submitted ─approve→ approved
 *   submitted|approved ─request_rework→ needs_rework ─edit→ in_progress
 *   any but never_coming_in ─nci→ never_coming_in
 *   approved|never_coming_in ─reopen→ submitted
 */

/** What a reviewer may do to an outcome. */
export const REVIEW_ACTIONS = ['approve', 'request_rework', 'nci', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Every action that can appear in an outcome's history. */
export type WorkflowAction = 'assign' | 'unassign' | 'edit' | 'submit' | ReviewAction;

/** Statuses in which the instructor may change an outcome's numbers and tool. */
export const EDITABLE_STATUSES: readonly OutcomeStatus[] = [
  'assigned',
  'in_progress',
  'needs_rework',
];

export const isEditable = (status: OutcomeStatus) => EDITABLE_STATUSES.includes(status);

/** The review actions that need a comment (the rework request; the NCI reason). */
export const NEEDS_COMMENT: readonly ReviewAction[] = ['request_rework', 'nci'];

interface Rule {
  from: readonly OutcomeStatus[];
  to: OutcomeStatus;
  /** Why the action is refused from any other status. */
  refused: string;
}

const RULES: Record<WorkflowAction, Rule> = {
  assign: {
    from: ['unassigned'],
    to: 'assigned',
    refused: 'only unassigned outcomes get assigned',
  },
  unassign: {
    from: ['assigned'],
    to: 'unassigned',
    refused: 'only assigned outcomes without data go back to unassigned',
  },
  edit: {
    from: EDITABLE_STATUSES,
    to: 'in_progress',
    refused: 'only assigned, in-progress or rework outcomes can be edited',
  },
  submit: {
    from: EDITABLE_STATUSES,
    to: 'submitted',
    refused: 'only assigned, in-progress or rework outcomes can be submitted',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    refused: 'only submitted outcomes can be approved',
  },
  request_rework: {
    from: ['submitted', 'approved'],
    to: 'needs_rework',
    refused: 'rework can be requested only on submitted or approved outcomes',
  },
  nci: {
    from: ['unassigned', 'assigned', 'in_progress', 'submitted', 'approved', 'needs_rework'],
    to: 'never_coming_in',
    refused: 'the outcome is already marked never coming in',
  },
  reopen: {
    from: ['approved', 'never_coming_in'],
    to: 'submitted',
    refused: 'only approved or never-coming-in outcomes can be reopened',
  },
};

export type Transition =
  | { allowed: true; from: OutcomeStatus; to: OutcomeStatus; changes: boolean }
  | { allowed: false; from: OutcomeStatus; reason: string };

/**
 * Where `action` takes an outcome in status `from`. `changes` is false when the status stays the
 * same (an edit of an in-progress outcome): no history row is written for it.
 */
export function transition(action: WorkflowAction, from: OutcomeStatus): Transition {
  const rule = RULES[action];
  if (!rule.from.includes(from)) return { allowed: false, from, reason: rule.refused };
  return { allowed: true, from, to: rule.to, changes: from !== rule.to };
}
