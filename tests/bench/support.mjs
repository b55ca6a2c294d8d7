// Shared helpers of the benchmarks: percentiles, sign-in, GraphQL over HTTP, EXPLAIN summaries.

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const ratio = (value, base) => `${(value / base).toFixed(2)}×`;

export async function signInCookie(url, email = 'admin@loadout.demo', password = 'loadout-demo') {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', variables: { e: email, p: password } }),
  });
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error(`Sign-in as ${email} failed: ${await response.text()}`);
  return cookie.split(';')[0];
}

/** One GraphQL request over HTTP: the whole body read, timed on the client. */
export async function graphql(url, cookie, query, variables) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  const body = JSON.parse(text);
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { body, text, ms: elapsed, requestId: response.headers.get('x-request-id') };
}

/** POSTs JSON to the bench's own baseline server; same client path as `graphql`. */
export async function postJson(url, payload) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`Baseline server: ${response.status} ${text.slice(0, 500)}`);
  return { text, ms: elapsed };
}

/** Turns MikroORM-style `?` placeholders into `$n` (our statements have no literal question marks). */
export function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The big tables: a Seq Scan on them at 100k events is what the EXPLAIN check is about. */
export const WATCHED_TABLES = ['production_event', 'crew_assignment'];

/**
 * EXPLAIN (ANALYZE, FORMAT JSON) of a statement: every plan node as "Type on relation (index)",
 * whether any sequential scan touched production_event or crew_assignment (`indexOnly`), and the
 * sequential scans of other (small: app_user, client, venue, crew_role) tables, which are fine.
 */
export async function explain(db, sql, params) {
  const { rows } = await db.query(`explain (analyze, format json) ${sql}`, params);
  const plan = rows[0]['QUERY PLAN'][0];
  const nodes = [];
  const walk = (node) => {
    nodes.push({ type: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] });
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  const watched = new Set(WATCHED_TABLES);
  const seqOn = (keep) => [...new Set(nodes.filter((node) => node.type === 'Seq Scan' && keep(node.relation)).map((node) => node.relation))];
  const seqScans = seqOn((relation) => watched.has(relation));
  const smallSeqScans = seqOn((relation) => relation && !watched.has(relation));
  const scans = [
    ...new Set(
      nodes.filter((node) => node.relation).map((node) => `${node.type} on ${node.relation}${node.index ? ` (${node.index})` : ''}`),
    ),
  ];
  const types = [...new Set(nodes.map((node) => node.type))];
  return { types, scans, seqScans, smallSeqScans, indexOnly: seqScans.length === 0, executionMs: plan['Execution Time'] };
}

/** Interleaves two or more measured functions so noise hits them alike; returns samples per name. */
export async function interleave(iterations, cases) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < iterations; i++) {
    for (const [name, run] of Object.entries(cases)) samples[name].push(await run(i));
  }
  return samples;
}
