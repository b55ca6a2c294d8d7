import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '@loadout/server';
import { collect, HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';
import {
  connected,
  expectCode,
  expectFieldProblem,
  expectNoLeak,
  gql,
  rawPost,
  rawSocketOutcome,
  WebSocket,
  wsExecute,
} from './support/contract.js';

let t: TestServer;
let admin: HttpSession;
let manager: HttpSession;
let engineer: HttpSession;
let engineerId: string;
const clients: Array<{ dispose(): unknown }> = [];

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
  manager = await signIn(t.url, 'manager@loadout.demo');
  engineer = await signIn(t.url, 'engineer@loadout.demo');
  engineerId = (await engineer.request('{ me { id } }')).data!.me.id;
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.stop();
});

const anonymous = undefined;

/** Every operation of the schema with a selection, for the anonymous and the forbidden cases. */
const OPERATIONS = {
  journal: '{ journal { total } }',
  changesSince: '{ changesSince(seq: 0) { seq } }',
  permissionCatalogue: '{ permissionCatalogue { key } }',
  logout: 'mutation { logout }',
  logoutEverywhere: 'mutation { logoutEverywhere }',
  changePassword: 'mutation { changePassword(currentPassword: "loadout-demo", newPassword: "another-password") }',
  setMyLanguage: 'mutation { setMyLanguage(language: "ru") { language } }',
  deactivateUser: `mutation { deactivateUser(id: "${randomUUID()}") { active } }`,
  reactivateUser: `mutation { reactivateUser(id: "${randomUUID()}") { active } }`,
} as const;

const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');
/** Documents just within and just over each validation limit (depth 12, aliases 20, directives 30). */
const LIMIT_QUERIES = {
  aliases: {
    within: `{ ${times(20, (i) => `a${i}: appInfo { version }`)} }`,
    over: `{ ${times(21, (i) => `a${i}: appInfo { version }`)} }`,
  },
  // Depth counts fields and (unflattened) fragments: appInfo + k inline fragments + version = k + 2.
  depth: {
    within: `{ appInfo { ${'... on AppInfo { '.repeat(10)} version ${'} '.repeat(10)} } }`,
    over: `{ appInfo { ${'... on AppInfo { '.repeat(11)} version ${'} '.repeat(11)} } }`,
  },
  directives: {
    within: `{ appInfo { ${times(30, () => 'version @include(if: true)')} } }`,
    over: `{ appInfo { ${times(31, () => 'version @include(if: true)')} } }`,
  },
} as const;

describe('operations that need no session', () => {
  it('appInfo answers anonymously', async () => {
    const response = await gql(t.url, anonymous, '{ appInfo { companyName version demoMode weekStart } }');
    expect(response.status).toBe(200);
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?.appInfo.companyName).toBe('Loadout Demo Productions');
  });

  it('me is null anonymously, without an error', async () => {
    const response = await gql(t.url, anonymous, '{ me { id email } }');
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data).toEqual({ me: null });
  });

  it('login with an empty e-mail is BAD_USER_INPUT naming email', async () => {
    const response = await gql(t.url, anonymous, 'mutation { login(email: "", password: "loadout-demo") { id } }');
    expectFieldProblem(response.body?.errors, 'email');
  });

  it('login with an empty password is BAD_USER_INPUT naming password', async () => {
    const response = await gql(t.url, anonymous, 'mutation { login(email: "admin@loadout.demo", password: "") { id } }');
    expectFieldProblem(response.body?.errors, 'password');
  });
});

describe('UNAUTHENTICATED without a session', () => {
  for (const [name, query] of Object.entries(OPERATIONS)) {
    it(`${name}`, async () => {
      const response = await gql(t.url, anonymous, query);
      expectCode(response.body?.errors, 'UNAUTHENTICATED');
      expect(response.body?.data ?? null).toBeNull();
    });
  }

  it('with an unknown session cookie too', async () => {
    const forged = new HttpSession(t.url);
    forged.cookie = 'loadout_session=' + 'x'.repeat(43);
    const response = await gql(t.url, forged, OPERATIONS.journal);
    expectCode(response.body?.errors, 'UNAUTHENTICATED');
  });
});

