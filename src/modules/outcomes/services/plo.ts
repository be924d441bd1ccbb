import { z } from 'zod';
import type { RequestContext } from '../../../core/access/request-context.js';
import { recordAudit } from '../../../core/audit/service.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../../core/errors.js';
import { parseInput } from '../../../core/validation.js';
import * as ploData from '../data/plo.js';
import * as programsData from '../data/programs.js';
import type { OutcomesScope } from '../scope.js';
import { changesOf, createdFields, deletedFields, inTenant } from './context.js';

/*
 * Program learning outcomes and the program's CLO → PLO mapping (§3.1): one draft per program,
 * created on its first edit as a copy of the latest published version; publishing it makes it
 * version N+1. Program admins work within their programs (others: 404).
 */

const description = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000, 'is at most 2,000 characters');
const number = z.number().int().min(1, 'must be 1 or more').max(999, 'must be 999 or less');

export const ploInput = z.object({ number: number.optional(), description });
export const ploUpdateInput = z.object({ number, description }).partial();
export const mappingEntryInput = z.object({ programOutcomeId: z.uuid().nullable() });

/** Which version of a mapping to show: the draft, the current (latest published) one, or vN. */
export type VersionRef = 'draft' | 'current' | number;

const FIELDS = ['number', 'description'] as const;

export class PloInCurrentMappingError extends AppError {
  constructor(clos: number) {
    super(
      409,
      'plo_in_current_mapping',
      `The current mapping maps ${String(clos)} CLO(s) to this PLO; unmap them in the draft and publish it first`,
    );
  }
}

export class NoDraftError extends AppError {
  constructor() {
    super(409, 'no_draft', 'There is no draft of the mapping to publish; change a CLO’s PLO first');
  }
}

async function visibleProgram(q: Tx, scope: OutcomesScope, id: string) {
  const program = await programsData.find(q, scope, id);
  if (!program) throw new NotFoundError('Program');
  return program;
}

/** A PLO whose program the caller sees. */
async function visiblePlo(q: Tx, scope: OutcomesScope, id: string) {
  const plo = await ploData.findPlo(q, id);
  if (!plo) throw new NotFoundError('Program outcome');
  const program = await programsData.find(q, scope, plo.programId);
  if (!program) throw new NotFoundError('Program outcome');
  return { plo, program };
}

const programLabel = (program: { name: string; shortName: string | null }) =>
  program.shortName ?? program.name;
const ploLabel = (program: { name: string; shortName: string | null }, n: number) =>
  `${programLabel(program)} PLO ${String(n)}`;
const numberTaken = (n: number) =>
  new ConflictError(`PLO ${String(n)} already exists in this program`, [
    { path: 'number', message: 'is taken' },
  ]);

// ── PLOs ─────────────────────────────────────────────────────────────────────

export const listPlos = (db: Db, ctx: RequestContext, programId: string) =>
  inTenant(db, ctx, async (q, { scope }) => {
    await visibleProgram(q, scope, programId);
    return ploData.listPlos(q, programId);
  });

/** Adds a PLO to a program (numbered next unless given; numbers are unique per program). */
export function createPlo(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: z.input<typeof ploInput>,
) {
  const values = parseInput(ploInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const program = await visibleProgram(q, scope, programId);
    const n = values.number ?? (await ploData.nextPloNumber(q, programId));
    const created = await ploData.insertPlo(q, tenantId, programId, {
      number: n,
      description: values.description,
    });
    if (!created) throw numberTaken(n);
    await recordAudit(q, ctx, {
      action: 'outcomes.plo.create',
      target: { type: 'program_outcome', id: created.id, label: ploLabel(program, n) },
      changes: createdFields(created, FIELDS),
    });
    return created;
  });
}

