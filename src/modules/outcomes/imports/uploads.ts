import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, NotFoundError } from '../../../core/errors.js';
import { assertUploadKind, fileHead } from '../../../core/http/uploads.js';
import type { OutcomesImportResult } from './service.js';

/** Largest accepted workbook unless the platform's upload cap (IMPORT_UPLOAD_MAX_MB) says less. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Uploads kept for a later commit (the oldest go first). */
const KEPT = 50;

export interface Upload {
  id: string;
  tenantId: string;
  fileName: string;
  filePath: string;
  /** The last run on this upload (its validation, then its import). */
  last?: OutcomesImportResult;
}

export class UploadTooLargeError extends AppError {
  constructor(limit = MAX_UPLOAD_BYTES) {
    super(
      413,
      'file_too_large',
      `The file is larger than ${String(Math.round(limit / 1024 / 1024))} MB`,
    );
  }
}

/** Fails the stream once more than `limit` bytes went through. */
const limitBytes = (limit: number) => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new UploadTooLargeError(limit) : null, chunk);
    },
  });
};

/**
 * Workbooks uploaded for a preview and a later import, kept in the process's temporary folder
 * (a restart forgets them: the user uploads again).
 */
export function uploadStore(
  root = path.join(tmpdir(), 'eduledger-outcomes-uploads'),
  maxBytes = MAX_UPLOAD_BYTES,
) {
  const uploads = new Map<string, Upload>();

  const forget = async (upload: Upload) => {
    uploads.delete(upload.id);
    await rm(path.dirname(upload.filePath), { recursive: true, force: true });
  };

  return {
    async save(tenantId: string, fileName: string, body: Readable | Buffer): Promise<Upload> {
      const id = randomUUID();
      const dir = path.join(root, tenantId, id);
      await mkdir(dir, { recursive: true });
      const filePath = path.join(dir, 'workbook.xlsx');
      try {
        if (Buffer.isBuffer(body)) {
          if (body.length > maxBytes) throw new UploadTooLargeError(maxBytes);
          await pipeline([body], createWriteStream(filePath));
        } else {
          await pipeline(body, limitBytes(maxBytes), createWriteStream(filePath));
        }
        // An .xlsx workbook by name and by content (a zip signature), or 415.
        assertUploadKind(fileName, await fileHead(filePath), ['xlsx']);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const upload: Upload = { id, tenantId, fileName, filePath };
      uploads.set(id, upload);
      const oldest = uploads.values().next().value;
      if (uploads.size > KEPT && oldest) await forget(oldest);
      return upload;
    },
    /** An upload of the tenant (another tenant's does not exist). */
    get(tenantId: string, id: string): Upload {
      const upload = uploads.get(id);
      if (!upload || upload.tenantId !== tenantId) throw new NotFoundError('Upload');
      return upload;
    },
    forget,
  };
}

export type UploadStore = ReturnType<typeof uploadStore>;