describe('FORBIDDEN without the permission', () => {
  for (const name of ['journal', 'changesSince', 'deactivateUser', 'reactivateUser'] as const) {
    it(`${name} as an engineer`, async () => {
      const response = await gql(t.url, engineer, OPERATIONS[name]);
      const error = expectCode(response.body?.errors, 'FORBIDDEN');
      expect(error.message).not.toBe('');
    });
  }

  it('deactivateUser of a real account as a manager, which then stays active', async () => {
    const response = await gql(t.url, manager, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: engineerId });
    expectCode(response.body?.errors, 'FORBIDDEN');
    expect((await engineer.request('{ me { id } }')).data?.me).not.toBeNull();
  });

  it('the engineer may still read the permission catalogue and itself', async () => {
    const response = await gql(t.url, engineer, '{ permissionCatalogue { key } me { email permissions } }');
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?.permissionCatalogue.length).toBeGreaterThan(10);
    expect(response.body?.data?.me.permissions).toEqual(['event:read', 'equipment:read', 'client:read']);
  });

  it('the last active account that can manage staff cannot deactivate itself', async () => {
    const me = await admin.request('{ me { id } }');
    const response = await gql(t.url, admin, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: me.data!.me.id });
    expectCode(response.body?.errors, 'FORBIDDEN');
    expect((await admin.request('{ me { id } }')).data?.me).not.toBeNull();
  });
});

describe('BAD_USER_INPUT names the field', () => {
  it('changePassword with a short new password → newPassword', async () => {
    const response = await gql(t.url, engineer, 'mutation { changePassword(currentPassword: "loadout-demo", newPassword: "short") }');
    expectFieldProblem(response.body?.errors, 'newPassword');
  });

  it('changePassword with a wrong current password → currentPassword', async () => {
    const response = await gql(t.url, engineer, 'mutation { changePassword(currentPassword: "not-my-password", newPassword: "long-enough-pw") }');
    expectFieldProblem(response.body?.errors, 'currentPassword');
  });

  it('setMyLanguage("not a language") → language', async () => {
    const response = await gql(t.url, engineer, 'mutation { setMyLanguage(language: "not a language") { language } }');
    expectFieldProblem(response.body?.errors, 'language');
  });

  it('deactivateUser("abc") → id', async () => {
    const response = await gql(t.url, admin, 'mutation { deactivateUser(id: "abc") { active } }');
    expectFieldProblem(response.body?.errors, 'id');
  });

  it('reactivateUser("abc") → id', async () => {
    const response = await gql(t.url, admin, 'mutation { reactivateUser(id: "abc") { active } }');
    expectFieldProblem(response.body?.errors, 'id');
  });

  for (const limit of [0, 1000]) {
    it(`journal page limit ${limit} → limit`, async () => {
      const response = await gql(t.url, admin, 'query($limit: Int!) { journal(page: { limit: $limit }) { total } }', { limit });
      expectFieldProblem(response.body?.errors, /limit/);
    });
  }

  it('changesSince(seq: -1) → seq', async () => {
    const response = await gql(t.url, admin, '{ changesSince(seq: -1) { seq } }');
    expectFieldProblem(response.body?.errors, 'seq');
  });

  it('a variable of the wrong type', async () => {
    const response = await gql(t.url, admin, 'query($seq: SafeInt!) { changesSince(seq: $seq) { seq } }', { seq: 'twelve' });
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });
});

describe('NOT_FOUND', () => {
  it('deactivateUser of a valid but unknown id', async () => {
    const id = randomUUID();
    const response = await gql(t.url, admin, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id });
    expectCode(response.body?.errors, 'NOT_FOUND');
  });

  it('reactivateUser of a valid but unknown id', async () => {
    const response = await gql(t.url, admin, 'mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id: randomUUID() });
    expectCode(response.body?.errors, 'NOT_FOUND');
  });
});

