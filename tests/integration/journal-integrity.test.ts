import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrm, createLogger, migrate } from '@loadout/server';
import { createTestDatabase, DEMO_PASSWORD, HttpSession, signIn, startTestServer, type TestServer } from './support/harness.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../server/dist/cli.js');

let t: TestServer;
/** A connection with the same credentials the application uses. */
let app: pg.Client;

beforeAll(async () => {
  t = await startTestServer();
  app = new pg.Client({ connectionString: t.databaseUrl });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await t?.stop();
});

async function verify(databaseUrl = t.databaseUrl): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'journal:verify'], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: failure.stdout + failure.stderr };
  }
}

/** As a superuser would: switch the guard off, change the table, switch it back on. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await app.query('begin');
  await app.query('alter table journal disable trigger journal_immutable');
  await app.query(sql, params);
  await app.query('alter table journal enable trigger journal_immutable');
  await app.query('commit');
}

async function journalCount(): Promise<number> {
  return (await app.query('select count(*)::int as n from journal')).rows[0].n;
}

describe('the journal is append-only and hash-chained', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through the application connection', async () => {
    await signIn(t.url, 'manager@loadout.demo');
    const before = await journalCount();
    const { rows } = await app.query('select seq, summary from journal order by seq desc limit 1');
    await expect(app.query("update journal set summary = 'rewritten' where seq = $1", [rows[0].seq])).rejects.toThrow(/append-only: UPDATE/);
    await expect(app.query('delete from journal where seq = $1', [rows[0].seq])).rejects.toThrow(/append-only: DELETE/);
    await expect(app.query('truncate journal')).rejects.toThrow(/append-only: TRUNCATE/);
    const after = await app.query('select summary from journal where seq = $1', [rows[0].seq]);
    expect(after.rows[0].summary).toBe(rows[0].summary);
    expect(await journalCount()).toBe(before);
  });

  it('also refuses it through the ORM of the running server', async () => {
    const em = t.server.orm.em.fork();
    await expect(em.execute("update journal set action = 'x' where seq = 1")).rejects.toThrow(/append-only/);
  });

  it('links every row to the one before it, also with concurrent writers', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => new HttpSession(t.url).login(i % 2 ? 'engineer@loadout.demo' : 'nobody@loadout.demo', i % 2 ? DEMO_PASSWORD : 'wrong-password')));
    const { rows } = await app.query<{ seq: string; prev_hash: string; hash: string }>('select seq, prev_hash, hash from journal order by seq');
    expect(rows.length).toBeGreaterThan(12);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash, `row ${rows[i].seq}`).toBe(rows[i - 1].hash);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`Journal intact: ${rows.length} rows`));
  });

  it('accepts rows restored verbatim by INSERT in seq order into an empty journal, and refuses tampered ones', async () => {
    const target = await createTestDatabase();
    const orm = await connectOrm(target.url, createLogger('silent'));
    const copy = new pg.Client({ connectionString: target.url });
    try {
      await migrate(orm);
      await copy.connect();
      // A restore writes accounts before the journal; this test copies the journal alone.
      await copy.query('alter table journal drop constraint journal_actor_id_fkey');
      const { rows } = await app.query('select * from journal order by seq');
      const columns = ['seq', 'at', 'actor_id', 'actor_label', 'action', 'object_type', 'object_id', 'summary', 'changes', 'context', 'prev_hash', 'hash'];
      const insert = `insert into journal (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
      const values = (row: Record<string, unknown>) => columns.map((c) => (c === 'changes' || c === 'context' ? JSON.stringify(row[c]) : row[c]));
      for (const row of rows) await copy.query(insert, values(row));
      const restored = await copy.query('select seq, prev_hash, hash from journal order by seq');
      expect(restored.rows).toEqual(rows.map((r) => ({ seq: r.seq, prev_hash: r.prev_hash, hash: r.hash })));

      const last = rows[rows.length - 1];
      const forged = { ...last, seq: Number(last.seq) + 1, prev_hash: last.hash, summary: 'forged', hash: 'f'.repeat(64) };
      await expect(copy.query(insert, values(forged))).rejects.toThrow(/does not match its hash/);
      const misplaced = { ...last, seq: Number(last.seq) + 1, prev_hash: rows[0].hash, hash: null };
      await expect(copy.query(insert, values(misplaced))).rejects.toThrow(/does not link to the chain head/);

      // The application goes on writing after a restore (its sequence was never advanced) and the chain holds.
      const result = await verify(target.url);
      expect(result.code).toBe(0);
      expect(Number(result.out.match(/Journal intact: (\d+) rows/)?.[1])).toBeGreaterThanOrEqual(rows.length);
    } finally {
      await copy.end().catch(() => undefined);
      await orm.close();
      await target.drop();
    }
  });

  it('names a row whose content a superuser altered', async () => {
    await signIn(t.url, 'storekeeper@loadout.demo');
    const { rows } = await app.query("select seq from journal where action = 'auth.login' order by seq limit 1 offset 2");
    const seq = Number(rows[0].seq);
    const { rows: original } = await app.query('select summary from journal where seq = $1', [seq]);
    await tamper("update journal set summary = 'nothing happened here' where seq = $1", [seq]);
    const broken = await verify();
    expect(broken.code).toBe(2);
    expect(broken.out).toContain(`Journal BROKEN at row ${seq} (auth.login`);
    expect(broken.out).toMatch(/content was altered/);
    // Putting the content back makes the chain whole again: the hash is a function of the content.
    await tamper('update journal set summary = $2 where seq = $1', [seq, original[0].summary]);
    expect((await verify()).code).toBe(0);
  });

  it('names the row after a removed one', async () => {
    const { rows } = await app.query('select seq from journal order by seq limit 1 offset 5');
    const seq = Number(rows[0].seq);
    const { rows: next } = await app.query('select seq from journal where seq > $1 order by seq limit 1', [seq]);
    await tamper('delete from journal where seq = $1', [seq]);
    const removed = await verify();
    expect(removed.code).toBe(2);
    expect(removed.out).toContain(`Journal BROKEN at row ${next[0].seq}`);
    expect(removed.out).toMatch(/link to row \d+ is broken/);
  });
});

