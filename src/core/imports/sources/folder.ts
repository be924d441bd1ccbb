import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ImportStepError, type ImportSource, type RowsSpec, type SourceRow } from '../types.js';
import { csvFileRows } from './csv-file.js';
import { xlsxFileRows, xlsxSheetNames } from './xlsx-file.js';

const EXTENSIONS = ['.csv', '.xlsx'] as const;

/**
 * A folder with one file per object, as Salesforce's data export writes them: `<Object>.csv`
 * (or `<Object>.xlsx`). File names match the object exactly, or else ignoring case.
 */
export function folderSource(dir: string): ImportSource {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ImportStepError(`The source folder ${dir} does not exist`, 'missing_file');
  }
  const find = async (object: string): Promise<string | undefined> => {
    const names = await readdir(dir);
    for (const extension of EXTENSIONS) {
      const wanted = `${object}${extension}`;
      const match =
        names.find((n) => n === wanted) ??
        names.find((n) => n.toLowerCase() === wanted.toLowerCase());
      if (match) return match;
    }
    return undefined;
  };
  return {
    kind: 'csv-folder',
    describe: () => `folder ${dir}`,
    has: async (object) => (await find(object)) !== undefined,
    async *rows(object: string, spec: RowsSpec): AsyncGenerator<SourceRow> {
      const file = await find(object);
      if (!file) {
        throw new ImportStepError(
          `${object}.csv is missing from the source folder`,
          'missing_file',
        );
      }
      const filePath = path.join(dir, file);
      yield* file.toLowerCase().endsWith('.xlsx')
        ? xlsxFileRows(filePath, file, object, spec)
        : csvFileRows(filePath, file, spec);
    },
  };
}

/** One XLSX workbook: each object is the sheet named after it, or the first sheet. */
export function xlsxSource(filePath: string): ImportSource {
  const file = path.basename(filePath);
  if (!existsSync(filePath)) {
    throw new ImportStepError(`The source file ${filePath} does not exist`, 'missing_file');
  }
  return {
    kind: 'xlsx',
    describe: () => `workbook ${filePath}`,
    has: async (object) =>
      path.parse(file).name.toLowerCase() === object.toLowerCase() ||
      (await xlsxSheetNames(filePath)).includes(object),
    rows: (object, spec) => xlsxFileRows(filePath, file, object, spec),
  };
}
