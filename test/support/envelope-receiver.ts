import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A local endpoint standing in for Sentry's ingest: it keeps each envelope's raw text. */
export async function startEnvelopeReceiver() {
  const envelopes: string[] = [];
  const server: Server = createServer((request, response) => {
    // The web app's SDK posts from the app's origin: a browser needs CORS to let it.
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const text =
        request.headers['content-encoding'] === 'gzip'
          ? gunzipSync(body).toString()
          : body.toString();
      if (request.url?.includes('/envelope/')) envelopes.push(text);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    envelopes,
    dsn: `http://publickey@127.0.0.1:${port}/42`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The error events of the received envelopes (an envelope is lines of JSON: header, item header, item…). */
export const eventsOf = (envelopes: string[]) =>
  envelopes.flatMap((envelope) => {
    const lines = envelope.split('\n').filter(Boolean);
    const events = [];
    for (let i = 1; i < lines.length - 1; i++) {
      if ((JSON.parse(lines[i] ?? '{}') as { type?: string }).type === 'event') {
        events.push(JSON.parse(lines[i + 1] ?? '{}'));
      }
    }
    return events;
  });
