// (3) The calendar in a real browser: main-thread time per live update with 2,000 events in month view
// (headless Debian Chromium), against rebuilding the event list on the same page with the same data.
//
// Own database (a sibling of run.mjs' one, created and dropped here), demo accounts only, 2,000 events of
// one month inserted with SQL, the web app built by `vite build` into a temp folder (never web/dist) and
// served by a server bootstrapped in this process.
//
// One update = one change made by another user: manager2 moves an event over GraphQL/HTTP from Node, the
// page (manager) gets `calendarChanged` and applies it as a single-event update. Its cost = the page's
// main-thread time (CDP Performance.getMetrics TaskDuration) from just before the change until the page
// shows it (a MutationObserver sees the bar's new data-start) plus two animation frames; every sample
// starts from a collected heap. The page is armed before a sample's window opens and reports its end
// through a CDP binding, so the bench's own evaluates are not in the window. Baselines, same page, same
// data, same measurement, interleaved in blocks with the live updates:
//   rebuild    — the list rebuilt in memory as the app builds it: every event of the window (one of them
//                moved) through the month's bar selection (`createCalendarBars`), then removeAllEvents +
//                addEventSource with what FullCalendar holds; no network, no JSON, no mapping.
//   everything — the same list given to FullCalendar whole (every bar and extension, FullCalendar's own
//                "+N more"), as a calendar without the bar selection rebuilds it.
//   refetch    — the app's own event source refetched (`refetchEvents()`): the month's query again,
//                parsed, mapped and the list rebuilt — the "refetch of the window" the calendar avoids.
// The CalendarApi and the bars are reached without changing the app: through React's fiber of the
// calendar's root element (the `calendarRef` and `bars` props of ProductionCalendar).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { bootstrap, createLogger } from '@loadout/server';
import { graphql, ms, percentile, signInCookie } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '../../web');
const DAY_MS = 86_400_000;
const FRAME_MS = 16;

const MOVE = `mutation ($id: ID!, $v: Int!, $s: Date!, $e: Date!) {
  moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { event { id version startDate endDate } }
}`;

const dayText = (ms_) => new Date(ms_).toISOString().slice(0, 10);
const shiftDays = (day, n) => dayText(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);

// ---------------------------------------------------------------------------------------------
// Database: a sibling of run.mjs' database on the same PostgreSQL server.

