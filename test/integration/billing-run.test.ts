import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../src/core/db/tx.js';
import { dayIn } from '../../src/core/billing/dates.js';
import { runBilling, runBillingToday } from '../../src/core/billing/run.js';
import { startTrial } from '../../src/core/billing/subscriptions.js';
import { countUsage } from '../../src/core/billing/usage.js';
import { usageSourcesOf } from '../../src/core/billing/system.js';
import { createUser } from '../../src/core/users/service.js';
import { modules } from '../../src/modules/registry.js';
import {
  billingAudit,
  billingCounts,
  billingEmails,
  inDays,
  outcomesFixture,
  testBillingDeps,
} from '../support/billing.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.js';
import { PASSWORD, rows } from '../support/identity.js';
import { seedInstitution } from '../support/outcomes.js';

const SYSTEM = { actor: { type: 'system' as const } };
const D = '2025-03-01';

describe.each(testDatabaseKinds())('billing run on %s', (kind) => {
  let testDb: TestDatabase;
  const ids: Record<string, string> = {};
  /** The id of a seeded tenant. */
  const id = (slug: string) => {
    const found = ids[slug];
    if (!found) throw new Error(`no tenant ${slug}`);
    return found;
  };

  const member = (email: string, slug: string, role: 'tenant_admin' | 'instructor') =>
    createUser(testDb.database.db, {
      email,
      password: PASSWORD,
      name: email.split('@')[0],
      membership: { tenantSlug: slug, role },
    });

  /** Sets the subscription's chosen plan directly (what PUT /api/billing/plan does in a trial). */
  const choosePlanNow = (tenantId: string, plan: string) =>
    testDb.database.db.execute(
      sql`update billing_subscriptions set plan_code = ${plan}, plan_chosen_at = now()
          where tenant_id = ${tenantId}`,
    );

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    const { database } = testDb;
    for (const slug of ['usage', 'free-co', 'program-co', 'inst-co', 'other']) {
      ids[slug] = (await seedInstitution(database, slug)).id;
    }
    // Usage on day D: terms around the §1.7 edges.
    const usage = outcomesFixture(database, id('usage'));
    for (const email of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
      await member(`${email}@usage.example.com`, 'usage', 'instructor');
    }
    await rows(
      database,
      sql`update users set status = 'suspended' where email = 'u5@usage.example.com'`,
    );
    await rows(
      database,
      sql`update memberships set status = 'deactivated'
          where user_id = (select id from users where email = 'u6@usage.example.com')`,
    );
    const current = await usage.term('2025SP', '2025-01-15', '2025-05-10');
    const inThirty = await usage.term('2025SU', '2025-03-31', '2025-06-30'); // D + 30
    const inThirtyOne = await usage.term('2025S2', '2025-04-01', '2025-07-30'); // D + 31
    const endedYesterday = await usage.term('2024WI', '2024-12-01', '2025-02-28'); // D − 1
    const courses = new Map<number, string>();
    for (const n of [1, 2, 3, 4, 5]) courses.set(n, await usage.course(`ABC-10${n}`));
    const c = (n: number) => courses.get(n) ?? '';
    const teachers = new Map<string, string>();
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
      teachers.set(u, await usage.instructor(`${u}@usage.example.com`));
    }
    const i = (u: string) => teachers.get(u) ?? null;
    const noAccount = await usage.instructor(null, 'Faculty Without Email');
    await usage.section(c(1), current, i('u1')); // billable; u1 active
    await usage.section(c(1), current, i('u1')); // same course and teacher again: counted once
    await usage.section(c(1), current, i('u5')); // suspended account: not an active user
    await usage.section(c(1), current, i('u6')); // deactivated membership: not an active user
    await usage.section(c(1), current, noAccount); // no account: not a user
    await usage.section(c(2), inThirty, i('u2')); // starts in exactly 30 days: billable; u2 active
    await usage.section(c(3), inThirtyOne, i('u3')); // starts in 31 days: not billable; u3 upcoming
    await usage.section(c(4), endedYesterday, i('u4')); // ended yesterday: neither
    // ABC-105 is offered in the current term but has no section: not billable.
    await testDb.database.db.execute(
      sql`insert into offerings (tenant_id, course_id, term_id) values (${ids.usage}, ${c(5)}, ${current})`,
    );
    // Another institution's sections never count here.
    const other = outcomesFixture(database, id('other'));
    await other.section(
      await other.course('ABC-101'),
      await other.term('2025SP', '2025-01-15', '2025-05-10'),
    );

    // Two billable courses today for the invoiced tenants.
    for (const slug of ['free-co', 'program-co', 'inst-co']) {
      const f = outcomesFixture(database, id(slug));
      const term = await f.term('NOW', inDays(-10), inDays(120));
      await f.section(await f.course('XYZ-201'), term);
      await f.section(await f.course('XYZ-202'), term);
      await member(`admin@${slug}.example.com`, slug, 'tenant_admin');
    }
  }, 120_000);
  afterAll(() => testDb?.dispose());

  it('counts billable courses and active users on the edges of §1.7', async () => {
    const tenant = { id: id('usage'), modules: ['outcomes'] };
    const sources = usageSourcesOf(modules);
    const onD = await tx(testDb.database.db, { tenantId: ids.usage }, (q) =>
      countUsage(q, sources, tenant, D),
    );
    // ABC-101 (current) and ABC-102 (starts in exactly 30 days); not ABC-103 (31 days),
    // ABC-104 (ended yesterday) nor ABC-105 (no section).
    // u1 (current) and u2, u3 (upcoming); not u4 (ended), u5 (suspended), u6 (deactivated).
    expect(onD).toEqual({ billableCourses: 2, activeUsers: 3 });

    // One day later ABC-103 enters the 30-day window.
    const next = await tx(testDb.database.db, { tenantId: ids.usage }, (q) =>
      countUsage(q, sources, tenant, '2025-03-02'),
    );
    expect(next.billableCourses).toBe(3);
    // On the last day of the old term it still counted (active through its last day), while
    // ABC-102 was 31 days away: ABC-101 and ABC-104; u1–u4.
    const lastDay = await tx(testDb.database.db, { tenantId: ids.usage }, (q) =>
      countUsage(q, sources, tenant, '2025-02-28'),
    );
    expect(lastDay).toEqual({ billableCourses: 2, activeUsers: 4 });
    // A module the tenant has not switched on counts nothing.
    const off = await tx(testDb.database.db, { tenantId: ids.usage }, (q) =>
      countUsage(q, sources, { id: id('usage'), modules: ['engagement'] }, D),
    );
    expect(off).toEqual({ billableCourses: 0, activeUsers: 0 });
  });

  it('invoices each plan at its prices: base + billable courses × course price; free costs nothing', async () => {
    const deps = testBillingDeps(testDb.database);
    const plans = { 'free-co': 'free', 'program-co': 'program', 'inst-co': 'institution' };
    for (const [slug, plan] of Object.entries(plans)) {
      await startTrial(deps, SYSTEM, id(slug), { plan });
      await choosePlanNow(id(slug), plan);
    }
    const endOfTrial = inDays(30);
    const run = await runBilling(deps, {
      day: endOfTrial,
      tenantSlugs: Object.keys(plans),
    });
    expect(run.transitions).toBe(3);

    const invoices = await rows<{
      slug: string;
      number: string;
      total_cents: number;
      plan_code: string;
      period_start: string;
      due_on: string;
    }>(
      testDb.database,
      sql`select t.slug, i.number, i.total_cents, i.plan_code, i.period_start::text, i.due_on::text
          from billing_invoices i join tenants t on t.id = i.tenant_id order by t.slug`,
    );
    expect(invoices).toEqual([
      {
        slug: 'inst-co',
        number: 'INST-CO-0001',
        total_cents: 19900 + 2 * 200,
        plan_code: 'institution',
        period_start: endOfTrial,
        due_on: inDays(44),
      },
      {
        slug: 'program-co',
        number: 'PROGRAM-CO-0001',
        total_cents: 4900 + 2 * 300,
        plan_code: 'program',
        period_start: endOfTrial,
        due_on: inDays(44),
      },
    ]);
    const lines = await rows<{
      number: string;
      kind: string;
      quantity: number;
      unit_price_cents: number;
      amount_cents: number;
    }>(
      testDb.database,
      sql`select i.number, l.kind, l.quantity, l.unit_price_cents, l.amount_cents
          from billing_invoice_lines l join billing_invoices i on i.id = l.invoice_id
          order by i.number, l.position`,
    );
    expect(lines).toEqual([
      {
        number: 'INST-CO-0001',
        kind: 'base',
        quantity: 1,
        unit_price_cents: 19900,
        amount_cents: 19900,
      },
      {
        number: 'INST-CO-0001',
        kind: 'courses',
        quantity: 2,
        unit_price_cents: 200,
        amount_cents: 400,
      },
      {
        number: 'PROGRAM-CO-0001',
        kind: 'base',
        quantity: 1,
        unit_price_cents: 4900,
        amount_cents: 4900,
      },
      {
        number: 'PROGRAM-CO-0001',
        kind: 'courses',
        quantity: 2,
        unit_price_cents: 300,
        amount_cents: 600,
      },
    ]);
    // The free plan is active without an invoice; the others got their payment-due notice.
    const statuses = await rows<{ slug: string; status: string }>(
      testDb.database,
      sql`select t.slug, s.status from billing_subscriptions s join tenants t on t.id = s.tenant_id
          where t.slug in ('free-co', 'program-co', 'inst-co') order by t.slug`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['active', 'active', 'active']);
    const due = await billingEmails(testDb.database, ids['program-co']);
    expect(due.filter((e) => e.template === 'billing-payment-due')).toEqual([
      expect.objectContaining({
        to: 'admin@program-co.example.com',
        subject: expect.stringContaining('$55.00'),
      }),
    ]);
  });

  it('bills the next month at the prices then in force', async () => {
    const deps = testBillingDeps(testDb.database);
    await testDb.database.db.execute(
      sql`update billing_plans set course_price_cents = 500 where code = 'program'`,
    );
    try {
      // The next period starts one month after the trial's end (its anchor day).
      const [{ next } = { next: '' }] = await rows<{ next: string }>(
        testDb.database,
        sql`select next_period_start::text as next from billing_subscriptions where tenant_id = ${ids['program-co']}`,
      );
      await runBilling(deps, { day: next, tenantSlugs: ['program-co'] });
      const [second] = await rows<{ number: string; total_cents: number; period_start: string }>(
        testDb.database,
        sql`select number, total_cents, period_start::text from billing_invoices
            where tenant_id = ${ids['program-co']} and number = 'PROGRAM-CO-0002'`,
      );
      expect(second).toEqual({
        number: 'PROGRAM-CO-0002',
        total_cents: 4900 + 2 * 500,
        period_start: next,
      });
    } finally {
      await testDb.database.db.execute(
        sql`update billing_plans set course_price_cents = 300 where code = 'program'`,
      );
    }
  });

  it('is idempotent: running the same day again creates nothing', async () => {
    const deps = testBillingDeps(testDb.database);
    await startTrial(deps, SYSTEM, id('usage'), {});
    const day = inDays(21);
    const first = await runBilling(deps, { day });
    expect(first.snapshotsCreated).toBeGreaterThan(0);
    const before = await billingCounts(testDb.database);
    const auditBefore = await billingAudit(testDb.database, id('usage'));

    const second = await runBilling(deps, { day });
    expect(second).toMatchObject({
      day,
      snapshotsCreated: 0,
      invoicesIssued: 0,
      transitions: 0,
      emailsQueued: 0,
    });
    expect(await billingCounts(testDb.database)).toEqual(before);
    expect(await billingAudit(testDb.database, id('usage'))).toEqual(auditBefore);
  });

  it('runs the daily job once per tenant and day, on the tenant’s own calendar', async () => {
    const deps = testBillingDeps(testDb.database);
    const daily = await seedInstitution(testDb.database, 'daily');
    await rows(
      testDb.database,
      sql`update tenants set settings = '{"timezone": "Pacific/Kiritimati"}' where id = ${daily.id}`,
    );
    await startTrial(deps, SYSTEM, daily.id, {});
    const now = new Date();
    const ran = await runBillingToday(deps, now);
    // The other tenants were already run for later days; this one runs for its own today (UTC+14).
    expect(ran.map((r) => r.tenant)).toEqual(['daily']);
    const snapshots = await rows<{ day: string }>(
      testDb.database,
      sql`select day::text from billing_usage_snapshots where tenant_id = ${daily.id}`,
    );
    expect(snapshots).toEqual([{ day: dayIn('Pacific/Kiritimati', now) }]);
    expect(await runBillingToday(deps, now)).toEqual([]);
  });

  it('refuses a day that is not a real day', async () => {
    await expect(
      runBilling(testBillingDeps(testDb.database), { day: '2025-02-30' }),
    ).rejects.toThrow('The date is not valid');
  });
});
