import path from 'node:path';
import type { ImportsConfig } from '../config/config.js';
import type { Db } from '../db/client.js';
import { ValidationError } from '../errors.js';
import { folderSource, xlsxSource } from './sources/folder.js';
import { connectSalesforce, salesforceSource } from './sources/salesforce.js';
import type { ImportSource, SourceRef } from './types.js';

export interface OpenSourceContext {
  db: Db;
  config: ImportsConfig;
  tenantId: string;
  pipeline: string;
  runId?: string;
}

/** Opens the source a run reads: a folder of files, one XLSX workbook, or the Salesforce API. */
export async function openSource(
  ref: SourceRef,
  context: OpenSourceContext,
): Promise<ImportSource> {
  switch (ref.kind) {
    case 'folder':
      return folderSource(ref.path);
    case 'file':
      if (path.extname(ref.path).toLowerCase() !== '.xlsx') {
        throw new ValidationError(
          `${path.basename(ref.path)}: a file source must be an .xlsx workbook (or a .zip); use a folder for CSV files`,
        );
      }
      return xlsxSource(ref.path);
    case 'salesforce': {
      const { salesforce } = context.config;
      if (!salesforce) {
        throw new ValidationError(
          'No Salesforce connection is configured (SALESFORCE_* variables)',
        );
      }
      return salesforceSource({
        db: context.db,
        tenantId: context.tenantId,
        pipeline: context.pipeline,
        runId: context.runId,
        connection: await connectSalesforce(salesforce),
      });
    }
  }
}
