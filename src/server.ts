import path from 'node:path';
import { BILLING_DAILY_JOB, registerDailyBillingJob } from './core/billing/jobs/daily-run.js';
import { billingDeps } from './core/billing/system.js';
import type { Config } from './core/config/config.js';
import { createEmailSystem } from './core/email/system.js';
import { buildApp } from './core/http/app.js';
import { registerAlertsJob } from './core/observe/alert-checks.js';
import {
  closeErrorCapture,
  browserErrorCapture,
  initErrorCapture,
} from './core/observe/error-capture.js';
import { createAlerter } from './core/observe/alerts.js';
import { createImportsSystem } from './core/imports/system.js';
import { inProcessRunner } from './core/jobs/in-process.js';
import { pgBossRunner } from './core/jobs/pg-boss.js';
import { registerModuleJobs } from './core/modules/jobs.js';
import type { HttpApp } from './core/http/types.js';
import { projectRoot } from './core/project-root.js';
import { seedDemo, type DemoSeedResult } from './core/seed/demo-tenant.js';
import { countTenants } from './core/tenants/service.js';
import { appVersion } from './core/version.js';
import { modules } from './modules/registry.js';
import { openRuntime, type Runtime } from './runtime.js';

export interface RunningServer {
  app: HttpApp;
  runtime: Runtime;
  url: string;
  /** Set when this start created the demo tenant (an empty database outside production). */
  demo?: Extract<DemoSeedResult, { created: true }>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** The public origin; in development also the Vite dev server, which proxies /api. */
export const trustedOrigins = (config: Config) => [
  new URL(config.baseUrl).origin,
  ...(config.appEnv === 'development' ? ['http://localhost:5173'] : []),
];

export const defaultWebRoot = () => path.join(projectRoot(), 'dist', 'web');

export async function startServer(
  config: Config,
  options: { webRoot?: string } = {},
): Promise<RunningServer> {
  const errorCapture = {
    dsn: config.observability.sentryDsn,
    environment: config.appEnv,
    release: appVersion,
  };
  initErrorCapture(errorCapture);
  const runtime = await openRuntime(config);
  try {
    const { db } = runtime.database;
    let demo: RunningServer['demo'];
    if (config.appEnv !== 'production' && (await countTenants(db)) === 0) {
      const seeded = await seedDemo(db, runtime.moduleNames);
      if (seeded.created) demo = seeded;
    }
    const jobs =
      config.database.kind === 'postgres'
        ? pgBossRunner(config.database.url, runtime.logger)
        : inProcessRunner(runtime.logger);
    const email = createEmailSystem(config, db, runtime.logger, jobs);
    registerModuleJobs(jobs, modules, {
      db,
      emailSender: email.sender,
      baseUrl: config.baseUrl,
      logger: runtime.logger,
    });
    const imports = createImportsSystem({
      config,
      db,
      logger: runtime.logger,
      jobs,
      modules,
      emailSender: email.sender,
    });
    registerDailyBillingJob(
      jobs,
      billingDeps({ db, emailSender: email.sender, baseUrl: config.baseUrl, modules }),
      runtime.logger,
    );
    const alerts = { ...config.observability.alerts, environment: config.appEnv };
    registerAlertsJob(jobs, { db, alerter: createAlerter(db, alerts, runtime.logger) });
    const app = await buildApp({
      database: runtime.database,
      modules,
      logger: runtime.logger,
      version: appVersion,
      webRoot: options.webRoot ?? defaultWebRoot(),
      exposeInternalErrors: config.appEnv === 'development' || config.appEnv === 'test',
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.trustProxy,
      baseUrl: config.baseUrl,
      trustedOrigins: trustedOrigins(config),
      sessionSecret: config.sessionSecret,
      selfRegistration: config.selfRegistration,
      metricsToken: config.observability.metricsToken,
      jobs,
      alerts,
      emailSender: email.sender,
      imports,
      browserErrorCapture: browserErrorCapture(errorCapture),
    });
    const address = await app.listen({ port: config.port, host: config.host });
    await jobs.start();
    // Billing catches up at once after a restart instead of at the next hourly tick.
    jobs.trigger(BILLING_DAILY_JOB);
    const port = new URL(address).port;
    const url = config.port === 0 ? `http://localhost:${port}` : config.baseUrl;
    let closing: Promise<void> | undefined;
    return {
      app,
      runtime,
      url,
      demo,
      close: () => {
        closing ??= (async () => {
          await jobs.stop();
          await app.close();
          email.close();
          await runtime.close();
          await closeErrorCapture();
        })();
        return closing;
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
