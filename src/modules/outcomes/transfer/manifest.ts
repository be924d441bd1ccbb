import yauzl from 'yauzl';
import { AppError } from '../../../core/errors.js';
import { FORMAT, FORMAT_VERSION, type Manifest } from './format.js';

export class NotAnExportError extends AppError {
  constructor(reason: string) {
    super(400, 'invalid_file', `This is not an EduLedger outcomes export: ${reason}`);
  }
}

async function readEntry(zipPath: string, name: string): Promise<string | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    throw new NotAnExportError(`not a readable zip file (${(error as Error).message})`);
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      if (entry.uncompressedSize > 1024 * 1024) throw new NotAnExportError(`${name} is too large`);
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry))
        chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return undefined;
  } finally {
    zip.close();
  }
}

/** The manifest of an export zip, checked: its format and a version this build reads. */
export async function readManifest(zipPath: string): Promise<Manifest> {
  const text = await readEntry(zipPath, 'manifest.json');
  if (text === undefined) throw new NotAnExportError('manifest.json is missing');
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw new NotAnExportError('manifest.json is not JSON');
  }
  if (manifest.format !== FORMAT)
    throw new NotAnExportError(`its format is ${String(manifest.format)}`);
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new NotAnExportError(
      `format version ${String(manifest.formatVersion)}; this version reads ${String(FORMAT_VERSION)}`,
    );
  }
  return manifest as Manifest;
}
