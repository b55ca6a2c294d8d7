// Benchmarks: each figure is printed as a ratio against a baseline measured in the same run, never
// as an absolute pass/fail threshold (these machines are shared and noisy). Writes RESULTS.md.
//
//   node tests/bench/run.mjs                 live bus, then (generating the data set if the database
//                                            lacks it) month calendar, busy-that-day and EXPLAIN
//   node tests/bench/run.mjs --generate      only fill the database (DATABASE_URL required)
//   --no-bus / --no-notify / --no-calendar / --no-equipment / --no-browser / --no-fanout  skip a part (its section of RESULTS.md keeps the previous run's text)
//   BENCH_NOTIFY_RATE=100, BENCH_NOTIFY_SECONDS=20  NOTIFY vs in-process publish (notify.bench.mjs)
//   BENCH_EVENTS=5000 …                      a smaller data set (people, clients, venues scale along)
//   BENCH_ITERATIONS, BENCH_CALENDAR_ITERATIONS, BENCH_BUSY_ITERATIONS, BENCH_ASSIGN_ITERATIONS, BENCH_YEAR=0
//   BENCH_EQUIPMENT_ITEMS, BENCH_EQUIPMENT_LINES, BENCH_EQUIPMENT_ITERATIONS, BENCH_IMPORT_ROWS  equipment (equipment.bench.mjs)
//   BENCH_BROWSER_ITERATIONS, BENCH_BROWSER_BASELINE_ITERATIONS, BENCH_BROWSER_WARMUP, BENCH_BROWSER_BLOCKS, BENCH_BROWSER_EVENTS, BENCH_BROWSER_MONTH
//                                            the calendar in headless Chromium (browser.bench.mjs): on a database of
//                                            its own next to this one, with the web app built into a temp folder;
//                                            BENCH_BROWSER_PROFILE=<folder> (+ BENCH_BROWSER_MINIFY=0 for names) also
//                                            writes CPU profiles of live updates and rebuilds (BENCH_BROWSER_PROFILE_RUNS
//                                            of each, 1 by default), with top self times
//   BENCH_FANOUT_SIZES, BENCH_FANOUT_STORM, BENCH_FANOUT_STEADY, BENCH_FANOUT_RATE, BENCH_FANOUT_BURSTS, BENCH_FANOUT_BURST_SIZE
//                                            shared fan-out (fanout.bench.mjs): 100/1,000/5,000 graphql-ws clients in a
//                                            child process vs a raw ws broadcast, memory per connection, reconnect storm
//
// The server is bootstrapped in this process, not run as a child of server/dist/main.js: the bench needs
// its handles (statement counts per request, the journal for the live bus), and the baselines' HTTP
// servers and the client share this process's CPU with it, so neither side gets a core of its own.
// Hence NODE_ENV is set here, first, as server/src/production-mode.ts does for main.js.
import './production-mode.mjs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { bootstrap, createLogger, startEmbeddedPostgres } from '@loadout/server';
import { benchBrowser } from './browser.bench.mjs';
import { benchBusy } from './busy.bench.mjs';
import { benchCalendar } from './calendar.bench.mjs';
import { benchEquipment, ensureEquipment } from './equipment.bench.mjs';
import { benchFanout } from './fanout.bench.mjs';
import { benchNotify } from './notify.bench.mjs';
import { benchSizes, describe as describeData, generate, SPAN_DAYS } from './generate.mjs';
import { serverCopiesDrift } from './sql.mjs';
import { percentile, signInCookie } from './support.mjs';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const here = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const known = new Set(['--generate', '--no-bus', '--no-notify', '--no-calendar', '--no-equipment', '--no-browser', '--no-fanout']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown argument ${arg}; use ${[...known].join(', ')}`);
    process.exit(2);
  }
}

/** Which `## ` sections of RESULTS.md each part writes (by heading prefix). */
const PARTS = {
  bus: ['## Live bus'],
  fanout: ['## Fan-out'],
  notify: ['## NOTIFY vs in-process publish'],
  calendar: ['## Data set', '## Month calendar', '## Busy that day'],
  equipment: ['## Equipment'],
  browser: ['## Calendar in the browser'],
};

const generateOnly = args.has('--generate');
if (generateOnly && !process.env.DATABASE_URL) {
  console.error('--generate fills the database at DATABASE_URL (an embedded one would be thrown away); set DATABASE_URL, or run without --generate.');
  process.exit(2);
}

async function databaseUrl() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loadout-bench-'));
  const db = await startEmbeddedPostgres({ dataDir, logger: createLogger('warn') });
  return { url: db.url, stop: async () => (await db.stop(), await rm(dataDir, { recursive: true, force: true })) };
}