describe('malformed requests and limits', () => {
  it('a GraphQL syntax error is BAD_USER_INPUT', async () => {
    const response = await gql(t.url, admin, '{ me { id ');
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });

  it('an unknown field is BAD_USER_INPUT without "Did you mean" suggestions', async () => {
    // "emial" is one letter from "email": graphql-js would suggest it.
    for (const session of [admin, anonymous]) {
      const response = await gql(t.url, session, '{ me { emial } }');
      const error = expectCode(response.body?.errors, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/emial/);
      expect(response.text).not.toMatch(/Did you mean/i);
    }
  });

  it('an unknown argument and an unknown type give no suggestions either', async () => {
    const unknownArg = await gql(t.url, admin, '{ changesSince(sek: 1) { seq } }');
    expectCode(unknownArg.body?.errors, 'BAD_USER_INPUT');
    const unknownType = await gql(t.url, admin, 'query($f: JournalFiltr) { journal(filter: $f) { total } }');
    expectCode(unknownType.body?.errors, 'BAD_USER_INPUT');
    expect(unknownArg.text + unknownType.text).not.toMatch(/Did you mean/i);
  });

  it('more than 20 aliases is BAD_USER_INPUT', async () => {
    expect((await gql(t.url, anonymous, LIMIT_QUERIES.aliases.within)).body?.errors).toBeUndefined();
    const response = await gql(t.url, anonymous, LIMIT_QUERIES.aliases.over);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
    expect(response.body?.data ?? null).toBeNull();
  });

  it('a query deeper than 12 is BAD_USER_INPUT', async () => {
    expect((await gql(t.url, anonymous, LIMIT_QUERIES.depth.within)).body?.errors).toBeUndefined();
    const response = await gql(t.url, anonymous, LIMIT_QUERIES.depth.over);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });

  it('more than 30 directives is BAD_USER_INPUT', async () => {
    expect((await gql(t.url, anonymous, LIMIT_QUERIES.directives.within)).body?.errors).toBeUndefined();
    const response = await gql(t.url, anonymous, LIMIT_QUERIES.directives.over);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });

  it('a document of more than 5000 tokens is BAD_USER_INPUT', async () => {
    const response = await gql(t.url, anonymous, `{ appInfo { ${'version '.repeat(5_001)} } }`);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });

  it('a body larger than 1 MB is 413 PAYLOAD_TOO_LARGE', async () => {
    const query = `{ appInfo { version } } # ${'x'.repeat(1_100_000)}`;
    const response = await rawPost(t.url, JSON.stringify({ query }), { 'content-type': 'application/json', cookie: admin.cookie! });
    expect(response.status).toBe(413);
    expectCode(response.body?.errors, 'PAYLOAD_TOO_LARGE');
    expectNoLeak(response.text);
  });

  it('an invalid JSON body is BAD_USER_INPUT', async () => {
    const response = await rawPost(t.url, '{"query": "{ me { id } }"', { 'content-type': 'application/json', cookie: admin.cookie! });
    expect(response.status).toBe(400);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
    expectNoLeak(response.text);
  });

  it('a JSON body without a query is BAD_USER_INPUT', async () => {
    const response = await rawPost(t.url, JSON.stringify({ variables: {} }), { 'content-type': 'application/json' });
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
    expectNoLeak(response.text);
  });

  it('a subscription over HTTP is refused with a code of the fixed set', async () => {
    const response = await gql(t.url, admin, 'subscription { journalAppended { seq } }');
    // A bad request, not a server failure (Apollo's default for a refusal in a request hook is 500).
    expect(response.status).toBe(400);
    expect(response.body?.errors?.length).toBeGreaterThan(0);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
  });
});

describe('introspection', () => {
  const query = '{ __schema { types { name } } }';

  it('is UNAUTHENTICATED anonymously', async () => {
    const response = await gql(t.url, anonymous, query);
    expect(response.status).toBe(200);
    expectCode(response.body?.errors, 'UNAUTHENTICATED');
    expect(response.text).not.toContain('JournalEntry');
    const byType = await gql(t.url, anonymous, '{ __type(name: "User") { fields { name } } }');
    expectCode(byType.body?.errors, 'UNAUTHENTICATED');
  });

  it('works when signed in, even as an engineer', async () => {
    const response = await gql(t.url, engineer, query);
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?.__schema.types.map((type: { name: string }) => type.name)).toContain('JournalEntry');
  });

  describe('switched off on the server', () => {
    let off: TestServer;
    let offAdmin: HttpSession;
    beforeAll(async () => {
      off = await startTestServer({ introspection: false });
      offAdmin = await signIn(off.url, 'admin@loadout.demo');
    });
    afterAll(() => off?.stop());

    it('is FORBIDDEN for an administrator over HTTP', async () => {
      const response = await gql(off.url, offAdmin, query);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('JournalEntry');
      expectCode(response.body?.errors, 'FORBIDDEN');
    });

    it('is FORBIDDEN for an administrator over WebSocket, and ordinary operations still work', async () => {
      expect((await gql(off.url, offAdmin, '{ me { email } }')).body?.data?.me.email).toBe('admin@loadout.demo');
      const client = liveClient(off.wsUrl, { cookie: offAdmin.cookie });
      try {
        const overWs = await wsExecute(client, query);
        expectCode(overWs.errors, 'FORBIDDEN');
        expectNoLeak(overWs);
        expect((await wsExecute(client, '{ me { email } }')).data?.me.email).toBe('admin@loadout.demo');
      } finally {
        await client.dispose();
      }
    });
  });
});

