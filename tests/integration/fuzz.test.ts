import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, ERROR_CODES, wsExecute } from './support/contract.js';
import { HOSTILE_STRINGS, operationArbitrary, type FuzzOperation, type FuzzOptions, type Root } from './support/fuzz-schema.js';
import { expectNoLeakExcept, expectNoStackOrPath } from './support/leaks.js';
import { HttpSession, liveClient, signIn, startTestServer, type TestServer } from './support/harness.js';

/**
 * Property-based fuzzing from the live schema: thousands of valid-but-random operations (random
 * root field, variables of the declared types with hostile values, random selections) as every
 * kind of viewer over HTTP and a sample over WebSocket. Whatever the input: no 500, only codes of
 * the error contract (and never an unexpected INTERNAL_SERVER_ERROR), nothing internal in any
 * answer, and the server healthy afterwards.
 *
 * Reproduce a failure with the seed fast-check prints: FUZZ_SEED=<seed> (and FUZZ_RUNS for more
 * batches of 8). FUZZ_COLLECT=1 logs every failing operation instead of stopping at the first.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);
const BATCH = 8;
const HTTP_RUNS = Number(process.env.FUZZ_RUNS ?? 1_260); // × 8 operations
const WS_RUNS = Math.ceil(HTTP_RUNS / 10);

/**
 * Never generated: they would end or narrow the fuzzing sessions (logout, logoutEverywhere,
 * changePassword; deactivateUser, resetUserPassword and updateUser of a fuzzing account, which end its
 * sessions or change its role), reach outside the test (webhooks deliver to their URL) or write
 * backup files (runBackup, which the backup tests cover). The staff tests cover those rules.
 */
const EXCLUDED = new Set([
  'logout', 'logoutEverywhere', 'changePassword', 'deactivateUser', 'resetUserPassword', 'updateUser',
  'createWebhook', 'updateWebhook', 'runBackup',
]);

type Role = 'admin' | 'manager' | 'engineer' | 'anonymous';
const ROLES: Role[] = ['admin', 'manager', 'engineer', 'anonymous'];
const ALLOWED_CODES = ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR');

let t: TestServer;
let schema: GraphQLSchema;
const sessions = {} as Record<Exclude<Role, 'anonymous'>, HttpSession>;
let options: FuzzOptions;
const stats = { operations: 0, withData: 0, codes: new Map<string, number>(), statuses: new Map<number, number>() };
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

