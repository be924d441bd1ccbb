import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { routeGuard } from '../access/route-guard.js';
import { auditRoutes } from '../audit/routes.js';
import { billingAdminRoutes } from '../billing/admin-routes.js';
import { assertTenantWritable } from '../billing/read-only.js';
import { billingRoutes } from '../billing/routes.js';
import { billingDeps } from '../billing/system.js';
import { createAuth } from '../auth/auth.js';
import { meRoutes } from '../auth/me-routes.js';
import { profileRoutes } from '../auth/profile-routes.js';
import { authRoutes } from '../auth/routes.js';
import { resolveRequestContext } from '../auth/session-context.js';
import { emailAdminRoutes } from '../email/admin-routes.js';
import { outboxEmailSender, type EmailSender } from '../email/sender.js';
import { invitationRoutes } from '../invitations/routes.js';
import { reportRegistry } from '../reports/registry.js';
import { importRoutes } from '../imports/routes.js';
import type { ImportsServiceDeps } from '../imports/service.js';
import { reportRoutes } from '../reports/routes.js';
import { registrationRoutes } from '../tenants/registration-routes.js';
import { tenantOverviewRoutes } from '../tenants/overview-routes.js';
import { tenantAdminRoutes } from '../tenants/routes.js';
import { userAdminRoutes } from '../users/admin-routes.js';
import { csrfOriginCheck } from './csrf.js';
import {
  applyRoutePolicies,
  databaseRateLimitStore,
  DEFAULT_RATE_LIMIT_POLICIES,
  type RateLimitPolicies,
} from './rate-limits.js';
import { enforceHttps, fastifyTrustProxy, helmetOptions, type TrustProxy } from './security.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import type { JobRunner } from '../jobs/runner.js';
import type { ModuleDefinition } from '../modules/define-module.js';
import { createAlerter, type AlertSettings } from '../observe/alerts.js';
import { captureErrors, type BrowserErrorCapture } from '../observe/error-capture.js';
import { instrumentRequests, metricsRoutes } from '../observe/metrics-routes.js';
import { systemRoutes } from '../observe/system-routes.js';
import { registerApiDocs } from './api-docs.js';
import { installErrorHandling } from './error-handler.js';
import { healthRoutes } from './health-routes.js';
import { requestIdFor } from './request-id.js';
import { registerSpa } from './spa.js';
import type { HttpApp } from './types.js';

