import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { HttpSession, signIn, startTestServer, type TestServer } from './support/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

describe('sign-in and sessions', () => {
  it('logs in, returns the viewer with permissions, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const session = new HttpSession(t.url);
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "ADMIN@loadout.demo", password: "loadout-demo") { email permissions role { name } } }' }),
    });
    const cookie = response.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^loadout_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = await response.json();
    expect(body.data.login.email).toBe('admin@loadout.demo');
    expect(body.data.login.role.name).toBe('Administrator');
    expect(body.data.login.permissions).toContain('journal:read');
    session.cookie = cookie.split(';')[0];
    const me = await session.request('{ me { email } }');
    expect(me.data?.me).toEqual({ email: 'admin@loadout.demo' });
  });

  it('stores only the hash of the session token', async () => {
    const session = await signIn(t.url, 'engineer@loadout.demo');
    const token = session.cookie!.split('=')[1];
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    const rows = await client.query('select count(*)::int as n from session where token_hash = $1', [token]);
    await client.end();
    expect(rows.rows[0].n).toBe(0);
  });

  it('answers the same for an unknown e-mail and a wrong password, and journals both', async () => {
    const anonymous = new HttpSession(t.url);
    const unknown = await anonymous.login('nobody@loadout.demo', 'whatever-123');
    const wrong = await anonymous.login('manager2@loadout.demo', 'wrong-password');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);

    const admin = await signIn(t.url, 'admin@loadout.demo');
    const journal = await admin.request('{ journal(filter: { action: "auth.login_failed" }) { total entries { objectId actorLabel } } }');
    expect(journal.data?.journal.entries.map((e: { objectId: string }) => e.objectId)).toEqual(
      expect.arrayContaining(['nobody@loadout.demo', 'manager2@loadout.demo']),
    );
  });

  it('rate-limits repeated failures for one account', async () => {
    const anonymous = new HttpSession(t.url);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(String((await anonymous.login('storekeeper@loadout.demo', `bad-${i}-password`)).errors?.[0].extensions?.code));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('RATE_LIMITED');
    // Even the right password is refused while limited.
    const right = await anonymous.login('storekeeper@loadout.demo');
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(right.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    const admin = await signIn(t.url, 'admin@loadout.demo');
    const engineer2 = await signIn(t.url, 'engineer2@loadout.demo');
    const me = await engineer2.request('{ me { id } }');
    const id = me.data?.me.id;
    const result = await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id });
    expect(result.data?.deactivateUser.active).toBe(false);
    expect((await engineer2.request('{ me { id } }')).data?.me).toBeNull();
    const again = await new HttpSession(t.url).login('engineer2@loadout.demo');
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await admin.request('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id });
    expect((await new HttpSession(t.url).login('engineer2@loadout.demo')).errors).toBeUndefined();
  });

  it('expires sessions past their expiry time', async () => {
    const session = await signIn(t.url, 'manager@loadout.demo');
    expect((await session.request('{ me { email } }')).data?.me).not.toBeNull();
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    await client.query("update session set expires_at = now() - interval '1 second' where user_id = (select id from app_user where email = 'manager@loadout.demo')");
    await client.end();
    expect((await session.request('{ me { email } }')).data?.me).toBeNull();
    const refused = await session.request('{ journal { total } }');
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const session = await signIn(t.url, 'engineer@loadout.demo');
    const stolen = session.cookie;
    const result = await session.request('mutation { logout }');
    expect(result.data?.logout).toBe(true);
    expect(session.cookie).toBeUndefined();
    const replay = new HttpSession(t.url);
    replay.cookie = stolen;
    expect((await replay.request('{ me { id } }')).data?.me).toBeNull();
  });

  it('logoutEverywhere ends the other sessions and can keep the current one', async () => {
    const first = await signIn(t.url, 'manager2@loadout.demo').catch(async () => signIn(t.url, 'manager2@loadout.demo'));
    const second = await signIn(t.url, 'manager2@loadout.demo');
    const ended = await first.request('mutation { logoutEverywhere(keepCurrent: true) }');
    expect(ended.data?.logoutEverywhere).toBeGreaterThanOrEqual(1);
    expect((await first.request('{ me { id } }')).data?.me).not.toBeNull();
    expect((await second.request('{ me { id } }')).data?.me).toBeNull();
  });
});
