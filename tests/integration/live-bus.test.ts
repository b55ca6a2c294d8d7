import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUS_APPLICATION_NAME } from '@loadout/server';
import { collect, HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';
import { connected, entriesOf, expectCode, JOURNAL_SUBSCRIPTION, liveJournal, type LiveEntry } from './support/contract.js';

let t: TestServer;
let admin: HttpSession;
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await t?.stop();
});

function adminClient(url = t.wsUrl, cookie = admin.cookie, onClose?: (event: { code: number; reason: string }) => void) {
  const client = liveClient(url, { cookie, onClose });
  cleanup.push(() => client.dispose());
  return client;
}

async function changesSince(seq: number): Promise<LiveEntry[]> {
  const response = await admin.request('query($seq: SafeInt!) { changesSince(seq: $seq) { seq action objectType objectId actorLabel summary } }', { seq });
  expect(response.errors).toBeUndefined();
  return response.data!.changesSince;
}

const lastSeq = (entries: LiveEntry[]) => Math.max(0, ...entries.map((e) => e.seq));
const isLoginOf = (name: string) => (entry: LiveEntry) => entry.action === 'auth.login' && entry.summary === `${name} signed in`;

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('journal → bus → subscribers', () => {
  it('an admin sees a manager sign in, and changesSince returns what the subscription delivered', async () => {
    const subscription = await liveJournal(adminClient(), t.url, admin);
    const baseline = lastSeq(entriesOf(subscription));
    const count = subscription.received.length;

    await signIn(t.url, 'manager@loadout.demo');
    await subscription.until(() => entriesOf(subscription).some(isLoginOf('Maxim Manager')), 10_000, "the manager's sign-in");
    const login = entriesOf(subscription).find(isLoginOf('Maxim Manager'))!;
    expect(login).toMatchObject({ action: 'auth.login', objectType: 'Session', actorLabel: 'Maxim Manager' });

    // A sequence of different changes.
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    await engineer.request('mutation { setMyLanguage(language: "pt") { language } }');
    await new HttpSession(t.url).login('engineer@loadout.demo', 'wrong-password');
    await engineer.request('mutation { logout }');
    await subscription.until(() => entriesOf(subscription).some((e) => e.action === 'auth.logout'), 10_000, 'the logout');

    const delivered = entriesOf(subscription).slice(count);
    expect(delivered.map((e) => e.action)).toEqual(['auth.login', 'auth.login', 'user.update', 'auth.login_failed', 'auth.logout']);
    expect(await changesSince(baseline)).toEqual(delivered);
    const seqs = delivered.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    subscription.dispose();
  });

  it('a change made on one instance reaches a subscriber of another instance exactly once', async () => {
    const b = await t.startAnother();
    try {
      const subscription = await liveJournal(adminClient(b.url.replace('http', 'ws') + '/graphql'), t.url, admin);
      const count = subscription.received.length;

      // A change on A (sign-in of another account), then a sentinel: once the sentinel is there,
      // anything delivered twice would be there too (the bus delivers in seq order).
      await signIn(t.url, 'manager2@loadout.demo');
      await signIn(t.url, 'engineer2@loadout.demo');
      await subscription.until(() => entriesOf(subscription).some(isLoginOf('Elena Engineer')), 10_000, 'the sentinel on B');

      const delivered = entriesOf(subscription).slice(count);
      expect(delivered.filter(isLoginOf('Marina Manager'))).toHaveLength(1);
      expect(new Set(delivered.map((e) => e.seq)).size).toBe(delivered.length);
      expect(delivered.map((e) => e.summary)).toEqual(['Marina Manager signed in', 'Elena Engineer signed in']);
      subscription.dispose();
    } finally {
      await b.stop();
    }
  });

  it('a rolled-back change publishes nothing', async () => {
    const subscription = await liveJournal(adminClient(), t.url, admin);
    const baseline = lastSeq(entriesOf(subscription));
    const count = subscription.received.length;

    await expect(
      t.server.orm.em.fork().transactional(async (em) => {
        await t.server.journal.append(em, [{ action: 'test.rolled_back', objectType: 'Test', summary: 'x' }]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // The same through the journal's own write path: the work fails after its rows were appended.
    await expect(
      t.server.journal.record(async (em) => {
        await t.server.journal.append(em, [{ action: 'test.rolled_back', objectType: 'Test', summary: 'y' }]);
        throw new Error('rollback again');
      }),
    ).rejects.toThrow('rollback again');

    await signIn(t.url, 'manager2@loadout.demo');
    await subscription.until(() => entriesOf(subscription).slice(count).some(isLoginOf('Marina Manager')), 10_000, 'the committed change');

    const delivered = entriesOf(subscription).slice(count);
    expect(delivered.map((e) => e.action)).toEqual(['auth.login']);
    expect((await changesSince(baseline)).map((e) => e.action)).toEqual(['auth.login']);
    const stored = await withDatabase((db) => db.query("select count(*)::int as n from journal where action = 'test.rolled_back'"));
    expect(stored.rows[0].n).toBe(0);
    subscription.dispose();
  });

  it('after its LISTEN connection is killed, the bus catches up: nothing missed, nothing twice, in order', async () => {
    const subscription = await liveJournal(adminClient(), t.url, admin);
    const baseline = lastSeq(entriesOf(subscription));
    const count = subscription.received.length;

    const killed = await withDatabase((db) =>
      db.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1 and datname = current_database()', [
        BUS_APPLICATION_NAME,
      ]),
    );
    expect(killed.rows.length).toBe(1);
    expect(killed.rows[0].ok).toBe(true);

    const accounts = ['manager@loadout.demo', 'manager2@loadout.demo', 'engineer@loadout.demo', 'engineer2@loadout.demo', 'storekeeper@loadout.demo'];
    for (const email of accounts) await signIn(t.url, email);

    await subscription.until(() => subscription.received.length - count >= accounts.length, 15_000, 'every sign-in after the kill');
    const delivered = entriesOf(subscription).slice(count);
    const expected = await changesSince(baseline);
    expect(expected).toHaveLength(accounts.length);
    expect(delivered).toEqual(expected);
    expect(delivered.map((e) => e.summary)).toEqual([
      'Maxim Manager signed in',
      'Marina Manager signed in',
      'Egor Engineer signed in',
      'Elena Engineer signed in',
      'Stas Storekeeper signed in',
    ]);

    // And the bus is listening again: a later change still arrives, once.
    await signIn(t.url, 'manager@loadout.demo');
    await subscription.until(() => subscription.received.length - count > accounts.length, 15_000, 'a change after the reconnect');
    const all = entriesOf(subscription).slice(count);
    expect(new Set(all.map((e) => e.seq)).size).toBe(all.length);
    expect(all).toHaveLength(accounts.length + 1);
    await waitFor(
      () => withDatabase(async (db) => (await db.query('select 1 from pg_stat_activity where application_name = $1 and datname = current_database()', [BUS_APPLICATION_NAME])).rowCount === 1),
      10_000,
      'the bus to be connected again',
    );
    subscription.dispose();
  });
  it('rows committed while the bus cannot connect at all are delivered once it reconnects', async () => {
    const subscription = await liveJournal(adminClient(), t.url, admin);
    const count = subscription.received.length;
    const databaseName = new URL(t.databaseUrl).pathname.slice(1);
    const superuser = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await superuser.connect();
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      // No new connection may reach the database, so the bus stays down while rows are committed.
      await superuser.query(`alter database ${databaseName} allow_connections false`);
      const killed = await db.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1 and datname = current_database()', [
        BUS_APPLICATION_NAME,
      ]);
      expect(killed.rows).toEqual([{ ok: true }]);
      const busBackends = async () =>
        (await db.query('select 1 from pg_stat_activity where application_name = $1 and datname = current_database()', [BUS_APPLICATION_NAME])).rowCount;
      await waitFor(async () => (await busBackends()) === 0, 10_000, 'the LISTEN backend to be gone');
      for (const n of [1, 2, 3]) {
        await db.query("insert into journal (actor_label, action, object_type, summary) values ('test', 'test.while_down', 'Test', $1)", [`while down ${n}`]);
      }
      await superuser.query(`alter database ${databaseName} allow_connections true`);

      // Nothing else is committed: only the catch-up after the reconnect can deliver these.
      await subscription.until(() => subscription.received.length - count >= 3, 15_000, 'the rows committed while the bus was down');
      const delivered = entriesOf(subscription).slice(count);
      expect(delivered.map((e) => e.summary)).toEqual(['while down 1', 'while down 2', 'while down 3']);
      expect(delivered).toEqual(await changesSince(lastSeq(entriesOf(subscription).slice(0, count))));
    } finally {
      await superuser.query(`alter database ${databaseName} allow_connections true`).catch(() => undefined);
      await superuser.end();
      await db.end();
    }
    subscription.dispose();
  });
});

