import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { recordAudit, type AuditContext } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { cliJson } from '../../../core/imports/cli-runner.js';
import { runImport } from '../../../core/imports/engine.js';
import { folderSource } from '../../../core/imports/sources/folder.js';
import { extractZip } from '../../../core/imports/sources/zip.js';
import type { RunSummary, Trigger } from '../../../core/imports/types.js';
import type { Actor } from '../data/section-outcomes.js';
import { ceiPipeline } from './cei/pipeline.js';
import { ceiWorkbookSource } from './cei/source.js';
import { readManifest } from '../transfer/manifest.js';
import { genericPipeline } from '../transfer/pipeline.js';

export const IMPORT_FORMATS = ['cei', 'generic'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The entities of `import outcomes --json` "counts", by the step that imports each. */
const COUNTED = {
  courses: 'courses',
  terms: 'terms',
  sections: 'sections',
  instructors: 'instructors',
  outcomes: 'outcomes',
  sectionOutcomes: 'section_outcomes',
} as const;

export type EntityCounts = Record<
  keyof typeof COUNTED,
  { created: number; updated: number; unchanged: number }
>;

export interface ImportWarning {
  step: string;
  file: string | null;
  row: number | null;
  code: string;
  message: string;
}

export interface OutcomesImportRequest {
  tenantId: string;
  filePath: string;
  fileName: string;
  validateOnly: boolean;
  triggeredBy: Trigger;
  /** Who the audit log and the outcomes' history name. */
  audit: AuditContext;
  actor: Actor;
}

export function countsOf(summary: RunSummary): EntityCounts {
  const entry = (step: string) => {
    const found = summary.steps.find((s) => s.name === step);
    return {
      created: found?.created ?? 0,
      updated: found?.updated ?? 0,
      unchanged: found?.unchanged ?? 0,
    };
  };
  return {
    courses: entry(COUNTED.courses),
    terms: entry(COUNTED.terms),
    sections: entry(COUNTED.sections),
    instructors: entry(COUNTED.instructors),
    outcomes: entry(COUNTED.outcomes),
    sectionOutcomes: entry(COUNTED.sectionOutcomes),
  };
}

/** The pipeline and source of a file in a format; the warnings are known once it ran. */
async function planOf(format: ImportFormat, request: OutcomesImportRequest, workDir: string) {
  if (format === 'cei') {
    const { pipeline, warnings } = ceiPipeline(request.actor);
    return { pipeline, warnings, source: ceiWorkbookSource(request.filePath, request.fileName) };
  }
  await readManifest(request.filePath);
  await extractZip(request.filePath, workDir);
  return { pipeline: genericPipeline, warnings: () => [], source: folderSource(workDir) };
}

/**
 * Imports a file into an institution on the import engine (run record, batches, row errors,
 * validate-only): a CEI workbook (§3.4) or a generic export zip (§3.5). Returns the
 * `import outcomes --json` object of DOMAIN.md §4: the run summary with per-entity counts and
 * the warnings. The run is audited.
 */
export async function importOutcomes(
  deps: { db: Db; logger: Logger },
  request: OutcomesImportRequest & { format: ImportFormat },
) {
  const workDir = await mkdtemp(path.join(tmpdir(), 'edl-outcomes-import-'));
  try {
    const { pipeline, warnings, source } = await planOf(request.format, request, workDir);
    const summary = await runImport(deps, {
      tenantId: request.tenantId,
      pipeline,
      source,
      validateOnly: request.validateOnly,
      triggeredBy: request.triggeredBy,
    });
    const result = {
      ...cliJson(summary),
      counts: countsOf(summary),
      warnings: warnings().map<ImportWarning>((w) => ({ step: 'read', ...w })),
    };
    await tx(deps.db, { tenantId: request.tenantId }, (q) =>
      recordAudit(q, request.audit, {
        action: request.validateOnly ? 'outcomes.import.validate' : 'outcomes.import.run',
        outcome: summary.status === 'failed' ? 'failed' : 'success',
        target: { type: 'import_run', id: summary.runId, label: request.fileName },
        meta: {
          format: request.format,
          status: summary.status,
          counts: result.counts,
          errors: summary.errors.length,
          warnings: result.warnings.length,
        },
      }),
    );
    return result;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export type OutcomesImportResult = Awaited<ReturnType<typeof importOutcomes>>;
