import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';
import { connected, expectCode, expectFieldProblem, gql } from './support/contract.js';

const CHANGE = 'mutation($current: String!, $next: String!, $end: Boolean! = false) { changePassword(currentPassword: $current, newPassword: $next, endOtherSessions: $end) }';

let t: TestServer;
let admin: HttpSession;

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(() => t?.stop());

async function passwordHashOf(email: string): Promise<string> {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    return (await db.query('select password_hash from app_user where email = $1', [email])).rows[0].password_hash;
  } finally {
    await db.end();
  }
}

describe('changePassword', () => {
  it('refuses a wrong current password with BAD_USER_INPUT on currentPassword, and changes nothing', async () => {
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    const before = await passwordHashOf('engineer@loadout.demo');
    const response = await gql(t.url, engineer, CHANGE, { current: 'not-the-password', next: 'brand-new-password' });
    const error = expectFieldProblem(response.body?.errors, 'currentPassword');
    expect(error.message).not.toContain('not-the-password');
    expect(await passwordHashOf('engineer@loadout.demo')).toBe(before);
    expect((await new HttpSession(t.url).login('engineer@loadout.demo', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('refuses a short or unchanged new password with BAD_USER_INPUT on newPassword', async () => {
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    expectFieldProblem((await gql(t.url, engineer, CHANGE, { current: DEMO_PASSWORD, next: 'short' })).body?.errors, 'newPassword');
    expectFieldProblem((await gql(t.url, engineer, CHANGE, { current: DEMO_PASSWORD, next: DEMO_PASSWORD })).body?.errors, 'newPassword');
    expectFieldProblem((await gql(t.url, engineer, CHANGE, { current: DEMO_PASSWORD, next: 'x'.repeat(201) })).body?.errors, 'newPassword');
  });

  it('is UNAUTHENTICATED without a session', async () => {
    expectCode((await gql(t.url, undefined, CHANGE, { current: DEMO_PASSWORD, next: 'brand-new-password' })).body?.errors, 'UNAUTHENTICATED');
  });

  it('after a change the old password no longer signs in and the new one does; other sessions stay by default', async () => {
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    const otherTab = await signIn(t.url, 'engineer@loadout.demo');
    const response = await gql(t.url, engineer, CHANGE, { current: DEMO_PASSWORD, next: 'engineer-new-pw' });
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?.changePassword).toBe(true);

    expectCode((await new HttpSession(t.url).login('engineer@loadout.demo', DEMO_PASSWORD)).errors, 'UNAUTHENTICATED');
    const fresh = new HttpSession(t.url);
    expect((await fresh.login('engineer@loadout.demo', 'engineer-new-pw')).errors).toBeUndefined();
    expect((await fresh.request('{ me { email } }')).data?.me.email).toBe('engineer@loadout.demo');
    // endOtherSessions defaults to false.
    expect((await engineer.request('{ me { email } }')).data?.me).not.toBeNull();
    expect((await otherTab.request('{ me { email } }')).data?.me).not.toBeNull();
  });

  it('with endOtherSessions: true ends the other sessions (and their sockets) but keeps the current one', async () => {
    const current = await signIn(t.url, 'engineer2@loadout.demo');
    const other = await signIn(t.url, 'engineer2@loadout.demo');
    let closed: { code: number } | undefined;
    const socket = liveClient(t.wsUrl, { cookie: other.cookie, onClose: (event) => (closed = event) });
    try {
      await connected(socket);
      const response = await gql(t.url, current, CHANGE, { current: DEMO_PASSWORD, next: 'engineer2-new-pw', end: true });
      expect(response.body?.errors).toBeUndefined();

      expect((await current.request('{ me { email } }')).data?.me.email).toBe('engineer2@loadout.demo');
      expect((await current.request('{ permissionCatalogue { key } }')).errors).toBeUndefined();
      expect((await other.request('{ me { email } }')).data?.me).toBeNull();
      expectCode((await other.request('{ permissionCatalogue { key } }')).errors, 'UNAUTHENTICATED');
      await waitFor(() => closed !== undefined, 5_000, "the other session's socket to close");
      expect(closed!.code).toBe(4403);
    } finally {
      await socket.dispose();
    }
  });

  it('journals auth.password_change without the password or its hash', async () => {
    const storekeeper = await signIn(t.url, 'storekeeper@loadout.demo');
    const secret = 'storekeeper-secret-pw';
    expect((await gql(t.url, storekeeper, CHANGE, { current: DEMO_PASSWORD, next: secret })).body?.errors).toBeUndefined();
    const hash = await passwordHashOf('storekeeper@loadout.demo');
    const storekeeperId = (await storekeeper.request('{ me { id } }')).data!.me.id;

    const journal = await admin.request(
      'query($id: String!) { journal(filter: { action: "auth.password_change", objectId: $id }) { total entries { action objectType objectId actor { id } summary changes { field oldValue newValue } } } }',
      { id: storekeeperId },
    );
    expect(journal.errors).toBeUndefined();
    expect(journal.data?.journal.total).toBe(1);
    const [entry] = journal.data!.journal.entries;
    expect(entry).toMatchObject({ action: 'auth.password_change', objectType: 'User', objectId: storekeeperId, actor: { id: storekeeperId } });
    expect(entry.changes.map((c: { field: string }) => c.field)).toContain('password');

    // Neither through the API nor in the stored row (changes and context).
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    const rows = await db.query("select * from journal where action = 'auth.password_change'");
    await db.end();
    for (const text of [JSON.stringify(journal.data), JSON.stringify(rows.rows)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toContain(hash);
      expect(text).not.toMatch(/\$argon2/);
    }
  });
});
