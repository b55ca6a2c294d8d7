// (1) The month calendar: productionEvents through GraphQL over HTTP vs the same rows fetched with
// raw SQL (pg) and serialised by hand with JSON.stringify, served over HTTP by a tiny server in this
// process — the same client, the same transport, the same response bytes (checked).
import http from 'node:http';
import pg from 'pg';
import { GEAR_TROUBLE_SQL, SHORTAGES_SQL } from '@loadout/server';
import { BASELINE_CONFLICTS, BASELINE_CREW, BASELINE_EVENTS, SERVER_CONFLICTS, SERVER_CREW, SERVER_WINDOW } from './sql.mjs';
import { graphql, interleave, ms, numbered, percentile, postJson, ratio, signInCookie } from './support.mjs';

export const CALENDAR_QUERY = `query Calendar($from: Date!, $to: Date!) {
  productionEvents(from: $from, to: $to) {
    id title status startDate endDate startTime endTime busyFrom busyTo
    client { name } venue { name } manager { name }
    crew { person { name } crewRole { name } }
    problems { kind message }
  }
}`;

/** Windows around the generator's fixed centre (2026-12-01). */
export const WINDOWS = {
  week: ['2026-12-07', '2026-12-13'],
  month: [process.env.BENCH_MONTH_FROM ?? '2026-12-01', process.env.BENCH_MONTH_TO ?? '2026-12-31'],
  year: ['2026-01-01', '2026-12-31'],
};

const daysText = (from, to) => (from === to ? `on ${from}` : `from ${from} to ${to}`);

/** Adds each row's problem to its event's list, in the order the read model lists them. */
function addProblems(problemsByEvent, rows, problemOf) {
  for (const row of rows) {
    const list = problemsByEvent.get(row.event_id);
    if (list) list.push(problemOf(row));
    else problemsByEvent.set(row.event_id, [problemOf(row)]);
  }
}

/**
 * The hand-made response, byte for byte what the GraphQL query returns (rows in the BASELINE_* shape,
 * equipment problems as the server's two statements return them).
 */
function serialise(events, crew, conflicts, { shortages, trouble }) {
  const crewByEvent = new Map();
  for (const row of crew) {
    const list = crewByEvent.get(row.event_id);
    const member = { person: { name: row.person_name }, crewRole: { name: row.role_name } };
    if (list) list.push(member);
    else crewByEvent.set(row.event_id, [member]);
  }
  const problemsByEvent = new Map();
  addProblems(problemsByEvent, conflicts, (c) => ({ kind: 'CREW_CONFLICT', message: `${c.user_name} is also on "${c.other_title}" ${daysText(c.from_day, c.to_day)}` }));
  addProblems(problemsByEvent, shortages, (s) => ({
    kind: 'EQUIPMENT_SHORTAGE',
    message: `${s.name}: ${s.reserved} reserved but ${Math.max(0, s.available)} available ${daysText(s.from_day, s.to_day)}`,
  }));
  addProblems(problemsByEvent, trouble, (t) =>
    t.kind === 'NOT_RETURNED'
      ? { kind: 'EQUIPMENT_NOT_RETURNED', message: `${t.name} × ${t.quantity} not returned` }
      : { kind: 'EQUIPMENT_DAMAGED', message: `${t.name} × ${t.quantity} came back damaged (in repair)` },
  );
  const productionEvents = events.map((e) => {
    const problems = problemsByEvent.get(e.id) ?? [];
    if (e.problem_note) problems.push({ kind: 'MANUAL', message: e.problem_note });
    return {
      id: e.id,
      title: e.title,
      status: e.status.toUpperCase(),
      startDate: e.start_date,
      endDate: e.end_date,
      startTime: e.start_time,
      endTime: e.end_time,
      busyFrom: e.busy_from,
      busyTo: e.busy_to,
      client: e.client_name === null ? null : { name: e.client_name },
      venue: e.venue_name === null ? null : { name: e.venue_name },
      manager: e.manager_name === null ? null : { name: e.manager_name },
      crew: crewByEvent.get(e.id) ?? [],
      problems,
    };
  });
  // Apollo ends its JSON body with a newline.
  return `${JSON.stringify({ data: { productionEvents } })}\n`;
}

/** Dates and timestamps as text, as MikroORM's PostgreSQL driver sets up pg for the server (no Date parsing). */
const textDates = new pg.TypeOverrides();
for (const oid of [1082, 1114, 1184, 1186]) textDates.setTypeParser(oid, (text) => text);

/**
 * Equipment problems, for both baselines: the server's own two statements (shortages; gear not
 * returned or in repair after the event), as a simpler query would not give the same answer.
 */