async function createSiblingDatabase(url) {
  const name = `loadout_browser_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const sibling = new URL(url);
  sibling.pathname = `/${name}`;
  return {
    url: sibling.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function buildWeb(outDir) {
  const started = performance.now();
  // BENCH_BROWSER_MINIFY=0: readable function names in CPU profiles (BENCH_BROWSER_PROFILE).
  const minify = process.env.BENCH_BROWSER_MINIFY === '0' ? ['--minify', 'false'] : [];
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...minify], {
    cwd: webRoot,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Data: 2,000 events in one month, realistic multi-day bars, managers and crews where they are free.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Corporate party', 'Concert', 'Conference', 'Wedding', 'Product launch', 'Festival stage', 'Award ceremony', 'Exhibition booth', 'Gala dinner', 'Press event', 'Team building', 'Fashion show', 'Theatre tour', 'Sports broadcast'];
const COMPANY_A = ['Northern', 'Silver', 'Golden', 'Baltic', 'Volga', 'Ural', 'Neva', 'Polar', 'Grand', 'Urban', 'Royal', 'Nova'];
const COMPANY_B = ['Lights', 'Events', 'Media', 'Bank', 'Telecom', 'Motors', 'Foods', 'Energy', 'Studio', 'Records'];
const VENUE_A = ['Crocus', 'Arena', 'Luzhniki', 'Olympic', 'Gorky', 'Sokolniki', 'Expo', 'Metropol', 'Manege', 'Flacon', 'Artplay', 'Zaryadye'];
const VENUE_B = ['Hall', 'Arena', 'Club', 'Ballroom', 'Loft', 'Theatre', 'Pavilion'];
const FIRST = ['Alexei', 'Anna', 'Boris', 'Daria', 'Dmitry', 'Ekaterina', 'Gleb', 'Irina', 'Ivan', 'Kira', 'Oleg', 'Pavel', 'Polina', 'Roman', 'Sofia', 'Timur', 'Vera', 'Yulia'];
const LAST = ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Petrov', 'Sokolov', 'Novikov', 'Morozov', 'Volkov', 'Lebedev', 'Orlov', 'Zaitsev', 'Belov', 'Tarasov'];

/**
 * Inserts the month's events (with clients, venues, extra managers and engineers) in one transaction.
 * Returns counts and the two events the bench moves (no crew, no manager, no prep/return days).
 */
async function seedMonth(url, { month, events: eventCount, seed = 20270301 }) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (items) => items[int(items.length)];
  const weighted = (table) => {
    let r = next() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1][0];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = ((int(4) + 8) >>> 0).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: [admin] } = await db.query(`select id, password_hash from app_user where email = 'admin@loadout.demo'`);
    const { rows: roleRows } = await db.query(`select id, name from role where name in ('Manager', 'Engineer')`);
    const roleId = Object.fromEntries(roleRows.map((r) => [r.name, r.id]));
    const { rows: crewRoles } = await db.query(`select id from crew_role where not retired order by position`);
    const { rows: demoManagers } = await db.query(`select id from app_user where email in ('manager@loadout.demo', 'manager2@loadout.demo')`);

    const people = [];
    const personName = (i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`;
    for (let i = 0; i < 10; i++) people.push({ id: uuid(), email: `manager${i + 1}@browser-bench.loadout`, name: personName(i + 400), manager: true });
    for (let i = 0; i < 420; i++) people.push({ id: uuid(), email: `engineer${i + 1}@browser-bench.loadout`, name: personName(i), manager: false });
    const managers = [...demoManagers.map((m) => m.id), ...people.filter((p) => p.manager).map((p) => p.id)];
    const engineers = people.filter((p) => !p.manager).map((p) => p.id);
    const clients = Array.from({ length: 60 }, (_, i) => ({ id: uuid(), name: `${pick(COMPANY_A)} ${pick(COMPANY_B)} ${i + 1}`, phone: `+7955${String(1_000_000 + i)}` }));
    const venues = Array.from({ length: 30 }, (_, i) => ({ id: uuid(), name: `${pick(VENUE_A)} ${pick(VENUE_B)}`, address: `Street ${i + 1}` }));

    const monthStart = Date.parse(`${month}T00:00:00Z`);
    const first = new Date(monthStart);
    const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    const dayWeights = Array.from({ length: daysInMonth }, (_, d) => {
      const weekday = new Date(monthStart + d * DAY_MS).getUTCDay();
      return [d, weekday === 5 ? 1.6 : weekday === 6 ? 1.7 : weekday === 0 ? 1.0 : 0.85];
    });
    const busyOf = new Map(); // person → [[from, to]] day indexes, inclusive
    const free = (person, lo, hi) => !(busyOf.get(person) ?? []).some(([a, b]) => a <= hi && lo <= b);
    const occupy = (person, lo, hi) => (busyOf.has(person) ? busyOf.get(person).push([lo, hi]) : busyOf.set(person, [[lo, hi]]));

    const events = [];
    const assignments = [];
    const baseCreated = Date.parse('2026-10-01T09:00:00Z');
    for (let i = 0; i < eventCount; i++) {
      // The first two are the ones the bench moves: three days from the second week's Tuesday on, nothing
      // attached, so a move raises no conflict toast and every part of the bar is one element set.
      const special = i < 2;
      const start = special ? 8 + i : weighted(dayWeights);
      const length = special ? 3 : weighted([[1, 34], [2, 30], [3, 17], [4, 9], [5, 5], [7, 5]]);
      const prep = special ? 0 : weighted([[0, 55], [1, 35], [2, 10]]);
      const ret = special ? 0 : weighted([[0, 65], [1, 30], [2, 5]]);
      const status = special ? 'confirmed' : weighted([['confirmed', 52], ['tentative', 22], ['draft', 14], ['cancelled', 7], ['in_progress', 2], ['completed', 3]]);
      const lo = start - prep;
      const hi = start + length - 1 + ret;
      let managerId = null;
      if (!special && next() < 0.7) {
        for (let t = 0; t < 4 && !managerId; t++) {
          const candidate = pick(managers);
          if (free(candidate, lo, hi)) managerId = candidate;
        }
        if (managerId) occupy(managerId, lo, hi);
      }
      const client = next() < 0.85 ? pick(clients) : null;
      const id = uuid();
      const evening = length === 1 && next() < 0.6;
      events.push({
        id,
        title: `${pick(KINDS)}${client ? ` — ${client.name.split(' ').slice(0, 2).join(' ')}` : ''}`,
        startDate: dayText(monthStart + start * DAY_MS),
        endDate: dayText(monthStart + (start + length - 1) * DAY_MS),
        startTime: evening ? '19:00' : null,
        endTime: evening ? (next() < 0.3 ? '02:00' : '23:00') : null,
        endsNextDay: false,
        prep,
        ret,
        status,
        clientId: client?.id ?? null,
        venueId: next() < 0.8 ? pick(venues).id : null,
        managerId,
        problemNote: !special && next() < 0.02 ? 'Truck not booked yet' : null,
        // The moved ones are the oldest: bars are ordered by creation, so theirs come first in a day and
        // are drawn even where a month day shows only the first few and "+N more".
        createdAt: new Date(special ? baseCreated - DAY_MS + i : baseCreated + int(40 * DAY_MS)).toISOString(),
        special,
      });
      if (special || next() > 0.8) continue;
      const size = weighted([[1, 20], [2, 30], [3, 25], [4, 15], [6, 10]]);
      const taken = new Set();
      for (let s = 0; s < size; s++) {
        let person = null;
        const deliberate = next() < 0.01;
        for (let t = 0; t < 12 && !person; t++) {
          const candidate = pick(engineers);
          if (!taken.has(candidate) && (deliberate || free(candidate, lo, hi))) person = candidate;
        }
        if (!person) continue;
        taken.add(person);
        occupy(person, lo, hi);
        assignments.push({ id: uuid(), eventId: id, userId: person, roleId: pick(crewRoles).id });
      }
    }

    const fixed = '2026-10-01T09:00:00Z';
    await db.query('begin');
    await db.query(
      `insert into app_user (id, email, name, password_hash, role_id, language, created_at, updated_at)
       select u.id, u.email, u.name, $5, case when u.manager then $6::uuid else $7::uuid end, 'en', $8, $8
         from unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) as u(id, email, name, manager)`,
      [people.map((p) => p.id), people.map((p) => p.email), people.map((p) => p.name), people.map((p) => p.manager), admin.password_hash, roleId.Manager, roleId.Engineer, fixed],
    );
    await db.query(
      `insert into client (id, name, kind, phone, state, created_at, updated_at)
       select c.id, c.name, 'COMPANY', c.phone, 'ACTIVE', $4, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as c(id, name, phone)`,
      [clients.map((c) => c.id), clients.map((c) => c.name), clients.map((c) => c.phone), fixed],
    );
    await db.query(
      `insert into venue (id, name, address, created_at, updated_at)
       select v.id, v.name, v.address, $4, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as v(id, name, address)`,
      [venues.map((v) => v.id), venues.map((v) => v.name), venues.map((v) => v.address), fixed],
    );
    const col = (f) => events.map(f);
    await db.query(
      `insert into production_event (id, title, start_date, end_date, start_time, end_time, ends_next_day, prep_days, return_days, status,
                                     client_id, venue_id, manager_id, problem_note, created_at, updated_at, created_by)
       select e.*, e.created_at, $15::uuid
         from unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::time[], $6::time[], $7::boolean[], $8::smallint[], $9::smallint[], $10::text[],
                     $11::uuid[], $12::uuid[], $13::uuid[], $14::text[], $16::timestamptz[])
              as e(id, title, start_date, end_date, start_time, end_time, ends_next_day, prep_days, return_days, status,
                   client_id, venue_id, manager_id, problem_note, created_at)`,
      [
        col((e) => e.id), col((e) => e.title), col((e) => e.startDate), col((e) => e.endDate), col((e) => e.startTime), col((e) => e.endTime),
        col((e) => e.endsNextDay), col((e) => e.prep), col((e) => e.ret), col((e) => e.status), col((e) => e.clientId), col((e) => e.venueId),
        col((e) => e.managerId), col((e) => e.problemNote), admin.id, col((e) => e.createdAt),
      ],
    );
    await db.query(
      `insert into crew_assignment (id, event_id, user_id, crew_role_id, created_at, assigned_by)
       select a.id, a.event_id, a.user_id, a.crew_role_id, $5, $6 from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) as a(id, event_id, user_id, crew_role_id)`,
      [assignments.map((a) => a.id), assignments.map((a) => a.eventId), assignments.map((a) => a.userId), assignments.map((a) => a.roleId), fixed, admin.id],
    );
    await db.query('commit');
    await db.query('vacuum analyze app_user, client, venue, production_event, crew_assignment');
    const [live, rebuilt] = events.filter((e) => e.special);
    return {
      live,
      rebuilt,
      counts: {
        events: events.length,
        crew: assignments.length,
        withManager: events.filter((e) => e.managerId).length,
        withPrep: events.filter((e) => e.prep > 0).length,
        withReturn: events.filter((e) => e.ret > 0).length,
        multiDay: events.filter((e) => e.startDate !== e.endDate).length,
        engineers: engineers.length,
        managers: managers.length,
      },
    };
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------
// In the page.

/** Installs `window.__bench`: the CalendarApi (from React's fiber), a change watcher, and the rebuild. */
function installPageHelpers() {
  const root = document.querySelector('[data-testid="production-calendar"]');
  if (!root) throw new Error('no calendar root');
  const fiberKey = Object.keys(root).find((key) => key.startsWith('__reactFiber$'));
  if (!fiberKey) throw new Error('no React fiber on the calendar root');
  let api = null;
  let bars = null;
  for (let fiber = root[fiberKey]; fiber && !api; fiber = fiber.return) {
    const ref = fiber.memoizedProps?.calendarRef;
    if (ref?.current?.getApi) {
      api = ref.current.getApi();
      bars = fiber.memoizedProps.bars;
    }
  }
  if (!api || !bars) throw new Error('CalendarApi and the bars not found through the fiber tree');
  const bench = {
    api,
    entries: null,
    source: null,
    rebuilds: 0,
    /**
     * Watches for `selector` to match (and, for a rebuild, `stale` to leave the DOM), then lets two frames
     * and a short quiet pass (follow-up effects) and reports through the CDP binding `__benchDone` with the
     * epoch ms it saw the change. Armed before a sample's window opens, so that no evaluate of the bench
     * runs on the page's main thread inside it.
     */
    arm(selector, staleSelector) {
      const stale = staleSelector ? document.querySelector(staleSelector) : null;
      if (staleSelector && !stale) throw new Error(`nothing matches ${staleSelector}`);
      const seen = () => (!stale || !stale.isConnected) && document.querySelector(selector) !== null;
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        clearTimeout(timer);
        const seenAt = performance.timeOrigin + performance.now();
        bench.settle().then(() => window.__benchDone(JSON.stringify({ seenAt })));
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        window.__benchDone(JSON.stringify({ error: `timed out waiting for ${selector}` }));
      }, 60_000);
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-start'] });
    },
    /** Two animation frames and a short quiet: the page has drawn a change and run its follow-up effects. */
    settle: () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20)))),
    /** Reports through `__benchDone` after `delayMs` and the same settling as `arm` (an idle window). */
    armIdle(delayMs) {
      setTimeout(() => bench.settle().then(() => window.__benchDone(JSON.stringify({ seenAt: null }))), delayMs);
    },
    /** The page's list as the app keeps it (every event of the window with its inputs), for the rebuild baseline. */
    capture() {
      bench.entries = bars.entries();
      return api.getEvents().length;
    },
    /**
     * Baseline: the whole list again (one event moved to `start`…`end`), the way the app builds it from
     * memory: every event through the month's bar selection, then FullCalendar given its events in one batch.
     */
    rebuild(id, start, endExclusive, end, everything) {
      bench.entries = bench.entries.map((entry) => {
        if (entry.event.id !== id) return entry;
        const event = { ...entry.event, startDate: start, endDate: end, version: entry.event.version + 1 };
        const inputs = entry.inputs.map((input) =>
          input.id === id ? { ...input, start, end: endExclusive, extendedProps: { ...input.extendedProps, productionEvent: event } } : input,
        );
        return { event, inputs };
      });
      // `everything`: FullCalendar given every event of the list (its own "+N more"), as a calendar without the bar selection would.
      const given = everything ? bench.entries : bars.reset(bench.entries, bars.range(), bars.barsPerDay());
      api.removeAllEvents();
      bench.source?.remove();
      bench.source = api.addEventSource({ id: `bench-rebuild-${++bench.rebuilds}`, events: given.flatMap((entry) => entry.inputs) });
    },
    /** Back to the app's own source (after rebuilds): drop the bench source, then refetch the window. */
    dropRebuildSource() {
      bench.source?.remove();
      bench.source = null;
    },
    refetch: () => api.refetchEvents(),
    shownStart: (id) => document.querySelector(`[data-testid="calendar-event"][data-event-id="${id}"]`)?.getAttribute('data-start') ?? null,
    /** Events with a bar in the DOM (a month day draws its first few and "+N more"). */
    barCount: () => new Set([...document.querySelectorAll('[data-testid="calendar-event"]')].map((el) => el.getAttribute('data-event-id'))).size,
    /** Events of the window the page keeps (FullCalendar holds those a month day can draw). */
    eventCount: () => bars.count(),
    /** Bars and prep/return extensions of every event of the window. */
    allInputCount: () => bars.entries().reduce((sum, entry) => sum + entry.inputs.length, 0),
    /** Events FullCalendar holds: bars and prep/return extensions. */
    fcEventCount: () => api.getEvents().length,
    /** The app's own events are back in FullCalendar (after a refetch): it holds exactly what the bars say. */
    holdsAppEvents: () => bench.source === null && api.getEvents().length === bars.heldInputs().length,
  };
  window.__bench = bench;
  return api.view.type;
}

