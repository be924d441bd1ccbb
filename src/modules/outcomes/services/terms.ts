import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as termsData from '../data/terms.js';
import {
  defaultTermDates,
  parseTermCode,
  TERM_CODE_HINT,
  termName,
  todayIn,
} from '../rules/term-code.js';
import { changesOf, createdFields, deletedFields, inTenant, resultsChanged } from './context.js';
import { isoDate } from './inputs.js';

const termCode = z.string().transform((value, ctx) => {
  const code = parseTermCode(value);
  if (code === undefined) {
    ctx.addIssue({ code: 'custom', message: TERM_CODE_HINT });
    return z.NEVER;
  }
  return code;
});
const name = z.string().trim().min(1, 'is required').max(100, 'is at most 100 characters');

export const termInput = z.object({
  code: termCode,
  name: name.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  dueDate: isoDate.nullable().optional(),
});
export const termUpdateInput = z
  .object({ name, startDate: isoDate, endDate: isoDate, dueDate: isoDate.nullable() })
  .partial();

const FIELDS = ['code', 'name', 'startDate', 'endDate', 'dueDate'] as const;

export class TermHasOfferingsError extends AppError {
  constructor(count: number) {
    super(
      409,
      'term_has_offerings',
      `This term has ${String(count)} offering(s); delete them first`,
    );
  }
}

function checkDates(term: { startDate: string; endDate: string }) {
  if (term.endDate < term.startDate) {
    throw new ValidationError('The term ends before it starts', [
      { path: 'endDate', message: 'must be on or after the start date' },
    ]);
  }
}

/** Today in the institution's time zone: term statuses depend on it. */
const todayOf = async (q: Tx, tenantId: string) => todayIn(await termsData.timeZoneOf(q, tenantId));

async function termOrNotFound(q: Tx, tenantId: string, id: string) {
  const term = await termsData.find(q, id, await todayOf(q, tenantId));
  if (!term) throw new NotFoundError('Term');
  return term;
}

export const listTerms = (db: Db, ctx: RequestContext, query: Omit<termsData.TermQuery, 'today'>) =>
  inTenant(db, ctx, async (q, { tenantId }) =>
    termsData.list(q, { ...query, today: await todayOf(q, tenantId) }),
  );

export const getTerm = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, (q, { tenantId }) => termOrNotFound(q, tenantId, id));

/** Creates a term from its code; the name and dates default from the code's season. */
export function createTerm(db: Db, ctx: RequestContext, input: z.input<typeof termInput>) {
  const values = parseInput(termInput, input);
  const defaults = defaultTermDates(values.code);
  const term = {
    code: values.code,
    name: values.name ?? termName(values.code),
    startDate: values.startDate ?? defaults.startDate,
    endDate: values.endDate ?? defaults.endDate,
    dueDate: values.dueDate ?? null,
  };
  checkDates(term);
  return inTenant(db, ctx, async (q, { tenantId }) => {
    const created = await termsData.insert(q, tenantId, term);
    if (!created) {
      throw new ConflictError(`The term ${term.code} already exists`, [
        { path: 'code', message: 'is taken' },
      ]);
    }
    await recordAudit(q, ctx, {
      action: 'outcomes.term.create',
      target: { type: 'term', id: created.id, label: created.code },
      changes: createdFields(created, FIELDS),
    });
    return termOrNotFound(q, tenantId, created.id);
  });
}

export function updateTerm(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof termUpdateInput>,
) {
  const values = parseInput(termUpdateInput, input);
  return inTenant(db, ctx, async (q, { tenantId }) => {
    const before = await termOrNotFound(q, tenantId, id);
    checkDates({ ...before, ...values });
    await termsData.update(q, id, values);
    const after = await termOrNotFound(q, tenantId, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.term.update',
      target: { type: 'term', id, label: after.code },
      changes: changesOf(before, after, FIELDS),
    });
    return after;
  });
}

export function deleteTerm(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { tenantId }) => {
    const term = await termOrNotFound(q, tenantId, id);
    if (term.offeringCount > 0) throw new TermHasOfferingsError(term.offeringCount);
    await termsData.remove(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.term.delete',
      target: { type: 'term', id, label: term.code },
      changes: deletedFields(term, FIELDS),
    });
  });
}
