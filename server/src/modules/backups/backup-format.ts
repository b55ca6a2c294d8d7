import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';

/**
 * A backup file is gzip of: one line of JSON (the manifest), then every table's rows in PostgreSQL's
 * COPY text format (one row per line, tables in manifest order, `rows` lines each). The manifest is
 * first so `backups` can list files by reading one line; per-table SHA-256 covers the row lines.
 */
export const BACKUP_FORMAT = 'loadout-backup/1';
export const BACKUP_EXTENSION = '.backup.gz';
export const BACKUP_NAME_PATTERN = /^loadout-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(?:_\d+)?\.backup\.gz$/;

export interface BackupTable {
  name: string;
  /** Columns in the order of the row lines; generated columns are left out (PostgreSQL recomputes them). */
  columns: string[];
  /** What the rows are ordered by: the primary key, or every column when there is none. */
  orderBy: string[];
  rows: number;
  sha256: string;
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  appVersion: string;
  createdAt: string;
  postgresVersion: string;
  /** Every migration applied to the database, in order; the last one is the schema level of the data. */
  migrations: string[];
  lastMigration: string | null;
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A problem with a backup file itself (not gzip, no manifest, checksum mismatch, unknown format). */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/**
 * The settings that make COPY text the same on every server and every run: instants in UTC, ISO
 * dates, shortest-exact floats. Both backup and restore set them, for their transaction only (a
 * pooled connection goes back unchanged).
 */
export async function setCanonicalSession(client: pg.ClientBase): Promise<void> {
  await client.query(
    `set local time zone 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local extra_float_digits = 3; set local bytea_output = 'hex'`,
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Reads lines of a backup file: first the manifest, then row lines. Throws BackupFileError for a damaged file. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupFileError(`No such backup file: ${file}`);
    throw new BackupFileError(`The backup file is damaged (${code === 'Z_BUF_ERROR' ? 'truncated' : 'not a valid gzip stream'}): ${file}`);
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseManifest(line: string | undefined, file: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(line ?? '') as BackupManifest;
  } catch {
    throw new BackupFileError(`Not a Loadout backup (no manifest): ${file}`);
  }
  if (manifest?.format !== BACKUP_FORMAT || !Array.isArray(manifest.tables)) throw new BackupFileError(`Not a Loadout backup (format ${JSON.stringify(manifest?.format)}): ${file}`);
  return manifest;
}

/** The manifest alone (the first line). */
export async function readManifest(file: string): Promise<BackupManifest> {
  for await (const line of backupLines(file)) return parseManifest(line, file);
  throw new BackupFileError(`Not a Loadout backup (empty file): ${file}`);
}

/**
 * Reads the whole file and checks every table's row count and checksum against the manifest, so a
 * damaged file is refused before anything touches the database.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  let tableIndex = 0;
  let remaining = 0;
  let hash = createHash('sha256');
  const finishTables = () => {
    // Tables with no rows are complete as soon as they are reached.
    while (manifest && tableIndex < manifest.tables.length && remaining === 0) {
      const table = manifest.tables[tableIndex];
      if (hash.digest('hex') !== table.sha256) throw new BackupFileError(`The backup file is damaged: checksum mismatch in table ${table.name}.`);
      tableIndex += 1;
      hash = createHash('sha256');
      remaining = manifest.tables[tableIndex]?.rows ?? 0;
    }
  };
  for await (const line of backupLines(file)) {
    if (!manifest) {
      manifest = parseManifest(line, file);
      remaining = manifest.tables[0]?.rows ?? 0;
      finishTables();
      continue;
    }
    if (tableIndex >= manifest.tables.length) throw new BackupFileError('The backup file is damaged: more rows than its manifest lists.');
    hash.update(line + '\n');
    remaining -= 1;
    finishTables();
  }
  if (!manifest) throw new BackupFileError(`Not a Loadout backup (empty file): ${file}`);
  if (tableIndex < manifest.tables.length) throw new BackupFileError(`The backup file is damaged: table ${manifest.tables[tableIndex].name} is incomplete.`);
  return manifest;
}
