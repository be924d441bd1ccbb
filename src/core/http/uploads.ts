import { open } from 'node:fs/promises';
import { AppError, ValidationError } from '../errors.js';

/**
 * A multipart body the parser could not read (no boundary, truncated parts) is the client's
 * fault: 400, not the 500 an error without a status would become. Errors that carry a 4xx
 * status (a part over the size cap: 413) keep it.
 */
export function clientMultipartError(error: unknown): Error {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof Error && status !== undefined && status >= 400 && status < 500) {
    return error;
  }
  return new ValidationError(
    `The upload is not a readable multipart form (${error instanceof Error ? error.message : 'unknown problem'})`,
  );
}

export type UploadKind = 'zip' | 'xlsx' | 'csv';

const ZIP_MAGIC = [
  Buffer.from('PK\u0003\u0004', 'latin1'),
  Buffer.from('PK\u0005\u0006', 'latin1'),
];

const isZip = (head: Buffer) => ZIP_MAGIC.some((magic) => head.subarray(0, 4).equals(magic));

/** Text without NUL bytes that decodes as UTF-8 (a trailing cut multi-byte character is fine). */
function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const KINDS: Record<UploadKind, { extensions: string[]; matches: (head: Buffer) => boolean }> = {
  zip: { extensions: ['.zip'], matches: isZip },
  // An .xlsx workbook is a zip archive (Office Open XML).
  xlsx: { extensions: ['.xlsx'], matches: isZip },
  csv: { extensions: ['.csv'], matches: isText },
};

/** How many leading bytes the checks read. */
export const SNIFF_BYTES = 4096;

export class UnsupportedUploadError extends AppError {
  constructor(message: string) {
    super(415, 'unsupported_file_type', message);
  }
}

/**
 * Accepts a file only when its name has an allowed extension AND its first bytes are that kind
 * of file (zip and xlsx: a zip signature; csv: UTF-8 text). A renamed executable is refused.
 */
export function assertUploadKind(
  fileName: string,
  head: Buffer,
  allowed: readonly UploadKind[],
): UploadKind {
  const lower = fileName.toLowerCase();
  const kind = allowed.find((k) => KINDS[k].extensions.some((ext) => lower.endsWith(ext)));
  const expected = allowed.flatMap((k) => KINDS[k].extensions).join(', ');
  if (!kind) throw new UnsupportedUploadError(`Upload a ${expected} file`);
  if (!KINDS[kind].matches(head)) {
    throw new UnsupportedUploadError(
      `${fileName} is not a ${kind === 'csv' ? 'text CSV' : `${kind} (zip)`} file despite its name`,
    );
  }
  return kind;
}

/** The first bytes of a file on disk, for assertUploadKind. */
export async function fileHead(filePath: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
