import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import type { EmailSender } from '../../../core/email/sender.js';
import { AppError, NotFoundError, type ErrorDetail } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import { ForbiddenError } from '../../../core/access/route-guard.js';
import * as sectionsData from '../data/sections.js';
import * as workflowData from '../data/workflow.js';
import { SECTION_STATUSES, TOOL_MAX_LENGTH } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import type { Caller, OutcomesScope } from '../scope.js';
import { isEditable, transition } from '../workflow/transitions.js';
import { validateSubmission, type Issue } from '../workflow/validation.js';
import { actorOf, changesOf, inTenant, resultsChanged } from './context.js';
import { optionalText, studentCount } from './inputs.js';

/*
 * The instructor side of the assessment workflow (§3.2): their sections, the section page (with
 * its history, what the caller may do and the submit checks), autosaved drafts, and the submit.
 */

export const mySectionsQuery = z.object({
  termId: z.uuid().optional(),
  status: z.enum(SECTION_STATUSES).optional(),
});

const text = optionalText(5000);

export const draftInput = z.object({
  passedCount: studentCount.nullable().optional(),
  dficCount: studentCount.nullable().optional(),
  cannotReconcile: z.boolean().optional(),
  reconcileNote: text,
  celebrations: text,
  challenges: text,
  changes: text,
  outcomes: z
    .array(
      z.object({
        id: z.uuid(),
        took: studentCount.nullable().optional(),
        passed: studentCount.nullable().optional(),
        tool: optionalText(TOOL_MAX_LENGTH),
      }),
    )
    .max(500)
    .optional(),
});

export const submitInput = z.object({ alertProgramAdmins: z.boolean().optional() });

const SECTION_FIELDS = [
  'passedCount',
  'dficCount',
  'cannotReconcile',
  'reconcileNote',
  'celebrations',
  'challenges',
  'changes',
] as const;

/** An edit of results that can no longer change (submitted, approved, NCI): 409. */
export class NotEditableError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, 'not_editable', message, details);
  }
}

/** A submit that fails the §3.2 checks: 422 with every error (CLO and field). */
export class SubmissionInvalidError extends AppError {
  constructor(issues: Issue[]) {
    super(422, 'validation_failed', 'Fix these problems before submitting', issues);
  }
}

class NotInstructorError extends ForbiddenError {
  constructor() {
    super("Only the section's instructor can enter and submit its results");
  }
}

export const identityOf = (ctx: RequestContext): workflowData.Identity | null =>
  ctx.user ? { userId: ctx.user.id, email: ctx.user.email } : null;

async function visibleSection(q: Tx, scope: OutcomesScope, id: string) {
  const section = await sectionsData.find(q, scope, id);
  if (!section) throw new NotFoundError('Section');
  return section;
}

type Section = Awaited<ReturnType<typeof visibleSection>>;
type Outcome = workflowData.WorkflowOutcome;

export const sectionLabel = (section: Pick<Section, 'course' | 'number' | 'term'>) =>
  `${section.course.number}-${section.number} ${section.term.code}`;

const validationOf = (section: Section, outcomes: readonly Outcome[]) =>
  validateSubmission(
    section,
    outcomes.map((o) => ({ ...o, cloNumber: o.courseOutcome.number })),
  );

/** A section as its page shows it: outcomes, history, what the caller may do, the submit checks. */
export async function sectionDetail(q: Tx, ctx: RequestContext, caller: Caller, id: string) {
  const section = await visibleSection(q, caller.scope, id);
  const outcomes = await workflowData.outcomesOf(q, id);
  const identity = identityOf(ctx);
  const teaches = identity !== null && (await workflowData.teaches(q, id, identity));
  const workable = teaches && outcomes.some((o) => isEditable(o.status));
  return {
    ...section,
    outcomes,
    history: await workflowData.historyOf(q, id),
    can: {
      edit: workable,
      submit: workable,
      review:
        caller.scope.kind !== 'instructor' && ctx.ability.can('review', SUBJECTS.sectionOutcome),
    },
    validation: validationOf(section, outcomes),
  };
}

/** The caller's section, for a change only its instructor may make (404 outside scope, else 403). */
async function ownSection(q: Tx, ctx: RequestContext, caller: Caller, id: string) {
  const section = await visibleSection(q, caller.scope, id);
  const identity = identityOf(ctx);
  if (!identity || !(await workflowData.teaches(q, id, identity))) throw new NotInstructorError();
  return section;
}

export const listMySections = (
  db: Db,
  ctx: RequestContext,
  query: z.input<typeof mySectionsQuery>,
) => {
  const filter = parseInput(mySectionsQuery, query);
  return inTenant(db, ctx, async (q) => {
    const identity = identityOf(ctx);
    return { items: identity ? await workflowData.mySections(q, identity, filter) : [] };
  });
};

type OutcomeEdit = NonNullable<z.output<typeof draftInput>['outcomes']>[number];

/** The outcome's values the edit changes (fields left out stay as they are). */
function changedValues(outcome: Outcome, edit: OutcomeEdit): workflowData.OutcomeValues {
  const values: workflowData.OutcomeValues = {};
  if (edit.took !== undefined && edit.took !== outcome.took) values.took = edit.took;
  if (edit.passed !== undefined && edit.passed !== outcome.passed) values.passed = edit.passed;
  if (edit.tool !== undefined && edit.tool !== outcome.tool) values.tool = edit.tool;
  return values;
}

