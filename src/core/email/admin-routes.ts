import { z } from 'zod';
import type { Db } from '../db/client.js';
import { pageReply, paginationQuery } from '../http/pagination.js';
import type { HttpApp } from '../http/types.js';
import {
  bulkJobProgress,
  bulkJobs,
  EMAIL_SORTS,
  emailDetail,
  emailMetrics,
  listEmails,
  previewTemplate,
  resendEmail,
  templateGallery,
} from './admin-service.js';
import { EMAIL_STATUSES } from './schema.js';
import type { EmailSender } from './sender.js';

const summary = z.object({
  id: z.string(),
  tenantId: z.string().nullable(),
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  bulkJobId: z.string().nullable(),
});
const rendered = z.object({ subject: z.string(), html: z.string(), text: z.string() });
const bulkJob = z.object({
  id: z.string(),
  template: z.string(),
  status: z.enum(['running', 'completed']),
  total: z.number(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
const idParams = z.object({ id: z.uuid() });

/** Admin tools: recent emails, preview, resend, metrics, the template gallery, bulk progress. */
export function emailAdminRoutes(
  app: HttpApp,
  deps: { db: Db; sender: EmailSender; maskLinks: boolean },
) {
  const { db } = deps;
  const tags = ['email'];
  const read = { permission: ['read', 'Email'] as const };

  app.get(
    '/api/emails',
    {
      config: read,
      schema: {
        tags,
        querystring: paginationQuery.extend({
          status: z.enum(EMAIL_STATUSES).optional(),
          template: z.string().max(100).optional(),
          recipient: z.string().trim().max(200).optional(),
          sort: z.enum(EMAIL_SORTS).default('createdAt'),
          order: z.enum(['asc', 'desc']).default('desc'),
        }),
        response: { 200: pageReply(summary) },
      },
    },
    async (request) => listEmails(db, request.ctx, request.query),
  );

  app.get(
    '/api/emails/metrics',
    {
      config: read,
      schema: {
        tags,
        response: {
          200: z.object({
            byStatus: z.record(z.string(), z.number()),
            byTemplate: z.array(
              z.object({ template: z.string(), status: z.string(), n: z.number() }),
            ),
          }),
        },
      },
    },
    async (request) => emailMetrics(db, request.ctx),
  );

  app.get(
    '/api/emails/templates',
    {
      config: read,
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(z.object({ name: z.string(), description: z.string() })),
          }),
        },
      },
    },
    async () => ({ items: templateGallery() }),
  );

  app.get(
    '/api/emails/templates/:name',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ name: z.string().max(100) }),
        response: { 200: rendered },
      },
    },
    async (request) => previewTemplate(db, request.ctx, request.params.name),
  );

  app.get(
    '/api/emails/bulk',
    {
      config: read,
      schema: {
        tags,
        querystring: paginationQuery,
        response: {
          200: pageReply(
            bulkJob.extend({
              tenantId: z.string().nullable(),
              sent: z.number(),
              failed: z.number(),
            }),
          ),
        },
      },
    },
    async (request) => bulkJobs(db, request.ctx, request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/emails/bulk/:id',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: {
          200: bulkJob.extend({
            counts: z.record(z.string(), z.number()),
            failures: z.array(
              z.object({ to: z.string(), status: z.string(), reason: z.string().nullable() }),
            ),
          }),
        },
      },
    },
    async (request) => bulkJobProgress(db, request.ctx, request.params.id),
  );

  app.get(
    '/api/emails/:id',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: {
          200: summary.extend({
            fromName: z.string(),
            replyTo: z.string().nullable(),
            html: z.string(),
            text: z.string(),
            deliveryAttempts: z.array(
              z.object({
                attempt: z.number(),
                outcome: z.string(),
                response: z.string().nullable(),
                occurredAt: z.date(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => emailDetail(db, request.ctx, request.params.id, deps.maskLinks),
  );

  app.post(
    '/api/emails/:id/resend',
    { config: { permission: ['update', 'Email'] }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await resendEmail(db, request.ctx, request.params.id, deps.sender);
      return reply.status(204).send();
    },
  );
}
