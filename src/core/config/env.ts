import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const databaseUrl = z
  .string()
  .refine((value) => /^(postgres|postgresql):\/\/.+/.test(value) || value === 'memory://', {
    message: 'must be a postgres:// or postgresql:// URL (or memory:// for an in-memory database)',
  });

/** Every environment variable EduLedger reads. Parsed once, at start-up. */
export const envSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'staging', 'production']).default('development'),
  DATABASE_URL: databaseUrl.optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  PORT: port.default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  BASE_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SELF_REGISTRATION: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  EMAIL_TRANSPORT: z.enum(['sink', 'smtp'], { error: 'must be sink or smtp' }).default('sink'),
  EMAIL_FROM: z.email({ error: 'must be an email address' }).default('no-reply@eduledger.invalid'),
  EMAIL_ALLOWLIST: z.string().optional(),
  EMAIL_KILL_SWITCH: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  EMAIL_RATE_PER_SECOND: z.coerce.number().positive('must be more than 0').default(5),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SALESFORCE_LOGIN_URL: z.url({ error: 'must be an absolute https URL' }).optional(),
  SALESFORCE_CLIENT_ID: z.string().optional(),
  SALESFORCE_CLIENT_SECRET: z.string().optional(),
  SALESFORCE_USERNAME: z.string().optional(),
  SALESFORCE_PASSWORD: z.string().optional(),
  SALESFORCE_SECURITY_TOKEN: z.string().optional(),
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d+\.\d$/, 'must look like 62.0')
    .default('62.0'),
  IMPORT_UPLOAD_MAX_MB: z.coerce.number().int().min(1, 'must be at least 1').default(500),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1, 'must be at least 1').default(600),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|on|off|\d+|[0-9a-fA-F:.,/ ]+|loopback|linklocal|uniquelocal)$/,
      'must be true, false, a hop count, or comma-separated proxy addresses/CIDRs',
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ALERT_WEBHOOK_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  ALERTS_ENABLED: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  SENTRY_DSN: z.url({ error: 'must be a Sentry DSN URL' }).optional(),
});

export type RawEnv = z.infer<typeof envSchema>;