export interface AppOptions {
  database: Database;
  modules: readonly ModuleDefinition[];
  logger: Logger;
  version: string;
  /** Folder of the built web app (index.html and assets). */
  webRoot: string;
  exposeInternalErrors: boolean;
  rateLimitPerMinute: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** Public address (links, cookies' security) and the origins trusted for state changes. */
  baseUrl: string;
  trustedOrigins: readonly string[];
  sessionSecret: string;
  emailSender?: EmailSender;
  /** The import jobs and settings (the Imports API is off without them). */
  imports?: ImportsServiceDeps;
  selfRegistration?: boolean;
  /** Whose X-Forwarded-* headers to believe (TRUST_PROXY): client address and protocol. */
  trustProxy?: TrustProxy;
  /** The sensitive routes' rate limits (defaults: DEFAULT_RATE_LIMIT_POLICIES). */
  rateLimitPolicies?: Partial<RateLimitPolicies>;
  /** Largest accepted file upload, in bytes (IMPORT_UPLOAD_MAX_MB); modules may cap lower. */
  uploadMaxBytes?: number;
  /** Bearer token of `/metrics` (404 without one). */
  metricsToken?: string | null;
  /** The background job runner (metrics and the System page read its health). */
  jobs?: JobRunner;
  /** The alert webhook (off when omitted). */
  alerts?: AlertSettings;
  /** The web app's error capture (SENTRY_DSN; off when omitted). */
  browserErrorCapture?: BrowserErrorCapture;
}

/**
 * On shutdown, responses to requests still in flight close their connection; otherwise an idle
 * keep-alive socket would hold the server open until its timeout.
 */
function closeKeepAliveOnShutdown(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

/** Builds the HTTP application without listening, so tests can drive it with inject(). */
export async function buildApp(options: AppOptions): Promise<HttpApp> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  closeKeepAliveOnShutdown(app);
  instrumentRequests(app);
  captureErrors(app);
  installErrorHandling(app, { exposeInternalErrors: options.exposeInternalErrors });

  enforceHttps(app, { baseUrl: options.baseUrl, trustProxy: options.trustProxy ?? false });
  await app.register(
    helmet,
    helmetOptions(options.baseUrl, options.browserErrorCapture?.dsn ?? null),
  );
  applyRoutePolicies(
    app,
    { ...DEFAULT_RATE_LIMIT_POLICIES, ...options.rateLimitPolicies },
    options.rateLimitPerMinute,
  );
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    store: databaseRateLimitStore(options.database.db),
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${context.after}`),
  });
  const { db } = options.database;
  const emailSender = options.emailSender ?? outboxEmailSender();
  const auth = createAuth({
    db,
    baseUrl: options.baseUrl,
    secret: options.sessionSecret,
    emailSender,
    logger: options.logger,
  });
  const modulePermissions = options.modules.flatMap((m) => (m.permissions ? [m.permissions] : []));
  const sensitiveFields = Object.assign({}, ...options.modules.map((m) => m.sensitiveFields ?? {}));
  await app.register(csrfOriginCheck, { trustedOrigins: options.trustedOrigins });
  await app.register(routeGuard, {
    db,
    resolveContext: (request) =>
      resolveRequestContext({ auth, db, modulePermissions, sensitiveFields }, request),
    // The one read-only check of billing (§1.7): writes in a read-only tenant answer 402.
    afterAuthorized: (request) => assertTenantWritable(db, request),
  });
  await registerApiDocs(app, options.version);

  const api = app.withTypeProvider<ZodTypeProvider>();
  healthRoutes(api, {
    database: options.database,
    version: options.version,
    selfRegistration: options.selfRegistration ?? false,
    errorCapture: options.browserErrorCapture ?? null,
  });
  metricsRoutes(api, {
    database: options.database,
    token: options.metricsToken ?? null,
    jobs: options.jobs,
  });
  systemRoutes(api, {
    database: options.database,
    jobs: options.jobs,
    alerter: createAlerter(
      db,
      options.alerts ?? { webhookUrl: null, enabled: false, environment: 'test' },
      options.logger,
    ),
  });
  authRoutes(api, auth);
  meRoutes(api, db);
  auditRoutes(api, db);
  userAdminRoutes(api, { db, auth });
  emailAdminRoutes(api, { db, sender: emailSender, maskLinks: !options.exposeInternalErrors });
  tenantAdminRoutes(api, { db, moduleNames: options.modules.map((m) => m.name) });
  tenantOverviewRoutes(api, {
    db,
    metrics: options.modules.flatMap((m) =>
      m.tenantMetrics ? [{ module: m.name, ...m.tenantMetrics }] : [],
    ),
  });
  profileRoutes(api, { db, baseUrl: options.baseUrl, emailSender });
  if (options.selfRegistration) {
    registrationRoutes(api, {
      db,
      baseUrl: options.baseUrl,
      secret: options.sessionSecret,
      emailSender,
      moduleNames: options.modules.map((m) => m.name),
    });
  }
  invitationRoutes(api, {
    db,
    auth,
    emailSender,
    baseUrl: options.baseUrl,
    landings: options.modules.flatMap((m) =>
      m.invitationLanding ? [{ module: m.name, landing: m.invitationLanding }] : [],
    ),
    describers: options.modules.flatMap((m) =>
      m.describeInvitedWork ? [{ module: m.name, describe: m.describeInvitedWork }] : [],
    ),
  });
  reportRoutes(api, { db, registry: reportRegistry(options.modules) });
  if (options.imports) importRoutes(api, options.imports);
  const billing = billingDeps({
    db,
    emailSender,
    baseUrl: options.baseUrl,
    modules: options.modules,
  });
  billingRoutes(api, billing);
  billingAdminRoutes(api, billing);
  const moduleDeps = {
    db,
    emailSender,
    baseUrl: options.baseUrl,
    uploadMaxBytes: options.uploadMaxBytes ?? options.imports?.config.uploadMaxBytes,
  };
  for (const module of options.modules) {
    if (module.routes) await api.register(async (scope) => module.routes?.(scope, moduleDeps));
  }
  await registerSpa(api, options.webRoot);
  return api;
}
