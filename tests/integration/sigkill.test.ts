import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap, createLogger } from '@loadout/server';
import { createTestDatabase, HttpSession, liveClient, signIn, waitFor } from './support/harness.js';
import { createEvent, getEvent, tryUpdateEvent } from './support/events.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(root, 'server/dist/main.js');

const WRITERS = 20;
const SUBSCRIBERS = 200;
const KILLS = 3;
const FROM = '2031-05-01';
const TO = '2031-05-31';
const SUBSCRIPTION = 'subscription($from: Date!, $to: Date!, $since: SafeInt) { calendarChanged(from: $from, to: $to, since: $since) { seq kind eventId } }';
const CATCH_UP = 'query($seq: SafeInt!, $from: Date!, $to: Date!) { calendarChangesSince(seq: $seq, from: $from, to: $to) { lastSeq complete changes { seq kind eventId } } }';

interface Change {
  seq: number;
  kind: string;
  eventId: string;
}

const cleanups: Array<() => unknown> = [];
const started = performance.now();
const trace = (what: string) => process.env.SIGKILL_TRACE && console.log(`${((performance.now() - started) / 1000).toFixed(1)} s: ${what}`);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Pages through calendarChangesSince until complete. */
async function catchUp(session: HttpSession, seq: number): Promise<{ changes: Change[]; lastSeq: number }> {
  const changes: Change[] = [];
  for (;;) {
    const response = await session.request<{ calendarChangesSince: { lastSeq: number; complete: boolean; changes: Change[] } }>(CATCH_UP, { seq, from: FROM, to: TO });
    if (response.errors || !response.data) throw new Error(`catch-up failed: ${JSON.stringify(response.errors)}`);
    const page = response.data.calendarChangesSince;
    changes.push(...page.changes);
    seq = page.lastSeq;
    if (page.complete) return { changes, lastSeq: seq };
  }
}

