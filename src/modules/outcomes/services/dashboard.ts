import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import type { Db } from '../../../core/db/client.js';
import { NotFoundError } from '../../../core/errors.js';
import { listRuns } from '../../../core/imports/data.js';
import type { TenantMetrics } from '../../../core/tenants/overview.js';
import * as dashboardData from '../data/dashboard.js';
import * as termsData from '../data/terms.js';
import {
  OUTCOME_STATUSES,
  SECTION_STATUSES,
  type OutcomeStatus,
  type SectionStatus,
  type TermStatus,
} from '../enums.js';
import { todayIn } from '../rules/term-code.js';
import { inTenant } from './context.js';

export const dashboardQuery = z.object({
  /** The term the numbers are about; the current term when omitted. */
  termId: z.uuid().optional(),
});

/** How many terms the dashboard lists (newest first). */
const TERM_LIMIT = 100;
/** How many import runs the dashboard shows. */
const RECENT_IMPORTS = 5;
/** How many unassigned sections the dashboard lists (their total is given too). */
const UNASSIGNED_LIMIT = 50;

/** Outcomes that count as complete: approved, or never coming in (NCI). */
export const COMPLETE_STATUSES: readonly OutcomeStatus[] = ['approved', 'never_coming_in'];

export interface Tally<S extends string> {
  total: number;
  byStatus: Record<S, number>;
}

/** Counts per status, every status present (0 when none). */
export function tally<S extends string>(
  statuses: readonly S[],
  counts: readonly { status: S; n: number }[],
): Tally<S> {
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const { status, n } of counts) byStatus[status] += n;
  return { total: counts.reduce((sum, { n }) => sum + n, 0), byStatus };
}

/**
 * The outcomes' progress: complete = approved + NCI; percent = complete ÷ all outcomes, to one
 * decimal; null without outcomes (nothing to complete is not 0 % done).
 */
export function progressOf(outcomes: Tally<OutcomeStatus>) {
  const complete = COMPLETE_STATUSES.reduce((sum, s) => sum + outcomes.byStatus[s], 0);
  const percentComplete =
    outcomes.total === 0 ? null : Math.round((complete * 1000) / outcomes.total) / 10;
  return { ...outcomes, complete, percentComplete };
}

interface TermLike {
  id: string;
  startDate: string;
  endDate: string;
  status: TermStatus;
}

/**
 * The term a dashboard opens on: the active one (the latest started, if several), else the last
 * one that passed, else the next scheduled one; undefined without terms.
 */
export function currentTerm<T extends TermLike>(terms: readonly T[]): T | undefined {
  const latest = (a: T, b: T, key: 'startDate' | 'endDate') => (a[key] >= b[key] ? a : b);
  const active = terms.filter((t) => t.status === 'active');
  if (active.length) return active.reduce((a, b) => latest(a, b, 'startDate'));
  const passed = terms.filter((t) => t.status === 'passed');
  if (passed.length) return passed.reduce((a, b) => latest(a, b, 'endDate'));
  const scheduled = terms.filter((t) => t.status === 'scheduled');
  return scheduled.length
    ? scheduled.reduce((a, b) => (a.startDate <= b.startDate ? a : b))
    : undefined;
}

const byProgram = <S extends string, R extends { programId: string; status: S; n: number }>(
  rows: readonly R[],
  programId: string,
) => rows.filter((row) => row.programId === programId);

/**
 * The dashboard of a tenant admin (every program, members by role, recent imports) or a program
 * admin (their programs, with faculty assignments and unassigned sections), for one term.
 */
export const getDashboard = (db: Db, ctx: RequestContext, query: z.infer<typeof dashboardQuery>) =>
  inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const today = todayIn(await termsData.timeZoneOf(q, tenantId));
    const { items: terms } = await termsData.list(q, {
      sort: 'startDate',
      order: 'desc',
      limit: TERM_LIMIT,
      offset: 0,
      today,
    });
    const term = query.termId
      ? (terms.find((t) => t.id === query.termId) ?? (await termsData.find(q, query.termId, today)))
      : currentTerm(terms);
    if (query.termId && !term) throw new NotFoundError('Term');

    const programs = await dashboardData.visiblePrograms(q, scope);
    // One after the other: the queries share the transaction's connection.
    const none = { sectionRows: [], outcomeRows: [], sectionTotals: [], outcomeTotals: [] };
    const { sectionRows, outcomeRows, sectionTotals, outcomeTotals } = term
      ? {
          sectionRows: await dashboardData.sectionStatusesByProgram(q, scope, term.id),
          outcomeRows: await dashboardData.outcomeStatusesByProgram(q, scope, term.id),
          sectionTotals: await dashboardData.sectionStatusTotals(q, scope, term.id),
          outcomeTotals: await dashboardData.outcomeStatusTotals(q, scope, term.id),
        }
      : none;
    const isAdmin = scope.kind === 'all';
    const seesImports = ctx.ability.can('read', 'Import');

    return {
      termId: term?.id ?? null,
      scope: isAdmin ? ('all' as const) : ('programs' as const),
      terms,
      programs: programs.map((program) => ({
        ...program,
        sections: tally(SECTION_STATUSES, byProgram(sectionRows, program.id)),
        outcomes: progressOf(tally(OUTCOME_STATUSES, byProgram(outcomeRows, program.id))),
      })),
      totals: {
        sections: tally<SectionStatus>(SECTION_STATUSES, sectionTotals),
        outcomes: progressOf(tally(OUTCOME_STATUSES, outcomeTotals)),
      },
      members: isAdmin ? await dashboardData.membersByRole(q, tenantId) : null,
      imports: seesImports ? (await listRuns(q, {}, 1, RECENT_IMPORTS)).items : null,
      faculty: isAdmin
        ? null
        : term
          ? await dashboardData.facultyAssignments(q, scope, term.id)
          : [],
      unassigned: isAdmin
        ? null
        : term
          ? await dashboardData.unassignedSections(q, scope, term.id, UNASSIGNED_LIMIT)
          : { items: [], total: 0 },
    };
  });

/** The institutions' counts on the site admins' overview of tenants. */
export const outcomesTenantMetrics: TenantMetrics = {
  metrics: [
    { key: 'programs', label: 'Programs' },
    { key: 'courses', label: 'Courses' },
    { key: 'activeTerms', label: 'Active terms' },
  ],
  count: (q) => dashboardData.countsPerTenant(q),
};
