import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@loadout/server';
import { signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';
import { expectNoLeak, JOURNAL_SUBSCRIPTION, WebSocket } from './support/contract.js';

/**
 * graphql-ws protocol abuse against the real server: each misuse ends as the protocol says
 * (close codes of graphql-transport-ws, 1009 for an oversize frame, a refused upgrade for a
 * foreign Origin), with nothing internal in the close reason.
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

interface RawSession {
  socket: WebSocket;
  messages: Array<Record<string, unknown>>;
  /** Resolves with how the socket ended: a close code and reason, or the HTTP status of a refused upgrade. */
  ended: Promise<{ closeCode?: number; reason?: string; httpStatus?: number }>;
  send(message: unknown): void;
  waitForMessage(type: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** A bare graphql-transport-ws socket that records what the server says, without a client library's manners. */
async function rawSession(headers: Record<string, string> = { cookie: admin.cookie! }): Promise<RawSession> {
  const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers });
  const messages: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const listener of listeners) listener();
  });
  const ended = new Promise<{ closeCode?: number; reason?: string; httpStatus?: number }>((resolve) => {
    socket.on('unexpected-response', (_request, response) => {
      resolve({ httpStatus: response.statusCode });
      response.resume();
    });
    socket.on('close', (code, reason) => resolve({ closeCode: code, reason: reason.toString() }));
    socket.on('error', () => undefined);
  });
  const opened = await Promise.race([
    new Promise<boolean>((resolve) => socket.once('open', () => resolve(true))),
    ended.then(() => false),
  ]);
  return {
    socket,
    messages,
    ended,
    send(message) {
      if (opened) socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
    waitForMessage(type, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((m) => m.type === type);
          if (!found) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no "${type}" message within ${timeoutMs} ms (got ${messages.map((m) => m.type).join(', ') || 'nothing'})`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

async function expectClosedWith(session: RawSession, code: number) {
  const outcome = await session.ended;
  expect(outcome.closeCode).toBe(code);
  expectNoLeak(outcome.reason ?? '');
  return outcome;
}

const subscribe = (id: string, query = JOURNAL_SUBSCRIPTION) => ({ id, type: 'subscribe', payload: { query } });

describe('graphql-ws protocol abuse', () => {
  it('no connection_init: closed with 4408 once the init wait is over', async () => {
    const session = await rawSession();
    const started = Date.now();
    await expectClosedWith(session, 4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.connectionInitTimeoutMs - 250);
  }, LIMITS.connectionInitTimeoutMs + 10_000);

  it('a second connection_init: closed with 4429', async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    session.send({ type: 'connection_init' });
    await expectClosedWith(session, 4429);
  });

  it('subscribe before the server acknowledged: closed with 4401', async () => {
    const session = await rawSession();
    session.send(subscribe('early'));
    await expectClosedWith(session, 4401);
    expect(session.messages.filter((m) => m.type === 'next')).toHaveLength(0);
  });

  it('two running operations with one id: closed with 4409', async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    session.send(subscribe('same'));
    session.send(subscribe('same'));
    await expectClosedWith(session, 4409);
  });

  it('one id twice for a subscription served beside graphql-ws (its document already known): closed with 4409', async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    // The first use of the document is graphql-ws's; later ones are shared subscriptions in the connection's own list.
    session.send(subscribe('first'));
    session.send(subscribe('same'));
    session.send(subscribe('same'));
    await expectClosedWith(session, 4409);
  });

  it("a client's complete ends a shared subscription: its id may be used again and the connection stays up", async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    session.send(subscribe('first'));
    session.send(subscribe('again'));
    session.send({ id: 'again', type: 'complete' });
    session.send(subscribe('again'));
    session.send({ type: 'ping' });
    await session.waitForMessage('pong');
    expect(session.socket.readyState).toBe(WebSocket.OPEN);
    session.socket.close(1000);
    expect((await session.ended).closeCode).toBe(1000);
  });

  it('an unknown message type, a message without a type and invalid JSON: closed with 4400', async () => {
    for (const bad of [{ type: 'shout' }, { payload: {} }, '{"type": "connection_init"', '[]']) {
      const session = await rawSession();
      session.send({ type: 'connection_init' });
      await session.waitForMessage('connection_ack');
      session.send(bad);
      await expectClosedWith(session, 4400);
    }
  });

  it('a subscribe message without a query: closed with 4400', async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    session.send({ id: 'x', type: 'subscribe', payload: { variables: {} } });
    await expectClosedWith(session, 4400);
  });

  it('a frame over the payload limit: closed with 1009 (message too big)', async () => {
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    session.send(subscribe('big', `{ appInfo { version } } # ${'x'.repeat(LIMITS.maxWebSocketPayloadBytes)}`));
    await expectClosedWith(session, 1009);
  });

  it('no session cookie: closed with 4401 at connection_init', async () => {
    const session = await rawSession({});
    session.send({ type: 'connection_init' });
    await expectClosedWith(session, 4401);
  });

  it('a cross-site Origin: the upgrade itself is refused with 403, even with the session cookie', async () => {
    const session = await rawSession({ cookie: admin.cookie!, origin: 'https://evil.example' });
    expect((await session.ended).httpStatus).toBe(403);
  });

  it(`more than ${LIMITS.maxSubscriptionsPerConnection} subscriptions: each extra one is refused as RATE_LIMITED and the connection stays up`, async () => {
    // Refusing the operation, not the connection, keeps the 25 running subscriptions of a real
    // browser tab alive; the id may be reused once the refusal is sent.
    const session = await rawSession();
    session.send({ type: 'connection_init' });
    await session.waitForMessage('connection_ack');
    for (let i = 0; i < LIMITS.maxSubscriptionsPerConnection; i++) session.send(subscribe(`s${i}`));
    session.send(subscribe('one-too-many'));
    const refusal = await session.waitForMessage('error');
    expect(refusal.id).toBe('one-too-many');
    expect((refusal.payload as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('RATE_LIMITED');
    session.send({ type: 'ping' });
    await session.waitForMessage('pong');
    expect(session.socket.readyState).toBe(WebSocket.OPEN);
    session.socket.close(1000);
  });
});

describe('keep-alive', () => {
  let fast: TestServer;
  let cookie: string;
  const KEEP_ALIVE_MS = 150;

  beforeAll(async () => {
    fast = await startTestServer({ keepAliveMs: KEEP_ALIVE_MS });
    cookie = (await signIn(fast.url, 'admin@loadout.demo')).cookie!;
  });
  afterAll(async () => {
    await fast?.stop();
  });

  async function idleSocket(autoPong: boolean) {
    const socket = new WebSocket(fast.wsUrl, 'graphql-transport-ws', { headers: { cookie }, autoPong });
    let pings = 0;
    socket.on('ping', () => pings++);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('open', () => resolve()));
    const acknowledged = new Promise<void>((resolve) => socket.once('message', () => resolve()));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await acknowledged;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: JOURNAL_SUBSCRIPTION } }));
    return { socket, closed, pings: () => pings };
  }

  it('an idle connection is pinged on every round and, answering, stays open', async () => {
    const { socket, pings } = await idleSocket(true);
    await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_MS * 6));
    expect(pings()).toBeGreaterThanOrEqual(3);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close(1000);
  });

  it('a client that stops answering pings is dropped', async () => {
    const { closed, pings } = await idleSocket(false);
    // Terminated, not closed with a code: 1006 on the client.
    expect(await closed).toBe(1006);
    expect(pings()).toBeGreaterThanOrEqual(1);
  });
});
