import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, expectCode, expectFieldProblem, JOURNAL_SUBSCRIPTION, type LiveEntry } from './support/contract.js';
import { assignCrew, createEvent } from './support/events.js';
import { collect, HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';

let t: TestServer;
let admin: HttpSession;
let roleIds: Record<string, string>;

interface Account {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  language: string;
  active: boolean;
  version: number;
  role: { id: string; name: string };
}
const ACCOUNT = 'id email name phone language active version role { id name }';

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
  const roles = await admin.request<{ roles: Array<{ role: { id: string; name: string } }> }>('{ roles { role { id name } } }');
  roleIds = Object.fromEntries(roles.data!.roles.map((r) => [r.role.name, r.role.id]));
});
afterAll(() => t?.stop());

async function createAccount(input: Record<string, unknown>) {
  return admin.request<{ createUser: { user: Account; oneTimePassword: string | null } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${ACCOUNT} } oneTimePassword } }`,
    { input },
  );
}
async function updateAccount(session: HttpSession, id: string, expectedVersion: number, input: Record<string, unknown>) {
  return session.request<{ updateUser: Account }>(`mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, expectedVersion: $v, input: $input) { ${ACCOUNT} } }`, {
    id,
    v: expectedVersion,
    input,
  });
}
async function account(id: string): Promise<Account> {
  return (await admin.request<{ user: Account }>(`query($id: ID!) { user(id: $id) { ${ACCOUNT} } }`, { id })).data!.user;
}
async function accountByEmail(email: string, session: HttpSession = admin): Promise<Account> {
  const list = await session.request<{ users: Account[] }>(`{ users(includeInactive: true) { ${ACCOUNT} } }`);
  return list.data!.users.find((u) => u.email === email)!;
}

describe('accounts', () => {
  it('creates an account with a one-time password that signs in, and journals it', async () => {
    const created = await createAccount({ name: 'Olga Operator', email: 'Olga@Example.COM', phone: '+7 900 111-22-33', roleId: roleIds.Engineer, language: 'ru' });
    expect(created.errors).toBeUndefined();
    const { user, oneTimePassword } = created.data!.createUser;
    expect(user).toMatchObject({ email: 'olga@example.com', name: 'Olga Operator', phone: '+7 900 111-22-33', language: 'ru', active: true, role: { name: 'Engineer' } });
    expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
    const olga = new HttpSession(t.url);
    expect((await olga.login('olga@example.com', oneTimePassword!)).errors).toBeUndefined();
    const journal = await admin.request('query($id: String!) { journal(filter: { objectType: "User", objectId: $id }) { entries { action actor { email } changes { field newValue } } } }', { id: user.id });
    expect(journal.data!.journal.entries[0]).toMatchObject({ action: 'user.create', actor: { email: 'admin@loadout.demo' } });
  });

  it('keeps e-mails unique regardless of case, on create and on edit', async () => {
    expectFieldProblem((await createAccount({ name: 'Dup', email: 'OLGA@example.com', roleId: roleIds.Engineer })).errors, 'email');
    const chosen = await createAccount({ name: 'Pavel Porter', email: 'pavel@example.com', roleId: roleIds.Engineer, password: 'chosen-password-1' });
    expect(chosen.data!.createUser.oneTimePassword).toBeNull();
    const pavel = chosen.data!.createUser.user;
    expectFieldProblem((await updateAccount(admin, pavel.id, pavel.version, { email: 'Olga@EXAMPLE.com' })).errors, 'email');
    expect((await account(pavel.id)).email).toBe('pavel@example.com');
  });

  it('edits name, e-mail, phone, role and language; a stale version is CONFLICT', async () => {
    const pavel = await accountByEmail('pavel@example.com');
    const updated = await updateAccount(admin, pavel.id, pavel.version, { name: 'Pavel P.', email: 'P.Porter@example.com', phone: '', roleId: roleIds.Storekeeper, language: 'ru' });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateUser).toMatchObject({ name: 'Pavel P.', email: 'p.porter@example.com', phone: null, language: 'ru', role: { name: 'Storekeeper' } });
    const stale = await updateAccount(admin, pavel.id, pavel.version, { name: 'Lost edit' });
    expect(expectCode(stale.errors, 'CONFLICT').extensions?.currentVersion).toBe(updated.data!.updateUser.version);
    expect((await account(pavel.id)).name).toBe('Pavel P.');
    const signedIn = new HttpSession(t.url);
    expect((await signedIn.login('p.porter@example.com', 'chosen-password-1')).data).toMatchObject({ login: { permissions: expect.arrayContaining(['equipment:manage']) } });
  });

  it('resets a password to a one-time one or a chosen one, ending the sessions', async () => {
    const pavel = await accountByEmail('p.porter@example.com');
    const session = await signIn(t.url, 'p.porter@example.com', 'chosen-password-1');
    const reset = await admin.request<{ resetUserPassword: { oneTimePassword: string } }>('mutation($id: ID!) { resetUserPassword(id: $id) { oneTimePassword } }', { id: pavel.id });
    const generated = reset.data!.resetUserPassword.oneTimePassword;
    expect(generated).toMatch(/^[\w-]{16}$/);
    expect((await session.request('{ me { id } }')).data?.me).toBeNull();
    expect((await new HttpSession(t.url).login('p.porter@example.com', 'chosen-password-1')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await new HttpSession(t.url).login('p.porter@example.com', generated)).errors).toBeUndefined();
    const chosen = await admin.request('mutation($id: ID!) { resetUserPassword(id: $id, password: "another-pass-2") { oneTimePassword } }', { id: pavel.id });
    expect(chosen.data!.resetUserPassword.oneTimePassword).toBeNull();
    expect((await new HttpSession(t.url).login('p.porter@example.com', 'another-pass-2')).errors).toBeUndefined();
    expectFieldProblem((await admin.request('mutation($id: ID!) { resetUserPassword(id: $id, password: "short") { oneTimePassword } }', { id: pavel.id })).errors, 'password');
  });

  it('deactivating ends the HTTP session and closes an open subscription at once; reactivating lets the account back in', async () => {
    const created = await createAccount({ name: 'Sub Scriber', email: 'subscriber@example.com', roleId: roleIds.Administrator, password: 'subscriber-pass' });
    const id = created.data!.createUser.user.id;
    const session = await signIn(t.url, 'subscriber@example.com', 'subscriber-pass');
    let closed: { code: number; reason: string } | undefined;
    const client = liveClient(t.wsUrl, { cookie: session.cookie, origin: t.url, onClose: (event) => (closed = event) });
    try {
      await connected(client);
      const live = collect<{ journalAppended: LiveEntry }>(client, JOURNAL_SUBSCRIPTION);
      await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id });
      await waitFor(() => closed !== undefined && live.completed, 10_000, 'the socket to close');
      expect({ code: closed!.code, reason: closed!.reason }).toEqual({ code: 4403, reason: 'Session ended' });
      expect((await session.request('{ me { id } }')).data?.me).toBeNull();
      expect((await new HttpSession(t.url).login('subscriber@example.com', 'subscriber-pass')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
    expect((await admin.request('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id })).data!.reactivateUser.active).toBe(true);
    expect((await new HttpSession(t.url).login('subscriber@example.com', 'subscriber-pass')).errors).toBeUndefined();
    await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id });
  });
});

describe('the last active administrator', () => {
  it('cannot be deactivated, demoted, or have the role stripped', async () => {
    const me = await accountByEmail('admin@loadout.demo');
    expectCode((await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: me.id })).errors, 'FORBIDDEN');
    expectCode((await updateAccount(admin, me.id, me.version, { roleId: roleIds.Manager })).errors, 'FORBIDDEN');
    const roles = await admin.request<{ roles: Array<{ role: { id: string; name: string; version: number; permissions: string[] } }> }>('{ roles { role { id name version permissions } } }');
    const administrator = roles.data!.roles.find((r) => r.role.name === 'Administrator')!.role;
    const stripped = await admin.request('mutation($id: ID!, $v: Int!, $p: [String!]) { updateRole(id: $id, expectedVersion: $v, input: { permissions: $p }) { id } }', {
      id: administrator.id,
      v: administrator.version,
      p: administrator.permissions.filter((p) => p !== 'role:manage'),
    });
    expectCode(stripped.errors, 'FORBIDDEN');
    const after = await account(me.id);
    expect(after).toMatchObject({ active: true, role: { name: 'Administrator' }, version: me.version });
  });

  it('two concurrent demotions of the only two administrators cannot both succeed', async () => {
    const second = (await createAccount({ name: 'Second Admin', email: 'second-admin@example.com', roleId: roleIds.Administrator, password: 'second-admin-pass' })).data!.createUser.user;
    const secondSession = await signIn(t.url, 'second-admin@example.com', 'second-admin-pass');
    const first = await accountByEmail('admin@loadout.demo');
    const results = await Promise.all([
      updateAccount(admin, second.id, second.version, { roleId: roleIds.Manager }),
      updateAccount(secondSession, first.id, first.version, { roleId: roleIds.Manager }),
    ]);
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expectCode(results.find((r) => r.errors)!.errors, 'FORBIDDEN');
    const admins = (await new HttpSession(t.url).login(succeeded[0] === results[0] ? 'admin@loadout.demo' : 'second-admin@example.com', succeeded[0] === results[0] ? 'loadout-demo' : 'second-admin-pass')).data;
    expect(admins).toMatchObject({ login: { permissions: expect.arrayContaining(['staff:manage', 'role:manage']) } });
    // Put things back for the rest of the file.
    if (succeeded[0] === results[1]) {
      const secondNow = await signIn(t.url, 'second-admin@example.com', 'second-admin-pass');
      // `admin` is no longer an administrator here: read the account as the one who still is.
      const demoted = await accountByEmail('admin@loadout.demo', secondNow);
      await updateAccount(secondNow, demoted.id, demoted.version, { roleId: roleIds.Administrator });
      admin = await signIn(t.url, 'admin@loadout.demo');
    }
  });
});

describe('roles', () => {
  let auditorId: string;
  let auditorVersion: number;

  it('exposes the permission catalogue with an area and a description for each', async () => {
    const catalogue = await admin.request<{ permissionCatalogue: Array<{ key: string; area: string; description: string }> }>('{ permissionCatalogue { key area description } }');
    const areas = new Set(catalogue.data!.permissionCatalogue.map((p) => p.area));
    expect([...areas]).toEqual(expect.arrayContaining(['Events', 'Equipment', 'Clients', 'Administration', 'Reports']));
    for (const p of catalogue.data!.permissionCatalogue) expect(p.description.length).toBeGreaterThan(10);
  });

  it('creates a role from the catalogue only, with a name unique regardless of case', async () => {
    expectFieldProblem((await admin.request('mutation { createRole(input: { name: "Bad", permissions: ["event:read", "bank:rob"] }) { id } }')).errors, 'permissions');
    const created = await admin.request<{ createRole: { id: string; name: string; permissions: string[]; version: number } }>(
      'mutation { createRole(input: { name: "Auditor", permissions: ["journal:read", "event:read"] }) { id name permissions version } }',
    );
    expect(created.data!.createRole).toMatchObject({ name: 'Auditor', permissions: ['event:read', 'journal:read'] });
    auditorId = created.data!.createRole.id;
    auditorVersion = created.data!.createRole.version;
    expectFieldProblem((await admin.request('mutation { createRole(input: { name: "AUDITOR" }) { id } }')).errors, 'name');
  });

  it("changes a role's permissions for its members' open sessions and subscriptions without signing in again", async () => {
    await createAccount({ name: 'Ada Auditor', email: 'ada@example.com', roleId: auditorId, password: 'ada-password' });
    const ada = await signIn(t.url, 'ada@example.com', 'ada-password');
    expect((await ada.request('{ journal { total } }')).errors).toBeUndefined();
    const client = liveClient(t.wsUrl, { cookie: ada.cookie, origin: t.url });
    try {
      await connected(client);
      const live = collect<{ journalAppended: LiveEntry }>(client, JOURNAL_SUBSCRIPTION);
      const delivered = () => live.received.map((r) => r.data?.journalAppended.summary);
      // A change arrives while the role has journal:read…
      await signIn(t.url, 'engineer@loadout.demo');
      await live.until(() => delivered().some((s) => s?.includes('signed in')), 10_000, 'a live row');

      const renamed = await admin.request<{ updateRole: { version: number; permissions: string[] } }>(
        'mutation($id: ID!, $v: Int!) { updateRole(id: $id, expectedVersion: $v, input: { permissions: ["event:read"] }) { version permissions } }',
        { id: auditorId, v: auditorVersion },
      );
      expect(renamed.data!.updateRole.permissions).toEqual(['event:read']);
      auditorVersion = renamed.data!.updateRole.version;
      expectCode((await ada.request('{ journal { total } }')).errors, 'FORBIDDEN');

      // …and no longer after it lost it; an admin subscribed alongside proves the row was broadcast.
      const adminClient = liveClient(t.wsUrl, { cookie: admin.cookie, origin: t.url });
      await connected(adminClient);
      const adminLive = collect<{ journalAppended: LiveEntry }>(adminClient, JOURNAL_SUBSCRIPTION);
      const count = live.received.length;
      await waitFor(async () => {
        await admin.request('mutation($id: ID!) { reactivateUser(id: $id) { id } }', { id: (await accountByEmail('admin@loadout.demo')).id });
        await signIn(t.url, 'engineer2@loadout.demo');
        return adminLive.received.some((r) => r.data?.journalAppended.summary.includes('Elena Engineer signed in'));
      }, 10_000, 'the admin to see a row');
      expect(live.received.length).toBe(count);
      await adminClient.dispose();

      const restored = await admin.request<{ updateRole: { version: number } }>(
        'mutation($id: ID!, $v: Int!) { updateRole(id: $id, expectedVersion: $v, input: { name: "Auditors", permissions: ["event:read", "journal:read"] }) { version } }',
        { id: auditorId, v: auditorVersion },
      );
      auditorVersion = restored.data!.updateRole.version;
      expect((await ada.request('{ journal { total } }')).errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('pushes the new permissions to the member through viewerChanged', async () => {
    const ada = await signIn(t.url, 'ada@example.com', 'ada-password');
    const client = liveClient(t.wsUrl, { cookie: ada.cookie, origin: t.url });
    try {
      await connected(client);
      const live = collect<{ viewerChanged: { email: string; permissions: string[]; role: { name: string } } }>(client, 'subscription { viewerChanged { email permissions role { name } } }');
      // Repeat a harmless change until the subscription is live on the server.
      for (let attempt = 0; attempt < 20 && live.received.length === 0; attempt++) {
        const updated = await admin.request<{ updateRole: { version: number } }>(
          'mutation($id: ID!, $v: Int!, $p: [String!]) { updateRole(id: $id, expectedVersion: $v, input: { permissions: $p }) { version } }',
          { id: auditorId, v: auditorVersion, p: attempt % 2 ? ['event:read', 'journal:read'] : ['event:read', 'journal:read', 'reports:read'] },
        );
        auditorVersion = updated.data!.updateRole.version;
        await live.until(() => live.received.length > 0, 500, 'viewerChanged').catch(() => undefined);
      }
      expect(live.received[0].data!.viewerChanged).toMatchObject({ email: 'ada@example.com', role: { name: 'Auditors' }, permissions: expect.arrayContaining(['journal:read']) });
      const last = await admin.request<{ updateRole: { version: number } }>(
        'mutation($id: ID!, $v: Int!) { updateRole(id: $id, expectedVersion: $v, input: { permissions: ["event:read", "journal:read", "client:read"] }) { version } }',
        { id: auditorId, v: auditorVersion },
      );
      auditorVersion = last.data!.updateRole.version;
      await live.until(() => live.received.some((r) => r.data?.viewerChanged.permissions.includes('client:read')), 10_000, 'the new permission');
    } finally {
      await client.dispose();
    }
  });

  it('refuses to delete a role in use, naming how many accounts hold it, and built-in roles; deletes an unused one', async () => {
    const inUse = expectCode((await admin.request('mutation($id: ID!) { deleteRole(id: $id) }', { id: auditorId })).errors, 'CONFLICT');
    expect(inUse.message).toMatch(/used by 1 account/);
    expect(inUse.extensions?.accountCount).toBe(1);
    expectFieldProblem((await admin.request('mutation($id: ID!) { deleteRole(id: $id) }', { id: roleIds.Engineer })).errors, 'id');
    const spare = await admin.request<{ createRole: { id: string } }>('mutation { createRole(input: { name: "Spare", permissions: [] }) { id } }');
    expect((await admin.request('mutation($id: ID!) { deleteRole(id: $id) }', { id: spare.data!.createRole.id })).data).toEqual({ deleteRole: true });
    const roles = await admin.request<{ roles: Array<{ role: { name: string }; memberCount: number }> }>('{ roles { role { name } memberCount } }');
    expect(roles.data!.roles.map((r) => r.role.name)).not.toContain('Spare');
    expect(roles.data!.roles.find((r) => r.role.name === 'Auditors')!.memberCount).toBe(1);
  });
});

describe('crew roles catalogue', () => {
  it('creates, renames and retires; deletes an unused one; refuses to delete one in use', async () => {
    const created = await admin.request<{ createCrewRole: { id: string; version: number } }>('mutation { createCrewRole(input: { name: "Pyrotechnician" }) { id version } }');
    const id = created.data!.createCrewRole.id;
    const renamed = await admin.request('mutation($id: ID!) { updateCrewRole(id: $id, input: { name: "Pyro technician" }) { name } }', { id });
    expect(renamed.data!.updateCrewRole.name).toBe('Pyro technician');

    const manager = await signIn(t.url, 'manager@loadout.demo');
    const event = await createEvent(manager, { title: 'Fireworks night', startDate: '2027-03-01', endDate: '2027-03-01' });
    const engineer = await accountByEmail('engineer@loadout.demo');
    await assignCrew(manager, { eventId: event.event.id, userId: engineer.id, crewRoleId: id });

    const refused = expectCode((await admin.request('mutation($id: ID!) { deleteCrewRole(id: $id) }', { id })).errors, 'CONFLICT');
    expect(refused.message).toMatch(/used on 1 assignment; retire it instead/);
    const retired = await admin.request('mutation($id: ID!) { updateCrewRole(id: $id, input: { retired: true }) { retired } }', { id });
    expect(retired.data!.updateCrewRole.retired).toBe(true);
    const active = await admin.request<{ crewRoles: Array<{ id: string }> }>('{ crewRoles { id } }');
    expect(active.data!.crewRoles.map((r) => r.id)).not.toContain(id);

    const unused = await admin.request<{ createCrewRole: { id: string } }>('mutation { createCrewRole(input: { name: "Spare hands" }) { id } }');
    expect((await admin.request('mutation($id: ID!) { deleteCrewRole(id: $id) }', { id: unused.data!.createCrewRole.id })).data).toEqual({ deleteCrewRole: true });
    const all = await admin.request<{ crewRoles: Array<{ name: string }> }>('{ crewRoles(includeRetired: true) { name } }');
    expect(all.data!.crewRoles.map((r) => r.name)).toEqual(expect.arrayContaining(['Pyro technician']));
    expect(all.data!.crewRoles.map((r) => r.name)).not.toContain('Spare hands');
  });
});
