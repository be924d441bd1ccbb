import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { recordAudit, type AuditContext } from '../../../core/audit/service.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { exportRows } from '../data/transfer-export.js';
import { FILE_ORDER, FILES, FORMAT, FORMAT_VERSION, type Cell, type Manifest } from './format.js';

const text = (value: Cell) => (value === null ? '' : String(value));

/**
 * Writes an institution's outcomes data to a zip of CSV files plus manifest.json (§3.5), in one
 * consistent snapshot. Users come without any credential. The export is audited.
 */
export async function exportOutcomes(
  db: Db,
  institution: { id: string; slug: string; name: string },
  outPath: string,
  audit: AuditContext,
): Promise<Manifest> {
  const zip = new yazl.ZipFile();
  const done = once(zip.outputStream.pipe(createWriteStream(outPath)), 'close');
  const counts = {} as Manifest['counts'];
  await tx(db, { tenantId: institution.id }, async (q) => {
    for (const file of FILE_ORDER) {
      const rows = await exportRows(q, institution.id, file);
      const columns = [...FILES[file]];
      counts[file] = rows.length;
      const csv = stringify([
        columns,
        ...rows.map((row) => columns.map((c) => text(row[c] ?? null))),
      ]);
      zip.addBuffer(Buffer.from(csv), `${file}.csv`);
    }
    await recordAudit(q, audit, {
      action: 'outcomes.export.run',
      target: { type: 'tenant', id: institution.id, label: institution.slug },
      meta: { counts },
    });
  });
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    institution: { slug: institution.slug, name: institution.name },
    exportedAt: new Date().toISOString(),
    order: FILE_ORDER,
    counts,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.end();
  await done;
  return manifest;
}
