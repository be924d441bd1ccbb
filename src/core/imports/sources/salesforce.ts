import { Connection, type QueryResult } from 'jsforce';
import type { SalesforceConfig } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { tx } from '../../db/tx.js';
import { lastFinishedRun, pipelineWatermarks, saveWatermark } from '../data.js';
import { ImportStepError, type ImportSource, type RowsSpec, type SourceRow } from '../types.js';

/** After a failed run, incremental reads go back this far before the watermark. */
export const FAILED_RUN_OVERLAP_MS = 48 * 60 * 60 * 1000;

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Logs in with the connected app: username-password flow, or client credentials without a user. */
export async function connectSalesforce(config: SalesforceConfig): Promise<Connection> {
  const connection = new Connection({
    loginUrl: config.loginUrl,
    version: config.apiVersion,
    oauth2: {
      loginUrl: config.loginUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
    },
  });
  try {
    if (config.username) await connection.login(config.username, config.password ?? '');
    else await connection.authorize({ grant_type: 'client_credentials' });
  } catch (error) {
    throw new ImportStepError(
      `Could not sign in to Salesforce: ${(error as Error).message}`,
      'salesforce_login',
    );
  }
  return connection;
}

/** A SOQL datetime literal (UTC, no quotes). */
const soqlDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** API values as the CSV export writes them: text, `true`/`false`, empty for null. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}

export interface SalesforceSourceOptions {
  db: Db;
  tenantId: string;
  pipeline: string;
  connection: Connection;
  /** The run reading (excluded when looking for the previous run). */
  runId?: string;
  now?: () => Date;
}

/**
 * Reads objects through the REST API with SOQL, page by page (nextRecordsUrl), never holding
 * more than one page. Incremental: each step reads only what changed since its own watermark
 * (`LastModifiedDate`), 48 hours earlier when the previous run failed. A step's watermark moves
 * to the time its query started once the step has succeeded, even when nothing changed.
 */
export async function salesforceSource(options: SalesforceSourceOptions): Promise<ImportSource> {
  const { db, tenantId, pipeline, connection } = options;
  const now = options.now ?? (() => new Date());
  const { marks, previousFailed } = await tx(db, { tenantId }, async (q) => ({
    marks: await pipelineWatermarks(q, tenantId, pipeline),
    previousFailed: ['failed', 'cancelled'].includes(
      (await lastFinishedRun(q, pipeline, options.runId))?.status ?? '',
    ),
  }));
  const since = (step: string, object: string) => {
    const mark = marks.find((m) => m.step === step && m.object === object)?.watermark;
    if (!mark) return undefined;
    return previousFailed ? new Date(mark.getTime() - FAILED_RUN_OVERLAP_MS) : mark;
  };
  /** Query start times per step, saved as watermarks when the step succeeds. */
  const started = new Map<string, Map<string, Date>>();
  let objects: Promise<Set<string>> | undefined;
  const knownObjects = () =>
    (objects ??= connection
      .describeGlobal()
      .then((result) => new Set(result.sobjects.map((s) => s.name))));

  const where = (step: string | undefined, object: string) => {
    const from = step ? since(step, object) : undefined;
    return from ? ` WHERE LastModifiedDate > ${soqlDate(from)}` : '';
  };

  const view = (step: string | undefined): ImportSource => ({
    kind: 'salesforce',
    describe: () => `Salesforce API (${connection.instanceUrl})`,
    has: async (object) => OBJECT_NAME.test(object) && (await knownObjects()).has(object),
    async count(object) {
      if (!OBJECT_NAME.test(object)) return undefined;
      const result = await connection.query(`SELECT COUNT() FROM ${object}${where(step, object)}`);
      return result.totalSize;
    },
    async *rows(object: string, spec: RowsSpec): AsyncGenerator<SourceRow> {
      if (!OBJECT_NAME.test(object)) {
        throw new ImportStepError(`${object} is not a Salesforce object`, 'missing_file');
      }
      const fields = [...new Set(['Id', ...spec.fields])];
      const orderBy = spec.orderBy ?? 'Id';
      const soql = `SELECT ${fields.join(', ')} FROM ${object}${where(step, object)} ORDER BY ${orderBy}`;
      if (step) {
        const perStep = started.get(step) ?? new Map<string, Date>();
        perStep.set(object, now());
        started.set(step, perStep);
      }
      let page: QueryResult<Record<string, unknown>>;
      try {
        page = await connection.query<Record<string, unknown>>(soql);
      } catch (error) {
        throw new ImportStepError(
          `Salesforce refused the query on ${object}: ${(error as Error).message}`,
          'salesforce_query',
        );
      }
      let row = 1;
      for (;;) {
        for (const record of page.records) {
          row += 1;
          const values: Record<string, string> = {};
          for (const field of fields) values[field] = text(record[field]);
          yield { file: object, row, values };
        }
        if (page.done || !page.nextRecordsUrl) return;
        const locator = page.nextRecordsUrl.split('/').pop() ?? '';
        page = await connection.queryMore<Record<string, unknown>>(locator);
      }
    },
    forStep: (name) => view(name),
    async stepSucceeded(name) {
      const reads = started.get(name);
      if (!reads) return;
      await tx(db, { tenantId }, async (q) => {
        for (const [object, watermark] of reads) {
          await saveWatermark(q, { tenantId, pipeline, step: name, object, watermark });
        }
      });
      started.delete(name);
    },
  });
  return view(undefined);
}
