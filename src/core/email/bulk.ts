import { and, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { emailBulkJobs, emailOutbox, EMAIL_STATUSES, type EmailStatus } from './schema.js';
import type { EmailSender } from './sender.js';
import type { TemplateData, TemplateName } from './templates.js';

export interface BulkRecipient<N extends TemplateName> {
  to: string;
  data: TemplateData<N>;
}

/** One job, one outbox row per recipient, all written in the caller's transaction. */
export async function createBulkJob<N extends TemplateName>(
  db: Queryable,
  sender: EmailSender,
  input: {
    tenantId: string | null;
    template: N;
    createdById?: string;
    recipients: BulkRecipient<N>[];
  },
) {
  const [job] = await db
    .insert(emailBulkJobs)
    .values({
      tenantId: input.tenantId,
      template: input.template,
      total: input.recipients.length,
      createdById: input.createdById ?? null,
    })
    .returning();
  if (!job) throw new Error('could not create the bulk job');
  for (const recipient of input.recipients) {
    await sender.send(db, {
      template: input.template,
      to: recipient.to,
      tenantId: input.tenantId,
      data: recipient.data,
      bulkJobId: job.id,
    });
  }
  return job;
}

export interface BulkProgress {
  id: string;
  template: string;
  status: 'running' | 'completed';
  total: number;
  createdAt: Date;
  completedAt: Date | null;
  counts: Record<EmailStatus, number>;
  failures: { to: string; status: EmailStatus; reason: string | null }[];
}

/** Live progress of a bulk job: counts per status and every failure with its reason. */
export async function bulkProgress(
  db: Queryable,
  jobId: string,
): Promise<BulkProgress | undefined> {
  const [job] = await db.select().from(emailBulkJobs).where(eq(emailBulkJobs.id, jobId));
  if (!job) return undefined;
  const grouped = await db
    .select({ status: emailOutbox.status, n: count() })
    .from(emailOutbox)
    .where(eq(emailOutbox.bulkJobId, jobId))
    .groupBy(emailOutbox.status);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<
    EmailStatus,
    number
  >;
  for (const row of grouped) counts[row.status] = row.n;
  const failures = await db
    .select({ to: emailOutbox.to, status: emailOutbox.status, reason: emailOutbox.lastError })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.bulkJobId, jobId), inArray(emailOutbox.status, ['failed', 'blocked'])),
    )
    .orderBy(emailOutbox.to);
  return {
    id: job.id,
    template: job.template,
    status: job.status,
    total: job.total,
    createdAt: job.createdAt,
    completedAt: job.completedAt,
    counts,
    failures,
  };
}

/** Bulk jobs, newest first, with how many of their emails were sent and how many failed. */
export async function listBulkJobs(
  db: Queryable,
  where: SQL | undefined,
  limit: number,
  offset: number,
) {
  const tally = db
    .select({
      jobId: emailOutbox.bulkJobId,
      sent: sql<number>`count(*) filter (where ${emailOutbox.status} = 'sent')::int`.as('sent'),
      failed:
        sql<number>`count(*) filter (where ${emailOutbox.status} in ('failed', 'blocked'))::int`.as(
          'failed',
        ),
    })
    .from(emailOutbox)
    .where(isNotNull(emailOutbox.bulkJobId))
    .groupBy(emailOutbox.bulkJobId)
    .as('tally');
  const items = await db
    .select({
      id: emailBulkJobs.id,
      tenantId: emailBulkJobs.tenantId,
      template: emailBulkJobs.template,
      status: emailBulkJobs.status,
      total: emailBulkJobs.total,
      sent: sql<number>`coalesce(${tally.sent}, 0)`,
      failed: sql<number>`coalesce(${tally.failed}, 0)`,
      createdAt: emailBulkJobs.createdAt,
      completedAt: emailBulkJobs.completedAt,
    })
    .from(emailBulkJobs)
    .leftJoin(tally, eq(tally.jobId, emailBulkJobs.id))
    .where(where)
    .orderBy(desc(emailBulkJobs.createdAt), desc(emailBulkJobs.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(emailBulkJobs).where(where);
  return { items, total: total?.n ?? 0 };
}
