import { ImportStepError, type RowsSpec } from '../types.js';

/**
 * Checks a header row against what the step needs, before any data row is read: every missing
 * required column is named at once.
 */
export function checkHeader(file: string, header: readonly string[], spec: RowsSpec): void {
  const present = new Set(header);
  const missing = spec.required.filter((column) => !present.has(column));
  if (missing.length > 0) {
    throw new ImportStepError(
      `${file} is missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
      'missing_columns',
    );
  }
}

/** A row's values by column: every column of the file (for the rejected-rows CSV), then any field the file lacks, empty. */
export function rowValues(
  header: readonly string[],
  cells: readonly string[],
  spec: RowsSpec,
): Record<string, string> {
  const values: Record<string, string> = {};
  header.forEach((column, i) => {
    values[column] = cells[i] ?? '';
  });
  for (const field of spec.fields) values[field] ??= '';
  return values;
}
