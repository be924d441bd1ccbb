import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ValidationError } from '../../errors.js';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed size of one file. */
  maxFileBytes: number;
  /** Largest uncompressed size of everything extracted. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one entry (zip bombs compress thousands of times). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxFileBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 200,
};

const DATA_FILE = /\.(csv|xlsx)$/i;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const isSymlink = (entry: yauzl.Entry) =>
  ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;

/** The data files of a zip: `.csv`/`.xlsx`, not macOS metadata, not dotfiles. */
const isDataFile = (name: string) =>
  DATA_FILE.test(name) &&
  !name.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'));

/** Lets bytes through while `check` accepts the running count; stops the stream otherwise. */
function byteGuard(check: (bytes: number) => string | undefined) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const problem = check(chunk.length);
      if (problem) done(new ValidationError(problem));
      else done(null, chunk);
    },
  });
}

/**
 * Extracts the CSV and XLSX files of an uploaded zip into `destDir`, flat (a zip of a folder
 * works too). Safe against hostile archives: entry names never leave `destDir` (only the base
 * name is used, and unsafe names are refused), symlinks are refused, and entry count, sizes and
 * compression ratio are limited while extracting, not trusted from the headers.
 */
export async function extractZip(
  zipPath: string,
  destDir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    throw new ValidationError(`The upload is not a readable zip file: ${(error as Error).message}`);
  }
  await mkdir(destDir, { recursive: true });
  const files: string[] = [];
  let total = 0;
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ValidationError(
        `The zip holds ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted`,
      );
    }
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/') || !isDataFile(name)) continue;
      if (isSymlink(entry)) throw new ValidationError(`The zip entry ${name} is a symbolic link`);
      const base = path.basename(name);
      if (files.includes(base)) throw new ValidationError(`The zip holds ${base} twice`);
      if (entry.uncompressedSize > limits.maxFileBytes) {
        throw new ValidationError(`${base} is larger than ${limits.maxFileBytes} bytes`);
      }
      if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw new ValidationError(`${base} is compressed suspiciously well (a zip bomb?)`);
      }
      const target = path.join(destDir, base);
      if (path.dirname(target) !== path.resolve(destDir)) {
        throw new ValidationError(`The zip entry ${name} has an unsafe name`);
      }
      let written = 0;
      const guard = byteGuard((bytes) => {
        written += bytes;
        total += bytes;
        if (written > limits.maxFileBytes) {
          return `${base} is larger than ${limits.maxFileBytes} bytes`;
        }
        if (total > limits.maxTotalBytes) {
          return `The zip expands to more than ${limits.maxTotalBytes} bytes`;
        }
        return undefined;
      });
      await pipeline(await zip.openReadStreamPromise(entry), guard, createWriteStream(target));
      files.push(base);
    }
  } catch (error) {
    await rm(destDir, { recursive: true, force: true });
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`The zip could not be extracted: ${(error as Error).message}`);
  } finally {
    zip.close();
  }
  if (files.length === 0) {
    await rm(destDir, { recursive: true, force: true });
    throw new ValidationError('The zip holds no .csv or .xlsx file');
  }
  return files;
}
