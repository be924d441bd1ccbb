import { and, asc, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../access/request-context.js';
import { recordAudit } from '../audit/service.js';
import type { Db, Queryable } from '../db/client.js';
import { tx, type TxScope } from '../db/tx.js';
import { NotFoundError } from '../errors.js';
import { bulkProgress, listBulkJobs } from './bulk.js';
import { renderTemplate, tenantLook } from './render.js';
import { emailAttempts, emailBulkJobs, emailOutbox, type EmailStatus } from './schema.js';
import type { EmailSender } from './sender.js';
import { templates, TEMPLATE_NAMES, type TemplateName } from './templates.js';

export interface EmailFilter {
  status?: EmailStatus;
  template?: string;
  recipient?: string;
}

export const EMAIL_SORTS = ['createdAt', 'to', 'template', 'status', 'attempts'] as const;

export interface EmailListQuery extends EmailFilter {
  sort: (typeof EMAIL_SORTS)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Tenant admins see their tenant's emails; site admins every email, account emails included. */
const scopeOf = (ctx: RequestContext): TxScope =>
  ctx.user?.isSiteAdmin ? { allTenants: true } : { tenantId: ctx.tenantId };

/** Account emails carry no tenant; only site admins may see them. */
const visible = (ctx: RequestContext): SQL | undefined =>
  ctx.user?.isSiteAdmin ? undefined : eq(emailOutbox.tenantId, ctx.tenantId ?? '');

const visibleJobs = (ctx: RequestContext): SQL | undefined =>
  ctx.user?.isSiteAdmin ? undefined : eq(emailBulkJobs.tenantId, ctx.tenantId ?? '');

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(ctx: RequestContext, filter: EmailFilter) {
  return and(
    visible(ctx),
    filter.status ? eq(emailOutbox.status, filter.status) : undefined,
    filter.template ? eq(emailOutbox.template, filter.template) : undefined,
    filter.recipient ? ilike(emailOutbox.to, `%${escapeLike(filter.recipient)}%`) : undefined,
  );
}

const summaryColumns = {
  id: emailOutbox.id,
  tenantId: emailOutbox.tenantId,
  template: emailOutbox.template,
  to: emailOutbox.to,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
  bulkJobId: emailOutbox.bulkJobId,
};

/** Newest first unless asked otherwise; ties fall back to newest first. */
export function listEmails(db: Db, ctx: RequestContext, query: EmailListQuery) {
  const { sort, order, page, pageSize, ...filter } = query;
  const direction = order === 'asc' ? asc : desc;
  return tx(db, scopeOf(ctx), async (q) => {
    const condition = where(ctx, filter);
    const items = await q
      .select(summaryColumns)
      .from(emailOutbox)
      .where(condition)
      .orderBy(direction(emailOutbox[sort]), desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await q.select({ n: count() }).from(emailOutbox).where(condition);
    return { items, total: total?.n ?? 0, page, pageSize };
  });
}

async function findVisible(q: Queryable, ctx: RequestContext, id: string) {
  const [email] = await q
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), visible(ctx)));
  if (!email) throw new NotFoundError('Email');
  return email;
}

/**
 * One email with its HTML, text and attempts. In production, the one-time links of sensitive
 * emails (reset, verification, invitation) are masked: a preview must not hand out access.
 */
export function emailDetail(db: Db, ctx: RequestContext, id: string, maskLinks: boolean) {
  return tx(db, scopeOf(ctx), async (q) => {
    const email = await findVisible(q, ctx, id);
    const attempts = await q
      .select({
        attempt: emailAttempts.attempt,
        outcome: emailAttempts.outcome,
        response: emailAttempts.response,
        occurredAt: emailAttempts.occurredAt,
      })
      .from(emailAttempts)
      .where(eq(emailAttempts.outboxId, id))
      .orderBy(emailAttempts.attempt);
    const sensitive = (templates as Record<string, { sensitive?: boolean }>)[email.template]
      ?.sensitive;
    const link = typeof email.data.url === 'string' ? email.data.url : undefined;
    const mask = (value: string) =>
      maskLinks && sensitive && link ? value.replaceAll(link, '[link hidden]') : value;
    return {
      ...email,
      html: mask(email.html),
      text: mask(email.text),
      deliveryAttempts: attempts,
    };
  });
}

/** Sends the email again: rendered afresh from its template data (the original keeps its history). */
export function resendEmail(db: Db, ctx: RequestContext, id: string, sender: EmailSender) {
  return tx(db, scopeOf(ctx), async (q) => {
    const email = await findVisible(q, ctx, id);
    await sender.send(q, {
      template: email.template as TemplateName,
      to: email.to,
      tenantId: email.tenantId,
      data: email.data as never,
    });
    await recordAudit(q, ctx, {
      action: 'core.email.resend',
      target: { type: 'email', id, label: email.template },
    });
  });
}

/** Counts by status, and by template and status. */
export function emailMetrics(db: Db, ctx: RequestContext) {
  return tx(db, scopeOf(ctx), async (q) => {
    const rows = await q
      .select({ template: emailOutbox.template, status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(visible(ctx))
      .groupBy(emailOutbox.template, emailOutbox.status)
      .orderBy(emailOutbox.template, emailOutbox.status);
    const byStatus: Record<string, number> = {};
    for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
    return { byStatus, byTemplate: rows };
  });
}

export const templateGallery = () =>
  TEMPLATE_NAMES.map((name) => ({ name, description: templates[name].description }));

/** A template rendered with its sample data in the active tenant's branding. */
export async function previewTemplate(db: Db, ctx: RequestContext, name: string) {
  if (!(TEMPLATE_NAMES as string[]).includes(name)) throw new NotFoundError('Template');
  const template = name as TemplateName;
  const look = await tx(db, {}, (q) => tenantLook(q, ctx.tenantId));
  return renderTemplate(template, templates[template].sample as never, look);
}

export function bulkJobs(db: Db, ctx: RequestContext, page: number, pageSize: number) {
  return tx(db, scopeOf(ctx), async (q) => ({
    ...(await listBulkJobs(q, visibleJobs(ctx), pageSize, (page - 1) * pageSize)),
    page,
    pageSize,
  }));
}

export function bulkJobProgress(db: Db, ctx: RequestContext, id: string) {
  return tx(db, scopeOf(ctx), async (q) => {
    const progress = await bulkProgress(q, id);
    if (!progress) throw new NotFoundError('Bulk job');
    return progress;
  });
}
