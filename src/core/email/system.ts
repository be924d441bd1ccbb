import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import { compileAllowlist } from './allowlist.js';
import { deliverDue, type DeliverySettings } from './delivery.js';
import { outboxEmailSender, type EmailSender } from './sender.js';
import { sinkTransport, smtpTransport } from './transports.js';

export const DELIVER_JOB = 'email.deliver';

export interface EmailSystem {
  sender: EmailSender;
  settings: DeliverySettings;
  close(): void;
}

/** The configured transport and safeguards, the outbox sender, and the delivery job. */
export function createEmailSystem(
  config: Config,
  db: Db,
  logger: Logger,
  jobs: JobRunner,
): EmailSystem {
  const { email } = config;
  const transport =
    email.transport === 'smtp'
      ? smtpTransport(email.smtp)
      : sinkTransport(path.join(config.dataDir, 'mail'));
  const settings: DeliverySettings = {
    transport,
    fromAddress: email.from,
    isAllowed: email.allowlist ? compileAllowlist(email.allowlist) : null,
    killSwitch: email.killSwitch,
    ratePerSecond: email.ratePerSecond,
  };
  jobs.register(DELIVER_JOB, async () => void (await deliverDue(db, settings, logger)), {
    everySeconds: 5,
  });
  return {
    sender: outboxEmailSender(() => jobs.trigger(DELIVER_JOB)),
    settings,
    close: () => transport.close(),
  };
}
