// (1) The month calendar: productionEvents through GraphQL over HTTP vs the same rows fetched with
// raw SQL (pg) and serialised by hand with JSON.stringify, served over HTTP by a tiny server in this
// process — the same client, the same transport, the same response bytes (checked).
import http from 'node:http';
import pg from 'pg';
import { BASELINE_CREW, BASELINE_EVENTS, SERVER_CONFLICTS, SUGGESTED_CONFLICTS } from './sql.mjs';
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

/** The hand-made response, byte for byte what the GraphQL query returns. */
function serialise(events, crew, conflicts) {
  const crewByEvent = new Map();
  for (const row of crew) {
    const list = crewByEvent.get(row.event_id);
    const member = { person: { name: row.person_name }, crewRole: { name: row.role_name } };
    if (list) list.push(member);
    else crewByEvent.set(row.event_id, [member]);
  }
  const problemsByEvent = new Map();
  for (const c of conflicts) {
    const days = c.from_day === c.to_day ? `on ${c.from_day}` : `from ${c.from_day} to ${c.to_day}`;
    const problem = { kind: 'CREW_CONFLICT', message: `${c.user_name} is also on "${c.other_title}" ${days}` };
    const list = problemsByEvent.get(c.event_id);
    if (list) list.push(problem);
    else problemsByEvent.set(c.event_id, [problem]);
  }
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
  return JSON.stringify({ data: { productionEvents } });
}

/**
 * The baseline server: POST {from, to, conflicts: 'server' | 'suggested'} → the calendar JSON.
 * Like the read model: events first, then crew and conflicts in parallel on two connections.
 */
