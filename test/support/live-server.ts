import { createServer } from 'node:net';
import { loadConfig } from '../../src/core/config/config.js';
import { startServer, type RunningServer } from '../../src/server.js';

/** A port nobody listens on now; the server needs it up front for BASE_URL and trusted origins. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * The real server on a random port with an in-memory database (and the built web app); `env`
 * adds settings (e.g. SENTRY_DSN).
 */
export async function startLiveServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = String(await freePort());
  return startServer(
    loadConfig({
      DATABASE_URL: 'memory://',
      PORT: port,
      LOG_LEVEL: 'warn',
      APP_ENV: 'test',
      ...env,
    }),
  );
}
