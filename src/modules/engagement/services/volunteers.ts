import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import { VOLUNTEER_STATUSES } from '../enums.js';
import { insertContact, setPrimaryEmail, updateContact } from '../data/screens/contact-writes.js';
import {
  countVolunteerParticipations,
  findVolunteer,
  insertVolunteer,
  listVolunteers,
  updateVolunteer,
  volunteerAffiliations,
  volunteerParticipationsOf,
  type VolunteerFilter,
  type VolunteerSort,
} from '../data/screens/volunteers.js';
import type { ListWindow } from '../data/screens/query.js';
import { SUBJECTS } from '../permissions.js';
import { normalizeEmail } from '../rules/emails.js';
import { personName } from '../rules/names.js';
import { callerOf } from './caller.js';
import { visible } from './visible.js';
import { changesOf, optionalText, requiredText } from './inputs.js';
import type { RequestContext } from '../../../core/access/request-context.js';
import { dataChanged } from './reports.js';

/** The create/edit form of a volunteer. Names written in capitals are title-cased. */
export const volunteerInput = z.object({
  firstName: requiredText(100),
  middleName: optionalText(100),
  lastName: requiredText(100),
  email: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), z.email('is not a valid email address')]))
    .nullish()
    .transform((value) => normalizeEmail(value)),
  phone: optionalText(40),
  mailingPostalCode: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code like 64106'),
    ])
    .nullish()
    .transform((value) => (value ? value : null)),
  organizationName: optionalText(200),
  title: optionalText(200),
  department: optionalText(200),
  industry: optionalText(200),
  skills: optionalText(2000),
  interests: optionalText(2000),
  status: z.enum(VOLUNTEER_STATUSES, { error: 'must be active, inactive or on hold' }),
  doNotContact: z.boolean().default(false),
  excludeFromReports: z.boolean().default(false),
  notes: optionalText(5000),
});
export type VolunteerInput = z.output<typeof volunteerInput>;

const LATEST_PARTICIPATIONS = 50;

export function listVolunteersFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<VolunteerFilter, 'tenantId'> & ListWindow<VolunteerSort>,
) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listVolunteers(q, { ...query, tenantId }));
}

export async function getVolunteer(db: Db, ctx: RequestContext, id: string) {
  const { tenantId } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const volunteer = await findVolunteer(q, tenantId, id);
    if (!volunteer) throw new NotFoundError('Volunteer');
    return {
      ...visible(ctx.ability, SUBJECTS.volunteer, volunteer),
      affiliations: await volunteerAffiliations(q, id),
      participations: await volunteerParticipationsOf(q, id, LATEST_PARTICIPATIONS),
      participationCount: await countVolunteerParticipations(q, id),
    };
  });
}

function split(input: VolunteerInput) {
  const name = personName(input.firstName, input.lastName, input.middleName);
  return {
    contact: {
      firstName: name.firstName,
      middleName: name.middleName,
      lastName: name.lastName,
      phone: input.phone,
      mailingPostalCode: input.mailingPostalCode,
      doNotContact: input.doNotContact,
      excludeFromReports: input.excludeFromReports,
      notes: input.notes,
    },
    volunteer: {
      organizationName: input.organizationName,
      title: input.title,
      department: input.department,
      industry: input.industry,
      skills: input.skills,
      interests: input.interests,
      status: input.status,
    },
  };
}

/** A volunteer entered by hand: its external id marks it as not from Salesforce. */
export async function createVolunteer(db: Db, ctx: RequestContext, input: VolunteerInput) {
  const { tenantId } = callerOf(ctx);
  const { contact, volunteer } = split(input);
  const id = await tx(db, { tenantId }, async (q) => {
    const contactId = await insertContact(q, {
      ...contact,
      tenantId,
      kind: 'volunteer',
      externalId: `manual:${randomUUID()}`,
    });
    await insertVolunteer(q, { ...volunteer, contactId, tenantId });
    await setPrimaryEmail(q, tenantId, contactId, input.email);
    await recordAudit(q, ctx, {
      action: 'engagement.volunteer.create',
      target: {
        type: 'volunteer',
        id: contactId,
        label: `${contact.firstName} ${contact.lastName}`,
      },
    });
    await dataChanged(q, tenantId);
    return contactId;
  });
  return getVolunteer(db, ctx, id);
}

export async function editVolunteer(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: VolunteerInput,
) {
  const { tenantId } = callerOf(ctx);
  const { contact, volunteer } = split(input);
  await tx(db, { tenantId }, async (q) => {
    const before = await findVolunteer(q, tenantId, id);
    if (!before) throw new NotFoundError('Volunteer');
    await updateContact(q, id, contact);
    await updateVolunteer(q, id, volunteer);
    if (input.email !== before.email) await setPrimaryEmail(q, tenantId, id, input.email);
    await recordAudit(q, ctx, {
      action: 'engagement.volunteer.update',
      target: { type: 'volunteer', id, label: `${contact.firstName} ${contact.lastName}` },
      changes: changesOf(before, { ...contact, ...volunteer, email: input.email }),
    });
    await dataChanged(q, tenantId);
  });
  return getVolunteer(db, ctx, id);
}