describe('the same codes over WebSocket', () => {
  it('an anonymous connection is closed with 4401 (the WebSocket form of UNAUTHENTICATED)', async () => {
    let closed: { code: number } | undefined;
    const client = liveClient(t.wsUrl, { onClose: (event) => (closed = event) });
    clients.push(client);
    await waitFor(() => closed !== undefined, 10_000, 'the anonymous socket to close');
    expect(closed!.code).toBe(4401);
  });

  it('FORBIDDEN, BAD_USER_INPUT and NOT_FOUND come back as over HTTP', async () => {
    const engineerWs = liveClient(t.wsUrl, { cookie: engineer.cookie });
    const adminWs = liveClient(t.wsUrl, { cookie: admin.cookie });
    clients.push(engineerWs, adminWs);

    const forbidden = await wsExecute(engineerWs, OPERATIONS.journal);
    expectCode(forbidden.errors, 'FORBIDDEN');
    const forbiddenMutation = await wsExecute(engineerWs, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: engineerId });
    expectCode(forbiddenMutation.errors, 'FORBIDDEN');

    const syntax = await wsExecute(adminWs, '{ me { id ');
    expectCode(syntax.errors, 'BAD_USER_INPUT');
    const unknownField = await wsExecute(adminWs, '{ me { emial } }');
    expectCode(unknownField.errors, 'BAD_USER_INPUT');
    expect(JSON.stringify(unknownField)).not.toMatch(/Did you mean/i);
    // Formatted once, as over HTTP: the details survive (a second pass would keep only the code).
    const overHttp = await gql(t.url, admin, '{ me { emial } }');
    expect(unknownField.errors?.[0]).toMatchObject({ extensions: overHttp.body?.errors?.[0].extensions });
    expect(unknownField.errors?.[0].extensions).toHaveProperty('reason', 'GRAPHQL_VALIDATION_FAILED');

    const language = await wsExecute(engineerWs, 'mutation { setMyLanguage(language: "not a language") { language } }');
    expectFieldProblem(language.errors, 'language');
    const shortPassword = await wsExecute(engineerWs, 'mutation { changePassword(currentPassword: "loadout-demo", newPassword: "short") }');
    expectFieldProblem(shortPassword.errors, 'newPassword');
    const badId = await wsExecute(adminWs, 'mutation { deactivateUser(id: "abc") { active } }');
    expectFieldProblem(badId.errors, 'id');
    const badPage = await wsExecute(adminWs, '{ journal(page: { limit: 0 }) { total } }');
    expectFieldProblem(badPage.errors, /limit/);
    const badSeq = await wsExecute(adminWs, '{ changesSince(seq: -1) { seq } }');
    expectFieldProblem(badSeq.errors, 'seq');
    const tokens = await wsExecute(adminWs, `{ appInfo { ${'version '.repeat(5_001)} } }`);
    expectCode(tokens.errors, 'BAD_USER_INPUT');
    const loginOverWs = await wsExecute(adminWs, 'mutation { login(email: "admin@loadout.demo", password: "loadout-demo") { id } }');
    expectCode(loginOverWs.errors, 'BAD_USER_INPUT');

    const notFound = await wsExecute(adminWs, 'mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id: randomUUID() });
    expectCode(notFound.errors, 'NOT_FOUND');

    const works = await wsExecute(engineerWs, '{ me { email } permissionCatalogue { key } }');
    expect(works.errors).toBeUndefined();
    expect(works.data?.me.email).toBe('engineer@loadout.demo');

    for (const result of [forbidden, forbiddenMutation, syntax, unknownField, language, shortPassword, badId, badPage, badSeq, tokens, notFound]) {
      expectNoLeak(result);
    }
  });

  for (const [limit, { within, over }] of Object.entries(LIMIT_QUERIES)) {
    it(`the ${limit} limit is BAD_USER_INPUT over WebSocket too, and the connection stays open`, async () => {
      let closed: { code: number; reason: string } | undefined;
      const client = liveClient(t.wsUrl, { cookie: admin.cookie, onClose: (event) => (closed = event) });
      clients.push(client);
      expect((await wsExecute(client, within)).errors).toBeUndefined();
      const result = await wsExecute(client, over).catch((error: unknown) => ({
        closedWith: closed ? { code: closed.code, reason: closed.reason } : String(error),
      }));
      expect(result).not.toHaveProperty('closedWith');
      expectCode((result as { errors?: [] }).errors, 'BAD_USER_INPUT');
      expectNoLeak(result);
      expect((await wsExecute(client, '{ me { email } }')).data?.me.email).toBe('admin@loadout.demo');
      expect(closed).toBeUndefined();
    });
  }

  it('journalAppended is FORBIDDEN for a manager', async () => {
    const client = liveClient(t.wsUrl, { cookie: manager.cookie });
    clients.push(client);
    const subscription = collect(client, 'subscription { journalAppended { seq } }');
    await subscription.until(() => subscription.completed || subscription.received.length > 0, 10_000, 'the refusal');
    const errors = (subscription.received[0]?.errors ?? subscription.failure) as Parameters<typeof expectCode>[0];
    expectCode(errors, 'FORBIDDEN');
    expectNoLeak(subscription.received);
    expectNoLeak(subscription.failure ?? null);
  });

  it('introspection over WebSocket works for a signed-in account', async () => {
    const client = liveClient(t.wsUrl, { cookie: engineer.cookie });
    clients.push(client);
    const result = await wsExecute(client, '{ __schema { queryType { name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });

  it('a WebSocket message over 1 MiB closes the connection (maxPayload)', async () => {
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie: admin.cookie! } });
    const outcome = rawSocketOutcome(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(1024 * 1024 + 10) } }));
    const { closeCode } = await outcome;
    expect(closeCode).toBe(1009);
  });
});

