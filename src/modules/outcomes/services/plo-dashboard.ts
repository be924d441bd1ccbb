import type { RequestContext } from '../../../core/access/request-context.js';
import type { Tx } from '../../../core/db/client.js';
import type { Db } from '../../../core/db/client.js';
import { NotFoundError } from '../../../core/errors.js';
import { findSettings } from '../../../core/reports/data.js';
import * as ploData from '../data/plo.js';
import * as programsData from '../data/programs.js';
import * as termsData from '../data/terms.js';
import { cloResultsReport } from '../reports/clo-results.js';
import { CLO_RESULTS_REPORT } from '../reports/names.js';
import { DEFAULT_THRESHOLD } from '../reports/pass-rate.js';
import { buildTree, buildTrend } from '../reports/plo-rollup.js';
import { inTenant } from './context.js';

/*
 * The PLO dashboard (§3.3): per term, program → PLO → CLO → sections under the program's current
 * (latest published) mapping, and the trend over every term under that same mapping. Every section
 * outcome of a mapped CLO counts, whatever its review status; rates use those with took > 0.
 */

/** The institution's S/U threshold: the CLO results report's setting (75 % unless changed). */
export async function thresholdOf(q: Tx, tenantId: string) {
  const stored = await findSettings(q, tenantId, CLO_RESULTS_REPORT);
  const settings = stored ? cloResultsReport.settings?.safeParse(stored) : undefined;
  return settings?.success ? settings.data.threshold : DEFAULT_THRESHOLD;
}

/** The program (in the caller's scope), its current mapping, PLOs and mapped CLOs. */
async function programBasis(q: Tx, scope: Parameters<typeof programsData.find>[1], id: string) {
  const program = await programsData.find(q, scope, id);
  if (!program) throw new NotFoundError('Program');
  const mapping = await ploData.findLatestPublished(q, id);
  const plos = await ploData.listPlos(q, id);
  const clos = mapping ? await ploData.programClos(q, id, mapping.id) : [];
  const entries = mapping ? await ploData.entriesOf(q, mapping.id) : [];
  const mapped = new Map(entries.map((e) => [e.courseOutcomeId, e.programOutcomeId]));
  return {
    program: { id: program.id, name: program.name },
    mapping: mapping
      ? { id: mapping.id, version: mapping.version ?? 0, publishedAt: mapping.publishedAt }
      : null,
    plos: plos.map(({ id: ploId, number, description }) => ({ id: ploId, number, description })),
    clos: clos
      .filter((clo) => mapped.has(clo.id))
      .map(({ id: cloId, courseId, course, number, description }) => ({
        id: cloId,
        courseId,
        course,
        number,
        description,
      })),
    mapped,
  };
}

/** A term's tree for the program; `mapping` null (and no numbers) before a first publish. */
export const ploDashboard = (db: Db, ctx: RequestContext, programId: string, termId: string) =>
  inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const basis = await programBasis(q, scope, programId);
    const term = await termsData.findRow(q, termId);
    if (!term) throw new NotFoundError('Term');
    const threshold = await thresholdOf(q, tenantId);
    const lines = basis.mapping ? await ploData.sectionLines(q, basis.mapping.id, termId) : [];
    const tree = buildTree({ ...basis, mapping: basis.mapped, lines, threshold });
    return {
      program: basis.program,
      term: { id: term.id, code: term.code, name: term.name },
      mapping: basis.mapping,
      threshold,
      ...tree,
    };
  });

/** The program's trend over every term of the institution, under its current mapping. */
export const ploTrend = (db: Db, ctx: RequestContext, programId: string) =>
  inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const basis = await programBasis(q, scope, programId);
    const threshold = await thresholdOf(q, tenantId);
    const terms = await ploData.allTerms(q);
    const sums = basis.mapping ? await ploData.termCloSums(q, basis.mapping.id) : [];
    const trend = buildTrend({ ...basis, mapping: basis.mapped, terms, sums, threshold });
    return { program: basis.program, mapping: basis.mapping, threshold, ...trend };
  });
