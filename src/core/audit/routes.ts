import { z } from 'zod';
import type { Db } from '../db/client.js';
import { pageReply, paginationQuery } from '../http/pagination.js';
import type { HttpApp } from '../http/types.js';
import { AUDIT_OUTCOMES } from './schema.js';
import { exportAuditCsv, listAuditForViewer } from './viewer.js';

const filterQuery = z.object({
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(200).optional(),
  target: z.string().trim().min(1).max(200).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

const auditItem = z.object({
  id: z.string(),
  occurredAt: z.date(),
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
});

/** The audit log viewer: filtered, paginated, exportable (the export is itself audited). */
export function auditRoutes(app: HttpApp, db: Db) {
  app.get(
    '/api/audit',
    {
      config: { permission: ['read', 'AuditLog'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: filterQuery.extend(paginationQuery.shape),
        response: { 200: pageReply(auditItem) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await listAuditForViewer(db, request.ctx, filter, page, pageSize);
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { permission: ['export', 'AuditLog'] },
      schema: { tags: ['audit'], summary: 'Audit log as CSV', querystring: filterQuery },
    },
    async (request, reply) => {
      const stream = await exportAuditCsv(db, request.ctx, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(stream);
    },
  );
}