// ---------------------------------------------------------------------------------------------

/**
 * BENCH_BROWSER_PROFILE=<folder>: a CPU profile of live updates and one of rebuilds, with the top self times
 * (BENCH_BROWSER_PROFILE_RUNS=<n> updates in each, 1 by default). BENCH_BROWSER_TRACE=<file.json>: a devtools
 * timeline trace of as many live updates.
 */
async function profileOnce(cdp, folder, { liveUpdate, rebuildUpdate, page, log }) {
  const runs = Number(process.env.BENCH_BROWSER_PROFILE_RUNS ?? 1);
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(folder, { recursive: true });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const [name, run] of [['live', liveUpdate], ['rebuild', rebuildUpdate]]) {
    if (name === 'rebuild') await page.evaluate(() => window.__bench.capture());
    await cdp.send('Profiler.start');
    for (let i = 0; i < runs; i++) await run();
    const { profile } = await cdp.send('Profiler.stop');
    if (name === 'rebuild') {
      await backToAppSource(page);
    }
    const file = path.join(folder, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map();
    const deltas = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const { callFrame } = byId.get(id);
      const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    const top = [...self].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(`  profile of ${runs} ${name} update(s) → ${file}; top self time:`);
    for (const [key, t] of top) log(`    ${t.toFixed(1).padStart(8)} ms  ${key}`);
  }
  await cdp.send('Profiler.disable');
}