describe('the server is killed with SIGKILL again and again', () => {
  it(`${WRITERS} writers and ${SUBSCRIBERS} subscribers: every subscriber's received plus caught-up changes equal the journal, none missing, none twice`, async () => {
    // A database with accounts and 20 events, prepared by an in-process server that is then stopped.
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const setup = await bootstrap({ port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: 'accounts', logger: createLogger('silent') });
    const admin = await signIn(setup.url, 'admin@loadout.demo');
    const writerSessions = await Promise.all(Array.from({ length: WRITERS }, (_, i) => signIn(setup.url, i % 2 ? 'manager@loadout.demo' : 'manager2@loadout.demo')));
    const events: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const day = `2031-05-${String(i + 1).padStart(2, '0')}`;
      events.push((await createEvent(writerSessions[i], { title: `Killed show ${i}`, startDate: day, endDate: day })).event.id);
    }
    const baseline = await setup.journal.maxSeq();
    await setup.stop();
    trace('prepared');

    // The real process, on a fixed port so that clients find it again after each restart.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const wsUrl = `ws://127.0.0.1:${port}/graphql`;
    let child: ChildProcess | undefined;
    let output = '';
    const startServer = async () => {
      const { DATABASE_URL: _ignored, ...inherited } = process.env;
      child = spawn(process.execPath, [main], {
        cwd: root,
        env: { ...inherited, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', PUBLIC_URL: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitFor(async () => (await fetch(`${url}/healthz`).then((r) => r.status, () => 0)) === 200, 30_000, 'the server to answer /healthz');
    };
    cleanups.push(() => child?.kill('SIGKILL'));
    // Sessions made on the setup server are rows of the same database: valid on the child too.
    const onChild = (session: HttpSession) => Object.assign(new HttpSession(url), { cookie: session.cookie });
    const reader = onChild(admin);
    const writerSessionsOnChild = writerSessions.map(onChild);
    await startServer();
    trace('child up');

    let finished = false;

    // Writers: read an event, change its notes with the version read; failures (server gone) retried.
    let acknowledged = 0;
    const writers = writerSessionsOnChild.map(async (session, i) => {
      for (let n = 0; !finished; n++) {
        try {
          const event = await getEvent(session, events[i]);
          const result = await tryUpdateEvent(session, events[i], event.version, { notes: `writer ${i} write ${n}` });
          if (!result.errors) acknowledged++;
        } catch {
          await sleep(300);
        }
      }
    });

    // Subscribers: catch up over HTTP from the last seq seen, then subscribe with it as `since`; on a close, again.
    let liveApplied = 0;
    const subscribers = Array.from({ length: SUBSCRIBERS }, () => ({ last: baseline, applied: new Map<string, string>(), violations: [] as string[], sessions: 0 }));
    const apply = (s: (typeof subscribers)[number], change: Change, via: string) => {
      const key = `${change.seq}:${change.eventId}`;
      if (s.applied.has(key)) s.violations.push(`${key} twice (${s.applied.get(key)} then ${via})`);
      if (change.seq < s.last) s.violations.push(`${key} after ${s.last} (${via})`);
      s.applied.set(key, via);
      if (via === 'live') liveApplied++;
      s.last = Math.max(s.last, change.seq);
    };
    const subscriberLoops = subscribers.map(async (s) => {
      while (!finished) {
        try {
          const missed = await catchUp(reader, s.last);
          for (const change of missed.changes) apply(s, change, 'caught up');
          s.last = Math.max(s.last, missed.lastSeq);
        } catch {
          await sleep(500 + Math.random() * 500);
          continue;
        }
        await new Promise<void>((resolve) => {
          const client = liveClient(wsUrl, { cookie: admin.cookie });
          let ended = false;
          const end = () => {
            if (ended) return;
            ended = true;
            clearInterval(watch);
            void client.dispose();
            resolve();
          };
          const watch = setInterval(() => finished && end(), 200);
          client.subscribe<{ calendarChanged: Change }>(
            { query: SUBSCRIPTION, variables: { from: FROM, to: TO, since: s.last } },
            {
              next: (result) => {
                if (result.data) apply(s, result.data.calendarChanged, 'live');
                else s.violations.push(`an error result: ${JSON.stringify(result.errors)}`);
              },
              error: (error) => {
                // A socket closed by the kill is expected; a refused subscription is not.
                if (Array.isArray(error)) s.violations.push(`subscription refused: ${JSON.stringify(error)}`);
                end();
              },
              complete: end,
            },
          );
          s.sessions++;
        });
        await sleep(100 + Math.random() * 300);
      }
    });

    // Kill the server every few seconds, while everything above runs, and start it again.
    await waitFor(() => acknowledged >= 20, 20_000, 'writes before the first kill');
    trace('writes flowing');
    for (let kill = 0; kill < KILLS; kill++) {
      // Each life of the server sees writes (and dies at a random moment among them).
      const before = acknowledged;
      const liveBefore = liveApplied;
      await waitFor(() => acknowledged >= before + 5 && liveApplied >= liveBefore + SUBSCRIBERS, 30_000, 'writes, and live deliveries, on this life of the server');
      await sleep(Math.random() * 1000);
      const killed = child!;
      const exited = new Promise((resolve) => killed.once('exit', resolve));
      killed.kill('SIGKILL');
      await exited;
      trace(`killed ${kill + 1}`);
      await startServer();
      trace(`restarted; ${acknowledged} writes`);
    }
    const writesDuringRun = acknowledged;
    await sleep(1000);
    finished = true;
    await Promise.all(writers);
    await Promise.all(subscriberLoops);
    trace('loops ended');

    // What the journal says the calendar saw after the baseline.
    const expected = await catchUp(reader, baseline);
    const expectedKeys = expected.changes.map((c) => `${c.seq}:${c.eventId}`).sort();
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const journalSeqs = (await db.query("select seq from journal where object_type = 'ProductionEvent' and seq > $1 order by seq", [baseline])).rows.map((r) => Number(r.seq));
    await db.end();
    expect([...new Set(expected.changes.map((c) => c.seq))]).toEqual(journalSeqs);

    // A subscriber disconnected at the very end catches up like after any reconnect.
    for (const s of subscribers) {
      const missed = await catchUp(reader, s.last);
      for (const change of missed.changes) apply(s, change, 'caught up at the end');
    }
    expect(writesDuringRun).toBeGreaterThanOrEqual(20 + KILLS * 5);
    for (const [i, s] of subscribers.entries()) {
      expect(s.violations, `subscriber ${i}`).toEqual([]);
      expect([...s.applied.keys()].sort(), `subscriber ${i}`).toEqual(expectedKeys);
    }
    // Every life of the server delivered changes live, not only by catch-up.
    expect(liveApplied).toBeGreaterThanOrEqual(SUBSCRIBERS * KILLS);
    expect(output).not.toMatch(/\n\s+at /);
  }, 180_000);
});
