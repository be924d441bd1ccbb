import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrial } from '../../src/core/billing/subscriptions.js';
import type { DatabaseTarget } from '../../src/core/config/config.js';
import { openDatabase, type Database } from '../../src/core/db/client.js';
import { findTenantBySlug } from '../../src/core/tenants/service.js';
import { billingCounts, inDays, outcomesFixture, testBillingDeps } from '../support/billing.js';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';
import { rows } from '../support/identity.js';

describe.each(testDatabaseKinds())('eduledger billing run on %s', (kind) => {
  const saved = { ...process.env };
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-billing-cli-'));
  let target: DatabaseTarget;
  let dropDatabase: (() => Promise<void>) | undefined;

  /** The database between two commands (the embedded one admits one process at a time). */
  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(target);
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL;
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
      target = { kind: 'postgres', url: created.url };
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = path.join(dir, 'data');
      target = { kind: 'pglite', dataDir: path.join(dir, 'data') };
    }
    for (const slug of ['alpha', 'beta']) {
      const created = await runCli([
        'tenants',
        'create',
        '--slug',
        slug,
        '--name',
        slug,
        '--modules',
        'outcomes',
      ]);
      expect(created.code, created.stderr).toBe(0);
    }
    await withDatabase(async (database) => {
      const deps = testBillingDeps(database);
      for (const slug of ['alpha', 'beta']) {
        const tenant = await findTenantBySlug(database.db, slug);
        if (!tenant) throw new Error(`no tenant ${slug}`);
        await startTrial(deps, { actor: { type: 'system' } }, tenant.id, { plan: 'program' });
        const f = outcomesFixture(database, tenant.id);
        await f.section(await f.course('ART-101'), await f.term('NOW', inDays(-3), inDays(90)));
      }
      // Alpha confirmed its plan during the trial; beta did not.
      await database.db.execute(
        sql`update billing_subscriptions s set plan_chosen_at = now() from tenants t
            where t.id = s.tenant_id and t.slug = 'alpha'`,
      );
    });
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await dropDatabase?.();
  });

  it('takes snapshots and invoices the day; a second run creates nothing new', async () => {
    const day = inDays(30);
    const first = await runCli(['billing', 'run', '--date', day, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ day, snapshotsCreated: 2, invoicesIssued: 1, transitions: 2 });
    expect(result.tenants).toEqual([
      expect.objectContaining({
        tenant: 'alpha',
        invoicesIssued: ['ALPHA-0001'],
        transitions: [{ from: 'trialing', to: 'active', reason: 'trial_converted' }],
      }),
      expect.objectContaining({
        tenant: 'beta',
        invoicesIssued: [],
        transitions: [{ from: 'trialing', to: 'read_only', reason: 'trial_ended' }],
      }),
    ]);
    const before = await withDatabase(billingCounts);

    const second = await runCli(['billing', 'run', '--date', day, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      day,
      snapshotsCreated: 0,
      invoicesIssued: 0,
      transitions: 0,
      emailsQueued: 0,
    });
    expect(await withDatabase(billingCounts)).toEqual(before);
    const invoices = await withDatabase((database) =>
      rows<{ number: string; total_cents: number }>(
        database,
        sql`select number, total_cents from billing_invoices order by number`,
      ),
    );
    expect(invoices).toEqual([{ number: 'ALPHA-0001', total_cents: 4900 + 300 }]);
  });

  it('prints a summary for people, and runs one tenant on request', async () => {
    const human = await runCli(['billing', 'run', '--date', inDays(31), '--tenant', 'beta']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`Billing run of ${inDays(31)}: 1 subscribed tenant(s).`);
    expect(human.stdout).toContain('usage snapshots created: 1');
  });

  it('refuses a bad date or an unknown tenant with exit code 2', async () => {
    const badDate = await runCli(['billing', 'run', '--date', '2025-13-01', '--json']);
    expect(badDate.code, badDate.stdout + badDate.stderr).toBe(2);
    expect(JSON.parse(badDate.stdout).error.details).toEqual([
      { path: 'date', message: 'must be a real day written YYYY-MM-DD' },
    ]);
    const unknown = await runCli(['billing', 'run', '--date', inDays(1), '--tenant', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('not subscribed: nope');
    const missing = await runCli(['billing', 'run']);
    expect(missing.code).toBe(2);
  });
});
