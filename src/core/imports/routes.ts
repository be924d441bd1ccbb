import multipart from '@fastify/multipart';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { pageReply, paginationQuery } from '../http/pagination.js';
import { clientMultipartError } from '../http/uploads.js';
import type { HttpApp } from '../http/types.js';
import { RUN_STATUSES, STEP_STATUSES } from './schema.js';
import {
  cancelRun,
  overview,
  planPreview,
  rejectedRowsCsv,
  rerunFailedSteps,
  runDetail,
  runErrors,
  runsPage,
  saveUpload,
  schedules,
  startRun,
  updateSchedule,
  type ImportsServiceDeps,
} from './service.js';

const stepList = z
  .string()
  .max(1000)
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .optional();
const runParams = z.object({ id: z.uuid() });
const counts = {
  read: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  failed: z.number(),
};
const started = z.object({
  runId: z.string(),
  plan: z.array(z.string()),
  warnings: z.array(z.string()),
});
const schedule = z.object({
  pipeline: z.string(),
  cron: z.string(),
  enabled: z.boolean(),
  lastScheduledAt: z.date().nullable(),
  nextRunAt: z.date().nullable(),
});

/** The Imports API: overview, plan preview, uploads, runs (start, watch, errors, cancel, rerun), schedules. */
export function importRoutes(app: HttpApp, deps: ImportsServiceDeps) {
  const tags = ['imports'];
  const read = { permission: ['read', 'Import'] as const };
  const create = { permission: ['create', 'Import'] as const };

  app.get(
    '/api/imports',
    {
      config: read,
      schema: {
        tags,
        response: {
          200: z.object({
            pipelines: z.array(
              z.object({
                name: z.string(),
                label: z.string(),
                steps: z.array(
                  z.object({
                    name: z.string(),
                    dependsOn: z.array(z.string()),
                    reads: z.array(z.string()),
                  }),
                ),
              }),
            ),
            salesforce: z.object({ configured: z.boolean() }),
            lastScheduledFailure: z
              .object({
                runId: z.string(),
                pipeline: z.string(),
                status: z.string(),
                finishedAt: z.date().nullable(),
                message: z.string().nullable(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => overview(deps, request.ctx),
  );

  app.get(
    '/api/imports/pipelines/:pipeline/plan',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ pipeline: z.string().max(100) }),
        querystring: z.object({ only: stepList, exclude: stepList, uploadId: z.uuid().optional() }),
        response: {
          200: z.object({
            plan: z.array(
              z.object({
                name: z.string(),
                dependsOn: z.array(z.string()),
                reads: z.array(z.string()),
                missing: z.array(z.string()),
              }),
            ),
            warnings: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => planPreview(deps, request.ctx, request.params.pipeline, request.query),
  );

  app.post(
    '/api/imports/runs',
    {
      config: create,
      schema: {
        tags,
        body: z.object({
          pipeline: z.string().max(100),
          source: z.discriminatedUnion('type', [
            z.object({ type: z.literal('upload'), uploadId: z.uuid() }),
            z.object({ type: z.literal('salesforce') }),
          ]),
          only: z.array(z.string().max(100)).max(50).optional(),
          exclude: z.array(z.string().max(100)).max(50).optional(),
          validateOnly: z.boolean().optional(),
          failFast: z.boolean().optional(),
        }),
        response: { 202: started },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startRun(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/imports/runs',
    {
      config: read,
      schema: {
        tags,
        querystring: paginationQuery.extend({ pipeline: z.string().max(100).optional() }),
        response: {
          200: pageReply(
            z.object({
              id: z.string(),
              pipeline: z.string(),
              source: z.string(),
              mode: z.enum(['commit', 'validate']),
              status: z.enum(RUN_STATUSES),
              triggeredBy: z.string(),
              createdAt: z.date(),
              startedAt: z.date().nullable(),
              finishedAt: z.date().nullable(),
              durationMs: z.number().nullable(),
              ...counts,
            }),
          ),
        },
      },
    },
    async (request) => runsPage(deps, request.ctx, request.query),
  );

  app.get(
    '/api/imports/runs/:id',
    {
      config: read,
      schema: {
        tags,
        params: runParams,
        response: {
          200: z.object({
            id: z.string(),
            pipeline: z.string(),
            source: z.string(),
            mode: z.enum(['commit', 'validate']),
            status: z.enum(RUN_STATUSES),
            message: z.string().nullable(),
            plan: z.array(z.string()),
            warnings: z.array(z.string()),
            options: z.object({
              only: z.array(z.string()).optional(),
              exclude: z.array(z.string()).optional(),
              failFast: z.boolean(),
            }),
            triggeredBy: z.string(),
            createdAt: z.date(),
            startedAt: z.date().nullable(),
            finishedAt: z.date().nullable(),
            durationMs: z.number().nullable(),
            cancelRequested: z.boolean(),
            errorCount: z.number(),
            rejectedFiles: z.array(z.object({ file: z.string(), count: z.number() })),
            canRerun: z.boolean(),
            steps: z.array(
              z.object({
                name: z.string(),
                status: z.enum(STEP_STATUSES),
                ...counts,
                total: z.number().nullable(),
                rate: z.number().nullable(),
                startedAt: z.date().nullable(),
                finishedAt: z.date().nullable(),
                durationMs: z.number().nullable(),
                message: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => runDetail(deps, request.ctx, request.params.id),
  );

  app.get(
    '/api/imports/runs/:id/errors',
    {
      config: read,
      schema: {
        tags,
        params: runParams,
        querystring: paginationQuery.extend({
          step: z.string().max(100).optional(),
          file: z.string().max(200).optional(),
        }),
        response: {
          200: pageReply(
            z.object({
              id: z.number(),
              step: z.string(),
              file: z.string().nullable(),
              row: z.number().nullable(),
              column: z.string().nullable(),
              value: z.string().nullable(),
              code: z.string(),
              message: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => runErrors(deps, request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/imports/runs/:id/rejected',
    {
      config: read,
      schema: {
        tags,
        params: runParams,
        querystring: z.object({ file: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const csv = await rejectedRowsCsv(deps, request.ctx, request.params.id, request.query.file);
      const name = `rejected-${request.query.file.replace(/\.[^.]+$/, '').replace(/[^\w.-]/g, '_')}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );

  app.post(
    '/api/imports/runs/:id/cancel',
    { config: create, schema: { tags, params: runParams } },
    async (request, reply) => {
      await cancelRun(deps, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/imports/runs/:id/rerun',
    { config: create, schema: { tags, params: runParams, response: { 202: started } } },
    async (request, reply) =>
      reply.status(202).send(await rerunFailedSteps(deps, request.ctx, request.params.id)),
  );

  app.get(
    '/api/imports/schedules',
    { config: read, schema: { tags, response: { 200: z.object({ items: z.array(schedule) }) } } },
    async (request) => ({ items: await schedules(deps, request.ctx) }),
  );

  app.put(
    '/api/imports/schedules/:pipeline',
    {
      config: { permission: ['update', 'Import'] },
      schema: {
        tags,
        params: z.object({ pipeline: z.string().max(100) }),
        body: z.object({ cron: z.string().trim().min(1).max(100), enabled: z.boolean() }),
        response: { 200: schedule },
      },
    },
    async (request) => updateSchedule(deps, request.ctx, request.params.pipeline, request.body),
  );

  void app.register(async (uploads) => {
    await uploads.register(multipart, {
      limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 0 },
    });
    uploads.post(
      '/api/imports/uploads',
      {
        config: create,
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          response: {
            201: z.object({
              uploadId: z.string(),
              fileName: z.string(),
              files: z.array(z.string()),
            }),
          },
        },
      },
      async (request, reply) => {
        const file = await request.file().catch((error: unknown) => {
          throw clientMultipartError(error);
        });
        if (!file) throw new ValidationError('Attach the zip file as the "file" field');
        return reply.status(201).send(await saveUpload(deps, request.ctx, file));
      },
    );
  });
}