describe('the NOTIFY carries the journal row', () => {
  type BusEntry = { seq: number; action: string; summary: string };
  /** Every entry the in-process bus of `t.server` delivers from now on, as it delivers it. */
  function busEntries(): { entries: BusEntry[]; stop: () => void } {
    const entries: BusEntry[] = [];
    const stop = t.server.bus.subscribe((entry) => entries.push(entry));
    cleanup.push(stop);
    return { entries, stop };
  }
  const insert = (db: pg.ClientBase, action: string, summary: string, changes: unknown = [], context: unknown = {}) =>
    db.query("insert into journal (actor_label, action, object_type, object_id, summary, changes, context) values ('test', $1, 'Test', 't1', $2, $3, $4)", [
      action,
      summary,
      JSON.stringify(changes),
      JSON.stringify(context),
    ]);
  /** The committed rows of `action` from the first of `delivered` on, as the journal reads them. */
  const journalRows = async (action: string, delivered: BusEntry[]) =>
    (await t.server.journal.since(delivered[0]!.seq - 1)).filter((e) => e.action === action);

  it('a row carried in its NOTIFY is delivered as the journal holds it, without a read of the journal', async () => {
    const bus = busEntries();
    const reads = t.server.bus.journalReads;
    const changes = [{ field: 'title', oldValue: 'Старое «название»', newValue: { nested: [1, 2.5, null, true], quote: '"\\' } }];
    const context = { version: 3, notify: ['x'], emoji: '🎛️' };
    await withDatabase((db) => insert(db, 'test.carried', 'carried 1', changes, context));
    await withDatabase((db) => insert(db, 'test.carried', 'carried 2'));
    await waitFor(() => bus.entries.filter((e) => e.action === 'test.carried').length === 2, 10_000, 'both carried rows');
    expect(t.server.bus.journalReads).toBe(reads);
    const delivered = bus.entries.filter((e) => e.action === 'test.carried');
    expect(delivered).toEqual(await journalRows('test.carried', delivered));
    bus.stop();
  });

  it('a row too large for a NOTIFY payload is read from the journal, in order', async () => {
    const bus = busEntries();
    const reads = t.server.bus.journalReads;
    await withDatabase(async (db) => {
      await insert(db, 'test.oversize', 'small before');
      await insert(db, 'test.oversize', 'x'.repeat(9000));
      await insert(db, 'test.oversize', 'small after');
    });
    await waitFor(() => bus.entries.filter((e) => e.action === 'test.oversize').length === 3, 10_000, 'the three rows');
    expect(t.server.bus.journalReads).toBeGreaterThan(reads);
    const delivered = bus.entries.filter((e) => e.action === 'test.oversize');
    expect(delivered.map((e) => e.summary.slice(0, 12))).toEqual(['small before', 'x'.repeat(12), 'small after']);
    expect(delivered).toEqual(await journalRows('test.oversize', delivered));
    bus.stop();
  });

  it('a transaction of many rows carries the first ones and wakes the bus for the rest: each delivered once, in order', async () => {
    const bus = busEntries();
    await withDatabase(async (db) => {
      await db.query('begin');
      for (let i = 0; i < 40; i++) await insert(db, 'test.bulk', `bulk ${i} ${'y'.repeat(3000)}`);
      await db.query('commit');
    });
    await waitFor(() => bus.entries.filter((e) => e.action === 'test.bulk').length >= 40, 10_000, 'the forty rows');
    const delivered = bus.entries.filter((e) => e.action === 'test.bulk');
    expect(delivered.map((e) => e.summary.split(' ', 2).join(' '))).toEqual(Array.from({ length: 40 }, (_, i) => `bulk ${i}`));
    expect(delivered).toEqual(await journalRows('test.bulk', delivered));
    bus.stop();
  });

  it('a row whose NOTIFY is lost is read from the journal when the next one comes, before it and once', async () => {
    const bus = busEntries();
    await withDatabase(async (db) => {
      // Committed without its notification (the trigger is off inside this transaction only).
      await db.query('begin');
      await db.query('alter table journal disable trigger journal_notify');
      await insert(db, 'test.lost', 'silent');
      await db.query('alter table journal enable trigger journal_notify');
      await db.query('commit');
    });
    const reads = t.server.bus.journalReads;
    await withDatabase((db) => insert(db, 'test.lost', 'notified'));
    await waitFor(() => bus.entries.some((e) => e.summary === 'notified'), 10_000, 'the notified row');
    // Its payload did not follow the last row delivered, so the bus read the journal.
    expect(t.server.bus.journalReads).toBeGreaterThan(reads);
    const delivered = bus.entries.filter((e) => e.action === 'test.lost');
    expect(delivered.map((e) => e.summary)).toEqual(['silent', 'notified']);
    expect(delivered).toEqual(await journalRows('test.lost', delivered));
    const seqs = bus.entries.map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    bus.stop();
  });
});