/**
 * Autosaves the instructor's draft: the section's counts, flag, note and narratives, and the
 * outcomes' took, passed and tool. Never refused for the §3.2 checks (those block the submit
 * only); refused (409) when it changes results that can no longer change (values sent unchanged
 * are no edit). An outcome's first edit moves it to `in_progress`, in its history.
 */
export function saveDraft(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof draftInput>,
) {
  const draft = parseInput(draftInput, input);
  return inTenant(db, ctx, async (q, caller) => {
    const section = await ownSection(q, ctx, caller, id);
    const outcomes = await workflowData.outcomesOf(q, id, true);
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    const edits = draft.outcomes ?? [];
    const unknown = edits.filter((edit) => !byId.has(edit.id));
    if (unknown.length > 0) throw new NotFoundError('Section outcome');
    const locked = edits.flatMap((edit) => {
      const outcome = byId.get(edit.id);
      const changing = outcome && Object.keys(changedValues(outcome, edit)).length > 0;
      return outcome && changing && !isEditable(outcome.status) ? [outcome] : [];
    });
    if (locked.length > 0) {
      throw new NotEditableError(
        'Submitted, approved or never-coming-in results can no longer be edited',
        locked.map((o) => ({
          path: `outcomes.${o.id}`,
          message: `CLO ${String(o.courseOutcome.number)} is ${o.status.replaceAll('_', ' ')}`,
        })),
      );
    }
    const sectionValues = Object.fromEntries(
      SECTION_FIELDS.filter((field) => draft[field] !== undefined).map((f) => [f, draft[f]]),
    ) as sectionsData.SectionValues;
    const sectionChanges = changesOf(section, { ...section, ...sectionValues }, SECTION_FIELDS);
    if (Object.keys(sectionChanges).length > 0 && !outcomes.some((o) => isEditable(o.status))) {
      throw new NotEditableError('This section is submitted: its results can no longer be edited');
    }
    if (Object.keys(sectionChanges).length > 0) await sectionsData.update(q, id, sectionValues);

    const outcomeChanges: Record<string, [unknown, unknown]> = {};
    const started: workflowData.Move[] = [];
    for (const edit of edits) {
      const outcome = byId.get(edit.id);
      if (!outcome) continue;
      const values = changedValues(outcome, edit);
      if (Object.keys(values).length === 0) continue;
      await workflowData.updateOutcome(q, outcome.id, values);
      for (const [field, value] of Object.entries(values)) {
        outcomeChanges[`clo${String(outcome.courseOutcome.number)}.${field}`] = [
          outcome[field as keyof workflowData.OutcomeValues],
          value,
        ];
      }
      const moved = transition('edit', outcome.status);
      if (moved.allowed && moved.changes) {
        started.push({ id: outcome.id, from: outcome.status, to: moved.to });
      }
    }
    await workflowData.move(q, caller.tenantId, started, {
      action: 'edit',
      to: 'in_progress',
      comment: null,
      actor: actorOf(ctx),
    });
    const changes = { ...sectionChanges, ...outcomeChanges };
    if (Object.keys(changes).length > 0) {
      if (Object.keys(outcomeChanges).length > 0) await resultsChanged(q, ctx);
      await recordAudit(q, ctx, {
        action: 'outcomes.section.draft_saved',
        target: { type: 'section', id, label: sectionLabel(section) },
        changes,
        meta: started.length > 0 ? { started: started.length } : undefined,
      });
    }
    return sectionDetail(q, ctx, caller, id);
  });
}

/**
 * Submits the section: the §3.2 checks must pass (422 with every error otherwise); then every
 * outcome still open (assigned, in progress, rework) becomes `submitted`, in its history. With
 * `alertProgramAdmins`, the program admins of the course (tenant admins without any) are emailed.
 */
export function submitSection(
  db: Db,
  deps: { emailSender: EmailSender; baseUrl: string },
  ctx: RequestContext,
  id: string,
  input: z.input<typeof submitInput>,
) {
  const { alertProgramAdmins = false } = parseInput(submitInput, input);
  return inTenant(db, ctx, async (q, caller) => {
    const section = await ownSection(q, ctx, caller, id);
    const outcomes = await workflowData.outcomesOf(q, id, true);
    const open = outcomes.filter((o) => isEditable(o.status));
    if (open.length === 0) {
      throw new NotEditableError('Nothing to submit: every outcome is submitted, approved or NCI');
    }
    const { errors } = validationOf(section, outcomes);
    if (errors.length > 0) throw new SubmissionInvalidError(errors);
    await workflowData.move(
      q,
      caller.tenantId,
      open.map((o) => ({ id: o.id, from: o.status, to: 'submitted' as const })),
      { action: 'submit', to: 'submitted', comment: null, actor: actorOf(ctx) },
    );
    const after = await visibleSection(q, caller.scope, id);
    let alerted = 0;
    if (alertProgramAdmins) {
      const recipients = await workflowData.submissionAlertEmails(q, section.course.id);
      for (const to of recipients) {
        await deps.emailSender.send(q, {
          template: 'submission-alert',
          to,
          tenantId: caller.tenantId,
          data: {
            instructorName: section.instructor?.name ?? actorOf(ctx).label ?? 'The instructor',
            section: `${section.course.number} ${section.number}`,
            term: section.term.name,
            url: `${deps.baseUrl}/outcomes/sections/${id}`,
          },
        });
      }
      alerted = recipients.length;
    }
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.section.submit',
      target: { type: 'section', id, label: sectionLabel(section) },
      changes: { status: [section.status, after.status] },
      meta: { outcomesSubmitted: open.length, alerted },
    });
    return sectionDetail(q, ctx, caller, id);
  });
}
