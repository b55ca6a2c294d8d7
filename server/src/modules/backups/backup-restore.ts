import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrationsList } from '../../database/migrations/index.js';
import { backupLines, BackupFileError, quoteIdent, setCanonicalSession, verifyBackup, type BackupManifest, type BackupTable } from './backup-format.js';
import { dependencyOrder, MIGRATIONS_TABLE } from './backup-writer.js';

/** Why a restore was refused before anything changed; the CLI prints the message as it is. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export interface RestoreOptions {
  /** Replace a database that already holds data (its content is dropped, in the same transaction). */
  replace?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations run after loading, because the backup was made by an older version. */
  migratedForward: string[];
  rows: number;
}

/** Tables with rows now (a server that already started once has roles, settings and a journal). */
async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> $1 order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  const withRows: string[] = [];
  for (const { name } of rows) {
    const { rowCount } = await client.query(`select 1 from public.${quoteIdent(name)} limit 1`);
    if (rowCount) withRows.push(name);
  }
  return withRows;
}

async function publicTableCount(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')`);
  return rows[0].n;
}

type LineSource = { next(): Promise<IteratorResult<string>> | IteratorResult<string> };

async function copyTable(client: pg.ClientBase, table: BackupTable, lines: LineSource): Promise<void> {
  if (table.rows === 0) return;
  const stream = client.query(copyFrom(`copy public.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for (let n = 0; n < table.rows; n += 1) {
    const next = await lines.next();
    if (next.done) throw new BackupFileError(`The backup file is damaged: table ${table.name} is incomplete.`);
    if (!stream.write(next.value + '\n')) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await finished;
}

/**
 * Loads a backup into the database of `orm`, in one transaction: refuse a database with data unless
 * `replace`, bring the schema to the backup's last migration, load every table verbatim (rows are
 * only INSERTed, in key order — an append-only journal accepts them), set the sequences, then run the
 * migrations the backup is older than. Any failure rolls all of it back.
 */
export async function restoreBackup(orm: MikroORM, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = await verifyBackup(file);
  const known = migrationsList.map((migration) => migration.name);
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `The backup was made by a newer version of Loadout (schema ${manifest.lastMigration}; this version does not know ${unknown.join(', ')}). Upgrade Loadout, then restore.`,
    );
  }
  if (manifest.migrations.some((name, index) => known[index] !== name)) {
    throw new RestoreRefusedError(`The backup's migrations (${manifest.migrations.join(', ')}) are not a prefix of this version's; it cannot be restored here.`);
  }

  const connection = orm.em.getConnection();
  // The migrations bookkeeping table must exist before the transaction: MikroORM checks for it on a
  // connection of its own, which would wait for our transaction if the table were created inside it.
  await orm.getMigrator().getExecutedMigrations();
  const trx = await connection.begin();
  const client = (await (trx as unknown as { client: { acquireConnection(): Promise<pg.ClientBase> } }).client.acquireConnection());
  try {
    await setCanonicalSession(client);
    const occupied = await tablesWithRows(client);
    // Every change in Loadout writes a journal row and every installation has accounts; migrations write
    // neither. Rows elsewhere without those are lookup rows a migration put in, replaced below.
    const holdsData = occupied.includes('journal') || occupied.includes('app_user');
    if (holdsData && !options.replace) {
      throw new RestoreRefusedError(
        `The database is not empty (rows in ${occupied.join(', ')}). Restore into an empty database, or pass --replace to drop its content and replace it with the backup.`,
      );
    }
    if ((await publicTableCount(client)) > 1) {
      // Start from a blank schema at the backup's level (a newer empty schema cannot go back down).
      await client.query(`drop schema public cascade; create schema public`);
      await client.query(`create table public.${MIGRATIONS_TABLE} (id serial primary key, name varchar(255), executed_at timestamptz default current_timestamp)`);
    } else {
      await client.query(`delete from public.${MIGRATIONS_TABLE}`);
    }
    const migrator = orm.getMigrator();
    if (manifest.lastMigration) await migrator.up({ to: manifest.lastMigration, transaction: trx });

    const tables = await dependencyOrder(client, manifest.tables);
    const present = new Set((await client.query<{ name: string }>(`select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r','p')`)).rows.map((row) => row.name));
    const missing = manifest.tables.filter((table) => !present.has(table.name)).map((table) => table.name);
    if (missing.length > 0) throw new RestoreRefusedError(`The backup has tables this schema does not have at ${manifest.lastMigration}: ${missing.join(', ')}.`);
    // Rows the migrations put in themselves (lookup data) are replaced by the backup's copy of them.
    const seeded = await tablesWithRows(client);
    const seededInBackup = seeded.filter((name) => manifest.tables.some((table) => table.name === name));
    if (seededInBackup.length > 0) await client.query(`truncate ${seededInBackup.map((name) => `public.${quoteIdent(name)}`).join(', ')}`);

    // Row lines come in manifest order; load order differs, so buffer per table only when needed.
    const lines = backupLines(file);
    await lines.next(); // the manifest
    const pending = new Map<string, string[]>();
    const reader = lines[Symbol.asyncIterator]();
    let fileIndex = 0;
    const takeUntil = async (name: string): Promise<LineSource> => {
      // Buffers the tables that precede `name` in the file, then returns the reader positioned at it.
      while (manifest.tables[fileIndex].name !== name) {
        const table = manifest.tables[fileIndex];
        const buffered: string[] = [];
        for (let n = 0; n < table.rows; n += 1) buffered.push((await reader.next()).value as string);
        pending.set(table.name, buffered);
        fileIndex += 1;
      }
      fileIndex += 1;
      return reader;
    };
    let rows = 0;
    for (const table of tables) {
      const source = pending.get(table.name);
      if (source) {
        pending.delete(table.name);
        await copyTable(client, table, source[Symbol.iterator]());
      } else {
        await copyTable(client, table, await takeUntil(table.name));
      }
      rows += table.rows;
    }
    await reader.return?.(undefined);

    for (const sequence of manifest.sequences) {
      await client.query(`select setval($1::regclass, $2::bigint, $3)`, [`public.${quoteIdent(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
    }
    const forward = await migrator.up({ transaction: trx });
    await connection.commit(trx);
    return { manifest, migratedForward: forward.map((migration) => migration.name), rows };
  } catch (error) {
    await connection.rollback(trx).catch(() => undefined);
    throw error;
  }
}