export function updatePlo(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.input<typeof ploUpdateInput>,
) {
  const values = parseInput(ploUpdateInput, input);
  return inTenant(db, ctx, async (q, { scope }) => {
    const { plo: before, program } = await visiblePlo(q, scope, id);
    if (
      values.number !== undefined &&
      (await ploData.ploNumberTaken(q, before.programId, values.number, id))
    ) {
      throw numberTaken(values.number);
    }
    await ploData.updatePlo(q, id, values);
    const after = await ploData.findPlo(q, id);
    if (!after) throw new NotFoundError('Program outcome');
    await recordAudit(q, ctx, {
      action: 'outcomes.plo.update',
      target: { type: 'program_outcome', id, label: ploLabel(program, after.number) },
      changes: changesOf(before, after, FIELDS),
    });
    return after;
  });
}

/**
 * Deletes a PLO, with its entries in the draft and in superseded versions. A PLO the current
 * (latest published) mapping uses stays until a published version no longer maps CLOs to it, so
 * the dashboard never loses a PLO silently.
 */
export function deletePlo(db: Db, ctx: RequestContext, id: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const { plo, program } = await visiblePlo(q, scope, id);
    const current = await ploData.findLatestPublished(q, plo.programId);
    const mapped = current ? await ploData.entriesOfPlo(q, current.id, id) : 0;
    if (mapped > 0) throw new PloInCurrentMappingError(mapped);
    const draft = await ploData.findDraft(q, plo.programId);
    const inDraft = draft ? await ploData.entriesOfPlo(q, draft.id, id) : 0;
    await ploData.removePlo(q, id);
    await recordAudit(q, ctx, {
      action: 'outcomes.plo.delete',
      target: { type: 'program_outcome', id, label: ploLabel(program, plo.number) },
      changes: deletedFields(plo, FIELDS),
      meta: inDraft > 0 ? { draftEntriesRemoved: inDraft } : undefined,
    });
  });
}

// ── Mapping ──────────────────────────────────────────────────────────────────

export const listMappingVersions = (db: Db, ctx: RequestContext, programId: string) =>
  inTenant(db, ctx, async (q, { scope }) => {
    await visibleProgram(q, scope, programId);
    return ploData.listMappings(q, programId);
  });

/**
 * A version of the mapping as a matrix: the program's PLOs, its CLOs (and any CLO the version maps
 * whose course has left the program) each with its PLO, and the active CLOs left unmapped. The
 * draft that does not exist yet reads as the latest published version it would start from.
 */
async function matrix(q: Tx, program: { id: string; name: string }, ref: VersionRef) {
  const draft = ref === 'draft' ? await ploData.findDraft(q, program.id) : undefined;
  const mapping =
    ref === 'draft'
      ? draft
      : ref === 'current'
        ? await ploData.findLatestPublished(q, program.id)
        : await ploData.findVersion(q, program.id, ref);
  if (ref !== 'draft' && ref !== 'current' && !mapping) throw new NotFoundError('Mapping version');
  const basedOn =
    ref === 'draft' && !draft ? await ploData.findLatestPublished(q, program.id) : undefined;
  const source = mapping ?? basedOn;
  const plos = await ploData.listPlos(q, program.id);
  const clos = await ploData.programClos(q, program.id, source?.id);
  const entries = source ? await ploData.entriesOf(q, source.id) : [];
  const ploOf = new Map(entries.map((e) => [e.courseOutcomeId, e.programOutcomeId]));
  const rows = clos.map((clo) => ({ ...clo, programOutcomeId: ploOf.get(clo.id) ?? null }));
  return {
    program: { id: program.id, name: program.name },
    mapping: mapping ?? null,
    /** For a draft not created yet: the published version its first edit copies. */
    basedOnVersion: ref === 'draft' ? (draft ? null : (basedOn?.version ?? null)) : null,
    plos,
    clos: rows,
    unmapped: rows
      .filter((clo) => clo.isActive && clo.inProgram && !clo.programOutcomeId)
      .map((c) => c.id),
  };
}

export const getMapping = (db: Db, ctx: RequestContext, programId: string, ref: VersionRef) =>
  inTenant(db, ctx, async (q, { scope }) =>
    matrix(q, await visibleProgram(q, scope, programId), ref),
  );

