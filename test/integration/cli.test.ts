import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, testDatabaseKinds } from '../support/databases.js';

describe.each(testDatabaseKinds())('eduledger CLI on %s', (kind) => {
  const saved = { ...process.env };
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    delete process.env.BASE_URL; // Vite sets it to '/' inside tests
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'edl-cli-'));
    }
  });
  afterAll(async () => {
    process.env = saved;
    await dropDatabase?.();
  });

  it('migrates the database', async () => {
    const result = await runCli(['db', 'migrate', '--json']);
    expect(result.code).toBe(0);
    const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'succeeded',
      migrations: journal.entries.length,
    });
  });

  it('seeds the demo tenant once and prints the generated password once', async () => {
    const first = await runCli(['seed', 'demo', '--json']);
    expect(first.code).toBe(0);
    const seeded = JSON.parse(first.stdout);
    expect(seeded).toMatchObject({
      created: true,
      tenant: 'demo',
      email: 'admin@demo.example.com',
    });
    expect(seeded.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const second = await runCli(['seed', 'demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already exists');
    expect(second.stdout).not.toContain(seeded.password);
  });

  it('creates a tenant with modules, and refuses a duplicate slug with exit 1', async () => {
    const created = await runCli([
      'tenants',
      'create',
      '--slug',
      'kc-stem',
      '--name',
      'KC STEM',
      '--modules',
      'engagement',
      '--json',
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'kc-stem', modules: ['engagement'] });
    const again = await runCli([
      'tenants',
      'create',
      '--slug',
      'kc-stem',
      '--name',
      'Again',
      '--json',
    ]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'conflict' });
  });

  it('exits 2 with the reasons on invalid input and on bad usage', async () => {
    const invalid = await runCli(['tenants', 'create', '--slug', 'Bad Slug', '--name', 'x']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('slug: 2–40 lower-case letters');
    const unknownModule = await runCli([
      'tenants',
      'create',
      '--slug',
      'ok',
      '--name',
      'x',
      '--modules',
      'crm',
    ]);
    expect(unknownModule.code).toBe(2);
    expect(unknownModule.stderr).toContain('modules must be among: engagement, outcomes');
    const missing = await runCli(['tenants', 'create', '--name', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--slug <slug>' not specified");
    expect((await runCli(['no-such-command'])).code).toBe(2);
  });

  it('creates users with a membership and scope, normalizing the email', async () => {
    const result = await runCli([
      'users',
      'create',
      '--email',
      '  Viewer@Example.COM ',
      '--password',
      'correct horse battery',
      '--tenant',
      'kc-stem',
      '--role',
      'district_viewer',
      '--scope',
      'districts:d1,d2',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      email: 'viewer@example.com',
      membership: { role: 'district_viewer', scope: { districts: ['d1', 'd2'] } },
    });
    const siteAdmin = await runCli([
      'users',
      'create',
      '--email',
      'root@example.com',
      '--password',
      'another long one',
      '--site-admin',
      '--json',
    ]);
    expect(JSON.parse(siteAdmin.stdout)).toMatchObject({ siteAdmin: true });
  });

  it('refuses weak passwords, unknown tenants, bad roles and half a membership', async () => {
    const weak = await runCli([
      'users',
      'create',
      '--email',
      'w@example.com',
      '--password',
      'short',
    ]);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password: must be at least 10 characters');
    const sameAsEmail = await runCli([
      'users',
      'create',
      '--email',
      'same.as.me@example.com',
      '--password',
      'same.as.me@example.com',
    ]);
    expect(sameAsEmail.stderr).toContain('password: must not be the email address');
    const noTenant = await runCli([
      'users',
      'create',
      '--email',
      'n@example.com',
      '--password',
      'long enough pw',
      '--tenant',
      'nope',
      '--role',
      'staff',
    ]);
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr).toContain('Tenant "nope" was not found');
    const badRole = await runCli([
      'users',
      'create',
      '--email',
      'r@example.com',
      '--password',
      'long enough pw',
      '--tenant',
      'kc-stem',
      '--role',
      'boss',
    ]);
    expect(badRole.code).toBe(2);
    const half = await runCli([
      'users',
      'create',
      '--email',
      'h@example.com',
      '--password',
      'long enough pw',
      '--tenant',
      'kc-stem',
    ]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--tenant and --role go together');
    const badScope = await runCli([
      'users',
      'create',
      '--email',
      's@example.com',
      '--password',
      'long enough pw',
      '--scope',
      'schools:1',
    ]);
    expect(badScope.code).toBe(2);
  });

  it('renders every email template as HTML and text for review', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'edl-emails-'));
    const result = await runCli(['email', 'render', '--out', out, '--no-screenshots', '--json']);
    expect(result.code).toBe(0);
    const { templates, files } = JSON.parse(result.stdout);
    expect(templates).toBeGreaterThanOrEqual(14);
    expect(files).toHaveLength(templates * 2);
    expect(readFileSync(path.join(out, 'invitation.html'), 'utf8')).toContain(
      'Accept the invitation',
    );
    expect(readFileSync(path.join(out, 'password-reset.txt'), 'utf8')).toMatch(
      /^Subject: Reset your/,
    );
    expect((await runCli(['email', 'render', '--out', out, '--tenant', 'nope'])).code).toBe(1);
  });

  it('reports a configuration error naming the variable, with exit 2', async () => {
    process.env.PORT = 'not-a-port';
    try {
      const result = await runCli(['db', 'migrate']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('PORT: must be a whole number');
    } finally {
      delete process.env.PORT;
    }
  });
});
