import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';
import { connected, expectCode, expectNoLeak, liveJournal, rawPost, rawSocketOutcome, WebSocket, wsExecute } from './support/contract.js';

const EVIL = 'http://evil.example';
const ATTACK = JSON.stringify({ query: 'mutation { logoutEverywhere }' });

let t: TestServer;
let victim: HttpSession;
let victimElsewhere: HttpSession;
let admin: HttpSession;

beforeAll(async () => {
  t = await startTestServer();
  victim = await signIn(t.url, 'manager@loadout.demo');
  victimElsewhere = await signIn(t.url, 'manager@loadout.demo');
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(() => t?.stop());

/** Both sessions of the victim still work and no logout_everywhere was journaled. */
async function expectVictimUnharmed(): Promise<void> {
  expect((await victim.request('{ me { email } }')).data?.me?.email).toBe('manager@loadout.demo');
  expect((await victimElsewhere.request('{ me { email } }')).data?.me?.email).toBe('manager@loadout.demo');
  const journal = await admin.request('{ journal(filter: { action: "auth.logout_everywhere" }) { total } }');
  expect(journal.errors).toBeUndefined();
  expect(journal.data?.journal.total).toBe(0);
}

describe('cross-site HTTP requests', () => {
  it('a text/plain POST from another site with the session cookie is refused', async () => {
    const response = await rawPost(t.url, ATTACK, { 'content-type': 'text/plain;charset=UTF-8', origin: EVIL, cookie: victim.cookie! });
    expect([403, 415]).toContain(response.status);
    expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(response.body?.errors?.[0].extensions?.code);
    expect(response.body?.data ?? null).toBeNull();
    expectNoLeak(response.text);
    await expectVictimUnharmed();
  });

  it('a form POST (application/x-www-form-urlencoded) from another site is refused', async () => {
    const form = new URLSearchParams({ query: 'mutation { logoutEverywhere }' }).toString();
    const response = await rawPost(t.url, form, { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL, cookie: victim.cookie! });
    expect([403, 415]).toContain(response.status);
    expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(response.body?.errors?.[0].extensions?.code);
    await expectVictimUnharmed();
  });

  it('a simple (non-JSON) POST is refused even without an Origin header: 415 BAD_USER_INPUT', async () => {
    const response = await rawPost(t.url, ATTACK, { 'content-type': 'text/plain', cookie: victim.cookie! });
    expect(response.status).toBe(415);
    expectCode(response.body?.errors, 'BAD_USER_INPUT');
    await expectVictimUnharmed();
  });

  it('a multipart form POST is refused', async () => {
    const form = new FormData();
    form.set('query', 'mutation { logoutEverywhere }');
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: { cookie: victim.cookie!, origin: EVIL } });
    expect([403, 415]).toContain(response.status);
    await expectVictimUnharmed();
  });

  it('a JSON POST with a foreign Origin is 403 FORBIDDEN', async () => {
    const response = await rawPost(t.url, ATTACK, { 'content-type': 'application/json', origin: EVIL, cookie: victim.cookie! });
    expect(response.status).toBe(403);
    expectCode(response.body?.errors, 'FORBIDDEN');
    await expectVictimUnharmed();
  });

  it('Origin "null" (a sandboxed frame) is 403 FORBIDDEN', async () => {
    const response = await rawPost(t.url, ATTACK, { 'content-type': 'application/json', origin: 'null', cookie: victim.cookie! });
    expect(response.status).toBe(403);
    expectCode(response.body?.errors, 'FORBIDDEN');
    await expectVictimUnharmed();
  });

  it('an origin that only starts like ours is foreign', async () => {
    const response = await rawPost(t.url, ATTACK, { 'content-type': 'application/json', origin: `${t.url}.evil.example`, cookie: victim.cookie! });
    expect(response.status).toBe(403);
    expectCode(response.body?.errors, 'FORBIDDEN');
    await expectVictimUnharmed();
  });

  it('a cross-site GET cannot run a mutation', async () => {
    const url = `${t.url}/graphql?query=${encodeURIComponent('mutation { logoutEverywhere }')}`;
    const response = await fetch(url, { headers: { cookie: victim.cookie!, origin: EVIL } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const text = await response.text();
    expect(text).not.toContain('"logoutEverywhere"');
    await expectVictimUnharmed();
  });

  it('a same-origin JSON POST works', async () => {
    const response = await rawPost(t.url, JSON.stringify({ query: 'mutation { setMyLanguage(language: "en") { language } }' }), {
      'content-type': 'application/json',
      origin: t.url,
      cookie: victim.cookie!,
    });
    expect(response.status).toBe(200);
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?.setMyLanguage.language).toBe('en');
  });

  it('an Origin equal to the Host the browser used works, and a listed origin works on a server that allows it', async () => {
    const byHost = await rawPost(t.url, JSON.stringify({ query: '{ me { email } }' }), {
      'content-type': 'application/json',
      origin: new URL(t.url).origin,
      cookie: victim.cookie!,
    });
    expect(byHost.body?.data?.me.email).toBe('manager@loadout.demo');

    const other = await t.startAnother({ allowedOrigins: ['https://app.example'] });
    const listed = await rawPost(other.url, JSON.stringify({ query: '{ me { email } }' }), {
      'content-type': 'application/json',
      origin: 'https://app.example',
      cookie: victim.cookie!,
    });
    expect(listed.status).toBe(200);
    expect(listed.body?.data?.me.email).toBe('manager@loadout.demo');
    const foreign = await rawPost(other.url, ATTACK, { 'content-type': 'application/json', origin: 'https://other.example', cookie: victim.cookie! });
    expect(foreign.status).toBe(403);
    expectCode(foreign.body?.errors, 'FORBIDDEN');
    const socket = new WebSocket(other.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', {
      headers: { cookie: victim.cookie!, origin: 'https://app.example' },
    });
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('unexpected-response', () => resolve(false));
      socket.once('error', () => resolve(false));
    });
    socket.close();
    expect(opened).toBe(true);
    await other.stop();
    await expectVictimUnharmed();
  });
});

