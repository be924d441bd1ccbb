import type { FastifyRequest } from 'fastify';
import pino, { type Logger, type LoggerOptions } from 'pino';

/** Fields that may carry secrets or personal data: never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.sessionSecret',
  '*.email',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The path only: query strings can carry search terms and tokens.
      req: (req: FastifyRequest) => ({ method: req.method, path: req.url.split('?')[0] }),
    },
  };
}

/** A JSON logger; the CLI passes fd 2 so stdout stays machine-readable. */
export const createLogger = (level: string, fd: 1 | 2 = 1): Logger =>
  pino(loggerOptions(level), pino.destination({ fd, sync: fd === 2 }));
