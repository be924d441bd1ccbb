export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'blocked'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Columns `GET /api/emails` can sort by. */
export const EMAIL_SORTS = ['createdAt', 'to', 'template', 'status', 'attempts'] as const;
export type EmailSort = (typeof EMAIL_SORTS)[number];

/** One row of the outbox, as `GET /api/emails` lists it. */
export interface EmailSummary {
  id: string;
  tenantId: string | null;
  template: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  bulkJobId: string | null;
}

export interface DeliveryAttempt {
  attempt: number;
  outcome: 'sent' | 'retry' | 'failed' | 'blocked';
  /** The provider's answer, or why the email was not handed over. */
  response: string | null;
  occurredAt: string;
}

/** One email with what it looks like and every delivery attempt (`GET /api/emails/:id`). */
export interface EmailDetail extends EmailSummary {
  fromName: string;
  replyTo: string | null;
  html: string;
  text: string;
  deliveryAttempts: DeliveryAttempt[];
}

/** The list's filters, as kept in the page URL; `''` when unset. */
export interface EmailFilters {
  status: string;
  template: string;
  recipient: string;
}

export interface EmailQuery extends EmailFilters {
  sort: EmailSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface EmailMetrics {
  byStatus: Partial<Record<EmailStatus, number>>;
  byTemplate: { template: string; status: EmailStatus; n: number }[];
}

export interface TemplateInfo {
  name: string;
  description: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type BulkStatus = 'running' | 'completed';

/** One bulk send (e.g. reminders to 200 instructors), as `GET /api/emails/bulk` lists it. */
export interface BulkJob {
  id: string;
  tenantId: string | null;
  template: string;
  status: BulkStatus;
  total: number;
  sent: number;
  /** Failed or blocked. */
  failed: number;
  createdAt: string;
  completedAt: string | null;
}

/** Live progress of one bulk send (`GET /api/emails/bulk/:id`). */
export interface BulkProgress {
  id: string;
  template: string;
  status: BulkStatus;
  total: number;
  createdAt: string;
  completedAt: string | null;
  counts: Record<EmailStatus, number>;
  failures: { to: string; status: EmailStatus; reason: string | null }[];
}