describe('the WebSocket upgrade', () => {
  it('without a cookie the connection is closed with 4401', async () => {
    let closed: { code: number } | undefined;
    const client = liveClient(t.wsUrl, { origin: t.url, onClose: (event) => (closed = event) });
    await waitFor(() => closed !== undefined, 10_000, 'the socket to close');
    expect(closed!.code).toBe(4401);
    await client.dispose();
  });

  it('with an invalid or ended session cookie the connection is closed with 4401', async () => {
    for (const cookie of ['loadout_session=not-a-real-token', 'loadout_session=' + 'A'.repeat(300)]) {
      let closed: { code: number } | undefined;
      const client = liveClient(t.wsUrl, { cookie, origin: t.url, onClose: (event) => (closed = event) });
      await waitFor(() => closed !== undefined, 10_000, 'the socket to close');
      expect(closed!.code).toBe(4401);
      await client.dispose();
    }
    const ended = await signIn(t.url, 'engineer@loadout.demo');
    const cookie = ended.cookie;
    await ended.request('mutation { logout }');
    let closed: { code: number } | undefined;
    const client = liveClient(t.wsUrl, { cookie, origin: t.url, onClose: (event) => (closed = event) });
    await waitFor(() => closed !== undefined, 10_000, 'the socket to close');
    expect(closed!.code).toBe(4401);
    await client.dispose();
  });

  it('a foreign Origin is refused at the upgrade with HTTP 403, even with a valid cookie', async () => {
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie: admin.cookie!, origin: EVIL } });
    const outcome = await rawSocketOutcome(socket);
    expect(outcome.httpStatus).toBe(403);

    // The graphql-ws client sees a connection error and gets nothing.
    let closed: { code: number } | undefined;
    const client = liveClient(t.wsUrl, { cookie: admin.cookie, origin: EVIL, onClose: (event) => (closed = event) });
    const subscription = collect(client, 'subscription { journalAppended { seq } }');
    await subscription.until(() => subscription.completed, 10_000, 'the refused connection to fail');
    expect(subscription.received).toEqual([]);
    expect(closed?.code).not.toBe(1000);
    await client.dispose();
  });

  it('the right Origin and cookie give a working subscription', async () => {
    const client = liveClient(t.wsUrl, { cookie: admin.cookie, origin: t.url });
    try {
      await connected(client);
      const subscription = await liveJournal(client, t.url, admin);
      const before = subscription.received.length;
      await signIn(t.url, 'engineer2@loadout.demo');
      await subscription.until(
        () => subscription.received.slice(before).some((r) => r.data?.journalAppended.action === 'auth.login' && /Elena Engineer/.test(r.data.journalAppended.summary)),
        10_000,
        "engineer2's sign-in",
      );
      expect((await wsExecute(client, '{ me { email } }')).data?.me.email).toBe('admin@loadout.demo');
      subscription.dispose();
    } finally {
      await client.dispose();
    }
  });

  it('a socket that never sends connection_init is closed with 4408 after the 5 s timeout', async () => {
    const started = Date.now();
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie: admin.cookie!, origin: t.url } });
    const outcome = await rawSocketOutcome(socket, 8_000);
    const elapsed = Date.now() - started;
    expect(outcome.closeCode).toBe(4408);
    expect(elapsed).toBeGreaterThanOrEqual(4_500);
    expect(elapsed).toBeLessThan(7_000);
  });
});