async function startBaseline(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const conflictSql = { server: numbered(SERVER_CONFLICTS), suggested: numbered(SUGGESTED_CONFLICTS) };
  const server = http.createServer(async (req, res) => {
    try {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { from, to, conflicts } = JSON.parse(body);
      const { rows: events } = await pool.query(BASELINE_EVENTS, [from, to]);
      const ids = events.map((e) => e.id);
      const [{ rows: crew }, { rows: found }] = ids.length
        ? await Promise.all([pool.query(BASELINE_CREW, [ids]), pool.query(conflictSql[conflicts], [`{${ids.join(',')}}`])])
        : [{ rows: [] }, { rows: [] }];
      const text = serialise(events, crew, found);
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
export async function benchCalendar(server, { iterations = Number(process.env.BENCH_CALENDAR_ITERATIONS ?? 15), year = process.env.BENCH_YEAR !== '0', log = console.log } = {}) {
  const baseline = await startBaseline(server.databaseUrl);
  try {
    const [from, to] = WINDOWS.month;
    const cookie = await signInCookie(server.url);
    const viaGraphql = () => graphql(server.url, cookie, CALENDAR_QUERY, { from, to });
    const viaBaseline = (conflicts) => postJson(baseline.url, { from, to, conflicts });

    // Same bytes? (also warms both paths up)
    const g = await viaGraphql();
    const b = await viaBaseline('server');
    const s = await viaBaseline('suggested');
    const events = g.body.data.productionEvents;
    const sameBytes = g.text === b.text;
    const sameSuggested = g.text === s.text;
    if (!sameBytes) log(`  ! baseline differs from GraphQL ${firstDifference(g.text, b.text)}`);
    if (!sameSuggested) log(`  ! suggested-SQL baseline differs from GraphQL ${firstDifference(g.text, s.text)}`);
    const month = {
      events: events.length,
      crew: events.reduce((n, e) => n + e.crew.length, 0),
      conflicts: events.reduce((n, e) => n + e.problems.filter((p) => p.kind === 'CREW_CONFLICT').length, 0),
      eventsWithProblems: events.filter((e) => e.problems.length > 0).length,
      bytes: Buffer.byteLength(g.text),
    };
    log(`  month ${from}…${to}: ${month.events} events, ${month.crew} crew rows, ${month.conflicts} conflict problems, ${(month.bytes / 1e6).toFixed(2)} MB; baseline bytes identical: ${sameBytes ? 'yes' : 'NO'}`);

    log(`  timing ${iterations} rounds (GraphQL, baseline with the server's conflict SQL, baseline with the suggested SQL)…`);
    const samples = await interleave(iterations, {
      graphql: async () => (await viaGraphql()).ms,
      baseline: async () => (await viaBaseline('server')).ms,
      suggested: async () => (await viaBaseline('suggested')).ms,
    });

    // Statement counts: a fresh session, so no sliding-expiry write happens between the requests.
    const counter = await signInCookie(server.url);
    const statements = {};
    const windowTimes = {};
    for (const [name, [wFrom, wTo]] of Object.entries(WINDOWS)) {
      if (name === 'year' && !year) continue;
      const r = await graphql(server.url, counter, CALENDAR_QUERY, { from: wFrom, to: wTo });
      statements[name] = { count: server.statementsOf(r.requestId), events: r.body.data.productionEvents.length };
      windowTimes[name] = r.ms;
    }
    const counts = Object.values(statements).map((x) => x.count);
    const constant = counts.every((c) => c === counts[0]);
    log(`  SQL statements per request: ${Object.entries(statements).map(([k, v]) => `${k} ${v.count} (${v.events} events, ${ms(windowTimes[k])} ms)`).join(', ')} → constant: ${constant ? 'yes' : 'NO'}`);

    const fig = (name) => ({ p50: percentile(samples[name], 50), p99: percentile(samples[name], 99) });
    const figures = { graphql: fig('graphql'), baseline: fig('baseline'), suggested: fig('suggested') };
    const lines = [
      '## Month calendar (`productionEvents`, one month)',
      '',
      `Period ${from} … ${to}: ${month.events} events, ${month.crew} crew rows, ${month.conflicts} crew-conflict problems ` +
        `(${month.eventsWithProblems} events with a problem), ${(month.bytes / 1e6).toFixed(2)} MB of JSON. ${iterations} rounds, interleaved, over HTTP from the same client.`,
      `Baseline: raw SQL with pg (events with client/venue/manager joins, crew, conflicts — crew and conflicts in parallel like the server), ` +
        `serialised by hand with JSON.stringify, served by a tiny HTTP server in the bench process. ` +
        `Response bytes identical to GraphQL: ${sameBytes ? 'yes' : '**no**'} (suggested-SQL variant: ${sameSuggested ? 'yes' : '**no**'}).`,
      '',
      '| figure | GraphQL (ms) | baseline (ms) | ratio | goal |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| month, p50 — baseline uses the server's conflict SQL | ${ms(figures.graphql.p50)} | ${ms(figures.baseline.p50)} | ${ratio(figures.graphql.p50, figures.baseline.p50)} | ≤ 2× |`,
      `| month, p99 — baseline uses the server's conflict SQL | ${ms(figures.graphql.p99)} | ${ms(figures.baseline.p99)} | ${ratio(figures.graphql.p99, figures.baseline.p99)} | ≤ 2× |`,
      `| month, p50 — baseline uses the window-scoped conflict SQL | ${ms(figures.graphql.p50)} | ${ms(figures.suggested.p50)} | ${ratio(figures.graphql.p50, figures.suggested.p50)} | ≤ 2× |`,
      `| month, p99 — baseline uses the window-scoped conflict SQL | ${ms(figures.graphql.p99)} | ${ms(figures.suggested.p99)} | ${ratio(figures.graphql.p99, figures.suggested.p99)} | ≤ 2× |`,
      '',
      '| window | events | SQL statements per GraphQL request | one request (ms) |',
      '| --- | ---: | ---: | ---: |',
      ...Object.entries(statements).map(([name, v]) => `| ${name} ${WINDOWS[name].join(' … ')} | ${v.events} | ${v.count} | ${ms(windowTimes[name])} |`),
      `| constant across windows | | ${constant ? 'yes' : '**no**'} | |`,
      '',
    ];
    return { lines, figures, month, statements, constant, sameBytes, monthEvents: events };
  } finally {
    await baseline.stop();
  }
}
