import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, waitFor, type HttpSession, type TestServer } from './support/harness.js';

const SECRET = 'a-long-shared-secret-for-tests';
const FAST = { retryBaseMs: 150, retryMaxMs: 2_000, timeoutMs: 500, pollMs: 50 };

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { deliveryId: string; seq: number; action: string; objectType: string; objectId: string; summary: string };
  at: number;
}

/** A webhook receiver on loopback; `answers` is what it replies to successive requests (then 200). */
async function startReceiver() {
  const received: Received[] = [];
  const answers: Array<number | 'hang'> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const answer = answers.shift() ?? 200;
      received.push({ headers: req.headers, body, json: JSON.parse(body), at: Date.now() });
      if (answer === 'hang') return; // no answer: the sender times out
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    answers,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function verify(secret: string, request: Received): boolean {
  const timestamp = String(request.headers['x-loadout-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`);
  const given = Buffer.from(String(request.headers['x-loadout-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const WEBHOOK = 'id url description actions objectTypes active cursorSeq attempts nextAttemptAt lastError lastDeliveredAt version';
const CREATE = `mutation($input: WebhookInput!) { createWebhook(input: $input) { ${WEBHOOK} } }`;
const DELIVERIES = `query($id: ID, $failedOnly: Boolean) { webhookDeliveries(webhookId: $id, failedOnly: $failedOnly, limit: 100) { id journalSeq attempt succeeded statusCode error durationMs } }`;

let test: TestServer;
let admin: HttpSession;
const cleanups: Array<() => Promise<unknown>> = [];
let venueCounter = 0;

async function createVenue(session = admin): Promise<string> {
  venueCounter += 1;
  const response = await session.request('mutation($input: VenueInput!) { createVenue(input: $input) { id } }', { input: { name: `Hall ${venueCounter}` } });
  expect(response.errors).toBeUndefined();
  return response.data!.createVenue.id;
}

async function registerWebhook(url: string, input: Record<string, unknown> = {}) {
  const response = await admin.request(CREATE, { input: { url, secret: SECRET, description: 'test', objectTypes: ['Venue'], ...input } });
  expect(response.errors).toBeUndefined();
  return response.data!.createWebhook as { id: string; version: number; cursorSeq: number };
}

async function venueSeqs(afterSeq: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: test.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ seq: string }>(`select seq from journal where object_type = 'Venue' and seq > $1 order by seq`, [afterSeq]);
    return rows.map((row) => Number(row.seq));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  test = await startTestServer({ webhooks: FAST });
  cleanups.push(() => test.stop());
  admin = await signIn(test.url, 'admin@loadout.demo');
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('registering webhooks', () => {
  it('refuses addresses that are not http(s), a missing or short secret, and people without settings:manage — nothing is created', async () => {
    for (const url of ['ftp://example.com/hook', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:pw@example.com/']) {
      const response = await admin.request(CREATE, { input: { url, secret: SECRET } });
      expect(response.errors?.[0].extensions?.code, url).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors?.[0].extensions?.fields), url).toContain('url');
    }
    const noSecret = await admin.request(CREATE, { input: { url: 'https://example.com/hook' } });
    expect(noSecret.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const shortSecret = await admin.request(CREATE, { input: { url: 'https://example.com/hook', secret: 'short' } });
    expect(shortSecret.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const manager = await signIn(test.url, 'manager@loadout.demo');
    expect((await manager.request(CREATE, { input: { url: 'https://example.com/hook', secret: SECRET } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await manager.request(`{ webhooks { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await manager.request(DELIVERIES, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.request(`{ webhooks { id } }`)).data!.webhooks).toEqual([]);
  });

  it('edits with optimistic locking, never shows the secret, journals changes, and deletes', async () => {
    const hook = await registerWebhook('https://example.com/a', { active: false });
    expect(JSON.stringify(hook)).not.toContain(SECRET);
    const update = `mutation($id: ID!, $v: Int!, $input: WebhookInput!) { updateWebhook(id: $id, expectedVersion: $v, input: $input) { ${WEBHOOK} } }`;
    const changed = await admin.request(update, { id: hook.id, v: hook.version, input: { url: 'https://example.com/b', actions: ['venue.'] } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateWebhook).toMatchObject({ url: 'https://example.com/b', actions: ['venue.'], objectTypes: ['Venue'], version: hook.version + 1 });
    const stale = await admin.request(update, { id: hook.id, v: hook.version, input: { description: 'x' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: hook.version + 1 });
    const badUrl = await admin.request(update, { id: hook.id, v: hook.version + 1, input: { url: 'gopher://x' } });
    expect(badUrl.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const journal = await admin.request(`{ journal(filter: { action: "webhook." }) { entries { action objectId } } }`);
    expect(journal.data!.journal.entries.map((entry: { action: string }) => entry.action).sort()).toEqual(['webhook.create', 'webhook.update']);

    const deleted = await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
    expect(deleted.data!.deleteWebhook.id).toBe(hook.id);
    expect((await admin.request(`{ webhooks { id } }`)).data!.webhooks).toEqual([]);
    const again = await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('delivery', () => {
  it('POSTs each committed change of the chosen kinds once, signed, in journal order — with two server instances running', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const second = await test.startAnother({ webhooks: FAST });
    const hook = await registerWebhook(receiver.url);

    for (let n = 0; n < 6; n += 1) await createVenue();
    await admin.request(`mutation { createCrewRole(input: { name: "Rigger for webhook test" }) { id } }`); // not a chosen kind
    const sentinel = await createVenue();
    await waitFor(() => receiver.received.some((request) => request.json.objectId === sentinel), 15_000, 'the sentinel change');

    const expected = await venueSeqs(hook.cursorSeq);
    expect(expected).toHaveLength(7);
    expect(receiver.received.map((request) => request.json.seq)).toEqual(expected); // in order, each once, nothing else
    for (const request of receiver.received) {
      expect(verify(SECRET, request)).toBe(true);
      expect(verify('another-secret-of-some-length', request)).toBe(false);
      expect(request.headers['content-type']).toBe('application/json');
      expect(Math.abs(Number(request.headers['x-loadout-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(request.headers['x-loadout-delivery']).toBe(`${hook.id}:${request.json.seq}`);
      expect(request.json).toMatchObject({ action: 'venue.create', objectType: 'Venue' });
    }
    const deliveries = (await admin.request(DELIVERIES, { id: hook.id })).data!.webhookDeliveries;
    expect(deliveries).toHaveLength(7);
    expect(deliveries.every((delivery: { succeeded: boolean; statusCode: number }) => delivery.succeeded && delivery.statusCode === 200)).toBe(true);
    const [state] = (await admin.request(`{ webhooks { id cursorSeq attempts lastError lastDeliveredAt } }`)).data!.webhooks.filter((w: { id: string }) => w.id === hook.id);
    expect(state).toMatchObject({ cursorSeq: expected.at(-1), attempts: 0, lastError: null });
    await second.stop();
    await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
  });

  it('retries a failing receiver with exponential back-off (errors and a timeout) and holds later changes back until it succeeds', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    receiver.answers.push(500, 503, 'hang');
    const hook = await registerWebhook(receiver.url);
    const first = await createVenue();
    const second = await createVenue();
    await waitFor(() => receiver.received.some((request) => request.json.objectId === second), 15_000, 'the second change');

    // The first change four times (500, 503, timeout, 200), then the second once.
    expect(receiver.received.map((request) => request.json.objectId)).toEqual([first, first, first, first, second]);
    expect(receiver.received.map((request) => request.headers['x-loadout-attempt'])).toEqual(['1', '2', '3', '4', '1']);
    const gaps = receiver.received.slice(1, 4).map((request, index) => request.at - receiver.received[index].at);
    // Waits of 150, 300 and 600 ms after each failed attempt ended (the third also waited out its 500 ms timeout).
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(300);
    expect(gaps[2]).toBeGreaterThanOrEqual(600 + 400);

    const failures = (await admin.request(DELIVERIES, { id: hook.id, failedOnly: true })).data!.webhookDeliveries;
    expect(failures.map((delivery: { attempt: number }) => delivery.attempt)).toEqual([3, 2, 1]);
    expect(failures.map((delivery: { statusCode: number | null }) => delivery.statusCode)).toEqual([null, 503, 500]);
    expect(failures[0].error).toMatch(/no answer within 500 ms/);
    const all = (await admin.request(DELIVERIES, { id: hook.id })).data!.webhookDeliveries;
    expect(all.filter((delivery: { succeeded: boolean }) => delivery.succeeded)).toHaveLength(2);
    await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
  });

  it('records the state of a receiver that keeps failing: attempts, last error and the next retry', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    receiver.answers.push(...Array(50).fill(500));
    const hook = await registerWebhook(receiver.url);
    await createVenue();
    await waitFor(() => receiver.received.length >= 4, 10_000, 'four failed attempts');
    await waitFor(async () => {
      const [state] = (await admin.request(`{ webhooks { id attempts lastError nextAttemptAt } }`)).data!.webhooks.filter((w: { id: string }) => w.id === hook.id);
      return state.attempts >= 4 && state.lastError === 'HTTP 500' && new Date(state.nextAttemptAt).getTime() > Date.now() - 5_000;
    }, 10_000, 'the failing state');
    await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
  });

  it('forgets delivery attempts older than the retention period', async () => {
    const hook = await registerWebhook('https://example.com/retention');
    const client = new pg.Client({ connectionString: test.databaseUrl });
    await client.connect();
    const count = async () => (await client.query(`select count(*)::int as n from webhook_delivery where webhook_id = $1`, [hook.id])).rows[0].n as number;
    try {
      await client.query(
        `insert into webhook_delivery (webhook_id, journal_seq, attempt, at, succeeded, status_code, duration_ms)
         values ($1, 1, 1, now() - interval '31 days', true, 200, 5), ($1, 2, 1, now() - interval '29 days', true, 200, 5)`,
        [hook.id],
      );
      const other = await test.startAnother({ webhooks: { ...FAST, keepDeliveriesDays: 30 } }); // prunes on its first round
      await waitFor(async () => (await count()) === 1, 10_000, 'the old attempt to be pruned');
      await other.stop();
    } finally {
      await client.end();
    }
    await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id });
  });

  it('survives a restart: stopped mid-way, started again, every change arrives once and in order', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const hook = await registerWebhook(receiver.url);
    // The receiver is slow to accept the third change, so the server is stopped while changes are pending.
    receiver.answers.push(200, 200, 'hang');
    for (let n = 0; n < 5; n += 1) await createVenue();
    await waitFor(() => receiver.received.length >= 3, 10_000, 'the first deliveries');
    await test.server.stop(); // drains: the attempt in flight ends (timeout) and its state commits

    const restarted = await test.startAnother({ webhooks: FAST });
    const session = await signIn(restarted.url, 'admin@loadout.demo');
    const last = await createVenue(session); // made while the new instance runs
    await waitFor(() => receiver.received.some((request) => request.json.objectId === last), 15_000, 'every change after the restart');

    const expected = await venueSeqs(hook.cursorSeq);
    expect(expected).toHaveLength(6);
    // The third change timed out once and was sent again (attempt 2); apart from that, each change exactly once.
    expect(receiver.received.map((request) => request.json.seq)).toEqual([expected[0], expected[1], expected[2], ...expected.slice(2)]);
    const deliveries = (await session.request(DELIVERIES, { id: hook.id })).data!.webhookDeliveries;
    expect(deliveries.filter((delivery: { succeeded: boolean }) => delivery.succeeded).map((delivery: { journalSeq: number }) => delivery.journalSeq).reverse()).toEqual(expected);
  });
});
