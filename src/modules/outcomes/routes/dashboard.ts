import { z } from 'zod';
import { RUN_STATUSES } from '../../../core/imports/schema.js';
import { ROLES } from '../../../core/db/schema.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { INSTRUCTOR_STATUSES, OUTCOME_STATUSES, SECTION_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import { dashboardQuery, getDashboard } from '../services/dashboard.js';
import { termReply } from './replies.js';

const tags = ['outcomes: dashboard'];

const countsOf = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z.object({
    total: z.number().int(),
    byStatus: z.record(z.enum(statuses), z.number().int()),
  });

const sectionCounts = countsOf(SECTION_STATUSES);
const outcomeCounts = countsOf(OUTCOME_STATUSES).extend({
  /** Approved + never coming in. */
  complete: z.number().int(),
  /** complete ÷ total × 100, one decimal; null without outcomes. */
  percentComplete: z.number().nullable(),
});
const numbers = z.object({ sections: sectionCounts, outcomes: outcomeCounts });

export const dashboardReply = z.object({
  /** The term the numbers are about (null: the institution has no terms yet). */
  termId: z.string().nullable(),
  /** `all`: a tenant (or site) admin; `programs`: a program admin's programs. */
  scope: z.enum(['all', 'programs']),
  terms: z.array(termReply),
  programs: z.array(
    numbers.extend({
      id: z.string(),
      name: z.string(),
      shortName: z.string().nullable(),
      isDefault: z.boolean(),
    }),
  ),
  totals: numbers,
  /** Active members per role (tenant admins only). */
  members: z
    .array(z.object({ role: z.enum(ROLES), members: z.number().int(), pending: z.number().int() }))
    .nullable(),
  /** The latest import runs (those who may read imports). */
  imports: z
    .array(
      z.object({
        id: z.string(),
        pipeline: z.string(),
        source: z.string(),
        mode: z.enum(['commit', 'validate']),
        status: z.enum(RUN_STATUSES),
        createdAt: z.date(),
        finishedAt: z.date().nullable(),
        read: z.number().int(),
        created: z.number().int(),
        updated: z.number().int(),
        failed: z.number().int(),
      }),
    )
    .nullable(),
  /** Instructors teaching the term's sections in the programs (program admins only). */
  faculty: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        status: z.enum(INSTRUCTOR_STATUSES),
        sectionCount: z.number().int(),
        /** Sections submitted, approved or never coming in. */
        submittedCount: z.number().int(),
      }),
    )
    .nullable(),
  /** The term's sections without an instructor (program admins only). */
  unassigned: z
    .object({
      items: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          course: z.object({ id: z.string(), number: z.string(), title: z.string().nullable() }),
          dueDate: z.string().nullable(),
          outcomeCount: z.number().int(),
        }),
      ),
      total: z.number().int(),
    })
    .nullable(),
});

/** The role dashboard of tenant and program admins (issue 8). */
export function dashboardRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  app.get(
    '/api/outcomes/dashboard',
    {
      // The dashboard summarises programs: whoever reads programs (not instructors, not staff).
      config: { permission: ['read', SUBJECTS.program] },
      schema: {
        tags,
        summary: 'Per program: sections and CLOs by status and % complete, for one term',
        querystring: dashboardQuery,
        response: { 200: dashboardReply },
      },
    },
    async (request) => getDashboard(db, request.ctx, request.query),
  );
}
