import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupFileError,
  connectOrm,
  createLogger,
  migrationsList,
  readManifest,
  restoreBackup,
  RestoreRefusedError,
  writeBackup,
  type BackupManifest,
} from '@loadout/server';
import { createTestDatabase, signIn, startTestServer, type TestServer } from './support/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cleanups: Array<() => Promise<unknown>> = [];
let source: TestServer;
let dir: string;
let original: { file: string; manifest: BackupManifest };

async function freshDatabase() {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

async function restoreInto(url: string, file: string, options: { replace?: boolean } = {}) {
  const orm = await connectOrm(url, createLogger('silent'));
  try {
    return await restoreBackup(orm, file, options);
  } finally {
    await orm.close();
  }
}

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const checksums = (manifest: BackupManifest) => Object.fromEntries(manifest.tables.map((table) => [table.name, { rows: table.rows, sha256: table.sha256 }]));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loadout-backups-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  // Demo data: accounts of every role, clients, venues, crew roles, events in every status, crews, journal, sessions.
  source = await startTestServer({ demo: true, backupDir: dir });
  cleanups.push(() => source.stop());
  await signIn(source.url, 'admin@loadout.demo'); // a session row too
  const written = await writeBackup(source.databaseUrl, dir);
  original = { file: written.file, manifest: written.manifest };
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('backup', () => {
  it('holds every data table found in the catalogue, ordered, counted and checksummed, named by date and time', async () => {
    const { manifest } = original;
    expect(path.basename(original.file)).toMatch(/^loadout-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(_\d+)?\.backup\.gz$/);
    expect(manifest.lastMigration).toBe(migrationsList.at(-1)!.name);
    expect(manifest.migrations).toEqual(migrationsList.map((migration) => migration.name));
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);

    const catalogue = await query<{ relname: string }>(
      source.databaseUrl,
      `select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and relkind = 'r' and relpersistence = 'p' and relname <> 'mikro_orm_migrations' order by relname`,
    );
    expect(manifest.tables.map((table) => table.name).sort()).toEqual(catalogue.map((row) => row.relname));
    expect(manifest.tables.map((table) => table.name)).not.toContain('presence'); // unlogged, per-session state
    for (const table of manifest.tables) {
      const [{ n }] = await query<{ n: number }>(source.databaseUrl, `select count(*)::int as n from "${table.name}"`);
      expect(table.rows, table.name).toBe(n);
      expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const name of ['role', 'app_user', 'session', 'company_settings', 'client', 'venue', 'crew_role', 'production_event', 'crew_assignment', 'journal']) {
      expect(manifest.tables.find((table) => table.name === name)?.rows, name).toBeGreaterThan(0);
    }
    // The generated day range is recomputed on restore, not copied.
    expect(manifest.tables.find((table) => table.name === 'production_event')!.columns).not.toContain('busy_days');
    // Foreign-key order: roles before accounts, accounts before events, events before crews.
    const order = manifest.tables.map((table) => table.name);
    expect(order.indexOf('role')).toBeLessThan(order.indexOf('app_user'));
    expect(order.indexOf('production_event')).toBeLessThan(order.indexOf('crew_assignment'));
    expect(manifest.sequences.find((sequence) => sequence.name === 'journal_seq_seq')).toBeTruthy();
  });

  it('gives the same checksums when nothing changed, and the file matches its manifest', async () => {
    const again = await writeBackup(source.databaseUrl, dir);
    expect(again.name).not.toBe(path.basename(original.file));
    expect(checksums(again.manifest)).toEqual(checksums(original.manifest));
    expect(await readManifest(again.file)).toEqual(again.manifest);
  });

  it('works from the command line against DATABASE_URL', async () => {
    const cliDir = path.join(dir, 'cli');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'server/dist/cli.js'), 'backup', '--dir', cliDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: source.databaseUrl, LOG_LEVEL: 'silent' },
    });
    const file = stdout.match(/Backup written: (\S+\.backup\.gz)/)![1];
    expect(checksums(await readManifest(file))).toEqual(checksums(original.manifest));
  });
});

