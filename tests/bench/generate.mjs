// Deterministic benchmark data: 100,000 events over two years around a fixed date, 2,000 engineers,
// ~60 managers, ~500 clients, ~200 venues and realistic crews. Same seed → same rows (ids included).
// Set-based inserts (unnest of arrays, in batches), then VACUUM ANALYZE. Needs a migrated Loadout database
// with the demo accounts (the password hash is copied from admin@loadout.demo).
//
//   node tests/bench/generate.mjs            (DATABASE_URL required; bootstraps to migrate first)
//   npm run bench -- --generate              (the same through run.mjs)
//   BENCH_EVENTS=5000 …                      smaller data sets scale people, clients and venues along.
import pg from 'pg';

export const GENERATOR_VERSION = 1;
/** The fixed centre of the generated period: events span one year before to one year after it. */
export const CENTER_DATE = '2026-12-01';
export const SPAN_DAYS = 730;
const BATCH = 10_000;
const DAY_MS = 86_400_000;

/** Sizes from the environment; people, clients and venues scale with the number of events. */
export function benchSizes(env = process.env) {
  const events = Math.max(100, Number(env.BENCH_EVENTS ?? 100_000));
  const scale = events / 100_000;
  const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
  return {
    events,
    // Slightly more than proportional below 100k: small calendars have relatively higher daily peaks.
    people: num('BENCH_PEOPLE', Math.max(30, Math.round(2000 * scale ** 0.9))),
    managers: num('BENCH_MANAGERS', Math.max(4, Math.round(60 * scale))),
    clients: num('BENCH_CLIENTS', Math.max(20, Math.round(500 * scale))),
    venues: num('BENCH_VENUES', Math.max(10, Math.round(200 * scale))),
    seed: num('BENCH_SEED', 20261201),
    /** Share of events that get one deliberately double-booked crew member. */
    conflictShare: num('BENCH_CONFLICT_SHARE', 0.01),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

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

function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (items) => items[int(items.length)];
  /** weights: [[value, weight], …] */
  const weighted = (table) => {
    const total = table.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1][0];
  };
  const hex = (n) => n.toString(16).padStart(8, '0');
  /** A v4-shaped uuid from the seeded stream: the same ids on every run. */
  const uuid = () => {
    const w = [0, 1, 2, 3].map(() => Math.floor(next() * 4294967296));
    w[1] = ((w[1] & 0xffff0fff) | 0x00004000) >>> 0;
    w[2] = ((w[2] & 0x3fffffff) | 0x80000000) >>> 0;
    const s = w.map(hex).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  };
  const shuffle = (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return { next, int, pick, weighted, uuid, shuffle };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const FIRST = ['Alexei', 'Anna', 'Boris', 'Daria', 'Dmitry', 'Ekaterina', 'Fyodor', 'Galina', 'Gleb', 'Irina', 'Ivan', 'Kira', 'Konstantin', 'Ksenia', 'Leonid', 'Lidia', 'Mikhail', 'Nadezhda', 'Nikita', 'Olga', 'Oleg', 'Pavel', 'Polina', 'Roman', 'Sofia', 'Sergei', 'Svetlana', 'Taras', 'Tatiana', 'Timur', 'Ulyana', 'Vadim', 'Valeria', 'Viktor', 'Vera', 'Yaroslav', 'Yulia', 'Zakhar', 'Zoya', 'Artem', 'Alina', 'Denis', 'Elena', 'Grigory', 'Inna', 'Kirill', 'Larisa', 'Maxim', 'Marina', 'Stepan'];
const LAST = ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov', 'Alekseev', 'Lebedev', 'Semenov', 'Egorov', 'Pavlov', 'Kozlov', 'Stepanov', 'Nikolaev', 'Orlov', 'Andreev', 'Makarov', 'Nikitin', 'Zakharov', 'Zaitsev', 'Soloviev', 'Borisov', 'Yakovlev', 'Grigoriev', 'Romanov', 'Vorobiev', 'Sergeev', 'Kuzmin', 'Frolov', 'Aleksandrov', 'Dmitriev', 'Korolev', 'Gusev', 'Kiselev', 'Ilyin', 'Maksimov', 'Polyakov', 'Sorokin', 'Vinogradov', 'Kovalev', 'Belov', 'Medvedev', 'Antonov', 'Tarasov'];
const COMPANY_A = ['Northern', 'Silver', 'Golden', 'Red', 'Blue', 'Green', 'Crystal', 'Baltic', 'Volga', 'Ural', 'Neva', 'Polar', 'Sunny', 'Grand', 'Bright', 'Urban', 'Royal', 'Nova', 'Prime', 'Star'];
const COMPANY_B = ['Lights', 'Events', 'Media', 'Holding', 'Bank', 'Group', 'Telecom', 'Motors', 'Foods', 'Pharma', 'Energy', 'Studio', 'Records', 'Agency', 'Systems', 'Logistics', 'Capital', 'Retail', 'Hotels', 'Sports'];
const COMPANY_C = ['LLC', 'JSC', 'Ltd', 'PJSC', 'Group'];
const VENUE_A = ['Crocus', 'Arena', 'Luzhniki', 'Olympic', 'Gorky', 'Sokolniki', 'Expo', 'Metropol', 'Riviera', 'Izmailovo', 'Manege', 'Krasny Oktyabr', 'Flacon', 'Artplay', 'Winzavod', 'Barvikha', 'Zaryadye', 'Ritz', 'Radisson', 'Vegas'];
const VENUE_B = ['Hall', 'Arena', 'Expo Center', 'Club', 'Ballroom', 'Loft', 'Theatre', 'Park Stage', 'Conference Center', 'Pavilion'];
const STREETS = ['Tverskaya', 'Arbat', 'Leninsky pr.', 'Mira pr.', 'Kutuzovsky pr.', 'Novy Arbat', 'Pyatnitskaya', 'Sadovaya', 'Varshavskoe sh.', 'Leningradsky pr.'];
const KINDS = ['Corporate party', 'Concert', 'Conference', 'Wedding', 'Product launch', 'Festival stage', 'Award ceremony', 'Exhibition booth', 'Gala dinner', 'Press event', 'Team building', 'Fashion show', 'Theatre tour', 'Sports broadcast'];
const NOTES = ['Load-in through the back gate', 'Client brings own MC', 'Two stages, one FOH', 'Power: 3×63 A at the stage', 'Parking for two trucks booked', 'Rain plan: move indoors', 'Soundcheck at 14:00'];
const PROBLEM_NOTES = ['Truck not booked yet', 'Venue power not confirmed', 'Rigging plan missing', 'Client has not paid the deposit'];
/** Crew role weights by default role name; other roles get weight 5. */
const ROLE_WEIGHTS = { Sound: 30, Lighting: 25, Video: 12, Stagehand: 20, Rigger: 8, 'Show director': 3, Designer: 2 };

// ---------------------------------------------------------------------------------------------

const centerMs = Date.parse(`${CENTER_DATE}T00:00:00Z`);
const startMs = centerMs - (SPAN_DAYS / 2) * DAY_MS;
const dayText = (index) => new Date(startMs + index * DAY_MS).toISOString().slice(0, 10);
const centerIndex = SPAN_DAYS / 2;

/** Day weights: Friday and Saturday busier, December corporate season, quiet January. */
function dayWeights() {
  const cumulative = new Float64Array(SPAN_DAYS);
  let total = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    const date = new Date(startMs + d * DAY_MS);
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    let w = weekday === 5 ? 1.5 : weekday === 6 ? 1.6 : weekday === 0 ? 1.0 : 0.85;
    if (month === 11) w *= 1.3;
    else if (month === 0) w *= 0.7;
    else if (month === 6 || month === 7) w *= 0.9;
    total += w;
    cumulative[d] = total;
  }
  return { cumulative, total };
}

function sampleDay(weights, r) {
  const target = r * weights.total;
  let lo = 0;
  let hi = SPAN_DAYS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weights.cumulative[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds every row in memory (deterministic); no database access. */
export function buildDataSet(sizes, roles, adminId) {
  const rnd = randomTools(sizes.seed);
  const people = [];
  const nameOrder = rnd.shuffle([...Array(FIRST.length * LAST.length).keys()]);
  const personName = (i) => {
    const n = nameOrder[i % nameOrder.length];
    const base = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length)]}`;
    return i < nameOrder.length ? base : `${base} ${Math.floor(i / nameOrder.length) + 1}`;
  };
  for (let i = 0; i < sizes.people + sizes.managers; i++) {
    const manager = i >= sizes.people;
    const number = manager ? i - sizes.people + 1 : i + 1;
    people.push({
      id: rnd.uuid(),
      email: `${manager ? 'manager' : 'engineer'}${String(number).padStart(4, '0')}@bench.loadout`,
      name: personName(i),
      phone: `+7 916 ${String(i).padStart(7, '0').replace(/^(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3')}`,
      manager,
      language: rnd.next() < 0.7 ? 'ru' : 'en',
    });
  }
  const engineers = people.filter((p) => !p.manager);
  const managers = people.filter((p) => p.manager);

  const clients = [];
  for (let i = 0; i < sizes.clients; i++) {
    const person = rnd.next() < 0.15;
    const name = person ? `${rnd.pick(FIRST)} ${rnd.pick(LAST)}` : `${rnd.pick(COMPANY_A)} ${rnd.pick(COMPANY_B)} ${rnd.pick(COMPANY_C)}`;
    clients.push({
      id: rnd.uuid(),
      name,
      kind: person ? 'PERSON' : 'COMPANY',
      // A bijection of i onto 1000000..9999999: unique phones, not in demo order.
      phoneNumber: ((i * 7919 + 123457) % 9_000_000) + 1_000_000,
      email: person ? null : `events@${name.split(' ')[0].toLowerCase()}${i}.example`,
      contactPerson: person ? null : `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
      state: rnd.weighted([['ACTIVE', 70], ['POTENTIAL', 15], ['INACTIVE', 15]]),
      weight: 1 + rnd.next() * rnd.next() * 20, // a few big clients order most events
    });
  }
  const clientCumulative = [];
  let clientTotal = 0;
  for (const client of clients) clientCumulative.push((clientTotal += client.weight));
  const pickClient = () => {
    const target = rnd.next() * clientTotal;
    let lo = 0;
    let hi = clients.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (clientCumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return clients[lo];
  };

  const venues = [];
  for (let i = 0; i < sizes.venues; i++) {
    venues.push({
      id: rnd.uuid(),
      name: `${rnd.pick(VENUE_A)} ${rnd.pick(VENUE_B)}${i >= VENUE_A.length * VENUE_B.length ? ` ${i}` : ''}`,
      address: `Moscow, ${rnd.pick(STREETS)} ${1 + rnd.int(120)}`,
    });
  }

  const roleTable = roles.map((role) => [role, ROLE_WEIGHTS[role.name] ?? 5]);
  const weights = dayWeights();

  // Shapes first, then people in order of first reserved day (greedy "busy until" tracker).
  const events = [];
  for (let i = 0; i < sizes.events; i++) {
    const length = rnd.weighted([[1, 58], [2, 24], [3, 11], [4, 7]]);
    const prep = rnd.weighted([[0, 50], [1, 38], [2, 12]]);
    const ret = rnd.weighted([[0, 55], [1, 35], [2, 10]]);
    const start = sampleDay(weights, rnd.next());
    const end = Math.min(SPAN_DAYS - 1, start + length - 1);
    const timing = rnd.next();
    let startTime = null;
    let endTime = null;
    let endsNextDay = false;
    if (timing < 0.4) {
      const h = 10 + rnd.int(9);
      startTime = `${String(h).padStart(2, '0')}:${rnd.pick(['00', '30'])}`;
      endTime = `${String(Math.min(23, h + 3 + rnd.int(4))).padStart(2, '0')}:00`;
    } else if (timing < 0.5) {
      startTime = `${20 + rnd.int(3)}:00`;
      endTime = `0${1 + rnd.int(4)}:00`;
      endsNextDay = true;
    }
    const client = rnd.next() < 0.97 ? pickClient() : null;
    const kind = rnd.pick(KINDS);
    events.push({
      id: rnd.uuid(),
      title: client ? `${kind} — ${client.name}` : kind,
      start,
      end,
      prep,
      ret,
      busyFrom: start - prep,
      busyTo: end + ret,
      startTime,
      endTime,
      endsNextDay,
      clientId: client?.id ?? null,
      venueId: rnd.next() < 0.95 ? rnd.pick(venues).id : null,
      notes: rnd.next() < 0.3 ? rnd.pick(NOTES) : null,
      problemNote: rnd.next() < 0.01 ? rnd.pick(PROBLEM_NOTES) : null,
      crewSize: rnd.weighted([[2, 30], [3, 25], [4, 18], [5, 11], [6, 7], [7, 5], [8, 4]]),
      r: rnd.next(),
      deleted: rnd.next() < 0.005,
      deliberate: rnd.next() < sizes.conflictShare,
    });
  }
  events.sort((a, b) => a.busyFrom - b.busyFrom || a.start - b.start || (a.id < b.id ? -1 : 1));

  const busyUntil = new Map(people.map((p) => [p.id, -1]));
  const stats = { deliberate: 0, forced: 0, withManager: 0 };
  const assignments = [];
  const createdAtMs = (day) => startMs + (day - 30) * DAY_MS + 10 * 3600_000;

  /** A person free from `from` on: random probes, then a full pass from a random offset; else the least busy. */
  const freeOf = (pool, from, taken, tries) => {
    for (let t = 0; t < tries; t++) {
      const p = rnd.pick(pool);
      if (!taken.has(p.id) && busyUntil.get(p.id) < from) return { person: p, free: true };
    }
    const offset = rnd.int(pool.length);
    let best = null;
    for (let k = 0; k < pool.length; k++) {
      const p = pool[(offset + k) % pool.length];
      if (taken.has(p.id)) continue;
      if (busyUntil.get(p.id) < from) return { person: p, free: true };
      if (!best || busyUntil.get(p.id) < busyUntil.get(best.id)) best = p;
    }
    return best ? { person: best, free: false } : null;
  };

  for (const event of events) {
    // Status by where the event lies relative to the fixed centre date.
    if (event.end < centerIndex) {
      event.status = event.r < 0.88 ? 'completed' : event.r < 0.95 ? 'cancelled' : 'confirmed';
    } else if (event.start <= centerIndex) {
      event.status = event.r < 0.93 ? 'in_progress' : 'cancelled';
    } else {
      event.status = event.r < 0.65 ? 'confirmed' : event.r < 0.8 ? 'tentative' : event.r < 0.92 ? 'draft' : 'cancelled';
    }
    const blocks = event.status !== 'cancelled' && !event.deleted;
    const taken = new Set();
    const crew = [];
    for (let slot = 0; slot < event.crewSize; slot++) {
      let chosen;
      if (slot === 0 && event.deliberate && blocks) {
        // Deliberately someone already busy on these days (the calendar must flag it).
        for (let t = 0; t < 200 && !chosen; t++) {
          const p = rnd.pick(engineers);
          if (!taken.has(p.id) && busyUntil.get(p.id) >= event.busyFrom) chosen = p;
        }
        if (chosen) stats.deliberate++;
      }
      if (!chosen) {
        const found = freeOf(engineers, event.busyFrom, taken, 30);
        if (!found) continue;
        chosen = found.person;
        if (!found.free && blocks) stats.forced++;
      }
      taken.add(chosen.id);
      crew.push(chosen);
    }
    let manager = null;
    const foundManager = freeOf(managers, event.busyFrom, new Set(), 12);
    if (foundManager?.free) manager = foundManager.person;
    if (manager) stats.withManager++;
    if (blocks) {
      for (const p of manager ? [...crew, manager] : crew) busyUntil.set(p.id, Math.max(busyUntil.get(p.id), event.busyTo));
    }
    event.managerId = manager?.id ?? null;
    event.seniorId = crew.length && rnd.next() < 0.95 ? crew[0].id : null;
    const created = createdAtMs(event.start - rnd.int(60));
    event.createdAt = new Date(created).toISOString();
    event.updatedAt = new Date(created + rnd.int(20) * DAY_MS).toISOString();
    event.deletedAt = event.deleted ? event.updatedAt : null;
    for (const person of crew) {
      assignments.push({
        id: rnd.uuid(),
        eventId: event.id,
        userId: person.id,
        roleId: rnd.weighted(roleTable).id,
        acknowledgedAt: rnd.next() < 0.6 ? event.updatedAt : null,
        createdAt: event.createdAt,
      });
    }
  }
  return { people, clients, venues, events, assignments, stats, adminId };
}

/** Inserts rows in batches: each column becomes one array parameter ($1…$n), scalars follow. */
async function insertBatches(client, rows, sql, columns, scalars = []) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    await client.query(sql, [...columns.map((column) => slice.map(column)), ...scalars]);
  }
}

/** Reads the marker of an earlier generation, if any. */
export async function generatedMarker(client) {
  const { rows } = await client.query(`select context from journal where action = 'bench.generate' order by seq desc limit 1`);
  return rows[0]?.context ?? null;
}

/** Sizes, seed and version that identify a data set. */
function identity(sizes) {
  return { version: GENERATOR_VERSION, center: CENTER_DATE, ...sizes };
}

/**
 * Fills the database. Skips when the same data set (same sizes, seed and generator version) is there.
 * Returns { skipped, marker } where marker holds sizes, counts, timings and conflict figures.
 */
export async function generate(databaseUrl, sizes = benchSizes(), log = console.log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const wanted = identity(sizes);
    const existing = await generatedMarker(client);
    if (existing) {
      const same = Object.entries(wanted).every(([key, value]) => existing[key] === value);
      if (same) {
        log(`Bench data already generated (${existing.events} events, seed ${existing.seed}, took ${existing.seconds.total.toFixed(1)} s); reusing it.`);
        return { skipped: true, marker: existing };
      }
      throw new Error(`This database holds another bench data set (${existing.events} events, seed ${existing.seed}, version ${existing.version}); use a fresh database.`);
    }
    const t0 = performance.now();
    const { rows: adminRows } = await client.query(`select id, password_hash from app_user where lower(email) = 'admin@loadout.demo'`);
    if (!adminRows.length) throw new Error('No admin@loadout.demo account: bootstrap the database with demo: true first.');
    const admin = adminRows[0];
    const { rows: roles } = await client.query(`select id, name from crew_role where not retired order by position, name`);
    const { rows: staffRoles } = await client.query(`select id, name from role where name in ('Engineer', 'Manager')`);
    const roleId = Object.fromEntries(staffRoles.map((r) => [r.name, r.id]));
    if (!roles.length || !roleId.Engineer || !roleId.Manager) throw new Error('Crew roles or the Engineer/Manager roles are missing.');

    const data = buildDataSet(sizes, roles, admin.id);
    const seconds = { build: (performance.now() - t0) / 1000 };

    // Client phones must not collide with clients already there (demo data).
    const { rows: phoneRows } = await client.query('select phone from client');
    const usedPhones = new Set(phoneRows.map((r) => r.phone));
    for (const c of data.clients) {
      let n = c.phoneNumber;
      while (usedPhones.has(`+7900${n}`)) n = n >= 9_999_999 ? 1_000_000 : n + 1;
      c.phone = `+7900${n}`;
      usedPhones.add(c.phone);
    }

    const timed = async (name, work) => {
      const t = performance.now();
      await work();
      seconds[name] = (performance.now() - t) / 1000;
    };
    const fixedInstant = '2025-01-01T09:00:00Z';
    await client.query('begin');
    await timed('app_user', () =>
      insertBatches(
        client,
        data.people,
        `insert into app_user (id, email, name, phone, password_hash, role_id, language, created_at, updated_at)
         select u.id, u.email, u.name, u.phone, $6, case when u.manager then $7::uuid else $8::uuid end, u.language, $9, $9
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $10::text[]) as u(id, email, name, phone, manager, language)`,
        [(p) => p.id, (p) => p.email, (p) => p.name, (p) => p.phone, (p) => p.manager],
        [admin.password_hash, roleId.Manager, roleId.Engineer, fixedInstant, data.people.map((p) => p.language)],
      ),
    );
    await timed('client', () =>
      insertBatches(
        client,
        data.clients,
        `insert into client (id, name, kind, phone, email, contact_person, state, created_at, updated_at)
         select c.*, $8, $8 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as c`,
        [(c) => c.id, (c) => c.name, (c) => c.kind, (c) => c.phone, (c) => c.email, (c) => c.contactPerson, (c) => c.state],
        [fixedInstant],
      ),
    );
    await timed('venue', () =>
      insertBatches(
        client,
        data.venues,
        `insert into venue (id, name, address, created_at, updated_at) select v.*, $4, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as v`,
        [(v) => v.id, (v) => v.name, (v) => v.address],
        [fixedInstant],
      ),
    );
    await timed('production_event', () =>
      insertBatches(
        client,
        data.events,
        `insert into production_event (id, title, start_date, end_date, start_time, end_time, ends_next_day, prep_days, return_days, status,
                                       client_id, venue_id, manager_id, senior_engineer_id, notes, problem_note, created_at, updated_at, deleted_at,
                                       created_by, deleted_by)
         select e.*, $20::uuid, case when e.deleted_at is null then null else $20::uuid end
           from unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::time[], $6::time[], $7::boolean[], $8::smallint[], $9::smallint[], $10::text[],
                       $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[], $15::text[], $16::text[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[])
                as e(id, title, start_date, end_date, start_time, end_time, ends_next_day, prep_days, return_days, status,
                     client_id, venue_id, manager_id, senior_engineer_id, notes, problem_note, created_at, updated_at, deleted_at)`,
        [
          (e) => e.id,
          (e) => e.title,
          (e) => dayText(e.start),
          (e) => dayText(e.end),
          (e) => e.startTime,
          (e) => e.endTime,
          (e) => e.endsNextDay,
          (e) => e.prep,
          (e) => e.ret,
          (e) => e.status,
          (e) => e.clientId,
          (e) => e.venueId,
          (e) => e.managerId,
          (e) => e.seniorId,
          (e) => e.notes,
          (e) => e.problemNote,
          (e) => e.createdAt,
          (e) => e.updatedAt,
          (e) => e.deletedAt,
        ],
        [admin.id],
      ),
    );
    await timed('crew_assignment', () =>
      insertBatches(
        client,
        data.assignments,
        `insert into crew_assignment (id, event_id, user_id, crew_role_id, acknowledged_at, created_at, assigned_by)
         select a.*, $7 from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[]) as a`,
        [(a) => a.id, (a) => a.eventId, (a) => a.userId, (a) => a.roleId, (a) => a.acknowledgedAt, (a) => a.createdAt],
        [admin.id],
      ),
    );
    await client.query('commit');
    // VACUUM ANALYZE: statistics for the planner, and the visibility map a long-running database has.
    await timed('analyze', () => client.query('vacuum analyze app_user, client, venue, production_event, crew_assignment'));

    // How many events ended up with a double-booked person (deliberate ones plus leftovers of the greedy pick).
    const conflictStart = performance.now();
    const { rows: conflictRows } = await client.query(`
      with p as (
        select distinct ep.user_id, e.id, lower(e.busy_days) as lo, upper(e.busy_days) as hi
          from event_person ep join production_event e on e.id = ep.event_id
         where e.deleted_at is null and e.status <> 'cancelled'
      ), w as (
        select id, lo, hi,
               max(hi) over (partition by user_id order by lo, id rows between unbounded preceding and 1 preceding) as prev_hi,
               lead(lo) over (partition by user_id order by lo, id) as next_lo
          from p
      )
      select count(distinct id) filter (where lo < prev_hi or next_lo < hi)::int as conflicted,
             (select count(*)::int from production_event where deleted_at is null and status <> 'cancelled') as active
        from w`);
    seconds.conflictCount = (performance.now() - conflictStart) / 1000;
    seconds.total = (performance.now() - t0) / 1000;

    const counts = {
      app_user: data.people.length,
      managers: data.people.filter((p) => p.manager).length,
      client: data.clients.length,
      venue: data.venues.length,
      production_event: data.events.length,
      crew_assignment: data.assignments.length,
      deleted: data.events.filter((e) => e.deleted).length,
      withManager: data.stats.withManager,
      statuses: Object.fromEntries(
        Object.entries(data.events.reduce((acc, e) => ((acc[e.status] = (acc[e.status] ?? 0) + 1), acc), {})).sort(),
      ),
    };
    const stats = { deliberate: data.stats.deliberate, forced: data.stats.forced, conflictedEvents: conflictRows[0].conflicted, activeEvents: conflictRows[0].active };
    const marker = { ...wanted, counts, stats, seconds, generatedAt: new Date().toISOString() };
    await client.query(
      `insert into journal (actor_label, action, object_type, object_id, summary, context) values ('bench', 'bench.generate', 'Bench', 'generator', $1, $2)`,
      [`Benchmark data generated: ${counts.production_event} events, ${counts.app_user} people`, marker],
    );
    log(describe(marker));
    return { skipped: false, marker };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export function describe(marker) {
  const { counts, stats, seconds } = marker;
  const s = (n) => `${n.toFixed(2)} s`;
  return [
    `Generated (seed ${marker.seed}, centre ${marker.center}, ${SPAN_DAYS} days) in ${s(seconds.total)}:`,
    `  build in memory ${s(seconds.build)}; insert app_user ${s(seconds.app_user)}, client ${s(seconds.client)}, venue ${s(seconds.venue)}, ` +
      `production_event ${s(seconds.production_event)}, crew_assignment ${s(seconds.crew_assignment)}; VACUUM ANALYZE ${s(seconds.analyze)}; conflict count ${s(seconds.conflictCount)}`,
    `  rows: ${counts.production_event} events (${counts.deleted} in the trash), ${counts.crew_assignment} crew assignments, ` +
      `${counts.app_user} people (${counts.managers} managers), ${counts.client} clients, ${counts.venue} venues`,
    `  statuses: ${Object.entries(counts.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}; events with a manager: ${counts.withManager}`,
    `  double bookings: ${stats.deliberate} deliberate + ${stats.forced} unavoidable picks → ${stats.conflictedEvents} of ${stats.activeEvents} active events ` +
      `(${((100 * stats.conflictedEvents) / stats.activeEvents).toFixed(2)}%) have a crew conflict`,
  ].join('\n');
}

/** Standalone: node tests/bench/generate.mjs (DATABASE_URL required). Migrates and seeds demo accounts first. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the database to fill (or run `npm run bench`, which uses an embedded one).');
    process.exit(1);
  }
  const { bootstrap, createLogger } = await import('@loadout/server');
  const server = await bootstrap({ port: 0, host: '127.0.0.1', databaseUrl: url, demo: true, logger: createLogger('warn') });
  await server.stop();
  try {
    await generate(url);
  } catch (error) {
    console.error(`Generation failed: ${error.message}`);
    process.exitCode = 1;
  }
}
