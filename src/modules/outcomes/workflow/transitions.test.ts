import { describe, expect, it } from 'vitest';
import { OUTCOME_STATUSES, type OutcomeStatus } from '../enums.js';
import { isEditable, transition, type WorkflowAction } from './transitions.js';

/** §3.2, written out by hand: action → (from → to). Every pair not listed is refused. */
const ALLOWED: Record<WorkflowAction, Partial<Record<OutcomeStatus, OutcomeStatus>>> = {
  assign: { unassigned: 'assigned' },
  unassign: { assigned: 'unassigned' },
  edit: { assigned: 'in_progress', in_progress: 'in_progress', needs_rework: 'in_progress' },
  submit: { assigned: 'submitted', in_progress: 'submitted', needs_rework: 'submitted' },
  approve: { submitted: 'approved' },
  request_rework: { submitted: 'needs_rework', approved: 'needs_rework' },
  nci: {
    unassigned: 'never_coming_in',
    assigned: 'never_coming_in',
    in_progress: 'never_coming_in',
    submitted: 'never_coming_in',
    approved: 'never_coming_in',
    needs_rework: 'never_coming_in',
  },
  reopen: { approved: 'submitted', never_coming_in: 'submitted' },
};

const cases = (Object.keys(ALLOWED) as WorkflowAction[]).flatMap((action) =>
  OUTCOME_STATUSES.map((from) => [action, from, ALLOWED[action][from] ?? null] as const),
);

describe('section outcome transitions (§3.2)', () => {
  it.each(cases.filter(([, , to]) => to !== null))('%s from %s → %s', (action, from, to) => {
    const result = transition(action, from);
    expect(result).toMatchObject({ allowed: true, from, to });
  });

  it.each(cases.filter(([, , to]) => to === null))('%s from %s is refused', (action, from) => {
    const result = transition(action, from);
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.reason).toMatch(/\w/);
  });

  it('covers every action from every status (7 statuses × 8 actions)', () => {
    expect(cases).toHaveLength(56);
  });

  it('an edit of an in-progress outcome is no status change (no history row)', () => {
    expect(transition('edit', 'in_progress')).toMatchObject({ allowed: true, changes: false });
    expect(transition('edit', 'needs_rework')).toMatchObject({ allowed: true, changes: true });
    expect(transition('edit', 'assigned')).toMatchObject({ allowed: true, changes: true });
  });

  it('only assigned, in-progress and rework outcomes are editable', () => {
    expect(OUTCOME_STATUSES.filter((s) => isEditable(s))).toEqual([
      'assigned',
      'in_progress',
      'needs_rework',
    ]);
  });
});
