import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { ConflictError, NotFoundError } from '../../../core/errors.js';
import { normalizeEmail } from '../../../core/users/service.js';
import { parseInput } from '../../../core/validation.js';
import * as instructorsData from '../data/instructors.js';
import { changesOf, createdFields, inTenant, resultsChanged } from './context.js';

const name = z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters');
const email = z
  .union([z.literal(''), z.email('must be a valid email address').transform(normalizeEmail)])
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const instructorInput = z.object({ name, email: email.optional() });
export const instructorUpdateInput = z.object({ name, email }).partial();

const FIELDS = ['name', 'email', 'status'] as const;

async function instructorOrNotFound(q: Tx, id: string) {
  const instructor = await instructorsData.find(q, id);
  if (!instructor) throw new NotFoundError('Instructor');
  return instructor;
}

/** No other instructor has this email, or (without one) this name and no email. */
async function assertFree(q: Tx, values: { name: string; email: string | null }, id?: string) {
  if (values.email !== null) {
    const taken = await instructorsData.findByEmail(q, values.email);
    if (taken && taken.id !== id) {
      throw new ConflictError('An instructor with this email already exists', [
        { path: 'email', message: `is ${taken.name}'s` },
      ]);
    }
  } else {
    const taken = await instructorsData.findByNameWithoutEmail(q, values.name);
    if (taken && taken.id !== id) {
      throw new ConflictError('An instructor with this name and no email already exists', [
        { path: 'email', message: 'give an email to tell them apart' },
      ]);
    }
  }
}

export const listInstructors = (
  db: Db,
  ctx: RequestContext,
  query: instructorsData.InstructorQuery,
) => inTenant(db, ctx, (q) => instructorsData.list(q, query));

export const getInstructor = (db: Db, ctx: RequestContext, id: string) =>
  inTenant(db, ctx, (q) => instructorOrNotFound(q, id));

/** A person who teaches; without an email they are `needs_email` and cannot be invited yet. */
export function createInstructor(
  db: Db,
  ctx: RequestContext,
  input: z.input<typeof instructorInput>,
) {
  const values = parseInput(instructorInput, input);
  const emailOrNull = values.email ?? null;
  return inTenant(db, ctx, async (q, { tenantId }) => {
    await assertFree(q, { name: values.name, email: emailOrNull });
    const created = await instructorsData.insert(q, tenantId, {
      name: values.name,
      email: emailOrNull,
      userId: await instructorsData.userIdForEmail(q, emailOrNull),
    });
    if (!created) throw new ConflictError('This instructor already exists');
    const instructor = await instructorOrNotFound(q, created.id);
    await recordAudit(q, ctx, {
      action: 'outcomes.instructor.create',
      target: { type: 'instructor', id: created.id, label: instructor.name },
      changes: createdFields(instructor, FIELDS),
    });
    return instructor;
  });
}

/** Renames an instructor or sets their email (which links the account with that email). */
export function updateInstructor(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof instructorUpdateInput>,
) {
  const values = parseInput(instructorUpdateInput, input);
  return inTenant(db, ctx, async (q) => {
    const before = await instructorOrNotFound(q, id);
    const next = {
      name: values.name ?? before.name,
      email: values.email === undefined ? before.email : values.email,
    };
    await assertFree(q, next, id);
    await instructorsData.update(q, id, {
      ...next,
      userId: await instructorsData.userIdForEmail(q, next.email),
    });
    const after = await instructorOrNotFound(q, id);
    await resultsChanged(q, ctx);
    await recordAudit(q, ctx, {
      action: 'outcomes.instructor.update',
      target: { type: 'instructor', id, label: after.name },
      changes: changesOf(before, after, FIELDS),
    });
    return after;
  });
}
