import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';
import { connected, ERROR_CODES, WebSocket, wsExecute } from './support/contract.js';
import { expectNoLeakExcept } from './support/leaks.js';

/**
 * Malformed requests, generated: random bytes, truncated and wrongly typed JSON, batches, deep
 * nesting, wrong content types and methods over HTTP; random orders of graphql-ws messages with
 * random ids and payloads. Never a 500, never an unexpected failure, only the protocol's close
 * codes, nothing internal in any answer — and the server answers normally afterwards.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);
const BATCH = 8;

let t: TestServer;
let admin: HttpSession;
const seen = { http: 0, statuses: new Map<number, number>(), closes: new Map<string, number>(), ws: 0 };
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(async () => {
  await t?.stop();
});

const ALLOWED_CODES: readonly unknown[] = ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR');
const VALID_QUERY = '{ me { email } }';

/** Any JSON value, including the awkward ones (deep, big numbers, unicode keys). */
const anyJson = fc.jsonValue({ maxDepth: 4 });
/** A "query" of the wrong type (or a plausible string). */
const queryValue = fc.oneof(fc.constant(VALID_QUERY), fc.string(), anyJson, fc.constant(null), fc.array(fc.constant(VALID_QUERY), { maxLength: 3 }));
const variablesValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 5 }), anyJson, fc.string());
const operationNameValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 20 }), anyJson);

interface HttpCase {
  method: string;
  contentType: string | undefined;
  body: string | Uint8Array | undefined;
  search: string;
  describe: string;
}

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  undefined,
);

/** The request bodies and shapes a hostile client would send. */
const httpCase: fc.Arbitrary<HttpCase> = fc.oneof(
  // Random bytes.
  fc.record({ bytes: fc.uint8Array({ maxLength: 300 }), contentType: contentTypes }).map(({ bytes, contentType }) => ({
    method: 'POST',
    contentType,
    body: bytes,
    search: '',
    describe: `random bytes (${bytes.length})`,
  })),
  // A well-formed request cut short anywhere.
  fc.record({ cut: fc.nat(), contentType: contentTypes }).map(({ cut, contentType }) => {
    const full = JSON.stringify({ query: 'query Q($s: String) { venues(search: $s) { id name } }', variables: { s: 'x' }, operationName: 'Q' });
    return { method: 'POST', contentType, body: full.slice(0, cut % full.length), search: '', describe: `truncated at ${cut % full.length}` };
  }),
  // Fields of the wrong types.
  fc.record({ query: queryValue, variables: variablesValue, operationName: operationNameValue, extensions: fc.oneof(fc.constant(undefined), anyJson) }, { requiredKeys: [] }).map((request) => ({
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify(request),
    search: '',
    describe: 'wrong types',
  })),
  // Not an object at all: arrays (batches), scalars.
  fc.oneof(
    fc.array(fc.record({ query: queryValue }), { maxLength: 4 }),
    anyJson,
  ).map((value) => ({ method: 'POST', contentType: 'application/json', body: JSON.stringify(value) ?? 'null', search: '', describe: 'not an object' })),
  // Deeply nested JSON, in the body itself or in the variables.
  fc.record({ depth: fc.integer({ min: 1_000, max: 200_000 }), where: fc.constantFrom('body', 'variables', 'query'), open: fc.constantFrom('[', '{"a":') }).map(({ depth, where, open }) => {
    const close = open === '[' ? ']' : '}';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    const body =
      where === 'body' ? nested : where === 'variables' ? `{"query":${JSON.stringify(VALID_QUERY)},"variables":{"v":${nested}}}` : `{"query":${nested}}`;
    return { method: 'POST', contentType: 'application/json', body, search: '', describe: `nested ${depth} deep in ${where}` };
  }),
  // GET with random parameters, other methods.
  fc.record({ query: fc.oneof(fc.constant(VALID_QUERY), fc.string(), fc.constant('mutation { logout }')), variables: fc.string(), extra: fc.string() }).map(({ query, variables, extra }) => ({
    method: 'GET',
    contentType: undefined,
    body: undefined,
    search: `?${new URLSearchParams({ query, variables, [extra || 'x']: extra }).toString()}`,
    describe: 'GET',
  })),
  fc.record({ method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS'), body: fc.string() }).map(({ method, body }) => ({
    method,
    contentType: 'application/json',
    body: method === 'OPTIONS' ? undefined : body,
    search: '',
    describe: method,
  })),
);

