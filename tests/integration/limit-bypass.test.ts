import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@loadout/server';
import { liveClient, signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';
import { connected, expectCode, expectNoLeak, gql, rawPost, rawSocketOutcome, WebSocket, wsExecute } from './support/contract.js';

/**
 * Known ways around depth, alias, directive, token, cost and size limits, each refused on HTTP and
 * on WebSocket alike with BAD_USER_INPUT (PAYLOAD_TOO_LARGE / 1009 for size), quickly, with the
 * connection left open — and an ordinary request still answered afterwards.
 */
let t: TestServer;
let admin: HttpSession;

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(async () => {
  await t?.stop();
});

const times = (n: number, make: (i: number) => string, separator = ' ') => Array.from({ length: n }, (_, i) => make(i)).join(separator);
const ALIASES_OVER = LIMITS.maxAliases + 1;
const DEPTH_OVER = LIMITS.maxDepth; // inline/named fragment levels that, with two fields, exceed the depth limit

/** Each shape names a document that must be refused; `ok` is a near miss that must still work. */
const SHAPES: Record<string, { over: string; ok?: string }> = {
  'alias flooding through one fragment': {
    over: `{ ...F } fragment F on Query { ${times(ALIASES_OVER, (i) => `a${i}: appInfo { version }`)} }`,
    ok: `{ ...F } fragment F on Query { ${times(LIMITS.maxAliases, (i) => `a${i}: appInfo { version }`)} }`,
  },
  'alias flooding spread over several fragments': {
    over: `{ ...F ...G ...H } fragment F on Query { ${times(8, (i) => `f${i}: appInfo { version }`)} } fragment G on Query { ${times(8, (i) => `g${i}: appInfo { version }`)} } fragment H on Query { ${times(8, (i) => `h${i}: appInfo { version }`)} }`,
  },
  'alias flooding inside inline fragments': {
    over: `{ appInfo { ${times(ALIASES_OVER, (i) => `... on AppInfo { v${i}: version }`)} } }`,
  },
  'deep nesting through named fragment spreads': {
    over: `{ appInfo { ...F0 } } ${times(DEPTH_OVER, (i) => `fragment F${i} on AppInfo { ${i === DEPTH_OVER - 1 ? 'version' : `...F${i + 1}`} }`)}`,
  },
  'deep nesting through inline fragments': {
    over: `{ appInfo { ${'... on AppInfo { '.repeat(DEPTH_OVER)} version ${'} '.repeat(DEPTH_OVER)} } }`,
  },
  'deep nesting through alternating inline fragments and spreads': {
    over: `{ appInfo { ${'... on AppInfo { '.repeat(DEPTH_OVER / 2)} ...F0 ${'} '.repeat(DEPTH_OVER / 2)} } } ${times(DEPTH_OVER / 2, (i) => `fragment F${i} on AppInfo { ${i === DEPTH_OVER / 2 - 1 ? 'version' : `...F${i + 1}`} }`)}`,
  },
  'directive flooding across fields': {
    over: `{ appInfo { ${times(LIMITS.maxDirectives + 1, () => 'version @include(if: true)')} } }`,
  },
  'directive flooding on fragment spreads': {
    over: `{ appInfo { ${times(LIMITS.maxDirectives + 1, () => '...F @skip(if: false)')} } } fragment F on AppInfo { version }`,
  },
  'directive flooding inside a fragment': {
    over: `{ ...F } fragment F on Query { appInfo { ${times(LIMITS.maxDirectives + 1, () => 'version @include(if: true)')} } }`,
  },
  'the same directive repeated on one field': {
    over: `{ appInfo { version ${'@include(if: true) '.repeat(200)} } }`,
  },
  'field duplication (one field many times, within the token limit)': {
    over: `{ appInfo { ${'version '.repeat(LIMITS.maxTokens - 10)} } }`,
    ok: `{ appInfo { ${'version '.repeat(20)} } }`,
  },
  'field duplication through repeated inline fragments': {
    over: `{ appInfo { ${'... on AppInfo { version companyName } '.repeat(600)} } }`,
  },
  'an object field duplicated many times': {
    over: `{ ${'appInfo { version } '.repeat(1_200)} }`,
  },
  'introspection cycle through __schema': {
    over: `{ __schema { types { ${'fields { type { '.repeat(8)} name ${'} } '.repeat(8)} } } }`,
    ok: '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } type { name } } } } }',
  },
  'introspection cycle through __type': {
    over: `{ __type(name: "ProductionEvent") { ${'fields { type { '.repeat(8)} name ${'} } '.repeat(8)} } }`,
    ok: '{ __type(name: "ProductionEvent") { name fields { name type { name kind ofType { name } } } } }',
  },
  'introspection cycle through interfaces and possibleTypes': {
    over: `{ __schema { types { ${'possibleTypes { interfaces { '.repeat(6)} name ${'} } '.repeat(6)} } } }`,
  },
  'introspection cycle hidden in fragments': {
    over: `{ __schema { types { ...T0 } } } ${times(6, (i) => `fragment T${i} on __Type { name fields { type { ${i === 5 ? 'name' : `...T${i + 1}`} } } }`)}`,
  },
  'a huge token count': {
    over: `{ appInfo { ${'__typename '.repeat(LIMITS.maxTokens + 1)} } }`,
  },
  'a huge token count in punctuation and comments-free whitespace': {
    over: `{ appInfo { version(${'a: 1 '.repeat(LIMITS.maxTokens / 3)}) } }`,
  },
  'circular fragments': {
    over: '{ appInfo { ...A } } fragment A on AppInfo { version ...B } fragment B on AppInfo { companyName ...A }',
  },
  'a fragment that spreads itself': {
    over: '{ appInfo { ...A } } fragment A on AppInfo { version ...A }',
  },
  'circular fragments under aliases': {
    over: `{ ${times(5, (i) => `x${i}: appInfo { ...A }`)} } fragment A on AppInfo { ...B } fragment B on AppInfo { ...C } fragment C on AppInfo { ...A }`,
  },
};

const ORDINARY = '{ me { email } }';
const BUDGET_MS = 3_000;

describe('limit bypass shapes over HTTP', () => {
  for (const [name, { over, ok }] of Object.entries(SHAPES)) {
    it(`${name} is BAD_USER_INPUT`, async () => {
      if (ok) expect((await gql(t.url, admin, ok)).body?.errors).toBeUndefined();
      const started = performance.now();
      const response = await gql(t.url, admin, over);
      expect(performance.now() - started).toBeLessThan(BUDGET_MS);
      expect(response.status).toBe(400);
      expectCode(response.body?.errors, 'BAD_USER_INPUT');
      expect(response.body?.data ?? null).toBeNull();
      expect((await gql(t.url, admin, ORDINARY)).body?.data?.me.email).toBe('admin@loadout.demo');
    });
  }
});

describe('limit bypass shapes over WebSocket', () => {
  it('every shape is BAD_USER_INPUT and the connection stays open', async () => {
    let closed: { code: number; reason: string } | undefined;
    const client = liveClient(t.wsUrl, { cookie: admin.cookie, onClose: (event) => (closed = event) });
    try {
      await connected(client);
      for (const [name, { over, ok }] of Object.entries(SHAPES)) {
        if (ok) expect((await wsExecute(client, ok)).errors, `${name}: the near miss`).toBeUndefined();
        const started = performance.now();
        const result = await wsExecute(client, over).catch((error: unknown) => ({ failed: `${name}: ${String(error)} ${JSON.stringify(closed)}` }));
        expect(result, name).not.toHaveProperty('failed');
        expect(performance.now() - started, name).toBeLessThan(BUDGET_MS);
        expectCode((result as { errors?: [] }).errors, 'BAD_USER_INPUT');
        expectNoLeak(result);
      }
      expect((await wsExecute(client, ORDINARY)).data?.me.email).toBe('admin@loadout.demo');
      expect(closed).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});

describe('big variables', () => {
  const query = 'query($search: String) { venues(search: $search) { id } }';

  it('within the body limit they are answered (refused or not) without a failure, on both transports', async () => {
    const variables = { search: 'x'.repeat(LIMITS.maxBodyBytes - 10_000) };
    const overHttp = await gql(t.url, admin, query, variables);
    expect(overHttp.status).toBeLessThan(500);
    for (const error of overHttp.body?.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const client = liveClient(t.wsUrl, { cookie: admin.cookie });
    try {
      await connected(client);
      const overWs = await wsExecute(client, query, variables);
      for (const error of overWs.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expectNoLeak(overWs.errors ?? []);
    } finally {
      await client.dispose();
    }
  });

  it('over the body limit: 413 PAYLOAD_TOO_LARGE on HTTP, 1009 on WebSocket', async () => {
    const body = JSON.stringify({ query, variables: { search: 'x'.repeat(LIMITS.maxBodyBytes + 10) } });
    const response = await rawPost(t.url, body, { 'content-type': 'application/json', cookie: admin.cookie! });
    expect(response.status).toBe(413);
    expectCode(response.body?.errors, 'PAYLOAD_TOO_LARGE');
    expectNoLeak(response.text);

    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie: admin.cookie! } });
    const outcome = rawSocketOutcome(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise<void>((resolve) => socket.once('message', () => resolve()));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { search: 'x'.repeat(LIMITS.maxWebSocketPayloadBytes + 10) } } }));
    expect((await outcome).closeCode).toBe(1009);
  });

  it('many variables and a deeply nested variable value are refused or answered, never a failure', async () => {
    const declarations = times(300, (i) => `$v${i}: String`, ', ');
    const many = await gql(t.url, admin, `query(${declarations}) { me { email } }`, Object.fromEntries(times(300, (i) => `v${i}`, ',').split(',').map((k) => [k, 'x'])));
    expect(many.status).toBeLessThan(500);
    for (const error of many.body?.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const nested = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const deep = await rawPost(t.url, `{"query": ${JSON.stringify(query)}, "variables": { "search": ${nested} }}`, { 'content-type': 'application/json', cookie: admin.cookie! });
    expect(deep.status).toBeLessThan(500);
    expectCode(deep.body?.errors, 'BAD_USER_INPUT');
    expectNoLeak(deep.text);
  });
});
