import type { Db } from '../db/client.js';
import type { EmailSender } from '../email/sender.js';
import type { ModuleDefinition } from '../modules/define-module.js';
import type { BillingDeps } from './context.js';
import { defaultPaymentProviders, type PaymentProviders } from './providers.js';
import type { RegisteredUsageSource } from './usage-source.js';

/** The usage counters the modules contribute (§1.7: billable courses, active users). */
export const usageSourcesOf = (modules: readonly ModuleDefinition[]): RegisteredUsageSource[] =>
  modules.flatMap((m) => (m.billingUsage ? [{ module: m.name, count: m.billingUsage }] : []));

/** Billing's dependencies, the same for the HTTP app, the daily job and the command line. */
export function billingDeps(options: {
  db: Db;
  emailSender: EmailSender;
  baseUrl: string;
  modules: readonly ModuleDefinition[];
  providers?: PaymentProviders;
}): BillingDeps {
  return {
    db: options.db,
    emailSender: options.emailSender,
    baseUrl: options.baseUrl,
    usageSources: usageSourcesOf(options.modules),
    providers: options.providers ?? defaultPaymentProviders,
  };
}
