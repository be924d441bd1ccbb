import { Counter, Registry } from 'prom-client';

/** The process's Prometheus metrics (exposed by the monitoring endpoint). */
export const metrics = new Registry();

export const emailsTotal = new Counter({
  name: 'eduledger_emails_total',
  help: 'Email delivery attempts by template and resulting status',
  labelNames: ['template', 'status'] as const,
  registers: [metrics],
});