/** Commit → receipt through the whole live path: journal row, NOTIFY, bus catch-up read, graphql-ws. */
async function measureBus(server) {
  const cookie = await signInCookie(server.url);
  class CookieSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const client = createClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: CookieSocket, retryAttempts: 0 });
  const pending = new Map();
  let ready;
  const subscribed = new Promise((resolve) => (ready = resolve));
  client.subscribe(
    { query: 'subscription { journalAppended { seq objectId } }' },
    {
      next: ({ data }) => {
        const id = data.journalAppended.objectId;
        if (id === 'ready') ready();
        pending.get(id)?.(performance.now());
      },
      error: (e) => console.error(e),
      complete: () => undefined,
    },
  );
  // Wait until the subscription is live by committing probes until one arrives.
  const probe = setInterval(() => append(server, 'ready'), 50);
  await subscribed;
  clearInterval(probe);
  const latencies = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const id = `bench-${i}`;
    const received = new Promise((resolve) => pending.set(id, resolve));
    const committedAt = await append(server, id);
    latencies.push((await received) - committedAt);
  }
  await client.dispose();
  return latencies;
}

async function append(server, objectId) {
  await server.journal.record(async () => ({
    result: undefined,
    journal: [{ actorLabel: 'bench', action: 'bench.tick', objectType: 'Bench', objectId, summary: 'benchmark tick' }],
  }));
  return performance.now();
}

/** Baseline: a raw NOTIFY committed on one connection, received by a raw LISTEN connection. */
async function measureRawNotify(url) {
  const listener = new pg.Client({ connectionString: url });
  const writer = new pg.Client({ connectionString: url });
  await listener.connect();
  await writer.connect();
  await listener.query('LISTEN bench_raw');
  const pending = new Map();
  listener.on('notification', (message) => pending.get(message.payload)?.(performance.now()));
  const latencies = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const id = `raw-${i}`;
    const received = new Promise((resolve) => pending.set(id, resolve));
    await writer.query('begin');
    await writer.query("select pg_notify('bench_raw', $1)", [id]);
    await writer.query('commit');
    const committedAt = performance.now();
    latencies.push((await received) - committedAt);
  }
  await listener.end();
  await writer.end();
  return latencies;
}

