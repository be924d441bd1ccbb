import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError, ValidationError } from '../../../core/errors.js';
import {
  eventStudentCounts,
  eventTeachers,
  eventVolunteers,
  findEvent,
  insertEvent,
  listEvents,
  schoolExists,
  updateEvent,
  type EventFilter,
  type EventSort,
} from '../data/screens/events.js';
import type { ListWindow } from '../data/screens/query.js';
import { EVENT_FORMATS, EVENT_STATUSES, EVENT_TYPES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { callerOf } from './caller.js';
import { changesOf, optionalCount, optionalText, requiredText } from './inputs.js';
import { dataChanged } from './reports.js';

const instant = z
  .union([z.literal(''), z.iso.datetime({ offset: true, error: 'must be a date and time' })])
  .nullish()
  .transform((value) => (value ? new Date(value) : null));

/** Both times parsed (each a Date or null), whatever happened to the other fields. */
const timesParsed = (value: unknown) => {
  const { startAt, endAt } = value as Record<string, unknown>;
  return [startAt, endAt].every((at) => at === null || at instanceof Date);
};

/**
 * The create/edit form of an event. The end, when given, is not before the start (checked even
 * when other fields are wrong, so the form shows every problem at once).
 */
export const eventInput = z
  .object({
    title: requiredText(300),
    description: optionalText(10_000),
    type: z.enum(EVENT_TYPES, { error: 'is not a known event type' }),
    format: z.enum(EVENT_FORMATS, { error: 'must be in person or virtual' }),
    status: z.enum(EVENT_STATUSES, { error: 'is not a known event status' }),
    startAt: instant,
    endAt: instant,
    durationMinutes: optionalCount(0, 10_000),
    cancellationReason: optionalText(500),
    location: optionalText(300),
    schoolId: z
      .union([z.literal(''), z.uuid('is not a school')])
      .nullish()
      .transform((value) => (value ? value : null)),
    districtName: optionalText(200),
    volunteersNeeded: optionalCount(),
    availableSlots: optionalCount(),
    registrationLink: z
      .union([
        z.literal(''),
        z.url({ protocol: /^https?$/, error: 'must be a web address (https://…)' }),
      ])
      .nullish()
      .transform((value) => (value ? value : null)),
    sessionHost: optionalText(200),
    series: optionalText(200),
    careerCluster: optionalText(200),
  })
  .refine(({ startAt, endAt }) => !startAt || !endAt || endAt >= startAt, {
    message: 'must not be before the start',
    path: ['endAt'],
    when: (payload) => timesParsed(payload.value),
  });
export type EventInput = z.output<typeof eventInput>;

export function listEventsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<EventFilter, 'tenantId' | 'scope'> & ListWindow<EventSort>,
) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listEvents(q, { ...query, tenantId, scope }));
}

/** An event with its participants; volunteers' and teachers' names only for who may read them. */
export function getEvent(db: Db, ctx: RequestContext, id: string) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const event = await findEvent(q, tenantId, scope, id);
    if (!event) throw new NotFoundError('Event');
    const volunteers = ctx.ability.can('read', SUBJECTS.volunteer)
      ? await eventVolunteers(q, id)
      : null;
    return {
      ...event,
      volunteerList: volunteers,
      teacherList: ctx.ability.can('read', SUBJECTS.teacher) ? await eventTeachers(q, id) : null,
      studentCounts: await eventStudentCounts(q, id),
    };
  });
}

async function checkSchool(q: Tx, tenantId: string, input: EventInput) {
  if (input.schoolId && !(await schoolExists(q, tenantId, input.schoolId))) {
    throw new ValidationError('The input is not valid', [
      { path: 'schoolId', message: 'is not a school of this tenant' },
    ]);
  }
}

export async function createEvent(db: Db, ctx: RequestContext, input: EventInput) {
  const { tenantId } = callerOf(ctx);
  const id = await tx(db, { tenantId }, async (q) => {
    await checkSchool(q, tenantId, input);
    const created = await insertEvent(q, {
      ...input,
      tenantId,
      externalId: `manual:${randomUUID()}`,
    });
    await recordAudit(q, ctx, {
      action: 'engagement.event.create',
      target: { type: 'event', id: created, label: input.title },
    });
    await dataChanged(q, tenantId);
    return created;
  });
  return getEvent(db, ctx, id);
}

export async function editEvent(db: Db, ctx: RequestContext, id: string, input: EventInput) {
  const { tenantId, scope } = callerOf(ctx);
  await tx(db, { tenantId }, async (q) => {
    const before = await findEvent(q, tenantId, scope, id);
    if (!before) throw new NotFoundError('Event');
    await checkSchool(q, tenantId, input);
    await updateEvent(q, id, input);
    await recordAudit(q, ctx, {
      action: 'engagement.event.update',
      target: { type: 'event', id, label: input.title },
      changes: changesOf(before, input),
    });
    await dataChanged(q, tenantId);
  });
  return getEvent(db, ctx, id);
}
