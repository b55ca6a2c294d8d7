import { expect } from 'vitest';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { collect, DEMO_PASSWORD, HttpSession, signIn, type GraphQLResponse } from './harness.js';

/** Codes a client may ever see (ARCHITECTURE → API conventions). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

type GraphQLError = NonNullable<GraphQLResponse['errors']>[number];

export interface RawResponse {
  status: number;
  text: string;
  body: { data?: Record<string, any> | null; errors?: GraphQLError[] } | undefined;
  headers: Headers;
}

/** Fails when anything that looks like a stack trace, a source path or SQL leaks to a client. */
export function expectNoLeak(payload: unknown): void {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toContain('at /');
  expect(text).not.toContain('node_modules');
  expect(text).not.toContain('file://');
  expect(text).not.toMatch(/\bselect\b.+\bfrom\b/i);
}

/** A POST to /graphql with full control of body and headers; returns the raw text too. */
export async function rawPost(baseUrl: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: RawResponse['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, text, body: parsed, headers: response.headers };
}

/** A GraphQL request over HTTP as `session` (or anonymously), checked for leaks. */
export async function gql(
  baseUrl: string,
  session: HttpSession | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawResponse> {
  const response = await rawPost(baseUrl, JSON.stringify({ query, variables }), {
    'content-type': 'application/json',
    ...(session?.cookie ? { cookie: session.cookie } : {}),
  });
  expectNoLeak(response.text);
  return response;
}

/** Asserts exactly the first error's code, and that it is one of the fixed set. Returns the error. */
export function expectCode(errors: GraphQLError[] | readonly unknown[] | undefined, code: (typeof ERROR_CODES)[number]): GraphQLError {
  expect(errors, `expected an error with code ${code}`).toBeDefined();
  expect(errors!.length).toBeGreaterThan(0);
  const first = errors![0] as GraphQLError;
  for (const error of errors as GraphQLError[]) expect(ERROR_CODES).toContain(error.extensions?.code);
  expect(first.extensions?.code).toBe(code);
  return first;
}

/** Asserts BAD_USER_INPUT naming `field` in `extensions.fields[].field`. */
export function expectFieldProblem(errors: GraphQLError[] | undefined, field: string | RegExp): GraphQLError {
  const error = expectCode(errors, 'BAD_USER_INPUT');
  const fields = error.extensions?.fields as Array<{ field: string; message: string }> | undefined;
  expect(Array.isArray(fields), 'extensions.fields must be a list').toBe(true);
  const names = fields!.map((f) => f.field);
  if (typeof field === 'string') expect(names).toContain(field);
  else expect(names.some((name) => field.test(name)), `a field matching ${field} in ${JSON.stringify(names)}`).toBe(true);
  for (const problem of fields!) expect(problem.message).toEqual(expect.any(String));
  return error;
}

/**
 * Runs one operation over graphql-ws and resolves with its first result: a `next` payload, or the
 * errors of an `error` message. Rejects when the socket closes first or nothing arrives in time.
 */
export function wsExecute(client: Client, query: string, variables?: Record<string, unknown>, timeoutMs = 10_000) {
  return new Promise<{ data?: Record<string, any> | null; errors?: GraphQLError[] }>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    // Not disposed after `next`: the server completes queries itself, and disposing as well makes
    // graphql-ws release the connection twice (its lock count drops to 0 and it closes the socket).
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => finish(() => resolve(value as { data?: Record<string, any>; errors?: GraphQLError[] })),
        error: (error) => {
          if (Array.isArray(error)) finish(() => resolve({ errors: error as GraphQLError[] }));
          else finish(() => reject(error instanceof Error ? error : new Error(`WebSocket closed: ${JSON.stringify(error, ['code', 'reason'])}`)));
        },
        complete: () => finish(() => reject(new Error('Completed without a result'))),
      },
    );
    const timer = setTimeout(
      () =>
        finish(() => {
          dispose();
          reject(new Error(`No answer over WebSocket within ${timeoutMs} ms`));
        }),
      timeoutMs,
    );
  });
}

/** Resolves when the graphql-ws client has its connection acknowledged (the server accepted the cookie). */
export function connected(client: Client, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('WebSocket not acknowledged in time')), timeoutMs);
    const stop = client.on('connected', () => {
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** The close event of a raw WebSocket, or the refused upgrade's HTTP status. */
export function rawSocketOutcome(socket: WebSocket, timeoutMs = 10_000): Promise<{ closeCode?: number; reason?: string; httpStatus?: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`WebSocket neither closed nor was refused within ${timeoutMs} ms`)), timeoutMs);
    socket.on('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      resolve({ httpStatus: response.statusCode });
      response.resume();
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ closeCode: code, reason: reason.toString() });
    });
    socket.on('error', () => undefined);
  });
}

export const JOURNAL_SUBSCRIPTION = 'subscription { journalAppended { seq action objectType objectId actorLabel summary } }';
export interface LiveEntry {
  seq: number;
  action: string;
  objectType: string;
  objectId: string | null;
  actorLabel: string | null;
  summary: string;
}

/**
 * Subscribes to journalAppended and returns once the subscription is live on the server: it makes
 * probe changes (sign-ins of `probeEmail`) until one of them arrives, waiting for each with a timeout.
 * `reader` (an account with journal:read) looks up each probe's seq, so that when this returns the
 * latest probe has arrived and no earlier probe can still be on its way.
 */
export async function liveJournal(client: Client, baseUrl: string, reader: HttpSession, probeEmail = 'storekeeper@loadout.demo') {
  const subscription = collect<{ journalAppended: LiveEntry }>(client, JOURNAL_SUBSCRIPTION);
  for (let attempt = 0; attempt < 20; attempt++) {
    if (subscription.completed) throw new Error(`subscription ended: ${JSON.stringify(subscription.failure ?? subscription.received)}`);
    await signIn(baseUrl, probeEmail, DEMO_PASSWORD);
    const latest = await reader.request('{ journal(page: { limit: 1 }) { entries { seq action } } }');
    const probe = latest.data?.journal.entries[0] as { seq: number; action: string } | undefined;
    if (probe?.action !== 'auth.login') throw new Error(`could not read the probe's seq: ${JSON.stringify(latest)}`);
    const arrived = () => subscription.received.some((r) => r.data?.journalAppended.seq === probe.seq);
    try {
      await subscription.until(() => arrived() || subscription.completed, 1_000, 'a probe sign-in');
      if (arrived()) return subscription;
    } catch {
      // Not live yet; probe again.
    }
  }
  throw new Error('journalAppended never delivered a probe change');
}

export function entriesOf(subscription: { received: Array<{ data?: { journalAppended: LiveEntry } }> }): LiveEntry[] {
  return subscription.received.map((r) => r.data?.journalAppended).filter((e): e is LiveEntry => Boolean(e));
}

export { WebSocket };
