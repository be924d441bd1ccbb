import { createReadStream } from 'node:fs';
import { CsvError, parse, type Options } from 'csv-parse';
import { ImportStepError, type RowsSpec, type SourceRow } from '../types.js';
import { checkHeader, rowValues } from './header.js';

interface ParsedRecord {
  cells: string[];
  /** Physical line the record starts on (a quoted field may span several lines). */
  line: number;
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (unbalanced quote)',
  CSV_INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected characters after a closing quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the row does not have as many fields as the header',
};

/**
 * Streams the rows of one CSV file (UTF-8, optional BOM, RFC 4180): the header is checked first,
 * and a malformed file fails with the line where the broken record starts.
 */
export async function* csvFileRows(
  filePath: string,
  file: string,
  spec: RowsSpec,
): AsyncGenerator<SourceRow> {
  let lastLine = 0;
  const options: Options<ParsedRecord, { record: string[] }> = {
    bom: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count_less: true,
    on_record: (parsed, context) => {
      const line = lastLine + 1;
      lastLine = line + (context.raw?.match(/\n/g)?.length ?? 0);
      return { cells: parsed.record, line };
    },
  };
  // csv-parse types on_record's result only together with `columns`, which we read ourselves.
  const parser = createReadStream(filePath).pipe(parse(options as unknown as Options));
  let header: string[] | undefined;
  try {
    for await (const { cells, line } of parser as AsyncIterable<ParsedRecord>) {
      if (!header) {
        header = cells.map((c) => c.trim());
        checkHeader(file, header, spec);
        continue;
      }
      yield { file, row: line, values: rowValues(header, cells, spec) };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const reason = REASONS[error.code] ?? error.message;
      throw new ImportStepError(
        `${file} is malformed at line ${lastLine + 1}: ${reason}`,
        'malformed_csv',
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (!header)
    throw new ImportStepError(`${file} is empty: it has no header row`, 'missing_columns');
}