beforeAll(async () => {
  t = await startTestServer({ demo: true });
  for (const role of ['admin', 'manager', 'engineer'] as const) sessions[role] = await signIn(t.url, `${role}@loadout.demo`);
  const introspection = await sessions.admin.request<IntrospectionQuery>(getIntrospectionQuery());
  expect(introspection.errors).toBeUndefined();
  schema = buildClientSchema(introspection.data!);

  // Real ids, so that generated operations also reach resolvers and services, not only "not found".
  const known = await sessions.admin.request(
    `{ me { id } clients(page: { limit: 20 }) { clients { id } } venues(includeArchived: true) { id } crewRoles(includeRetired: true) { id }
       productionEvents(from: "2026-09-01", to: "2027-03-01") { id crew { id person { id } } } webhooks { id } }`,
  );
  expect(known.errors).toBeUndefined();
  const data = known.data!;
  const fuzzers = new Set<string>();
  for (const role of ['admin', 'manager', 'engineer'] as const) fuzzers.add((await sessions[role].request('{ me { id } }')).data!.me.id);
  const ids = [
    ...data.clients.clients.map((c: { id: string }) => c.id),
    ...data.venues.map((v: { id: string }) => v.id),
    ...data.crewRoles.map((r: { id: string }) => r.id),
    ...data.productionEvents.flatMap((e: { id: string; crew: Array<{ id: string; person: { id: string } }> }) => [e.id, ...e.crew.flatMap((c) => [c.id, c.person.id])]),
    ...data.webhooks.map((w: { id: string }) => w.id),
  ];
  options = { exclude: EXCLUDED, knownIds: [...new Set([...ids, ...fuzzers])].slice(0, 200), maxDepth: 5 };
  expect(options.knownIds.length).toBeGreaterThan(10);
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

interface Answer {
  data?: unknown;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

function describeFailure(role: string, operation: FuzzOperation, detail: string): string {
  const variables = JSON.stringify(operation.variables, (_key, value) => (typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…(${value.length})` : value));
  return `${detail}\n  as ${role}: ${operation.query}\n  variables: ${variables}`;
}

/** The checks every answer passes, over either transport. */
function checkAnswer(role: string, operation: FuzzOperation, answer: Answer, text: string): void {
  const fail = (detail: string) => {
    throw new Error(describeFailure(role, operation, detail));
  };
  if (answer.data === undefined && !answer.errors?.length) fail(`neither data nor errors: ${text.slice(0, 500)}`);
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code;
    bump(stats.codes, String(code));
    if (typeof error.message !== 'string') fail(`an error without a message: ${JSON.stringify(error)}`);
    if (!(ALLOWED_CODES as readonly unknown[]).includes(code)) fail(`code ${String(code)} is not in the contract (or is an unexpected failure): ${JSON.stringify(error).slice(0, 1_000)}`);
  }
  if (answer.data && !answer.errors?.length) stats.withData++;
  try {
    // Errors: nothing internal at all (inputs quoted back excepted). Data echoes what earlier
    // operations stored (venue names like "1; SELECT …" in journal summaries), so there only what
    // no stored text explains: stack frames, source paths.
    expectNoLeakExcept(JSON.stringify(answer.errors ?? []), [...operation.sentStrings, ...HOSTILE_STRINGS]);
    expectNoStackOrPath(JSON.stringify(answer.data ?? null));
  } catch (error) {
    fail(`leak: ${(error as Error).message.slice(0, 1_500)}`);
  }
}

async function runOverHttp(role: Role, operation: FuzzOperation): Promise<void> {
  const cookie = role === 'anonymous' ? undefined : sessions[role].cookie;
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: operation.query, variables: operation.variables, operationName: 'Fuzz' }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  stats.operations++;
  bump(stats.statuses, response.status);
  if (response.status >= 500) throw new Error(describeFailure(role, operation, `HTTP ${response.status}: ${text.slice(0, 1_000)}`));
  let answer: Answer;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    throw new Error(describeFailure(role, operation, `not JSON (HTTP ${response.status}): ${text.slice(0, 500)}`));
  }
  checkAnswer(role, operation, answer, text);
}

/** One operation over graphql-ws: the first result (or error), then completed by us; a close fails. */
function runOverWs(client: Client, role: string, operation: FuzzOperation, closed: () => string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stats.operations++;
      dispose();
      if (error) reject(error);
      else resolve();
    };
    const check = (answer: Answer) => {
      try {
        checkAnswer(role, operation, answer, JSON.stringify(answer));
        finish();
      } catch (error) {
        finish(error as Error);
      }
    };
    const dispose = client.subscribe(
      { query: operation.query, variables: operation.variables, operationName: 'Fuzz' },
      {
        next: (value) => check(value as Answer),
        error: (error) => {
          if (Array.isArray(error)) check({ errors: error });
          else finish(new Error(describeFailure(role, operation, `socket ended: ${closed() ?? String(error)}`)));
        },
        complete: () => finish(),
      },
    );
    // A subscription that is accepted and has nothing to say yet is fine: give it a moment, then complete it.
    const timer = setTimeout(
      () => (operation.root === 'subscription' ? finish() : finish(new Error(describeFailure(role, operation, 'no answer within 20 s')))),
      operation.root === 'subscription' ? 150 : 20_000,
    );
  });
}

describe('fuzzing from the schema', () => {
  it(`≥ 10,000 random operations over HTTP as admin, manager, engineer and anonymous (seed ${SEED})`, async () => {
    const started = performance.now();
    const roots: Root[] = ['query', 'query', 'mutation', 'subscription'];
    const operation = fc.tuple(fc.constantFrom(...ROLES), operationArbitrary(schema, roots, options));
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(([role, op]) => runOverHttp(role, op).catch((error: Error) => {
          if (!process.env.FUZZ_COLLECT) throw error;
          console.error(`FUZZFAIL ${error.message.slice(0, 1500)}`);
        })));
      }),
      { seed: SEED, numRuns: HTTP_RUNS, endOnFailure: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz over HTTP: ${stats.operations} operations in ${seconds} s (seed ${SEED}); ${stats.withData} answered without errors; ` +
        `statuses ${JSON.stringify(Object.fromEntries(stats.statuses))}; codes ${JSON.stringify(Object.fromEntries(stats.codes))}`,
    );
    expect(stats.operations).toBeGreaterThanOrEqual(10_000);
    expect(stats.statuses.has(500)).toBe(false);
    // Not only rejected at validation: a good share runs to the end and answers.
    expect(stats.withData).toBeGreaterThan(stats.operations / 10);
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']) expect(stats.codes.get(code) ?? 0).toBeGreaterThan(0);
  }, 900_000);

  it('a sample over WebSocket as admin, manager and engineer, queries, mutations and subscriptions alike', async () => {
    const before = stats.operations;
    const closes: Record<string, string | undefined> = {};
    const wsRoles = ['admin', 'manager', 'engineer'] as const;
    const clients = Object.fromEntries(
      wsRoles.map((role) => [
        role,
        liveClient(t.wsUrl, {
          cookie: sessions[role].cookie,
          // 1000 is the graphql-ws client closing its own socket when its operation count drops to
          // zero (disposing an operation in the tick its answer arrives can do that); it reconnects
          // for the next one. The server never closes with 1000: any other code is a failure.
          onClose: (event) => {
            if (event.code !== 1000) closes[role] = `${event.code} ${event.reason}`;
          },
        }),
      ]),
    ) as Record<(typeof wsRoles)[number], Client>;
    try {
      await Promise.all(Object.values(clients).map((client) => connected(client)));
      const operation = fc.tuple(fc.constantFrom(...wsRoles), operationArbitrary(schema, ['query', 'mutation', 'subscription'], options));
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          await Promise.all(batch.map(([role, op]) => runOverWs(clients[role], role, op, () => closes[role])));
        }),
        { seed: SEED, numRuns: WS_RUNS, endOnFailure: true },
      );
      expect(closes).toEqual({});
    } finally {
      for (const client of Object.values(clients)) await client.dispose();
    }
    expect(stats.operations - before).toBeGreaterThanOrEqual(WS_RUNS * BATCH);
    console.info(`fuzz over WebSocket: ${stats.operations - before} operations`);
  }, 120_000);

  it('the server is healthy afterwards: /healthz, every session, anonymous reads', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    for (const role of ['admin', 'manager', 'engineer'] as const) {
      const me = await sessions[role].request('{ me { email } }');
      expect(me.data?.me).toEqual({ email: `${role}@loadout.demo` });
    }
    const anonymous = await new HttpSession(t.url).request('{ appInfo { version } }');
    expect(anonymous.errors).toBeUndefined();
    const client = liveClient(t.wsUrl, { cookie: sessions.engineer.cookie });
    try {
      await connected(client);
    } finally {
      await client.dispose();
    }
  });
});

