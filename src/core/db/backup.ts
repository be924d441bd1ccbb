import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.js';
import { ValidationError } from '../errors.js';
import { projectRoot } from '../project-root.js';
import { APP_ROLE } from './app-role.js';
import { lockDataDir } from './data-dir-lock.js';

const run = promisify(execFile);

/**
 * Backups of the whole database.
 *
 * PostgreSQL: `pg_dump --format=custom` (a consistent snapshot taken while the server keeps running)
 * and `pg_restore`. The client tools must be at least the server's major version; PG_BIN_DIR names
 * their folder when the ones on PATH are older (e.g. /usr/lib/postgresql/16/bin).
 *
 * PGlite: the embedded database's own tarball of its data folder (`dumpDataDir`), taken with the
 * data folder locked, so the copy is consistent; the server must be stopped (one process at a time).
 */
export type BackupFormat = 'postgres' | 'pglite';

export interface BackupResult {
  format: BackupFormat;
  file: string;
  bytes: number;
}

export interface RestoreResult {
  format: BackupFormat;
  file: string;
  /** Whether the target held data that the restore replaced (--force). */
  replaced: boolean;
}

const PG_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Which kind of backup a file is, from its first bytes. */
export async function backupFormatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(
      error.code === 'ENOENT'
        ? `No backup file at ${file}`
        : `Cannot read ${file}: ${error.message}`,
    );
  });
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_MAGIC)) return 'postgres';
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'pglite';
  } finally {
    await handle.close();
  }
  throw new ValidationError(`${file} is not an EduLedger backup (pg_dump custom format or PGlite)`);
}

type StoredTarget = Exclude<DatabaseTarget, { kind: 'pglite-memory' }>;

function stored(target: DatabaseTarget): StoredTarget {
  if (target.kind === 'pglite-memory') {
    throw new ValidationError('The in-memory database (memory://) cannot be backed up or restored');
  }
  return target;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const tool = (name: 'pg_dump' | 'pg_restore') =>
  process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, name) : name;

/**
 * libpq connection for the tools: the URL without its password (which would show in the process
 * list) and the password in PGPASSWORD. node-postgres' `ssl=true` becomes libpq's sslmode=require.
 */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const ssl = parsed.searchParams.get('ssl');
  if (ssl !== null) {
    parsed.searchParams.delete('ssl');
    if (ssl !== 'false' && ssl !== '0' && !parsed.searchParams.has('sslmode')) {
      parsed.searchParams.set('sslmode', 'require');
    }
  }
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

async function runTool(name: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv) {
  try {
    return await run(tool(name), args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${name} was not found. Install the PostgreSQL client tools of the server's major version ` +
          '(Debian: postgresql-client-16) or set PG_BIN_DIR to their folder.',
      );
    }
    throw new Error(`${name} failed: ${(failure.stderr ?? failure.message).trim()}`);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Schemas that hold something other than PostgreSQL's own catalogs. */
const userSchemas = `select nspname from pg_namespace
  where nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
    and nspname not like 'pg_temp_%' and nspname not like 'pg_toast_temp_%'`;

async function postgresTableCount(client: pg.Client): Promise<number> {
  const result = await client.query<{ count: number }>(
    `select count(*)::int as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname in (${userSchemas})`,
  );
  return result.rows[0]?.count ?? 0;
}

async function backupPostgres(url: string, out: string): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  const partial = `${out}.partial`;
  try {
    await runTool('pg_dump', ['--format=custom', '--file', partial, '--dbname', dbname], env);
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Migration 0000 (the application role), split into what precedes and follows the restore. */
async function roleMigrationStatements() {
  const text = await readFile(path.join(projectRoot(), 'drizzle', '0000_app_role.sql'), 'utf8');
  const statements = text.split('--> statement-breakpoint');
  const isDefault = (statement: string) => /ALTER DEFAULT PRIVILEGES/i.test(statement);
  return {
    before: statements.filter((statement) => !isDefault(statement)),
    after: statements.filter(isDefault),
  };
}

/**
 * Restores a pg_dump into DATABASE_URL's database. An empty database is restored into; one with
 * tables only with `force`, which first drops every schema it holds (the whole database is
 * replaced, including tables newer migrations added since the backup).
 *
 * The application role (cluster-wide, so not in the dump) is created and granted first, by
 * migration 0000 itself. Default privileges are not restored (they name the original owner, who
 * may not exist on this server): the restored tables get the dump's own grants, and afterwards the
 * same migration sets the restoring user's default privileges for tables future migrations add.
 */
async function restorePostgres(url: string, file: string, force: boolean): Promise<boolean> {
  const { dbname, env } = libpqConnection(url);
  // The file must be a readable dump before anything is dropped.
  const { stdout: toc } = await runTool('pg_restore', ['--list', file], env);
  const roleStatements = await roleMigrationStatements();
  const replaced = await withClient(url, async (client) => {
    const tables = await postgresTableCount(client);
    if (tables > 0 && !force) {
      throw new ValidationError(
        `The database is not empty (${tables} tables). Restore into an empty database, or pass ` +
          '--force to replace everything in it (stop the application first).',
      );
    }
    if (tables > 0) {
      // Fails fast instead of waiting behind running application instances.
      await client.query(`set lock_timeout = '10s'`);
      await client.query('begin');
      const schemas = await client.query<{ nspname: string }>(userSchemas);
      for (const { nspname } of schemas.rows) {
        await client.query(`drop schema ${client.escapeIdentifier(nspname)} cascade`);
      }
      await client.query('create schema public');
      await client.query('commit');
    }
    for (const statement of roleStatements.before) await client.query(statement);
    // Tables the restore creates take exactly the dump's grants (audit_log is append-only).
    for (const kind of ['TABLES', 'SEQUENCES']) {
      await client.query(
        `alter default privileges in schema public revoke all on ${kind} from ${APP_ROLE}`,
      );
    }
    return tables > 0;
  });
  const list = `${file}.${process.pid}.list`;
  try {
    await writeFile(
      list,
      toc
        .split('\n')
        .filter((line) => !/ DEFAULT ACL /.test(line))
        .join('\n'),
    );
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--exit-on-error',
        '--single-transaction',
        '--use-list',
        list,
        '--dbname',
        dbname,
        file,
      ],
      env,
    );
  } finally {
    await rm(list, { force: true });
  }
  await withClient(url, async (client) => {
    for (const statement of roleStatements.after) await client.query(statement);
  });
  return replaced;
}