async function equipmentProblems(db, ids, today) {
  const [{ rows: shortages }, { rows: trouble }] = await Promise.all([
    db.query(numbered(SHORTAGES_SQL), [ids]),
    db.query(numbered(GEAR_TROUBLE_SQL), [ids, today, ids]),
  ]);
  return { shortages, trouble };
}

/** Today in the company's time zone, as the read model asks the gear-trouble statement. */
async function companyToday(db) {
  const { rows } = await db.query('select time_zone from company_settings where id = 1');
  return new Intl.DateTimeFormat('en-CA', { timeZone: rows[0].time_zone }).format(new Date());
}

/** How each baseline reads its rows: events first, then crew, conflicts and equipment problems in parallel (as the read model does). */
const READERS = {
  /** Hand-written SQL fetching only what the calendar shows. */
  handWritten: {
    events: (db, from, to) => db.query(BASELINE_EVENTS, [from, to]),
    crew: (db, ids) => db.query(BASELINE_CREW, [ids]),
    conflicts: (db, ids) => db.query(BASELINE_CONFLICTS, [ids]),
    shape: (events, crew, conflicts) => [events, crew, conflicts],
  },
  /** The server's own statements (all their columns), to tell SQL cost from the cost of the layers above it. */
  serverSql: {
    events: (db, from, to) => db.query(numbered(SERVER_WINDOW), [from, to]),
    crew: (db, ids) => db.query(numbered(SERVER_CREW), [`{${ids.join(',')}}`]),
    conflicts: (db, ids) => db.query(numbered(SERVER_CONFLICTS), [`{${ids.join(',')}}`]),
    shape: (events, crew, conflicts) => [
      events.map((e) => ({
        id: e.id, title: e.title, status: e.status, start_date: e.start_date, end_date: e.end_date, start_time: e.start_time, end_time: e.end_time,
        busy_from: e.busy_from, busy_to: e.busy_to, problem_note: e.problem_note,
        client_name: e.c_id ? e.c_name : null, venue_name: e.v_id ? e.v_name : null, manager_name: e.m_id ? e.m_name : null,
      })),
      crew.map((a) => ({ event_id: a.event_id, person_name: a.user_name, role_name: a.role_name })),
      conflicts,
    ],
  },
};

