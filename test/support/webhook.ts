import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server standing in for a Slack-compatible incoming webhook. */
export interface WebhookReceiver {
  url: string;
  /** Parsed JSON bodies received, in order. */
  received: unknown[];
  /** Status answered to the next requests (200 by default). */
  status: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { received: [] as unknown[], status: 200 } as WebhookReceiver;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      receiver.received.push(
        request.headers['content-type'] === 'application/json' ? JSON.parse(body) : body,
      );
      response.writeHead(receiver.status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/alerts`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