const started = performance.now();
const database = await databaseUrl();
const logger = createLogger('silent');
// The browser part starts a server of its own (own database, own web build), so this one is only
// needed by the others.
const needServer = generateOnly || !args.has('--no-bus') || !args.has('--no-notify') || !args.has('--no-calendar') || !args.has('--no-equipment') || !args.has('--no-fanout');
const server = needServer ? await bootstrap({ port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: true, logger }) : null;
// A second instance on the same database counts SQL statements per request (its query logging would
// slow the timed requests down, so timings come from `server`). Started for the parts that use it: an
// instance LISTENs too, and would take every NOTIFY in this process during the live bus, NOTIFY and
// fan-out figures.
let counted = null;
const previous = await previousSections(path.join(here, 'RESULTS.md'));
const kept = [];
/** A skipped part keeps its sections from the previous RESULTS.md. */
function keepPrevious(part, lines) {
  const sections = previous.filter((section) => PARTS[part].some((heading) => section.heading.startsWith(heading)));
  if (sections.length === 0) return;
  kept.push(...sections.map((section) => section.heading.replace(/^## /, '')));
  for (const section of sections) lines.push(...section.lines);
}
try {
  if (generateOnly) {
    await generate(database.url, benchSizes());
    await ensureEquipment(database.url);
  } else {
    const lines = [
      '# Benchmark results',
      '',
      `Generated by \`npm run bench\` on ${new Date().toISOString()} (${os.cpus().length} cores, PostgreSQL ${(await serverVersion(database.url))}).`,
      'Every figure is a ratio against a baseline measured in the same run; no absolute thresholds.',
      `Server bootstrapped in the bench process from server/dist with NODE_ENV=${process.env.NODE_ENV} (graphql-js ${process.env.NODE_ENV === 'production' ? 'without' : 'with'} its development checks, as main.js runs it).`,
      '',
    ];
    const header = lines.length;
    if (args.has('--no-bus')) keepPrevious('bus', lines);
    else {
      console.log(`Live bus: ${ITERATIONS} commits each…`);
      const raw = await measureRawNotify(database.url);
      const bus = await measureBus(server);
      const rows = [
        ['commit → subscriber, p50', percentile(bus, 50), percentile(raw, 50)],
        ['commit → subscriber, p99', percentile(bus, 99), percentile(raw, 99)],
      ];
      const busLines = [
        '## Live bus',
        '',
        `${ITERATIONS} iterations each. Baseline: a raw PostgreSQL NOTIFY received by a raw LISTEN connection, measured in the same run.`,
        '',
        '| figure | Loadout live bus (ms) | baseline (ms) | ratio |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map(([name, value, base]) => `| ${name} | ${value.toFixed(2)} | ${base.toFixed(2)} | ${(value / base).toFixed(2)}× |`),
        '',
      ];
      console.log(busLines.join('\n'));
      lines.push(...busLines);
    }
    // Before the fan-out: its thousands of sockets and moves keep the machine busy for a while after
    // (the client process exiting, the database vacuuming), and this figure is a fraction of a millisecond.
    if (args.has('--no-notify')) keepPrevious('notify', lines);
    else {
      console.log('NOTIFY vs in-process publish…');
      const notify = await benchNotify(server);
      console.log(notify.lines.join('\n'));
      lines.push(...notify.lines);
    }
    if (args.has('--no-fanout')) keepPrevious('fanout', lines);
    else {
      console.log('Fan-out…');
      const fanout = await benchFanout(server);
      lines.push(...fanout.lines);
      console.log(['', ...fanout.lines].join('\n'));
    }
    if (args.has('--no-calendar')) keepPrevious('calendar', lines);
    else {
      const sizes = benchSizes();
      console.log(`Data set: ${sizes.events} events…`);
      const { marker } = await generate(database.url, sizes);
      const gear = await ensureEquipment(database.url);
      lines.push(
        '## Data set',
        '',
        '```',
        describeData(marker),
        '```',
        '',
        `Deterministic (seed ${marker.seed}): ${SPAN_DAYS} days around ${marker.center}. Managers are only put on events where they are free, ` +
          `so ${marker.counts.withManager} events have one; the rest of the double bookings are deliberate (about ${(marker.conflictShare * 100).toFixed(0)}% of events) ` +
          'or left over where the greedy pick found nobody free.',
        '',
        `The store's gear, added before the month calendar is timed (it shows equipment problems): ${gear.items} bench items (${gear.scarce} of them owned in twos), ` +
          `${gear.lines} gear lines on the events.`,
        '',
      );
      const drift = await serverCopiesDrift();
      const inStep = drift === null ? 'unknown (server/dist not readable)' : drift.length ? `**no** — ${drift.join(', ')} differ` : 'yes';
      console.log(`SQL copies in tests/bench/sql.mjs in step with server/dist: ${inStep.replaceAll('*', '')}`);
      lines.push(`Statement copies in tests/bench/sql.mjs in step with the built read model (server/dist): ${inStep}.`, '');
      console.log('Month calendar…');
      counted = await bootstrap({ port: 0, host: '127.0.0.1', databaseUrl: database.url, logger, countStatements: true });
      const calendar = await benchCalendar(server, { counter: counted });
      console.log('Busy that day…');
      const busy = await benchBusy(server, { monthEvents: calendar.monthEvents, counter: counted });
      lines.push(...calendar.lines, ...busy.lines);
      console.log(['', ...calendar.lines, ...busy.lines].join('\n'));
    }
    if (args.has('--no-equipment')) keepPrevious('equipment', lines);
    else {
      // The equipment data sits on the generated events: make sure they exist (a no-op when they do).
      if (args.has('--no-calendar')) await generate(database.url, benchSizes());
      console.log('Equipment…');
      const equipment = await benchEquipment(server, database.url);
      lines.push(...equipment.lines);
      console.log(['', ...equipment.lines].join('\n'));
    }
    if (args.has('--no-browser')) keepPrevious('browser', lines);
    else {
      console.log('Calendar in the browser…');
      const browser = await benchBrowser({ databaseUrl: database.url });
      lines.push(...browser.lines);
      console.log(['', ...browser.lines].join('\n'));
    }
    if (kept.length > 0) {
      lines.splice(header - 1, 0, `Kept from the previous RESULTS.md (skipped in this run): ${kept.join('; ')}.`);
    }
    lines.push(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`, '');
    await writeFile(path.join(here, 'RESULTS.md'), lines.join('\n'));
    console.log(`Wrote ${path.join(here, 'RESULTS.md')}`);
  }
} catch (error) {
  console.error(`Benchmark failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await counted?.stop();
  await server?.stop();
  await database.stop();
}

/** The `## ` sections of the existing RESULTS.md (each with its `###` subsections), without the run's trailer. */
async function previousSections(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const sections = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) sections.push({ heading: line, lines: [line] });
    else if (sections.length > 0 && !line.startsWith('Whole run: ') && !line.startsWith('Kept from the previous RESULTS.md')) sections.at(-1).lines.push(line);
  }
  for (const section of sections) {
    while (section.lines.at(-1) === '') section.lines.pop();
    section.lines.push('');
  }
  return sections;
}

async function serverVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('show server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}
