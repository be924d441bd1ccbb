import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/core/db/client.js';
import { outboxEmailSender } from '../../src/core/email/sender.js';
import type { ImportsServiceDeps } from '../../src/core/imports/service.js';
import { registeredPipelines } from '../../src/core/imports/system.js';
import { modules } from '../../src/modules/registry.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { multipartFile } from '../support/fake-pipeline.js';
import { signIn } from '../support/identity.js';
import { seedInstitution, seedMember } from '../support/outcomes.js';

/**
 * Every registered route, as a signed-in tenant admin from the app's own origin, gets hostile
 * input: malformed JSON, a body over the limit, a wrong content type, path traversal in its
 * parameters. Each must be refused as the client's fault (4xx), never crash the server (5xx).
 */

const BODY_LIMIT = 64 * 1024;
const TRAVERSAL = '..%2F..%2Fetc%2Fpasswd';
const SOME_ID = '7d0c4c4e-5a0b-4b4e-9a38-1f1f1f1f1f1f';
/** Routes that would end the session the rest of the run relies on. */
const SKIPPED = [/^\/api\/auth\/sign-out/, /^\/api\/auth\/revoke-session/];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Probe {
  name: string;
  method: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
}

const fill = (url: string, value: string) =>
  url.replace(/:[A-Za-z_]+/g, value).replace(/\*$/, value);

function multipart(field: string, fileName: string, content: Buffer) {
  const { body, contentType } = multipartFile(field, fileName, content);
  return { contentType, payload: body };
}

function probesFor(method: string, url: string): Probe[] {
  const probes: Probe[] = [];
  const hasParams = /:[A-Za-z_]+|\*$/.test(url);
  if (hasParams) {
    probes.push({
      name: 'path traversal',
      method,
      url: fill(url, TRAVERSAL),
      ...(WRITE_METHODS.has(method) ? { contentType: 'application/json', payload: '{}' } : {}),
    });
    probes.push({ name: 'encoded dot segments', method, url: fill(url, '%2e%2e%2f%2e%2e%2f') });
  }
  if (WRITE_METHODS.has(method)) {
    const target = fill(url, SOME_ID);
    probes.push(
      {
        name: 'malformed JSON',
        method,
        url: target,
        contentType: 'application/json',
        payload: '{"a":',
      },
      {
        name: 'JSON of the wrong shape',
        method,
        url: target,
        contentType: 'application/json',
        payload: '[1,"x",null,{"__proto__":{"admin":true}}]',
      },
      {
        name: 'oversized body',
        method,
        url: target,
        contentType: 'application/json',
        payload: `{"x":"${'a'.repeat(BODY_LIMIT + 1024)}"}`,
      },
      {
        name: 'wrong content type',
        method,
        url: target,
        contentType: 'text/plain',
        payload: 'hello',
      },
      {
        name: 'multipart without a boundary',
        method,
        url: target,
        contentType: 'multipart/form-data',
        payload: 'garbage',
      },
      {
        name: 'a file that is not what its name says',
        method,
        url: target,
        ...multipart('file', 'export.zip', Buffer.from('MZ\x90\x00 not a zip at all')),
      },
      {
        name: 'a workbook that is not one',
        method,
        url: target,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        payload: Buffer.from('PK\x03\x04 truncated'),
      },
    );
  } else {
    probes.push({
      name: 'hostile query',
      method,
      url: `${fill(url, SOME_ID)}?page=-1&limit=1e309&sort[]=x&q=%00`,
    });
  }
  return probes;
}

describe.each(testDatabaseKinds())('hostile input to every route on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edl-fuzz-'));

  const importsFor = (database: Database): ImportsServiceDeps => ({
    db: database.db,
    pipelines: registeredPipelines(modules),
    config: { salesforce: null, uploadMaxBytes: BODY_LIMIT },
    dataDir,
    trigger: () => undefined,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, {
      modules: () => [...modules],
      imports: importsFor,
      selfRegistration: true,
      bodyLimit: BODY_LIMIT,
      emailSender: outboxEmailSender(),
    });
    await seedInstitution(t.testDb.database, 'college', ['outcomes', 'engagement']);
    await seedMember(t.testDb.database, 'admin@college.example.edu', 'college', 'tenant_admin');
    ({ cookie } = await signIn(t.app, 'admin@college.example.edu'));
  });

  afterAll(async () => {
    await t.dispose();
  });

  it('answers 4xx, never 5xx, to malformed, oversized, mistyped and traversal requests', async () => {
    const routes = t.app.routeTable.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
        .map((method) => ({ method, url: route.url })),
    );
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    for (const { method, url } of routes) {
      if (SKIPPED.some((pattern) => pattern.test(url))) continue;
      for (const probe of probesFor(method, url)) {
        const response = await t.app.inject({
          method: probe.method as 'GET',
          url: probe.url,
          headers: {
            cookie,
            origin: TEST_BASE_URL,
            ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
          },
          ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
        });
        sent += 1;
        if (response.statusCode >= 500) {
          failures.push(
            `${probe.name}: ${probe.method} ${probe.url} → ${String(response.statusCode)} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    // The session survived the run, so the probes reached the handlers as a signed-in admin.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(sent).toBeGreaterThan(routes.length);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
