/**
 * The generated permission matrix: every root field of the running server's schema × every
 * built-in role (and an anonymous visitor) → allowed, or FORBIDDEN with no side effect but the
 * journaled refusal. Operations and their arguments are generated from the schema, so a new field
 * is covered as soon as it has an entry in permission-map.ts — and fails here until it has one.
 */
import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, DEMO_ACCOUNTS, DEMO_PASSWORD } from '@loadout/server';
import { connected } from './support/contract.js';
import { collect, HttpSession, liveClient, signIn, startTestServer, type TestServer } from './support/harness.js';
import { isAllowed, PERMISSION_MAP, type FieldRule } from './permission-map.js';

type RootName = keyof typeof PERMISSION_MAP;
const ROOTS: RootName[] = ['Query', 'Mutation', 'Subscription'];
const MISSING_ID = randomUUID();

let t: TestServer;
let schema: GraphQLSchema;
let db: pg.Client;
const sessions = new Map<string, HttpSession>();
const userIds = new Map<string, string>();

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return MISSING_ID;
      case 'Int':
      case 'Float':
      case 'SafeInt':
        return 1;
      case 'Boolean':
        return false;
      case 'Date':
        return '2027-01-04';
      case 'DateTime':
        return '2027-01-04T10:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** One operation calling `field` with every required argument filled in, selecting only `__typename` below it. */