/**
 * Sets (or, with null, clears) the PLO of a CLO in the program's draft, creating the draft on the
 * first edit. The CLO must belong to a course of the program (clearing a CLO whose course has left
 * the program is allowed), and the PLO to the program.
 */
export function setDraftEntry(
  db: Db,
  ctx: RequestContext,
  programId: string,
  cloId: string,
  input: z.input<typeof mappingEntryInput>,
) {
  const { programOutcomeId } = parseInput(mappingEntryInput, input);
  return inTenant(db, ctx, async (q, { tenantId, scope }) => {
    const program = await visibleProgram(q, scope, programId);
    const clo = await ploData.findProgramClo(q, programId, cloId);
    const plo = programOutcomeId ? await ploData.findPlo(q, programOutcomeId) : undefined;
    if (programOutcomeId && (!plo || plo.programId !== programId)) {
      throw new ValidationError('Choose a PLO of this program', [
        { path: 'programOutcomeId', message: 'is not a PLO of this program' },
      ]);
    }
    const { draft, created } = await ploData.ensureDraft(q, tenantId, programId);
    const before = await ploData.findEntry(q, draft.id, cloId);
    if (!clo && !(programOutcomeId === null && before)) throw new NotFoundError('Course outcome');
    if (plo) await ploData.setEntry(q, tenantId, draft.id, cloId, plo.id);
    else await ploData.clearEntry(q, draft.id, cloId);
    await ploData.touchMapping(q, draft.id);
    const beforePlo = before ? await ploData.findPlo(q, before.programOutcomeId) : undefined;
    const label = clo?.label ?? (await ploData.cloLabel(q, cloId)) ?? cloId;
    await recordAudit(q, ctx, {
      action: 'outcomes.plo_mapping.entry_set',
      target: {
        type: 'plo_mapping',
        id: draft.id,
        label: `${programLabel(program)} mapping draft`,
      },
      changes: {
        [label]: [
          beforePlo ? `PLO ${String(beforePlo.number)}` : null,
          plo ? `PLO ${String(plo.number)}` : null,
        ],
      },
      meta: created ? { draftCreated: true } : undefined,
    });
    return matrix(q, program, 'draft');
  });
}

/** Publishes the program's draft as the next version: the dashboard uses it from now on. */
export function publishDraft(db: Db, ctx: RequestContext, programId: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const program = await visibleProgram(q, scope, programId);
    await ploData.lockMappings(q, programId);
    const draft = await ploData.findDraft(q, programId);
    if (!draft) throw new NoDraftError();
    const version = await ploData.nextVersion(q, programId);
    await ploData.publish(q, draft.id, version);
    await recordAudit(q, ctx, {
      action: 'outcomes.plo_mapping.publish',
      target: {
        type: 'plo_mapping',
        id: draft.id,
        label: `${programLabel(program)} mapping v${String(version)}`,
      },
      changes: { status: ['draft', 'published'], version: [null, version] },
      meta: { entries: draft.entryCount },
    });
    const published = await ploData.findVersion(q, programId, version);
    if (!published) throw new NotFoundError('Mapping version');
    return published;
  });
}

/** Drops the program's draft (its changes since the latest published version). */
export function discardDraft(db: Db, ctx: RequestContext, programId: string) {
  return inTenant(db, ctx, async (q, { scope }) => {
    const program = await visibleProgram(q, scope, programId);
    const draft = await ploData.findDraft(q, programId);
    if (!draft) throw new NotFoundError('Mapping draft');
    await ploData.removeMapping(q, draft.id);
    await recordAudit(q, ctx, {
      action: 'outcomes.plo_mapping.discard_draft',
      target: {
        type: 'plo_mapping',
        id: draft.id,
        label: `${programLabel(program)} mapping draft`,
      },
      meta: { entries: draft.entryCount },
    });
  });
}