describe('what the fuzzer found, pinned', () => {
  it('an explicit null filter or page is the same as none (it was an INTERNAL_SERVER_ERROR)', async () => {
    const response = await sessions.admin.request(
      `query($f: ClientFilter, $p: PageInput, $j: JournalFilter, $e: ProductionEventFilter, $q: EquipmentItemFilter) {
         clients(filter: $f, page: $p) { total } journal(filter: $j, page: $p) { total }
         productionEvents(from: "2026-11-01", to: "2026-11-30", filter: $e) { id }
         equipmentItems(filter: $q, page: $p) { total } }`,
      { f: null, p: null, j: null, e: null, q: null },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.clients.total).toBeGreaterThan(0);
    expect(response.data?.journal.total).toBeGreaterThan(0);
    expect(response.data?.equipmentItems.total).toBeGreaterThan(0);
  });

  it('crewSchedule with a crewRoleId that is not an id is BAD_USER_INPUT naming it (it was an INTERNAL_SERVER_ERROR)', async () => {
    const response = await sessions.manager.request('{ crewSchedule(from: "2026-11-01", to: "2026-11-10", crewRoleId: "${process.env}") { person { id } } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'crewRoleId' }] });
  });

  it('a NUL character or a lone surrogate in a string is BAD_USER_INPUT naming where, over HTTP and WebSocket (PostgreSQL cannot store them)', async () => {
    const login = await new HttpSession(t.url).request('mutation($e: String!) { login(email: $e, password: "loadout-demo") { id } }', { e: 'a\u0000b' });
    expect(login.status).toBe(400);
    expect(login.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'e' }] });
    const nested = await sessions.admin.request('mutation($input: VenueInput!) { createVenue(input: $input) { id } }', { input: { name: 'Hall\u0000' } });
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.name' }] });
    const surrogate = await sessions.admin.request('mutation($input: VenueInput!) { createVenue(input: $input) { id } }', { input: { name: 'Hall \ud800' } });
    expect(surrogate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.name' }] });
    const inline = await sessions.admin.request('{ venues(search: "x\\u0000y") { id } }');
    expect(inline.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'search' }] });
    // Nothing was written: the venue list has no such name.
    const venues = await sessions.admin.request('{ venues(includeArchived: true) { name } }');
    expect(venues.data?.venues.map((v: { name: string }) => v.name)).not.toContain('Hall\u0000');

    const client = liveClient(t.wsUrl, { cookie: sessions.admin.cookie });
    try {
      await connected(client);
      const overWs = await wsExecute(client, 'query($s: String) { venues(search: $s) { id } }', { s: '\u0000' });
      expect(overWs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 's' }] });
    } finally {
      await client.dispose();
    }
  });
});