// ---------------------------------------------------------------------------------------------
// PGlite

const pgdataOf = (dataDir: string) => path.join(dataDir, 'pgdata');

const hasContent = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

async function backupPglite(dataDir: string, out: string): Promise<void> {
  const pgdata = pgdataOf(dataDir);
  const release = lockDataDir(dataDir);
  try {
    if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
      throw new ValidationError(`There is no database in ${dataDir} to back up`);
    }
    const client = await PGlite.create(pgdata);
    let tarball: Blob;
    try {
      tarball = await client.dumpDataDir('gzip');
    } finally {
      await client.close();
    }
    const partial = `${out}.partial`;
    try {
      await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
      await rename(partial, out);
    } finally {
      await rm(partial, { force: true });
    }
  } finally {
    release();
  }
}

/**
 * Restores a PGlite tarball into DATA_DIR/pgdata: loaded and checked in a folder beside it first,
 * then swapped in, so a bad file leaves the current database untouched.
 */
async function restorePglite(dataDir: string, file: string, force: boolean): Promise<boolean> {
  const pgdata = pgdataOf(dataDir);
  const release = lockDataDir(dataDir);
  try {
    const replaced = hasContent(pgdata);
    if (replaced && !force) {
      throw new ValidationError(
        `The data folder ${dataDir} already holds a database. Restore into an empty DATA_DIR, or ` +
          'pass --force to replace it (stop the server first).',
      );
    }
    const incoming = `${pgdata}.restoring`;
    const outgoing = `${pgdata}.replaced`;
    await rm(incoming, { recursive: true, force: true });
    await rm(outgoing, { recursive: true, force: true });
    try {
      const client = await PGlite.create(incoming, {
        loadDataDir: new Blob([await readFile(file)]),
      });
      try {
        await client.query('select count(*) from drizzle.__drizzle_migrations');
      } finally {
        await client.close();
      }
    } catch (error) {
      await rm(incoming, { recursive: true, force: true });
      throw new Error(`${file} could not be loaded as a PGlite database: ${String(error)}`);
    }
    if (existsSync(pgdata)) await rename(pgdata, outgoing);
    await rename(incoming, pgdata);
    await rm(outgoing, { recursive: true, force: true });
    return replaced;
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------

/** Writes a backup of the configured database to `out` (replaced only once it is complete). */
export async function backupDatabase(target: DatabaseTarget, out: string): Promise<BackupResult> {
  const db = stored(target);
  const file = path.resolve(out);
  if (db.kind === 'postgres') await backupPostgres(db.url, file);
  else await backupPglite(db.dataDir, file);
  return { format: db.kind, file, bytes: (await stat(file)).size };
}

/** Restores a backup into the configured database; refuses a non-empty one unless `force`. */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const db = stored(target);
  const format = db.kind;
  const resolved = path.resolve(file);
  const fileFormat = await backupFormatOf(resolved);
  if (fileFormat !== format) {
    throw new ValidationError(
      fileFormat === 'postgres'
        ? `${file} is a PostgreSQL backup: restore it with DATABASE_URL set to a PostgreSQL database`
        : `${file} is a PGlite backup: restore it without DATABASE_URL (into DATA_DIR)`,
    );
  }
  const force = options.force ?? false;
  const replaced =
    db.kind === 'postgres'
      ? await restorePostgres(db.url, resolved, force)
      : await restorePglite(db.dataDir, resolved, force);
  return { format, file: resolved, replaced };
}
