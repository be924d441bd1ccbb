import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../src/core/audit/schema.js';
import type { AuditContext } from '../../../src/core/audit/service.js';
import { tx } from '../../../src/core/db/tx.js';
import { ValidationError } from '../../../src/core/errors.js';
import { createTenant } from '../../../src/core/tenants/service.js';
import type { LocalStatus } from '../../../src/modules/engagement/enums.js';
import {
  getZipPrefixes,
  updateLocalStatuses,
  updateZipPrefixes,
} from '../../../src/modules/engagement/local-status-service.js';
import {
  contacts,
  events,
  volunteerParticipations,
  volunteers,
} from '../../../src/modules/engagement/schema.js';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../support/databases.js';

interface Person {
  key: string;
  zip: string | null;
  previous?: LocalStatus;
  participation?: { format: 'in_person' | 'virtual'; status: string };
}

const PEOPLE: Person[] = [
  { key: 'attended-far', zip: '90210', participation: { format: 'in_person', status: 'ATTENDED' } },
  { key: 'metro', zip: '64111' },
  { key: 'region', zip: '64501' },
  { key: 'far', zip: '75001' },
  { key: 'no-data-known', zip: null, previous: 'partial' },
  { key: 'no-data', zip: null },
  { key: 'virtual-only', zip: null, participation: { format: 'virtual', status: 'Attended' } },
  { key: 'no-show', zip: '75001', participation: { format: 'in_person', status: 'No-Show' } },
];

describe.each(testDatabaseKinds())('update local statuses on %s', (kind) => {
  let t: TestDatabase;
  let tenantId = '';
  let otherTenantId = '';
  const audit = (): AuditContext => ({ tenantId, actor: { type: 'system' } });

  const statuses = async (tenant = tenantId) =>
    Object.fromEntries(
      (
        await tx(t.database.db, { tenantId: tenant }, (q) =>
          q
            .select({ key: contacts.externalId, status: volunteers.localStatus })
            .from(volunteers)
            .innerJoin(contacts, eq(contacts.id, volunteers.contactId)),
        )
      ).map((r) => [r.key, r.status]),
    );

  async function seed(tenant: string) {
    await tx(t.database.db, { tenantId: tenant }, async (q) => {
      const [inPerson, virtual] = await q
        .insert(events)
        .values(
          (['in_person', 'virtual'] as const).map((format) => ({
            tenantId: tenant,
            externalId: `event-${format}`,
            title: format,
            format,
            status: 'Completed' as const,
          })),
        )
        .returning({ id: events.id });
      for (const person of PEOPLE) {
        const [contact] = await q
          .insert(contacts)
          .values({
            tenantId: tenant,
            externalId: person.key,
            kind: 'volunteer',
            mailingPostalCode: person.zip,
          })
          .returning({ id: contacts.id });
        const contactId = contact?.id ?? '';
        await q.insert(volunteers).values({
          contactId,
          tenantId: tenant,
          localStatus: person.previous ?? 'unknown',
        });
        if (person.participation) {
          await q.insert(volunteerParticipations).values({
            tenantId: tenant,
            externalId: `vp-${person.key}`,
            contactId,
            eventId: (person.participation.format === 'in_person' ? inPerson : virtual)?.id ?? '',
            status: person.participation.status,
          });
        }
      }
    });
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const { db } = t.database;
    tenantId = (await createTenant(db, { slug: 'local', name: 'Local' }, [])).id;
    otherTenantId = (await createTenant(db, { slug: 'other', name: 'Other' }, [])).id;
    await seed(tenantId);
    await seed(otherTenantId);
  });
  afterAll(() => t.dispose());

  it('recomputes every volunteer with the default prefixes and audits the counts', async () => {
    const summary = await updateLocalStatuses(t.database.db, audit());
    expect(await statuses()).toEqual({
      'attended-far': 'local',
      metro: 'local',
      region: 'partial',
      far: 'non_local',
      'no-data-known': 'partial',
      'no-data': 'unknown',
      'virtual-only': 'unknown',
      'no-show': 'non_local',
    });
    expect(summary).toEqual({
      volunteers: 8,
      changed: 5,
      byStatus: { local: 2, partial: 2, non_local: 2, unknown: 2 },
    });
    const [entry] = await tx(t.database.db, { tenantId }, (q) =>
      q
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'engagement.volunteer.local_statuses_updated')),
    );
    expect(entry?.meta).toMatchObject({ volunteers: 8, changed: 5 });
    expect(Object.values(await statuses(otherTenantId)).filter((s) => s !== 'unknown')).toEqual([
      'partial',
    ]);
  });

  it('a second update changes nothing', async () => {
    expect((await updateLocalStatuses(t.database.db, audit())).changed).toBe(0);
  });

  it('follows the tenant’s own ZIP prefixes, and a null list restores the default', async () => {
    expect(await getZipPrefixes(t.database.db, audit())).toMatchObject({
      local: expect.arrayContaining(['640', '666']) as unknown,
    });
    await updateZipPrefixes(t.database.db, audit(), { local: ['750', '750'], partial: null });
    expect(await getZipPrefixes(t.database.db, audit())).toEqual({
      local: ['750'],
      partial: ['644', '645', '646', '670', '671', '672', '673', '674'],
    });
    await updateLocalStatuses(t.database.db, audit());
    expect(await statuses()).toMatchObject({ far: 'local', metro: 'non_local', region: 'partial' });

    await updateZipPrefixes(t.database.db, audit(), { local: null, partial: null });
    await updateLocalStatuses(t.database.db, audit());
    expect(await statuses()).toMatchObject({ far: 'non_local', metro: 'local' });
  });

  it('rejects prefixes that are not 3 digits or are both local and partial', async () => {
    await expect(
      updateZipPrefixes(t.database.db, audit(), { local: ['64'], partial: null }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updateZipPrefixes(t.database.db, audit(), { local: ['640'], partial: ['640'] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('needs a tenant', async () => {
    await expect(updateLocalStatuses(t.database.db, { actor: { type: 'system' } })).rejects.toThrow(
      'Choose a tenant first',
    );
    const count = await tx(t.database.db, { tenantId }, (q) =>
      q.execute(sql`select count(*)::int as n from volunteers`),
    );
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(8);
  });
});