describe('unexpected failures are masked', () => {
  it('INTERNAL_SERVER_ERROR with a request id, no SQL, no column name, the details only in the log (HTTP and WebSocket)', async () => {
    const logged: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const silent = createLogger('silent');
    const logger: Logger = { ...silent, error: (message, fields) => void logged.push({ message, fields }) };
    const broken = await startTestServer({ logger });
    const db = new pg.Client({ connectionString: broken.databaseUrl });
    await db.connect();
    try {
      const session = await signIn(broken.url, 'admin@loadout.demo');
      const client = liveClient(broken.wsUrl, { cookie: session.cookie });
      await connected(client);
      try {
        await db.query('alter table app_user rename column language to lang');

        const response = await gql(broken.url, session, '{ me { language } }');
        const error = expectCode(response.body?.errors, 'INTERNAL_SERVER_ERROR');
        const requestId = error.extensions?.requestId as string;
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(error.message).toContain(requestId);
        // The failure is now the me field's (sessions resolve without the renamed column), so the body has
        // `locations`, whose `column` key is GraphQL's own; the rest must not name anything of the SQL.
        const httpVisible = response.text.replace(/"locations":\[[^\]]*\],?/g, '');
        expect(httpVisible).toContain('INTERNAL_SERVER_ERROR');
        expect(httpVisible).not.toMatch(/language|lang|column|app_user|select|relation|sql|postgres/i);
        expect(response.headers.get('x-request-id')).toBe(requestId);
        expect(logged.some((entry) => entry.fields?.requestId === requestId && /lang/.test(String(entry.fields?.message)))).toBe(true);

        const overWs = await wsExecute(client, '{ me { language } }');
        const wsError = expectCode(overWs.errors, 'INTERNAL_SERVER_ERROR');
        expect(wsError.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
        const visible = JSON.stringify(overWs.errors!.map(({ message, extensions }) => ({ message, extensions })));
        expect(visible).not.toMatch(/language|lang|column|app_user|select|relation|sql|postgres/i);
        expectNoLeak(overWs);
        expect(logged.some((entry) => entry.fields?.requestId === wsError.extensions?.requestId)).toBe(true);
      } finally {
        await client.dispose();
        await db.query('alter table app_user rename column lang to language').catch(() => undefined);
      }
    } finally {
      await db.end();
      await broken.stop();
    }
  });
});
