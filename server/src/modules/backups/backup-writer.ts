import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { APP_VERSION } from '../settings/app-info.resolver.js';
import { BACKUP_EXTENSION, BACKUP_FORMAT, quoteIdent, setCanonicalSession, type BackupManifest, type BackupSequence, type BackupTable } from './backup-format.js';

/** MikroORM's own bookkeeping: recorded in the manifest as `migrations`, not copied as data. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * The tables a backup holds, found in the catalogue (so tables added by later features are included
 * without being named here): every ordinary table of the `public` schema except the migrations table
 * and unlogged tables (presence: who has a page open right now, gone with the session anyway).
 * In foreign-key order, so a restore reads the file once, top to bottom.
 */
export async function listDataTables(client: pg.ClientBase): Promise<Array<{ name: string; columns: string[]; orderBy: string[] }>> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            (select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, ord)
                           join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.ord)
               from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relpersistence = 'p' and not c.relispartition
        and c.relname <> $1
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  const tables = rows.map((row) => ({ name: row.name, columns: row.columns, orderBy: row.pk && row.pk.length > 0 ? row.pk : row.columns }));
  return dependencyOrder(client, tables);
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (a
 * self-reference is fine: PostgreSQL checks it at the end of the COPY statement).
 */
export async function dependencyOrder<T extends { name: string }>(client: pg.ClientBase, tables: T[]): Promise<T[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done' || !byName.has(name)) return;
    if (state.get(name) === 'visiting') throw new Error(`Cannot order the tables for loading: foreign keys form a cycle (${[...trail, name].join(' → ')}).`);
    state.set(name, 'visiting');
    for (const row of rows) if (row.child === name) visit(row.parent, [...trail, name]);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const table of tables) visit(table.name, []);
  return ordered;
}

async function listSequences(client: pg.ClientBase): Promise<BackupSequence[]> {
  const { rows: names } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const sequences: BackupSequence[] = [];
  for (const { name } of names) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from public.${quoteIdent(name)}`);
    sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  return sequences;
}

async function migrationsTableExists(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = $1`, [MIGRATIONS_TABLE]);
  return rows.length > 0;
}

/** `loadout-YYYY-MM-DD_HH-MM` in UTC. */
export function backupBaseName(at: Date): string {
  const iso = at.toISOString();
  return `loadout-${iso.slice(0, 10)}_${iso.slice(11, 13)}-${iso.slice(14, 16)}`;
}

async function freeName(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = `${base}${n === 1 ? '' : `_${n}`}${BACKUP_EXTENSION}`;
    try {
      await stat(path.join(dir, name));
    } catch {
      return name;
    }
  }
}

export interface WrittenBackup {
  name: string;
  file: string;
  sizeBytes: number;
  manifest: BackupManifest;
}

/**
 * Writes a consistent snapshot of every data table to `<dir>/loadout-YYYY-MM-DD_HH-MM.backup.gz`.
 * All reads run in one REPEATABLE READ, READ ONLY transaction, so the file is one moment of the
 * database even while people keep working. Rows are ordered by primary key: the same data always
 * gives the same bytes and checksums. Uses plain SQL (COPY … TO STDOUT), so it needs no `pg_dump`.
 */
export async function writeBackup(databaseUrl: string, dir: string, now = new Date()): Promise<WrittenBackup> {
  await mkdir(dir, { recursive: true });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'loadout-backup-'));
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'loadout-backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await setCanonicalSession(client);
    const { rows: versionRows } = await client.query<{ server_version: string }>('show server_version');
    const migrations = (await migrationsTableExists(client))
      ? (await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`)).rows.map((row) => row.name)
      : [];
    const tables: BackupTable[] = [];
    const dataFile = path.join(scratch, 'rows');
    const out = createWriteStream(dataFile);
    for (const table of await listDataTables(client)) {
      const hash = createHash('sha256');
      let rows = 0;
      const select = `select ${table.columns.map(quoteIdent).join(', ')} from public.${quoteIdent(table.name)} order by ${table.orderBy.map(quoteIdent).join(', ')}`;
      for await (const chunk of client.query(copyTo(`copy (${select}) to stdout`)) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        for (const byte of chunk) if (byte === 10) rows += 1;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      tables.push({ name: table.name, columns: table.columns, orderBy: table.orderBy, rows, sha256: hash.digest('hex') });
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const sequences = await listSequences(client);
    await client.query('commit');

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      appVersion: APP_VERSION,
      createdAt: now.toISOString(),
      postgresVersion: versionRows[0].server_version,
      migrations,
      lastMigration: migrations.at(-1) ?? null,
      tables,
      sequences,
    };
    const name = await freeName(dir, backupBaseName(now));
    const partial = path.join(dir, `.${name}.partial`);
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial));
    gzip.write(JSON.stringify(manifest) + '\n');
    await pipeline(createReadStream(dataFile), gzip);
    await written;
    // Renamed into place only when complete: a listed backup is never half-written.
    const file = path.join(dir, name);
    await rename(partial, file);
    return { name, file, sizeBytes: (await stat(file)).size, manifest };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await rm(scratch, { recursive: true, force: true });
  }
}