describe('restore', () => {
  it('round trip: restore into a fresh database, back up again — identical checksums per table; the server runs on it', async () => {
    const target = await freshDatabase();
    const result = await restoreInto(target.url, original.file);
    expect(result.migratedForward).toEqual([]);
    const copy = await writeBackup(target.url, path.join(dir, 'roundtrip'));
    expect(checksums(copy.manifest)).toEqual(checksums(original.manifest));
    expect(copy.manifest.sequences).toEqual(original.manifest.sequences);
    expect(copy.manifest.migrations).toEqual(original.manifest.migrations);

    // A server starts on the restored database, people sign in, and new journal rows follow the old ones.
    const server = await startTestServer({ databaseUrl: target.url, demo: false });
    cleanups.push(() => server.stop());
    const admin = await signIn(server.url, 'admin@loadout.demo');
    const me = await admin.request('{ me { email } }');
    expect(me.data?.me.email).toBe('admin@loadout.demo');
    const [{ max }] = await query<{ max: string }>(target.url, 'select max(seq)::text as max from journal');
    const journalRows = original.manifest.tables.find((table) => table.name === 'journal')!.rows;
    expect(Number(max)).toBeGreaterThan(journalRows);
  });

  it('through the command line: refuses a database with data and says so, replaces it with --replace', async () => {
    const target = await freshDatabase();
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(root, 'server/dist/cli.js'), 'restore', original.file, ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: target.url, LOG_LEVEL: 'silent' },
      });
    const first = await run([]);
    expect(first.stdout).toMatch(/Restored .*: \d+ rows in \d+ tables/);

    await query(target.url, `update client set name = 'Changed after restore' where id = (select id from client order by id limit 1)`);
    const refused = await run([]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/The database is not empty \(rows in .*app_user.*\)\. .*--replace/);
    expect(await query(target.url, `select 1 from client where name = 'Changed after restore'`)).toHaveLength(1);

    await run(['--replace']);
    expect(await query(target.url, `select 1 from client where name = 'Changed after restore'`)).toHaveLength(0);
    const copy = await writeBackup(target.url, path.join(dir, 'replaced'));
    expect(checksums(copy.manifest)).toEqual(checksums(original.manifest));
  });

  it('refuses a damaged file before touching the database: a changed row, a truncated file, not a backup', async () => {
    const target = await freshDatabase();
    const text = gunzipSync(await readFile(original.file)).toString('utf8');
    const lines = text.split('\n');
    const clientLine = lines.findIndex((line, index) => index > 0 && line.includes('@'));
    lines[clientLine] = lines[clientLine].replace('@', '#');
    const tampered = path.join(dir, 'tampered.backup.gz');
    await writeFile(tampered, gzipSync(lines.join('\n')));
    await expect(restoreInto(target.url, tampered)).rejects.toThrow(/damaged: checksum mismatch in table \w+/);

    const truncated = path.join(dir, 'truncated.backup.gz');
    const bytes = await readFile(original.file);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreInto(target.url, truncated)).rejects.toBeInstanceOf(BackupFileError);

    const notBackup = path.join(dir, 'not-a-backup.backup.gz');
    await writeFile(notBackup, gzipSync('hello\n'));
    await expect(restoreInto(target.url, notBackup)).rejects.toThrow(/Not a Loadout backup/);

    const tables = await query(target.url, `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and relkind = 'r'`);
    expect(tables).toHaveLength(0);
  });

  it('refuses a backup made by a newer version (a migration this code does not know)', async () => {
    const newer = await freshDatabase();
    await restoreInto(newer.url, original.file);
    // What a newer Loadout would have left: one more applied migration.
    await query(newer.url, `insert into mikro_orm_migrations (name) values ('Migration20991231000000_future')`);
    const backup = await writeBackup(newer.url, path.join(dir, 'newer'));
    expect(backup.manifest.lastMigration).toBe('Migration20991231000000_future');

    const target = await freshDatabase();
    const refusal = await restoreInto(target.url, backup.file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestoreRefusedError);
    expect((refusal as Error).message).toMatch(/newer version of Loadout .*Migration20991231000000_future.*Upgrade Loadout/);
  });

  it('migrates an older backup forward: made at the foundation migration, restored and brought up to date', async () => {
    const older = await freshDatabase();
    const orm = await connectOrm(older.url, createLogger('silent'));
    try {
      await orm.getMigrator().up({ to: migrationsList[0].name });
    } finally {
      await orm.close();
    }
    await query(
      older.url,
      `insert into company_settings (name, time_zone) values ('Старая компания', 'Europe/Moscow');
       insert into role (id, name, permissions, built_in) values ('00000000-0000-4000-8000-000000000001', 'Administrator', '{backup:run}', true);
       insert into app_user (id, email, name, password_hash, role_id) values
         ('00000000-0000-4000-8000-000000000002', 'old@example.com', 'Ольга Старая', 'x', '00000000-0000-4000-8000-000000000001');
       insert into journal (actor_id, action, object_type, object_id, summary) values
         ('00000000-0000-4000-8000-000000000002', 'user.created', 'User', '00000000-0000-4000-8000-000000000002', 'Created Ольга Старая'),
         (null, 'settings.updated', 'CompanySettings', '1', 'Settings');`,
    );
    const backup = await writeBackup(older.url, path.join(dir, 'older'));
    expect(backup.manifest.lastMigration).toBe(migrationsList[0].name);
    expect(backup.manifest.tables.map((table) => table.name)).not.toContain('production_event');

    const target = await freshDatabase();
    const result = await restoreInto(target.url, backup.file);
    expect(result.migratedForward).toEqual(migrationsList.slice(1).map((migration) => migration.name));
    expect(await query(target.url, `select name from app_user`)).toEqual([{ name: 'Ольга Старая' }]);
    expect(await query(target.url, `select seq::int, action from journal order by seq`)).toEqual([
      { seq: 1, action: 'user.created' },
      { seq: 2, action: 'settings.updated' },
    ]);
    expect(await query(target.url, `select name from mikro_orm_migrations order by id`)).toEqual(migrationsList.map((migration) => ({ name: migration.name })));
    expect(await query(target.url, `select count(*)::int as n from production_event`)).toEqual([{ n: 0 }]);
    // The journal sequence continues after the restored rows.
    expect(await query(target.url, `select nextval('journal_seq_seq')::int as next`)).toEqual([{ next: 3 }]);
  });
});

