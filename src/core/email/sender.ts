import type { Queryable } from '../db/client.js';
import { devEmails } from './schema.js';

export interface EmailMessage {
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  tenantId?: string;
  /** Template inputs worth keeping for support and tests (never secrets beyond the link). */
  data?: Record<string, unknown>;
}

/**
 * Hands an email over for delivery inside the caller's transaction, so nothing is sent for a
 * change that rolls back.
 */
export interface EmailSender {
  send(db: Queryable, message: EmailMessage): Promise<void>;
}

/** Development sender: stores the rendered message in `dev_emails`; delivers nothing. */
export const storingEmailSender: EmailSender = {
  async send(db, message) {
    await db.insert(devEmails).values({
      template: message.template,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      tenantId: message.tenantId ?? null,
      data: message.data ?? {},
    });
  },
};
