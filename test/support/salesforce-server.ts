import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRecord {
  Id: string;
  LastModifiedDate: string;
  [field: string]: string | number | boolean | null;
}

export interface FakeSalesforce {
  url: string;
  /** Records per object; tests change them between runs. */
  objects: Record<string, FakeRecord[]>;
  /** Every SOQL statement received, in order. */
  queries: string[];
  /** Grant types asked of the token endpoint. */
  logins: string[];
  close(): Promise<void>;
}

const TOKEN = 'fake-access-token';
const VERSION = '/services/data/v62.0';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/**
 * A local stand-in for the Salesforce REST API with the shapes jsforce expects: the OAuth token
 * endpoint, describeGlobal, and SOQL queries paged through nextRecordsUrl (`pageSize` records a
 * page). It understands what the API source sends: SELECT fields FROM object, an optional
 * `WHERE LastModifiedDate > datetime`, ORDER BY one field, and SELECT COUNT().
 */
export async function startFakeSalesforce(pageSize = 2): Promise<FakeSalesforce> {
  const objects: Record<string, FakeRecord[]> = {};
  const queries: string[] = [];
  const logins: string[] = [];
  const cursors = new Map<string, { records: Record<string, unknown>[]; offset: number }>();
  let url = '';

  const page = (locatorId: string) => {
    const cursor = cursors.get(locatorId);
    if (!cursor) return undefined;
    const records = cursor.records.slice(cursor.offset, cursor.offset + pageSize);
    const next = cursor.offset + pageSize;
    const done = next >= cursor.records.length;
    if (!done) cursors.set(`${locatorId.split('-')[0]}-${next}`, { ...cursor, offset: next });
    return {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${VERSION}/query/${locatorId.split('-')[0]}-${next}` }),
      records,
    };
  };

  const query = (soql: string) => {
    queries.push(soql);
    const match =
      /^SELECT (.+) FROM (\w+)(?: WHERE LastModifiedDate > (\S+))?(?: ORDER BY (\w+))?$/.exec(soql);
    if (!match) return { status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: soql }] };
    const [, fieldList = '', object = '', since, orderBy] = match;
    const rows = (objects[object] ?? []).filter(
      (r) => !since || Date.parse(r.LastModifiedDate) > Date.parse(since),
    );
    if (fieldList === 'COUNT()') {
      return { status: 200, body: { totalSize: rows.length, done: true, records: [] } };
    }
    const fields = fieldList.split(', ');
    const bad = fields.find((f) => !/^\w+$/.test(f));
    if (bad)
      return {
        status: 400,
        body: [{ errorCode: 'INVALID_FIELD', message: `No such column '${bad}'` }],
      };
    const sorted = orderBy
      ? [...rows].sort((a, b) => String(a[orderBy]).localeCompare(String(b[orderBy])))
      : rows;
    const records = sorted.map((r) => ({
      attributes: { type: object, url: `${VERSION}/sobjects/${object}/${r.Id}` },
      ...Object.fromEntries(fields.map((f) => [f, r[f] ?? null])),
    }));
    const id = `01g${queries.length}`;
    cursors.set(`${id}-0`, { records, offset: 0 });
    return { status: 200, body: page(`${id}-0`) };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const address = new URL(req.url ?? '/', url);
      if (req.method === 'POST' && address.pathname === '/services/oauth2/token') {
        const params = new URLSearchParams(await readBody(req));
        logins.push(params.get('grant_type') ?? '');
        if (params.get('client_secret') !== 'secret') {
          return send(res, 400, { error: 'invalid_client', error_description: 'bad secret' });
        }
        return send(res, 200, {
          access_token: TOKEN,
          instance_url: url,
          id: `${url}/id/00D000000000001AAA/005000000000001AAA`,
          token_type: 'Bearer',
          issued_at: String(Date.now()),
          signature: 'fake',
        });
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return send(res, 401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired' }]);
      }
      if (address.pathname === `${VERSION}/sobjects`) {
        return send(res, 200, { sobjects: Object.keys(objects).map((name) => ({ name })) });
      }
      if (address.pathname === `${VERSION}/query`) {
        const { status, body } = query(address.searchParams.get('q') ?? '');
        return send(res, status, body);
      }
      const more = new RegExp(`^${VERSION}/query/(.+)$`).exec(address.pathname);
      const next = more?.[1] ? page(more[1]) : undefined;
      if (next) return send(res, 200, next);
      return send(res, 404, [{ errorCode: 'NOT_FOUND', message: address.pathname }]);
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    objects,
    queries,
    logins,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
