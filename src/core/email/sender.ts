import type { Queryable } from '../db/client.js';
import { renderTemplate, tenantLook } from './render.js';
import { emailOutbox } from './schema.js';
import type { TemplateData, TemplateName } from './templates.js';

export interface EmailRequest<N extends TemplateName = TemplateName> {
  template: N;
  to: string;
  /** The tenant whose branding the email carries; none for account emails. */
  tenantId?: string | null;
  data: TemplateData<N>;
  bulkJobId?: string;
}

/**
 * Hands an email over inside the caller's transaction: nothing is sent for a change that rolls
 * back. The email is rendered now and delivered later by the outbox worker.
 */
export interface EmailSender {
  send<N extends TemplateName>(db: Queryable, request: EmailRequest<N>): Promise<void>;
}

/** Writes rendered emails to the outbox, then asks for a delivery run (`onQueued`). */
export function outboxEmailSender(onQueued: () => void = () => undefined): EmailSender {
  return {
    async send(db, request) {
      const look = await tenantLook(db, request.tenantId);
      const rendered = await renderTemplate(request.template, request.data, look);
      await db.insert(emailOutbox).values({
        tenantId: request.tenantId ?? null,
        template: request.template,
        to: request.to,
        fromName: look.branding.senderName,
        replyTo: look.branding.replyTo ?? null,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        data: request.data as Record<string, unknown>,
        bulkJobId: request.bulkJobId ?? null,
      });
      onQueued();
    },
  };
}
