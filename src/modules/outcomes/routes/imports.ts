import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { actorOf } from '../services/context.js';
import { callerOf } from '../scope.js';
import { SUBJECTS } from '../permissions.js';
import { importOutcomes, type OutcomesImportResult } from '../imports/service.js';
import { MAX_UPLOAD_BYTES, uploadStore, type Upload } from '../imports/uploads.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Errors and warnings a preview shows; the CSV has them all. */
const SHOWN = 100;

const counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
const problem = z.object({
  step: z.string(),
  file: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
const importReply = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  runId: z.string(),
  validateOnly: z.boolean(),
  status: z.enum(['succeeded', 'partial', 'failed', 'cancelled']),
  counts: z.object({
    courses: counts,
    terms: counts,
    sections: counts,
    instructors: counts,
    outcomes: counts,
    sectionOutcomes: counts,
  }),
  steps: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      read: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      skipped: z.number(),
      failed: z.number(),
    }),
  ),
  errors: z.array(problem),
  errorCount: z.number(),
  warnings: z.array(problem),
  warningCount: z.number(),
});

const reply = (upload: Upload, result: OutcomesImportResult, validateOnly: boolean) => ({
  uploadId: upload.id,
  fileName: upload.fileName,
  runId: result.runId,
  validateOnly,
  status: result.status,
  counts: result.counts,
  steps: result.steps,
  errors: result.errors.slice(0, SHOWN),
  errorCount: result.errors.length,
  warnings: result.warnings.map((w) => ({ ...w, column: null })).slice(0, SHOWN),
  warningCount: result.warnings.length,
});

/**
 * The CEI import from the web: upload a workbook (checked at once, validate-only), read the
 * preview, then import that same upload.
 */
export function importRoutes(app: HttpApp, { db, uploadMaxBytes }: ModuleRouteDeps) {
  const uploads = uploadStore(
    undefined,
    Math.min(uploadMaxBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES),
  );
  const tags = ['outcomes: import'];
  const permission = ['import', SUBJECTS.data] as const;
  if (!app.hasContentTypeParser(XLSX_TYPE)) {
    app.addContentTypeParser(XLSX_TYPE, (_request, payload, done) => {
      done(null, payload);
    });
  }

  const run = async (request: FastifyRequest, upload: Upload, validateOnly: boolean) => {
    const ctx = request.ctx;
    const result = await importOutcomes(
      { db, logger: request.log as Logger },
      {
        tenantId: callerOf(ctx).tenantId,
        filePath: upload.filePath,
        fileName: upload.fileName,
        format: 'cei',
        validateOnly,
        triggeredBy: ctx.user ? { type: 'user', userId: ctx.user.id } : { type: 'system' },
        audit: ctx,
        actor: actorOf(ctx),
      },
    );
    upload.last = result;
    return reply(upload, result, validateOnly);
  };

  app.post(
    '/api/outcomes/imports',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Upload a CEI workbook (the body, as .xlsx) and check it: nothing is written',
        querystring: z.object({
          fileName: z.string().trim().min(1).max(200).default('workbook.xlsx'),
        }),
        response: { 200: importReply },
      },
    },
    async (request) => {
      const { tenantId } = callerOf(request.ctx);
      const upload = await uploads.save(
        tenantId,
        request.query.fileName,
        request.body as Readable | Buffer,
      );
      return run(request, upload, true);
    },
  );

  app.post(
    '/api/outcomes/imports/:uploadId/commit',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Import an uploaded workbook for real',
        params: z.object({ uploadId: z.uuid() }),
        response: { 200: importReply },
      },
    },
    async (request) => {
      const upload = uploads.get(callerOf(request.ctx).tenantId, request.params.uploadId);
      const result = await run(request, upload, false);
      if (result.status === 'succeeded') await uploads.forget(upload);
      return result;
    },
  );

  app.get(
    '/api/outcomes/imports/:uploadId/problems.csv',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Every error and warning of the last run on an upload, as CSV',
        params: z.object({ uploadId: z.uuid() }),
      },
    },
    async (request, response) => {
      const upload = uploads.get(callerOf(request.ctx).tenantId, request.params.uploadId);
      const last = upload.last;
      const lines = [
        ...(last?.errors ?? []).map((e) => [
          'error',
          e.step,
          e.row ?? '',
          e.column ?? '',
          e.code,
          e.message,
        ]),
        ...(last?.warnings ?? []).map((w) => [
          'warning',
          w.step,
          w.row ?? '',
          '',
          w.code,
          w.message,
        ]),
      ];
      return response
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${upload.id}-problems.csv"`)
        .send(stringify([['kind', 'step', 'row', 'column', 'code', 'message'], ...lines]));
    },
  );
}
