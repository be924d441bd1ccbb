import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { Database, Tx } from '../../src/core/db/client.js';
import type {
  ImportPipeline,
  ImportStep,
  RowResult,
  SourceRow,
  StepContext,
} from '../../src/core/imports/types.js';

/**
 * A small pipeline for testing the engine: `items` (Item.csv) upserts rows into a table the test
 * creates; `links` (Link.csv) points at items and parks rows whose item is unknown in the pending
 * queue; `notes` (Note.csv) depends on links. Names longer than 20 characters break the column's
 * limit, so a batch holding one throws (a database error for the engine to isolate).
 */
export async function createFakeTables(database: Database): Promise<void> {
  for (const table of ['fake_items', 'fake_links']) {
    await database.db.execute(
      sql.raw(`create table ${table} (
        tenant_id uuid not null,
        external_id text not null,
        name varchar(20) not null,
        amount integer,
        ref text,
        primary key (tenant_id, external_id))`),
    );
    await database.db.execute(sql.raw(`alter table ${table} enable row level security`));
    await database.db.execute(
      sql.raw(`create policy tenant_isolation on ${table} to eduledger_app
        using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`),
    );
    await database.db.execute(
      sql.raw(`grant select, insert, update, delete on ${table} to eduledger_app`),
    );
  }
}

/** Inserts or updates one row; tells created / updated / unchanged. */
async function upsert(
  tx: Tx,
  table: 'fake_items' | 'fake_links',
  tenantId: string,
  row: { id: string; name: string; amount: number | null; ref: string | null },
): Promise<RowResult> {
  const result = (await tx.execute(sql`
    insert into ${sql.raw(table)} (tenant_id, external_id, name, amount, ref)
    values (${tenantId}, ${row.id}, ${row.name}, ${row.amount}, ${row.ref})
    on conflict (tenant_id, external_id) do update
      set name = excluded.name, amount = excluded.amount, ref = excluded.ref
      where (${sql.raw(table)}.name, ${sql.raw(table)}.amount, ${sql.raw(table)}.ref)
        is distinct from (excluded.name, excluded.amount, excluded.ref)
    returning (xmax = 0) as inserted`)) as unknown as { rows: { inserted: boolean }[] };
  const [written] = result.rows;
  if (!written) return { outcome: 'unchanged' };
  return { outcome: written.inserted ? 'created' : 'updated' };
}

const parseAmount = (row: SourceRow): number | null | RowResult => {
  const raw = row.values.Amount ?? '';
  if (raw === '') return null;
  if (!/^-?\d+$/.test(raw)) {
    return {
      outcome: 'failed',
      column: 'Amount',
      value: raw,
      code: 'bad_number',
      message: `Amount "${raw}" is not a whole number`,
    };
  }
  return Number(raw);
};

const itemsStep: ImportStep = {
  name: 'items',
  dependsOn: [],
  reads: ['Item'],
  async run(ctx: StepContext) {
    await ctx.processRows(
      ctx.source.rows('Item', { fields: ['Id', 'Name', 'Amount'], required: ['Id', 'Name'] }),
      async (tx, batch) => {
        const results: RowResult[] = [];
        for (const row of batch) {
          const amount = parseAmount(row);
          if (amount !== null && typeof amount === 'object') {
            results.push(amount);
            continue;
          }
          results.push(
            await upsert(tx, 'fake_items', ctx.tenantId, {
              id: row.values.Id ?? '',
              name: row.values.Name ?? '',
              amount,
              ref: null,
            }),
          );
        }
        return results;
      },
    );
  },
};

async function importLink(ctx: StepContext, tx: Tx, row: SourceRow): Promise<RowResult> {
  const ref = row.values.ItemId ?? '';
  const found = (await tx.execute(
    sql`select 1 from fake_items where tenant_id = ${ctx.tenantId} and external_id = ${ref}`,
  )) as unknown as { rows: unknown[] };
  const id = row.values.Id ?? '';
  if (found.rows.length === 0) {
    await ctx.pending.add(tx, { kind: 'link', key: id, row, reason: `item ${ref} is unknown` });
    return { outcome: 'skipped' };
  }
  const result = await upsert(tx, 'fake_links', ctx.tenantId, {
    id,
    name: row.values.Name ?? '',
    amount: null,
    ref,
  });
  await ctx.pending.resolve(tx, 'link', id);
  return result;
}

const linksStep: ImportStep = {
  name: 'links',
  dependsOn: ['items'],
  reads: ['Link'],
  async run(ctx) {
    const handle = async (tx: Tx, batch: readonly SourceRow[]) => {
      const results: RowResult[] = [];
      for (const row of batch) results.push(await importLink(ctx, tx, row));
      return results;
    };
    await ctx.processRows(ctx.pending.open('link'), handle);
    if (await ctx.source.has('Link')) {
      await ctx.processRows(
        ctx.source.rows('Link', { fields: ['Id', 'Name', 'ItemId'], required: ['Id', 'ItemId'] }),
        handle,
      );
    }
  },
};

const notesStep: ImportStep = {
  name: 'notes',
  dependsOn: ['links'],
  reads: ['Note'],
  async run(ctx) {
    await ctx.processRows(
      ctx.source.rows('Note', { fields: ['Id'], required: ['Id'] }),
      async (_tx, batch) => batch.map(() => ({ outcome: 'skipped' as const })),
    );
  },
};

export const fakePipeline: ImportPipeline = {
  name: 'fake',
  steps: [itemsStep, linksStep, notesStep],
  affects: ['fake_report'],
};

/** A folder of CSV files: name → lines (header first). */
export function csvFolder(files: Record<string, string[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-import-'));
  for (const [name, lines] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), `${lines.join('\r\n')}\r\n`);
  }
  return dir;
}

export async function tableRows(database: Database, table: string) {
  const result = (await database.db.execute(
    sql.raw(`select external_id, name, amount, ref from ${table} order by external_id`),
  )) as unknown as { rows: { external_id: string; name: string; amount: number | null }[] };
  return result.rows;
}

/** A zip holding the given files (name → lines, header first), as an upload would send it. */
export async function zipOf(files: Record<string, string[]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, lines] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(`${lines.join('\r\n')}\r\n`), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A multipart/form-data body with one file field. */
export function multipartFile(field: string, fileName: string, content: Buffer) {
  const boundary = `----eduledger${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