/** After the rebuild baselines: the page's calendar back on the app's own event source, loaded and drawn (untimed). */
async function backToAppSource(page) {
  await page.evaluate(() => window.__bench.dropRebuildSource());
  await page.evaluate(() => window.__bench.refetch());
  await page.waitForFunction(() => window.__bench.holdsAppEvents(), null, { timeout: 60_000, polling: 200 });
  await page.evaluate(() => window.__bench.settle());
}

/** Which sorted sample `percentile(values, 99)` is, in words ("199th" of 200). */
function p99Rank(count) {
  const rank = percentile(Array.from({ length: count }, (_, index) => index), 99) + 1;
  const suffix = rank % 100 >= 11 && rank % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Runs the browser benchmark against a sibling of the database at `databaseUrl`; returns Markdown lines and figures. */
export async function benchBrowser({
  databaseUrl,
  month = process.env.BENCH_BROWSER_MONTH ?? '2027-03-01',
  events = Number(process.env.BENCH_BROWSER_EVENTS ?? 2000),
  // 200: the p99 is the 199th of 200 sorted (percentile()), the second slowest; with 30 it was the slowest one.
  iterations = Number(process.env.BENCH_BROWSER_ITERATIONS ?? 200),
  baselineIterations = Number(process.env.BENCH_BROWSER_BASELINE_ITERATIONS ?? 12),
  warmupIterations = Number(process.env.BENCH_BROWSER_WARMUP ?? 10),
  refetchIterations = Number(process.env.BENCH_BROWSER_REFETCH_ITERATIONS ?? 6),
  blocks = Number(process.env.BENCH_BROWSER_BLOCKS ?? 4),
  log = console.log,
} = {}) {
  const cleanup = [];
  const runCleanup = async () => {
    for (const step of cleanup.reverse()) await step().catch((error) => log(`  ! cleanup: ${error.message}`));
  };
  try {
    const webDist = await mkdtemp(path.join(os.tmpdir(), 'loadout-bench-web-'));
    cleanup.push(() => rm(webDist, { recursive: true, force: true }));
    const database = await createSiblingDatabase(databaseUrl);
    cleanup.push(() => database.drop());
    log('  building the web app into a temp folder, starting a server on its own database…');
    // Built first: the server looks for index.html when it starts.
    const buildSeconds = await buildWeb(webDist);
    const server = await bootstrap({ port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: 'accounts', webDist, logger: createLogger('silent') });
    cleanup.push(() => server.stop());
    const seedStarted = performance.now();
    const data = await seedMonth(database.url, { month, events });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`  web built in ${buildSeconds.toFixed(1)} s; ${data.counts.events} events, ${data.counts.crew} crew rows inserted in ${seedSeconds.toFixed(1)} s`);

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    cleanup.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, baseURL: server.url });
    const page = await context.newPage();
    const response = await page.goto('/login');
    await page.getByTestId('login-email').waitFor({ timeout: 30_000 }).catch(async (error) => {
      const body = await page.locator('body').innerText().catch(() => '');
      throw new Error(`no login form at ${page.url()} (HTTP ${response?.status()}): ${body.slice(0, 300)} — ${error.message.split('\n')[0]}`);
    });
    await page.getByTestId('login-email').fill('manager@loadout.demo');
    await page.getByTestId('login-password').fill('loadout-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-cabinet').waitFor({ timeout: 30_000 });

    const loadStarted = performance.now();
    await page.goto(`/calendar?view=dayGridMonth&date=${month}`);
    await page.getByTestId('production-calendar').waitFor({ timeout: 60_000 });
    const view = await page.evaluate(installPageHelpers);
    if (view !== 'dayGridMonth') throw new Error(`the calendar shows ${view}, not the month`);
    // Loaded = every event in the calendar and the two the bench moves drawn.
    await page.waitForFunction(
      ([n, ids]) => window.__bench.eventCount() >= n && ids.every((id) => window.__bench.shownStart(id) !== null),
      [data.counts.events, [data.live.id, data.rebuilt.id]],
      { timeout: 120_000, polling: 500 },
    );
    await page.evaluate(() => window.__bench.settle());
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const shown = await page.evaluate(() => ({
      events: window.__bench.eventCount(),
      bars: window.__bench.barCount(),
      fcEvents: window.__bench.fcEventCount(),
      allInputs: window.__bench.allInputCount(),
      elements: document.querySelectorAll('*').length,
    }));
    log(`  month ${month} rendered in ${loadSeconds.toFixed(1)} s: ${shown.events} events (${shown.bars} with a bar drawn), ${shown.fcEvents} FullCalendar events (bars and prep/return extensions), ${shown.elements} DOM elements`);

    const cdp = await context.newCDPSession(page);
    let timeDomain = 'threadTicks';
    await cdp.send('Performance.enable', { timeDomain }).catch(() => ((timeDomain = 'timeTicks'), cdp.send('Performance.enable')));
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // Every sample starts from a collected heap, so that one kind's garbage (a rebuild's thousands of
    // objects) is not collected in the next kind's window.
    const collected = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return metrics();
    };
    const delta = (a, b) => ({
      task: (b.TaskDuration - a.TaskDuration) * 1000,
      script: (b.ScriptDuration - a.ScriptDuration) * 1000,
      layout: (b.LayoutDuration - a.LayoutDuration + b.RecalcStyleDuration - a.RecalcStyleDuration) * 1000,
    });
    const barSelector = (id, start) => `[data-testid="calendar-event"][data-event-id="${id}"][data-start="${start}"]`;

    // The other user.
    const cookie = await signInCookie(server.url, 'manager2@loadout.demo');
    const live = { id: data.live.id, version: 1, home: data.live.startDate, start: data.live.startDate, length: 3 };
    const samples = { live: [], idle: [], rebuild: [], everything: [], refetch: [], latency: [] };
    const started = performance.now();

    // The page reports a sample's end through a CDP binding (a native function: calling it runs no bench
    // script on the page), and a baseline is started by a bare Runtime.evaluate: a Playwright evaluate in the
    // window cost the page about 1 ms of main thread (2.4 ms in a trace: its utility script, compiling the
    // function, the promise), the bench's own time counted as the update's.
    await cdp.send('Runtime.addBinding', { name: '__benchDone' });
    let reported = null;
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name !== '__benchDone' || !reported) return;
      const { resolve, reject } = reported;
      reported = null;
      const result = JSON.parse(event.payload);
      if (result.error) reject(new Error(result.error));
      else resolve(result.seenAt);
    });
    /** Arms the page (`arm`, `armIdle`) before the window opens; `report` settles when the page reports. */
    const armed = async (arm, ...args) => {
      const report = new Promise((resolve, reject) => (reported = { resolve, reject }));
      await page.evaluate(([name, rest]) => window.__bench[name](...rest), [arm, args]);
      return { report };
    };
    const inPage = async (expression) => {
      const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression });
      if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    };

    const liveUpdate = async () => {
      const start = live.start === live.home ? shiftDays(live.home, 7) : live.home;
      const end = shiftDays(start, live.length - 1);
      const { report: shown } = await armed('arm', barSelector(live.id, start));
      const before = await collected();
      const sentAt = performance.timeOrigin + performance.now();
      const { body } = await graphql(server.url, cookie, MOVE, { id: live.id, v: live.version, s: start, e: end });
      live.version = body.data.moveProductionEvent.event.version;
      live.start = start;
      const seenAt = await shown;
      const after = await metrics();
      return { ...delta(before, after), latency: seenAt - sentAt, wallMs: performance.timeOrigin + performance.now() - sentAt };
    };
    const idleWindow = async (wallMs) => {
      const { report: ended } = await armed('armIdle', Math.max(0, wallMs - 40));
      const before = await collected();
      await ended;
      return delta(before, await metrics());
    };
    const rebuildUpdate = async (everything = false) => {
      const home = data.rebuilt.startDate;
      const current = await page.evaluate((id) => window.__bench.shownStart(id), data.rebuilt.id);
      const start = current === home ? shiftDays(home, 7) : home;
      const { report: shown } = await armed('arm', barSelector(data.rebuilt.id, start));
      const before = await collected();
      const args = [data.rebuilt.id, start, shiftDays(start, 3), shiftDays(start, 2), everything];
      await inPage(`window.__bench.rebuild(...${JSON.stringify(args)})`);
      await shown;
      return delta(before, await metrics());
    };
    const refetchUpdate = async () => {
      // Nothing changes on the server: the old bar element leaving and a new one appearing marks the rebuild.
      const start = await page.evaluate((id) => window.__bench.shownStart(id), data.rebuilt.id);
      const selector = barSelector(data.rebuilt.id, start);
      const { report: shown } = await armed('arm', selector, selector);
      const before = await collected();
      await inPage('window.__bench.refetch()');
      await shown;
      return delta(before, await metrics());
    };
    // Warm-up (not counted): one of each baseline (both rebuilds, the refetch), then live updates until
    // the page's code for them is compiled and optimised; the timed blocks start with live updates. With
    // one live update before the baselines, the first timed updates ran slower code and set the p99.
    await page.evaluate(() => window.__bench.capture());
    await rebuildUpdate();
    await rebuildUpdate(true);
    await backToAppSource(page);
    await refetchUpdate();
    for (let i = 0; i < warmupIterations; i++) await liveUpdate();

    if (process.env.BENCH_BROWSER_PROFILE) await profileOnce(cdp, process.env.BENCH_BROWSER_PROFILE, { liveUpdate, rebuildUpdate, page, log });
    if (process.env.BENCH_BROWSER_TRACE) {
      // A devtools timeline trace of live updates (open it in the Performance panel).
      const runs = Number(process.env.BENCH_BROWSER_PROFILE_RUNS ?? 1);
      await browser.startTracing(page, { path: process.env.BENCH_BROWSER_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
      for (let i = 0; i < runs; i++) await liveUpdate();
      await browser.stopTracing();
      log(`  trace of ${runs} live update(s) → ${process.env.BENCH_BROWSER_TRACE}`);
    }

    const per = (total, b) => Math.floor(total / blocks) + (b < total % blocks ? 1 : 0);
    log(`  timing ${iterations} live updates, ${baselineIterations} rebuilds and ${refetchIterations} refetches, in ${blocks} interleaved blocks…`);
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < per(iterations, b); i++) {
        const sample = await liveUpdate();
        samples.live.push(sample);
        samples.latency.push(sample.latency);
        // Every fifth: the same wall time on the idle page, no change (what background work adds).
        if (samples.live.length % 5 === 1) samples.idle.push(await idleWindow(sample.wallMs));
      }
      await page.evaluate(() => window.__bench.capture());
      for (let i = 0; i < per(baselineIterations, b); i++) samples.rebuild.push(await rebuildUpdate());
      for (let i = 0; i < per(baselineIterations, b); i++) samples.everything.push(await rebuildUpdate(true));
      // Back to the app's own source (untimed), then the refetch baseline.
      await backToAppSource(page);
      for (let i = 0; i < per(refetchIterations, b); i++) samples.refetch.push(await refetchUpdate());
    }
    const sortedMs = (list) => list.map((sample) => sample.task.toFixed(1)).sort((a, b) => a - b).join(' ');
    log(`  main-thread ms, sorted — live: ${sortedMs(samples.live)}; rebuild: ${sortedMs(samples.rebuild)}; FullCalendar given everything: ${sortedMs(samples.everything)}`);
    log(`  live, in order (main thread / of which script, ms): ${samples.live.map((sample) => `${sample.task.toFixed(1)}/${sample.script.toFixed(1)}`).join(' ')}`);
    const finalCount = await page.evaluate(() => window.__bench.eventCount());
    if (finalCount !== data.counts.events) throw new Error(`the page shows ${finalCount} events at the end, expected ${data.counts.events}`);
    const browserVersion = browser.version();
    const timedSeconds = (performance.now() - started) / 1000;

    const stat = (list, key, p) => percentile(list.map((s) => s[key]), p);
    const fig = (name) => ({
      p50: stat(samples[name], 'task', 50),
      p99: stat(samples[name], 'task', 99),
      script50: stat(samples[name], 'script', 50),
      layout50: stat(samples[name], 'layout', 50),
    });
    const figures = {
      live: fig('live'),
      rebuild: fig('rebuild'),
      everything: fig('everything'),
      refetch: fig('refetch'),
      idle: fig('idle'),
      latency: { p50: percentile(samples.latency, 50), p99: percentile(samples.latency, 99) },
    };
    const better = (base, value) => `${(base / value).toFixed(1)}×`;
    const overFrame = samples.live.filter((sample) => sample.task >= FRAME_MS).length;
    const slowestLive = Math.max(...samples.live.map((sample) => sample.task));
    const yesNo = (ok) => (ok ? 'yes' : '**no**');
    const { counts } = data;
    const lines = [
      '## Calendar in the browser: live update vs rebuilding the event list',
      '',
      `Chromium ${browserVersion} (Debian), headless, 1400×1000, signed in as manager@loadout.demo, month view of ${month.slice(0, 7)}: ` +
        `${counts.events} events (${counts.multiDay} multi-day, ${counts.withPrep} with prep and ${counts.withReturn} with return days, ${counts.withManager} with a manager, ` +
        `${counts.crew} crew rows over ${counts.engineers} engineers) = ${shown.allInputs} bars and prep/return extensions, of which FullCalendar holds ${shown.fcEvents} (the events some day of the month draws); a month day draws its first bars and "+N more" ` +
        `(${shown.bars} events with a bar drawn), ${shown.elements} DOM elements. ` +
        `Inserted with SQL into a database of its own; web app built with \`vite build\` into a temp folder (${buildSeconds.toFixed(0)} s) and served by a server bootstrapped in this process. ` +
        `Opening the month until every event was in the calendar: ${loadSeconds.toFixed(1)} s.`,
      '',
      'Main-thread time per update: CDP `Performance.getMetrics` TaskDuration of the page, from just before the change until the page shows it ' +
        '(a MutationObserver sees the bar with its new `data-start`) plus two animation frames and 20 ms for follow-up work. ' +
        'The page is armed before the window opens and reports its end through a CDP binding (no bench script runs in the page inside the window but ' +
        'the observer, the two frame callbacks and the timer; a baseline is started by a one-line `Runtime.evaluate`). ' +
        `${iterations} live updates, ${baselineIterations} rebuilds of each kind and ${refetchIterations} refetches, same page and data, interleaved in ${blocks} blocks (a p99 is the sample at 99% of the sorted list: for the live updates the ${p99Rank(iterations)} of ${iterations}, for the baselines, with so few rounds, the slowest one), after one of each baseline and then ${warmupIterations} live updates not counted (warm-up). ` +
        `Warm-up and measuring took ${timedSeconds.toFixed(0)} s. Time domain: ${timeDomain === 'threadTicks' ? 'thread ticks (CPU time of the main thread, so another process taking the core does not count)' : 'wall time of tasks'}.`,
      '- **live**: manager2 moves one event a week forward or back with `moveProductionEvent` over HTTP from Node; the page receives `calendarChanged` and applies it as a single-event update (the app unchanged).',
      `- **rebuild** (baseline): the same page rebuilds its whole list the way the app builds it, in memory: all ${counts.events} events (one moved) through the month's bar selection, ` +
        `then \`removeAllEvents()\` + \`addEventSource()\` with what FullCalendar holds (${shown.fcEvents} events when the month opened) — no request, no JSON parsing, no mapping.`,
      `- **everything** (second baseline): the same list given to FullCalendar whole — all ${shown.allInputs} bars and prep/return extensions, FullCalendar hiding what a day cannot draw — as a calendar that hands FullCalendar its event list rebuilds it (the baseline of earlier runs).`,
      '- **refetch** (third baseline): `refetchEvents()` through the app\'s own event source — the month\'s query again, parsed, mapped and the list rebuilt (the "refetch of the window" the calendar avoids; server time is idle time for the page and not counted).',
      'Each sample starts from a heap collected just before it (CDP `HeapProfiler.collectGarbage`), so that a rebuild\'s garbage is not collected in a live update\'s window.',
      '',
      '| figure | live update (ms) | rebuild (ms) | rebuild ÷ live | everything (ms) | everything ÷ live | goal |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| main thread per update, p50 | ${ms(figures.live.p50)} | ${ms(figures.rebuild.p50)} | ${better(figures.rebuild.p50, figures.live.p50)} | ${ms(figures.everything.p50)} | ${better(figures.everything.p50, figures.live.p50)} | ≥ 10× |`,
      `| main thread per update, p99 | ${ms(figures.live.p99)} | ${ms(figures.rebuild.p99)} | ${better(figures.rebuild.p99, figures.live.p99)} | ${ms(figures.everything.p99)} | ${better(figures.everything.p99, figures.live.p99)} | ≥ 10× |`,
      `| of which script, p50 | ${ms(figures.live.script50)} | ${ms(figures.rebuild.script50)} | ${better(figures.rebuild.script50, figures.live.script50)} | ${ms(figures.everything.script50)} | ${better(figures.everything.script50, figures.live.script50)} | — |`,
      `| of which style and layout, p50 | ${ms(figures.live.layout50)} | ${ms(figures.rebuild.layout50)} | ${better(figures.rebuild.layout50, figures.live.layout50)} | ${ms(figures.everything.layout50)} | ${better(figures.everything.layout50, figures.live.layout50)} | — |`,
      '',
      '| figure | value | goal |',
      '| --- | ---: | ---: |',
      `| live update p99 under one frame (${FRAME_MS} ms) | ${ms(figures.live.p99)} ms: ${yesNo(figures.live.p99 < FRAME_MS)} | < ${FRAME_MS} ms |`,
      `| live update p50 under one frame (${FRAME_MS} ms) | ${ms(figures.live.p50)} ms: ${yesNo(figures.live.p50 < FRAME_MS)} | — |`,
      `| live updates over one frame; the slowest | ${overFrame} of ${samples.live.length} (${((100 * overFrame) / samples.live.length).toFixed(0)}%); ${ms(slowestLive)} ms | — |`,
      `| refetch of the window, main thread p50 / p99 | ${ms(figures.refetch.p50)} / ${ms(figures.refetch.p99)} ms (÷ live: ${better(figures.refetch.p50, figures.live.p50)} / ${better(figures.refetch.p99, figures.live.p99)}) | — |`,
      `| idle page over a live update's wall time, no change (background in the live figure; ${samples.idle.length} windows), p50 / max | ${ms(figures.idle.p50)} / ${ms(figures.idle.p99)} ms | — |`,
      `| live update less that background (the idle page's p50), p50 / p99 | ${ms(figures.live.p50 - figures.idle.p50)} / ${ms(figures.live.p99 - figures.idle.p50)} ms | — |`,
      `| mutation sent → bar shown in the page (server, bus, WebSocket, page), p50 / p99 | ${ms(figures.latency.p50)} / ${ms(figures.latency.p99)} ms | — |`,
      '',
    ];
    return { lines, figures, samples };
  } finally {
    await runCleanup();
  }
}