async function sendHttp(request: HttpCase): Promise<void> {
  const headers: Record<string, string> = { cookie: admin.cookie! };
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  const response = await fetch(`${t.url}/graphql${request.search}`, {
    method: request.method,
    headers,
    body: request.body as BodyInit | undefined,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  seen.http++;
  bump(seen.statuses, response.status);
  const where = `${request.describe} (${request.method} ${request.contentType ?? 'no content type'}) → ${response.status}: ${text.slice(0, 500)}`;
  expect(response.status, where).toBeLessThan(500);
  expectNoLeakExcept(text);
  let body: { errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  for (const error of body?.errors ?? []) expect(ALLOWED_CODES, where).toContain(error.extensions?.code);
  // A refusal says why in the error contract; only OPTIONS (CORS) and method refusals may be bare.
  if (response.status >= 400 && response.status !== 405 && request.method === 'POST') expect(body?.errors?.length, where).toBeGreaterThan(0);
}

describe('malformed HTTP requests', () => {
  it('a mutation over GET is refused and does nothing (the session it names stays valid)', async () => {
    const session = await signIn(t.url, 'manager@loadout.demo');
    const response = await fetch(`${t.url}/graphql?${new URLSearchParams({ query: 'mutation { logout }' })}`, { headers: { cookie: session.cookie! } });
    const text = await response.text();
    expect([400, 405], text).toContain(response.status);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await session.request(VALID_QUERY)).data?.me).toEqual({ email: 'manager@loadout.demo' });
  });

  it('a charset other than UTF-8 is 415 BAD_USER_INPUT (it was a 500), and deep nesting 400 BAD_USER_INPUT', async () => {
    const latin1 = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1', cookie: admin.cookie! },
      body: JSON.stringify({ query: VALID_QUERY }),
    });
    expect(latin1.status).toBe(415);
    expect((await latin1.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const deep = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie! },
      body: `{"query": "{ me { email } }", "variables": {"v": ${'['.repeat(200_000)}1${']'.repeat(200_000)}}}`,
    });
    expect(deep.status).toBe(400);
    expect((await deep.json()).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/nested/) });
  });

  it(`random bodies, types, content types and methods (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(httpCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(sendHttp));
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
    console.info(`malformed HTTP: ${seen.http} requests; statuses ${JSON.stringify(Object.fromEntries(seen.statuses))}`);
    expect(seen.http).toBeGreaterThanOrEqual(1_200);
    expect((await admin.request(VALID_QUERY)).data?.me).toEqual({ email: 'admin@loadout.demo' });
  }, 180_000);
});

/** Close codes graphql-transport-ws (and WebSocket itself) may end a connection with here. */
const PROTOCOL_CLOSE_CODES = new Set([
  1000, // normal
  1002, // protocol error (the ws library)
  1003, // unsupported data, e.g. a binary frame
  1007, // invalid UTF-8 in a text frame
  1009, // message too big
  4400, // bad request: unparsable or invalid message
  4401, // unauthorized: subscribe before connection_ack, or no session
  4403, // forbidden
  4408, // connection initialisation timeout
  4409, // subscriber for id already exists
  4429, // too many initialisation requests
]);

const ids = fc.oneof(fc.constantFrom('1', '2', 'a', ''), fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null));
const payloads = fc.oneof(
  fc.constant(undefined),
  fc.record({ query: fc.constantFrom(VALID_QUERY, 'subscription { journalAppended { seq } }', '{ me { id ', 'query { appInfo { version } }') }),
  fc.record({ query: queryValue, variables: variablesValue, operationName: operationNameValue }, { requiredKeys: [] }),
  anyJson,
);
type Frame = { kind: 'json'; value: unknown } | { kind: 'text'; value: string } | { kind: 'binary'; value: Uint8Array };
const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constantFrom('connection_init', 'subscribe', 'complete', 'ping', 'pong', 'next', 'error', 'connection_ack', 'bogus'), id: ids, payload: payloads }, { requiredKeys: ['type'] }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: anyJson.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ kind: 'text' as const, value })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((value) => ({ kind: 'binary' as const, value })) },
);

/** Sends `frames` in order on a fresh, signed-in socket; resolves with how it ended and what came back. */
function playSequence(frames: Frame[]): Promise<{ close?: { code: number; reason: string }; received: string[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie: admin.cookie! } });
    const received: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    socket.on('message', (data) => received.push(data.toString()));
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ close: code === 1005 ? undefined : { code, reason: reason.toString() }, received });
    });
    socket.on('open', () => {
      for (const f of frames) {
        if (socket.readyState !== WebSocket.OPEN) break;
        if (f.kind === 'json') socket.send(JSON.stringify(f.value) ?? 'null');
        else if (f.kind === 'text') socket.send(f.value);
        else socket.send(f.value, { binary: true });
      }
      // Still open after a moment: the server accepted the sequence; we hang up ourselves (1005 = no code).
      timer = setTimeout(() => socket.close(), 300);
    });
  });
}

describe('malformed graphql-ws message sequences', () => {
  it(`random orders of init, subscribe, complete, ping and pong with random ids and payloads (seed ${SEED})`, async () => {
    // Half the sequences start properly (connection_init), so what follows meets an acknowledged connection.
    const sequence = fc
      .tuple(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 8 }))
      .map(([init, rest]): Frame[] => (init ? [{ kind: 'json', value: { type: 'connection_init' } }, ...rest] : rest));
    await fc.assert(
      fc.asyncProperty(fc.array(sequence, { minLength: BATCH, maxLength: BATCH }), async (sequences) => {
        await Promise.all(
          sequences.map(async (frames) => {
            const { close, received } = await playSequence(frames);
            seen.ws++;
            const where = `frames ${JSON.stringify(frames).slice(0, 800)} → ${JSON.stringify(close)} after ${received.join(' ').slice(0, 500)}`;
            if (close) {
              bump(seen.closes, String(close.code));
              expect(PROTOCOL_CLOSE_CODES.has(close.code), where).toBe(true);
              expectNoLeakExcept(close.reason);
              expect(close.reason.length, where).toBeLessThan(124);
            }
            for (const text of received) {
              const message = JSON.parse(text) as { type: string; payload?: unknown };
              expect(['connection_ack', 'next', 'error', 'complete', 'ping', 'pong'], where).toContain(message.type);
              if (message.type === 'error') for (const error of message.payload as Array<{ extensions?: { code?: unknown } }>) expect(ALLOWED_CODES, where).toContain(error.extensions?.code);
              if (message.type === 'next') for (const error of (message.payload as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors ?? []) expect(ALLOWED_CODES, where).toContain(error.extensions?.code);
              expectNoLeakExcept(text);
            }
          }),
        );
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
    console.info(`malformed graphql-ws: ${seen.ws} sequences; closes ${JSON.stringify(Object.fromEntries(seen.closes))}`);
    expect(seen.ws).toBeGreaterThanOrEqual(320);
    // Several kinds of ending were exercised, not only one.
    expect(seen.closes.size).toBeGreaterThanOrEqual(3);
  }, 180_000);

  for (const type of ['connection_ack', 'next', 'error']) {
    it(`a client sending "${type}" (a server's message) is closed with 4400, not 4500`, async () => {
      const { close } = await playSequence([
        { kind: 'json', value: { type: 'connection_init' } },
        { kind: 'json', value: { type, id: '1', payload: type === 'error' ? [{ message: 'x' }] : { data: null } } },
      ]);
      expect(close).toEqual({ code: 4400, reason: 'Invalid message received' });
    });
  }

  it('the server still serves HTTP and WebSocket afterwards', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await admin.request(VALID_QUERY)).data?.me).toEqual({ email: 'admin@loadout.demo' });
    const client = liveClient(t.wsUrl, { cookie: admin.cookie });
    try {
      await connected(client);
      expect(await wsExecute(client, VALID_QUERY)).toEqual({ data: { me: { email: 'admin@loadout.demo' } } });
    } finally {
      await client.dispose();
    }
  });
});