describe('access ends on open connections', () => {
  let admin2Id: string;

  beforeAll(async () => {
    const user = await t.server.staff.createUser(null, { email: 'admin2@loadout.demo', name: 'Second Admin', password: 'second-admin-pw', roleName: 'Administrator' });
    admin2Id = user.id;
  });

  it('deactivating a subscribed account closes its socket with 4403', async () => {
    const admin2 = await signIn(t.url, 'admin2@loadout.demo', 'second-admin-pw');
    let closed: { code: number; reason: string } | undefined;
    const client = adminClient(t.wsUrl, admin2.cookie, (event) => (closed = event));
    const subscription = await liveJournal(client, t.url, admin);

    const result = await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: admin2Id });
    expect(result.data?.deactivateUser.active).toBe(false);
    await waitFor(() => closed !== undefined, 5_000, "admin2's socket to close");
    expect(closed!.code).toBe(4403);
    expect(subscription.completed).toBe(true);

    await admin.request('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id: admin2Id });
  });

  it('logoutEverywhere of the subscribed account closes its socket with 4403', async () => {
    const admin2 = await signIn(t.url, 'admin2@loadout.demo', 'second-admin-pw');
    let closed: { code: number; reason: string } | undefined;
    const client = adminClient(t.wsUrl, admin2.cookie, (event) => (closed = event));
    await liveJournal(client, t.url, admin);

    const other = await signIn(t.url, 'admin2@loadout.demo', 'second-admin-pw');
    const ended = await other.request('mutation { logoutEverywhere }');
    expect(ended.data?.logoutEverywhere).toBeGreaterThanOrEqual(2);
    await waitFor(() => closed !== undefined, 5_000, "admin2's socket to close");
    expect(closed!.code).toBe(4403);
  });

  it('logoutEverywhere(keepCurrent) elsewhere leaves the socket of the kept session open', async () => {
    const kept = await signIn(t.url, 'admin2@loadout.demo', 'second-admin-pw');
    const elsewhere = await signIn(t.url, 'admin2@loadout.demo', 'second-admin-pw');
    let keptClosed: { code: number } | undefined;
    let elsewhereClosed: { code: number } | undefined;
    const keptClient = adminClient(t.wsUrl, kept.cookie, (event) => (keptClosed = event));
    const elsewhereClient = adminClient(t.wsUrl, elsewhere.cookie, (event) => (elsewhereClosed = event));
    const elsewhereReady = connected(elsewhereClient);
    const subscription = await liveJournal(keptClient, t.url, admin);
    await elsewhereReady;

    const count = subscription.received.length;
    await kept.request('mutation { logoutEverywhere(keepCurrent: true) }');
    await waitFor(() => elsewhereClosed !== undefined, 5_000, 'the other socket to close');
    expect(elsewhereClosed!.code).toBe(4403);
    // The kept connection still delivers: the logout_everywhere entry itself and a later change.
    await signIn(t.url, 'manager@loadout.demo');
    await subscription.until(() => entriesOf(subscription).slice(count).some(isLoginOf('Maxim Manager')), 10_000, 'a later change on the kept socket');
    expect(entriesOf(subscription).slice(count).map((e) => e.action)).toContain('auth.logout_everywhere');
    expect(keptClosed).toBeUndefined();
    subscription.dispose();
  });
});

describe('limits per connection', () => {
  it('the 26th subscription on one connection is RATE_LIMITED, the first 25 keep working', async () => {
    const client = adminClient();
    await connected(client);
    const subscriptions = Array.from({ length: 25 }, () => collect<{ journalAppended: LiveEntry }>(client, JOURNAL_SUBSCRIPTION));
    const extra = collect(client, JOURNAL_SUBSCRIPTION);
    await extra.until(() => extra.completed, 10_000, 'the 26th subscription to be refused');
    expectCode(extra.failure as [], 'RATE_LIMITED');

    // The 25 are live: a change reaches every one of them.
    for (let attempt = 0; attempt < 20 && !subscriptions.every((s) => s.received.length > 0); attempt++) {
      await signIn(t.url, 'storekeeper@loadout.demo');
      await waitFor(() => subscriptions.every((s) => s.received.length > 0), 1_000, 'all 25').catch(() => undefined);
    }
    expect(subscriptions.every((s) => s.received.length > 0 && !s.completed)).toBe(true);
    for (const subscription of subscriptions) subscription.dispose();
  });
});
