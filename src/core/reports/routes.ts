import { z } from 'zod';
import { paginationQuery } from '../http/pagination.js';
import type { HttpApp } from '../http/types.js';
import { callerFromRequest } from './caller.js';
import { EXPORT_FORMATS, exportReport } from './export/export-service.js';
import { reportsFor } from './registry.js';
import {
  getReport,
  getReportSettings,
  refreshAllReports,
  refreshReport,
  updateReportSettings,
  type ReportDeps,
  type ReportQuery,
} from './service.js';

const CELL_TYPES = ['text', 'integer', 'number', 'hours', 'percent', 'date'] as const;
const nameParams = z.object({ name: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const viewFields = {
  ...paginationQuery.shape,
  sort: z.string().max(60).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
};
const viewQuery = z.looseObject(viewFields);
const exportQuery = z.looseObject({ format: z.enum(EXPORT_FORMATS).default('xlsx') });

const reportReply = z.object({
  report: z.string(),
  title: z.string(),
  filters: z.record(z.string(), z.unknown()),
  computedAt: z.date(),
  summary: z.record(z.string(), z.unknown()),
  columns: z
    .array(
      z.object({
        key: z.string(),
        header: z.string(),
        type: z.enum(CELL_TYPES),
        personal: z.boolean().optional(),
      }),
    )
    .readonly(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The report query of a request: its name, and filters apart from the view (page, sort). */
function reportQuery(request: {
  params: { name: string };
  query: Record<string, unknown>;
}): ReportQuery {
  const { page, pageSize, sort, order, ...filters } = request.query as z.output<typeof viewQuery>;
  return { name: request.params.name, filters, view: { page, pageSize, sort, order } };
}

/** The report API: each report as JSON (with computedAt), its export, refresh and settings. */
export function reportRoutes(app: HttpApp, deps: ReportDeps) {
  const tags = ['reports'];

  app.get(
    '/api/reports',
    {
      config: { permission: ['read', 'Report'] },
      schema: {
        tags,
        summary: 'Reports the caller may open in the active tenant',
        response: {
          200: z.object({
            reports: z.array(
              z.object({
                name: z.string(),
                title: z.string(),
                module: z.string(),
                aggregate: z.boolean(),
                hasSettings: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      reports: reportsFor(deps.registry, callerFromRequest(request.ctx), 'read').map((entry) => ({
        name: entry.definition.name,
        title: entry.definition.title,
        module: entry.module,
        aggregate: entry.definition.aggregate,
        hasSettings: entry.definition.settings !== undefined,
      })),
    }),
  );

  app.post(
    '/api/reports/refresh',
    {
      config: { permission: ['update', 'Report'] },
      schema: {
        tags,
        summary: 'Refresh all caches: every report is computed again on its next view',
        response: { 200: z.object({ dropped: z.number().int() }) },
      },
    },
    async (request) => refreshAllReports(deps, callerFromRequest(request.ctx)),
  );

  app.get(
    '/api/reports/:name',
    {
      config: { permission: ['read', 'Report'] },
      schema: {
        tags,
        summary: 'A report: summary and one page of rows, with when it was computed',
        params: nameParams,
        querystring: viewQuery,
        response: { 200: reportReply },
      },
    },
    async (request) => getReport(deps, callerFromRequest(request.ctx), reportQuery(request)),
  );

  app.post(
    '/api/reports/:name/refresh',
    {
      config: { permission: ['update', 'Report'] },
      schema: {
        tags,
        summary: 'Drop the cached results of one report and compute this view again',
        params: nameParams,
        querystring: viewQuery,
        response: { 200: reportReply },
      },
    },
    async (request) => refreshReport(deps, callerFromRequest(request.ctx), reportQuery(request)),
  );

  app.get(
    '/api/reports/:name/export',
    {
      config: { permission: ['export', 'Report'] },
      schema: {
        tags,
        summary: 'The report as XLSX (one sheet per section) or CSV (its rows), streamed',
        params: nameParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const file = await exportReport(
        deps,
        callerFromRequest(request.ctx),
        request.params.name,
        filters,
        format,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.stream);
    },
  );

  app.get(
    '/api/reports/:name/settings',
    {
      config: { permission: ['read', 'Report'] },
      schema: { tags, summary: "A report's settings in this tenant", params: nameParams },
    },
    async (request) => getReportSettings(deps, callerFromRequest(request.ctx), request.params.name),
  );

  app.put(
    '/api/reports/:name/settings',
    {
      config: { permission: ['update', 'Report'] },
      schema: {
        tags,
        summary: "Change a report's settings (drops its cached results)",
        params: nameParams,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request) =>
      updateReportSettings(deps, callerFromRequest(request.ctx), request.params.name, request.body),
  );
}