describe('backups from the app', () => {
  it('an administrator runs a backup, sees it listed and downloads it; others are refused without side effects', async () => {
    const admin = await signIn(source.url, 'admin@loadout.demo');
    const run = await admin.request('mutation { runBackup { name sizeBytes createdAt appVersion lastMigration tableCount rowCount } }');
    expect(run.errors).toBeUndefined();
    const made = run.data!.runBackup;
    expect(made.name).toMatch(/^loadout-.*\.backup\.gz$/);
    expect(made.rowCount).toBeGreaterThan(100);
    expect(made.lastMigration).toBe(migrationsList.at(-1)!.name);

    const list = await admin.request('{ backups { name sizeBytes rowCount } }');
    expect(list.data!.backups.map((file: { name: string }) => file.name)).toContain(made.name);

    const download = await fetch(`${source.url}/backups/${made.name}`, { headers: { cookie: admin.cookie! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(made.name);
    const body = Buffer.from(await download.arrayBuffer());
    expect(body.length).toBe(made.sizeBytes);
    const manifest = JSON.parse(gunzipSync(body).toString('utf8').split('\n')[0]) as BackupManifest;
    expect(manifest.tables.reduce((sum, table) => sum + table.rows, 0)).toBe(made.rowCount);

    const journal = await admin.request('{ journal(filter: { action: "backup.create" }) { entries { summary objectId } } }');
    expect(journal.errors).toBeUndefined();
    expect(journal.data!.journal.entries.map((item: { objectId: string }) => item.objectId)).toContain(made.name);

    const manager = await signIn(source.url, 'manager@loadout.demo');
    const before = (await admin.request('{ backups { name } }')).data!.backups.length;
    expect((await manager.request('mutation { runBackup { name } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await manager.request('{ backups { name } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.request('{ backups { name } }')).data!.backups.length).toBe(before);
    const refused = await fetch(`${source.url}/backups/${made.name}`, { headers: { cookie: manager.cookie! } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await fetch(`${source.url}/backups/${made.name}`);
    expect(anonymous.status).toBe(401);
    const traversal = await fetch(`${source.url}/backups/..%2Fpackage.json`, { headers: { cookie: admin.cookie! } });
    expect(traversal.status).toBe(404);
    const missing = await fetch(`${source.url}/backups/loadout-2000-01-01_00-00.backup.gz`, { headers: { cookie: admin.cookie! } });
    expect(missing.status).toBe(404);
  });
});
