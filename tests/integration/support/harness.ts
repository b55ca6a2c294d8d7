import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { bootstrap, createLogger, SESSION_COOKIE, type BootstrapOptions, type RunningServer } from '@loadout/server';

export const DEMO_PASSWORD = 'loadout-demo';

/** A fresh, empty database on the test PostgreSQL; dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `loadout_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface TestServer {
  server: RunningServer;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  /** Starts another instance on the same database (several-instance tests). */
  startAnother(options?: Partial<BootstrapOptions>): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** A real Loadout server on a free port over its own database, with the demo accounts. */
export async function startTestServer(options: Partial<BootstrapOptions> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const base: BootstrapOptions = { port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: 'accounts', logger: createLogger('silent') };
  const server = await bootstrap({ ...base, ...options });
  const others: RunningServer[] = [];
  return {
    server,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws') + '/graphql',
    databaseUrl: database.url,
    async startAnother(extra = {}) {
      const other = await bootstrap({ ...base, demo: false, ...extra });
      others.push(other);
      return other;
    },
    async stop() {
      for (const other of others) await other.stop();
      await server.stop();
      await database.drop();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
  headers: Headers;
}

/** An HTTP GraphQL client with a cookie jar of one session cookie, like a browser tab. */
export class HttpSession {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value.endsWith('=') ? undefined : value;
    }
    const body = (await response.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<GraphQLResponse> {
    return this.request('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id name permissions } }', {
      email,
      password,
    });
  }
}

/** Signs in a demo account and returns its HTTP session. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const session = new HttpSession(baseUrl);
  const response = await session.login(email, password);
  if (response.errors) throw new Error(`login of ${email} failed: ${response.errors[0].message}`);
  return session;
}

/** A graphql-ws client over a real WebSocket, sending the cookie and Origin a browser would. */
export function liveClient(
  wsUrl: string,
  options: { cookie?: string; origin?: string; onClose?: (event: { code: number; reason: string }) => void } = {},
): Client {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: wsUrl,
    webSocketImpl: BrowserLikeSocket,
    retryAttempts: 0,
    lazy: false,
    // Tests observe closes through `onClose`; graphql-ws would otherwise print every refused socket.
    onNonLazyError: () => undefined,
    on: { closed: (event) => options.onClose?.(event as { code: number; reason: string }) },
  });
}

/** Subscribes and collects every result; `next(n)` waits (with a timeout) until n results arrived. */
export function collect<T = any>(client: Client, query: string, variables?: Record<string, unknown>) {
  const received: Array<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> = [];
  let completed = false;
  let failure: unknown;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as (typeof received)[number]);
        notify();
      },
      error: (error) => {
        failure = error;
        completed = true;
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    received,
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    dispose,
    /** Resolves once `predicate` holds, or rejects after `timeoutMs`. */
    until(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
      return waitFor(predicate, timeoutMs, what, (wake) => {
        waiters.add(wake);
        return () => waiters.delete(wake);
      });
    },
  };
}

/** Waits for an event-driven condition; `listen` registers a wake-up callback (falls back to polling). */
export function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
  listen?: (wake: () => void) => () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    let unlisten: (() => void) | undefined;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      unlisten?.();
      if (error) reject(error);
      else resolve();
    };
    const check = async () => {
      try {
        if (await predicate()) finish();
      } catch (error) {
        finish(error as Error);
      }
    };
    const timer = setTimeout(() => finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const poll = setInterval(check, listen ? 250 : 50);
    unlisten = listen?.(() => void check());
    void check();
  });
}