/** The baseline server: POST {from, to, reader: 'handWritten' | 'serverSql'} → the calendar JSON, served over HTTP like GraphQL. */
async function startBaseline(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, types: textDates });
  const today = await companyToday(pool);
  const server = http.createServer(async (req, res) => {
    try {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { from, to, reader } = JSON.parse(body);
      const read = READERS[reader];
      const { rows: events } = await read.events(pool, from, to);
      const ids = events.map((e) => e.id);
      const [{ rows: crew }, { rows: conflicts }, equipment] = ids.length
        ? await Promise.all([read.crew(pool, ids), read.conflicts(pool, ids), equipmentProblems(pool, ids, today)])
        : [{ rows: [] }, { rows: [] }, { shortages: [], trouble: [] }];
      const text = serialise(...read.shape(events, crew, conflicts), equipment);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error?.stack ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/calendar`,
    stop: async () => (await new Promise((resolve) => server.close(resolve)), await pool.end()),
  };
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at byte ${i}: GraphQL …${a.slice(Math.max(0, i - 60), i + 60)}… vs baseline …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

/** Runs the calendar benchmark; returns Markdown lines and the figures. */
export async function benchCalendar(server, { counter = server, iterations = Number(process.env.BENCH_CALENDAR_ITERATIONS ?? 20), year = process.env.BENCH_YEAR !== '0', log = console.log } = {}) {
  const baseline = await startBaseline(server.databaseUrl);
  try {
    const [from, to] = WINDOWS.month;
    const cookie = await signInCookie(server.url);
    const viaGraphql = () => graphql(server.url, cookie, CALENDAR_QUERY, { from, to });
    const viaBaseline = (reader) => postJson(baseline.url, { from, to, reader });

    // Same bytes? (also warms every path up)
    const g = await viaGraphql();
    const same = {};
    for (const reader of Object.keys(READERS)) {
      const b = await viaBaseline(reader);
      same[reader] = g.text === b.text;
      if (!same[reader]) log(`  ! ${reader} baseline differs from GraphQL ${firstDifference(g.text, b.text)}`);
    }
    const events = g.body.data.productionEvents;
    const month = {
      events: events.length,
      crew: events.reduce((n, e) => n + e.crew.length, 0),
      conflicts: events.reduce((n, e) => n + e.problems.filter((p) => p.kind === 'CREW_CONFLICT').length, 0),
      shortages: events.reduce((n, e) => n + e.problems.filter((p) => p.kind === 'EQUIPMENT_SHORTAGE').length, 0),
      eventsWithProblems: events.filter((e) => e.problems.length > 0).length,
      bytes: Buffer.byteLength(g.text),
    };
    const yesNo = (ok) => (ok ? 'yes' : '**no**');
    log(`  month ${from}…${to}: ${month.events} events, ${month.crew} crew rows, ${month.conflicts} conflict problems, ${month.shortages} shortages, ${(month.bytes / 1e6).toFixed(2)} MB; ` +
      `bytes identical: hand-written ${same.handWritten ? 'yes' : 'NO'}, server SQL ${same.serverSql ? 'yes' : 'NO'}`);

    log(`  timing ${iterations} rounds (GraphQL, hand-written SQL baseline, server-SQL baseline), interleaved…`);
    const samples = await interleave(iterations, {
      graphql: async () => (await viaGraphql()).ms,
      handWritten: async () => (await viaBaseline('handWritten')).ms,
      serverSql: async () => (await viaBaseline('serverSql')).ms,
    });

    // Statement counts: a fresh session, so no sliding-expiry write happens between the requests.
    const counterCookie = await signInCookie(counter.url);
    const statements = {};
    const windowTimes = {};
    for (const [name, [wFrom, wTo]] of Object.entries(WINDOWS)) {
      if (name === 'year' && !year) continue;
      const r = await graphql(counter.url, counterCookie, CALENDAR_QUERY, { from: wFrom, to: wTo });
      statements[name] = { count: counter.statementsOf(r.requestId), events: r.body.data.productionEvents.length };
      windowTimes[name] = r.ms;
    }
    const counts = Object.values(statements).map((x) => x.count);
    const constant = counts.every((c) => c === counts[0]);
    log(`  SQL statements per request: ${Object.entries(statements).map(([k, v]) => `${k} ${v.count} (${v.events} events, ${ms(windowTimes[k])} ms)`).join(', ')} → constant: ${constant ? 'yes' : 'NO'}`);

    const fig = (name) => ({ p50: percentile(samples[name], 50), p99: percentile(samples[name], 99) });
    const figures = { graphql: fig('graphql'), handWritten: fig('handWritten'), serverSql: fig('serverSql') };
    const row = (name, base, p, goal) => `| ${name}, ${p} | ${ms(figures.graphql[p])} | ${ms(figures[base][p])} | ${ratio(figures.graphql[p], figures[base][p])} | ${goal} |`;
    const lines = [
      '## Month calendar (`productionEvents`, one month)',
      '',
      `Period ${from} … ${to}: ${month.events} events, ${month.crew} crew rows, ${month.conflicts} crew-conflict problems, ${month.shortages} equipment shortages ` +
        `(${month.eventsWithProblems} events with a problem), ${(month.bytes / 1e6).toFixed(2)} MB of JSON. ${iterations} rounds, interleaved, over HTTP from the same client ` +
        `(with so few rounds p99 is the slowest one). Timings from an instance without statement counting; counts from a second instance with \`countStatements: true\`.`,
      '',
      'Baselines, served by a tiny HTTP server in the bench process (same client, same transport, rows serialised by hand with JSON.stringify; ' +
        'events first, then crew, conflicts and equipment problems in parallel, as the read model does; ' +
        "the equipment problems — shortages, gear not returned or in repair — by the server's own two statements in both, as a simpler query would not give the same answer):",
      `- **hand-written SQL**: events with client/venue/manager names, crew names and roles, and the conflicts by an equivalent window-scoped query, only the columns shown. Response bytes identical to GraphQL: ${yesNo(same.handWritten)}.`,
      `- **server's SQL**: the read model's own statements (every column; dates as text, like MikroORM's pg setup) through pg — the ratio against it is the cost of MikroORM's execute, the view building, type-graphql and Apollo. Bytes identical: ${yesNo(same.serverSql)}.`,
      '',
      '| figure | GraphQL (ms) | baseline (ms) | ratio | goal |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('month vs hand-written SQL', 'handWritten', 'p50', '≤ 2×'),
      row('month vs hand-written SQL', 'handWritten', 'p99', '≤ 2×'),
      row("month vs the server's SQL, serialised by hand", 'serverSql', 'p50', '—'),
      row("month vs the server's SQL, serialised by hand", 'serverSql', 'p99', '—'),
      '',
      '| window | events | SQL statements per GraphQL request | one request (ms, statement-counting instance) |',
      '| --- | ---: | ---: | ---: |',
      ...Object.entries(statements).map(([name, v]) => `| ${name} ${WINDOWS[name].join(' … ')} | ${v.events} | ${v.count} | ${ms(windowTimes[name])} |`),
      `| constant across windows | | ${constant ? 'yes' : '**no**'} | |`,
      '',
    ];
    return { lines, figures, month, statements, constant, same, monthEvents: events };
  } finally {
    await baseline.stop();
  }
}