function operationFor(root: RootName, field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declarations = required.map((arg, i) => `$a${i}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg, i) => `${arg.name}: $a${i}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  const keyword = root.toLowerCase();
  return {
    query: `${keyword}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg, i) => [`a${i}`, sampleValue(arg.type)])),
  };
}

/** Everything a refused call must leave untouched: every table but the journal and the session bookkeeping, and the journal's other rows. */
async function fingerprint(): Promise<{ tables: string; journal: number; refusals: number }> {
  const { rows } = await db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('journal', 'session', 'presence', 'mikro_orm_migrations') order by table_name",
  );
  const parts = rows.map((r) => `select '${r.table_name}:' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${r.table_name} t`).join(' union all ');
  const tables = await db.query<{ h: string }>(`select string_agg(h, '|' order by h) as h from (${parts}) x`);
  const journal = await db.query<{ other: number; refusals: number }>(
    "select count(*) filter (where action <> 'auth.forbidden')::int as other, count(*) filter (where action = 'auth.forbidden')::int as refusals from journal",
  );
  return { tables: tables.rows[0].h, journal: journal.rows[0].other, refusals: journal.rows[0].refusals };
}

async function latestRefusal(): Promise<{ actor_id: string; object_id: string; context: Record<string, unknown> }> {
  const { rows } = await db.query("select actor_id, object_id, context from journal where action = 'auth.forbidden' order by seq desc limit 1");
  return rows[0];
}

const ROLE_ACCOUNTS = BUILT_IN_ROLES.map((role) => ({ role: role.name, permissions: new Set<string>(role.permissions), email: DEMO_ACCOUNTS.find((a) => a.roleName === role.name)!.email }));

async function sessionFor(email: string, rule: FieldRule): Promise<HttpSession> {
  if (rule.endsSession) return signIn(t.url, email, DEMO_PASSWORD);
  let session = sessions.get(email);
  if (!session) {
    session = await signIn(t.url, email, DEMO_PASSWORD);
    sessions.set(email, session);
  }
  return session;
}

beforeAll(async () => {
  t = await startTestServer();
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  const admin = await signIn(t.url, 'admin@loadout.demo');
  const introspection = await admin.request<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(introspection.data!);
  for (const account of ROLE_ACCOUNTS) {
    const { rows } = await db.query('select id from app_user where email = $1', [account.email]);
    userIds.set(account.email, rows[0].id);
  }
}, 60_000);
afterAll(async () => {
  await db?.end();
  await t?.stop();
});

describe('the permission map', () => {
  it('has exactly one entry for every root field of the schema', () => {
    for (const root of ROOTS) {
      const type = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      const fields = Object.keys(type!.getFields()).sort();
      const missing = fields.filter((f) => !PERMISSION_MAP[root][f]);
      const stale = Object.keys(PERMISSION_MAP[root]).filter((f) => !fields.includes(f));
      expect(missing, `${root} fields without an entry in permission-map.ts`).toEqual([]);
      expect(stale, `${root} entries in permission-map.ts that the schema no longer has`).toEqual([]);
    }
  });
});

describe.each(['Query', 'Mutation'] as const)('%s fields × roles over HTTP', (root) => {
  it('answers each role as the map says; refusals are FORBIDDEN, journaled, and change nothing else', async () => {
    const type = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    const outcomes: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const rule = PERMISSION_MAP[root][field.name];
      if (!rule) continue; // reported by the map test
      const { query, variables } = operationFor(root, field);

      if (rule.requires !== 'public') {
        const anonymous = await new HttpSession(t.url).request(query, variables);
        expect(anonymous.errors?.[0]?.extensions?.code, `${field.name} anonymously`).toBe('UNAUTHENTICATED');
      }

      for (const account of ROLE_ACCOUNTS) {
        const allowed = isAllowed(rule.requires, account.permissions);
        const session = await sessionFor(account.email, rule);
        const before = allowed ? undefined : await fingerprint();
        const response = await session.request(query, variables);
        // logoutEverywhere ends every session of the account, the cached one too.
        if (rule.endsSession) sessions.delete(account.email);
        const codes = (response.errors ?? []).map((e) => e.extensions?.code);
        const label = `${field.name} as ${account.role}`;
        if (allowed) {
          expect(codes, `${label} should be allowed: ${JSON.stringify(response.errors)}`).not.toContain('FORBIDDEN');
          if (rule.requires !== 'public') expect(codes, label).not.toContain('UNAUTHENTICATED');
          outcomes.push(`${label}: allowed${codes.length ? ` (${codes[0]})` : ''}`);
        } else {
          expect(codes, `${label} should be FORBIDDEN: ${JSON.stringify(response)}`).toEqual(['FORBIDDEN']);
          expect(response.data?.[field.name] ?? null, label).toBeNull();
          const after = await fingerprint();
          expect(after.tables, `${label} changed data`).toBe(before!.tables);
          expect(after.journal, `${label} journaled a change`).toBe(before!.journal);
          expect(after.refusals, `${label} refusal journaled once`).toBe(before!.refusals + 1);
          const refusal = await latestRefusal();
          expect(refusal.object_id, label).toBe(field.name);
          expect(refusal.actor_id, label).toBe(userIds.get(account.email));
          outcomes.push(`${label}: FORBIDDEN`);
        }
      }
    }
    expect(outcomes.length).toBe(Object.keys(type.getFields()).length * ROLE_ACCOUNTS.length);
  }, 240_000);
});

describe('Subscription fields × roles over WebSocket', () => {
  it('answers each role as the map says; refusals are FORBIDDEN, journaled, and change nothing else', async () => {
    const type = schema.getSubscriptionType()!;
    for (const account of ROLE_ACCOUNTS) {
      const session = await signIn(t.url, account.email, DEMO_PASSWORD);
      const client = liveClient(t.wsUrl, { cookie: session.cookie, origin: t.url });
      try {
        await connected(client);
        for (const field of Object.values(type.getFields())) {
          const rule = PERMISSION_MAP.Subscription[field.name];
          if (!rule) continue;
          const { query, variables } = operationFor('Subscription', field);
          const allowed = isAllowed(rule.requires, account.permissions);
          const label = `${field.name} as ${account.role}`;
          const before = await fingerprint();
          const live = collect(client, query, variables);
          if (allowed) {
            // A refusal is sent before any database work; a query sent after it that reads the
            // database answers later. So once this answers, a refusal would have arrived.
            const probe = collect(client, '{ me { id } }');
            await probe.until(() => probe.received.length > 0 || probe.completed, 10_000, `${label} probe`);
            const errors = (Array.isArray(live.failure) ? live.failure : live.received.flatMap((r) => r.errors ?? [])) as Array<{ extensions?: { code?: string } }>;
            // Allowed, though the sample arguments may be refused as input (BAD_USER_INPUT).
            expect(errors.map((e) => e.extensions?.code), `${label} should be allowed: ${JSON.stringify(errors)}`).not.toContain('FORBIDDEN');
            expect(errors.map((e) => e.extensions?.code), label).not.toContain('UNAUTHENTICATED');
            expect(live.failure === undefined || Array.isArray(live.failure), `${label}: the socket closed`).toBe(true);
            live.dispose();
            const after = await fingerprint();
            expect(after.refusals, `${label} journaled a refusal`).toBe(before.refusals);
          } else {
            await live.until(() => live.completed || live.received.length > 0, 10_000, `${label} refusal`);
            const errors = (Array.isArray(live.failure) ? live.failure : live.received.flatMap((r) => r.errors ?? [])) as Array<{ extensions?: { code?: string } }>;
            expect(errors.map((e) => e.extensions?.code), label).toEqual(['FORBIDDEN']);
            const after = await fingerprint();
            expect(after.tables, `${label} changed data`).toBe(before.tables);
            expect(after.journal, `${label} journaled a change`).toBe(before.journal);
            expect(after.refusals, `${label} refusal journaled once`).toBe(before.refusals + 1);
            const refusal = await latestRefusal();
            expect(refusal.object_id, label).toBe(field.name);
            expect(refusal.actor_id, label).toBe(userIds.get(account.email));
          }
        }
      } finally {
        await client.dispose();
      }
    }
  }, 120_000);
});
