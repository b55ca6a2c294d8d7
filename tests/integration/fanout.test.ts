import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, signIn, startTestServer, waitFor, type GraphQLResponse, type TestServer } from './support/harness.js';

/*
 * Shared fan-out: a committed change is executed once per distinct (document, variables,
 * permission scope) and every socket of a group receives the same bytes. Raw graphql-ws sockets
 * (the `ws` package speaking graphql-transport-ws by hand) so that the exact frames can be compared.
 */

const CALENDAR_CHANGED = `subscription($from: Date!, $to: Date!, $since: SafeInt) {
  calendarChanged(from: $from, to: $to, since: $since) { seq kind eventId event { id title startDate endDate version client { name phone } } }
}`;
const DAY = '2092-05-15';
const WINDOWS = [
  { from: '2092-05-01', to: '2092-05-31' },
  { from: '2092-05-10', to: '2092-05-20' },
];
const PHONE = '+15550001234';

/** One socket with one subscription; keeps every `next` frame exactly as it arrived. */
class RawSubscriber {
  readonly frames: string[] = [];
  readonly others: string[] = [];
  private readonly socket: WebSocket;

  private constructor(
    socket: WebSocket,
    readonly label: string,
    readonly id: string,
  ) {
    this.socket = socket;
    socket.on('message', (data) => {
      const text = data.toString();
      const type = (JSON.parse(text) as { type: string }).type;
      if (type === 'next') this.frames.push(text);
      else if (type !== 'connection_ack' && type !== 'ping' && type !== 'pong') this.others.push(text);
    });
  }

  static async open(wsUrl: string, cookie: string, origin: string, label: string, id: string, variables: Record<string, unknown>): Promise<RawSubscriber> {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: { cookie, origin } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const acked = new Promise<void>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
      socket.once('close', (code) => reject(new Error(`closed with ${code} before ack`)));
    });
    const subscriber = new RawSubscriber(socket, label, id);
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await acked;
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: CALENDAR_CHANGED, variables } }));
    return subscriber;
  }

  /** The `payload` bytes of a frame, cut out of the frame text (not re-serialised). */
  payloadOf(index: number): string {
    const frame = this.frames[index]!;
    const head = `{"id":${JSON.stringify(this.id)},"type":"next","payload":`;
    expect(frame.startsWith(head), `${this.label}: ${frame.slice(0, 80)}`).toBe(true);
    expect(frame.endsWith('}')).toBe(true);
    return frame.slice(head.length, -1);
  }

  close(): void {
    this.socket.close();
  }
}

let t: TestServer;
let admin: HttpSession;
let manager: HttpSession;
const sessions: Record<string, HttpSession> = {};
const subscribers: RawSubscriber[] = [];
const event = { id: '', version: 0 };
let lookerRoleId = '';
let busListenersBefore = 0;

function ok<T = any>(response: GraphQLResponse, field: string): T {
  expect(response.errors, `${field}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  return (response.data as Record<string, T>)[field];
}

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    return await db.query(text, values);
  } finally {
    await db.end();
  }
}

async function move(startDate: string): Promise<void> {
  const moved = ok<{ event: { version: number } }>(
    await manager.request(
      'mutation($id: ID!, $v: Int!, $s: Date!, $e: Date!) { moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { event { version } } }',
      { id: event.id, v: event.version, s: startDate, e: startDate },
    ),
    'moveProductionEvent',
  );
  event.version = moved.event.version;
}

/** Changes a role's permissions in the database and records a change of the account, which makes open sockets re-read their permissions. */
let language = 'en';
async function setLookerPermissions(permissions: string[]): Promise<void> {
  await sql('update role set permissions = $1 where id = $2', [permissions, lookerRoleId]);
  language = language === 'en' ? 'ru' : 'en';
  ok(await sessions.looker!.request('mutation($l: String!) { setMyLanguage(language: $l) { id } }', { l: language }), 'setMyLanguage');
}

// Five permission scopes with event:read: Administrator, Manager, Engineer, Storekeeper and Looker (event:read only).
const ACCOUNTS = ['admin', 'manager', 'manager2', 'engineer', 'engineer2', 'storekeeper', 'looker'] as const;
const SCOPE_OF: Record<(typeof ACCOUNTS)[number], string> = {
  admin: 'Administrator',
  manager: 'Manager',
  manager2: 'Manager',
  engineer: 'Engineer',
  engineer2: 'Engineer',
  storekeeper: 'Storekeeper',
  looker: 'Looker',
};

beforeAll(async () => {
  t = await startTestServer();
  const role = await sql("insert into role (name, permissions) values ('Looker', '{event:read}') returning id");
  lookerRoleId = role.rows[0].id;
  await sql(
    `insert into app_user (email, name, password_hash, role_id)
     select 'looker@loadout.demo', 'Lena Looker', password_hash, $1 from app_user where email = 'admin@loadout.demo'`,
    [lookerRoleId],
  );
  await sql(
    `insert into role (name, permissions) values ('Outsider', '{client:read}');
     insert into app_user (email, name, password_hash, role_id)
     select 'outsider@loadout.demo', 'Oscar Outsider', password_hash, (select id from role where name = 'Outsider') from app_user where email = 'admin@loadout.demo'`,
  );
  for (const name of [...ACCOUNTS, 'outsider']) sessions[name] = await signIn(t.url, `${name}@loadout.demo`);
  admin = sessions.admin!;
  manager = sessions.manager!;

  const client = ok<{ id: string }>(
    await admin.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
      input: { name: 'Fanout Arena', kind: 'COMPANY', phone: PHONE },
    }),
    'createClient',
  );
  const created = ok<{ event: { id: string; version: number } }>(
    await admin.request('mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id version } } }', {
      input: { title: 'Fanout show', startDate: DAY, endDate: DAY, managerId: null, clientId: client.id },
    }),
    'createProductionEvent',
  );
  event.id = created.event.id;
  event.version = created.event.version;
});

afterAll(async () => {
  for (const subscriber of subscribers) subscriber.close();
  await t?.stop();
});

describe('shared fan-out of calendarChanged', () => {
  it('50 sockets in 5 permission scopes × 2 windows: one change is executed 10 times, each group gets identical bytes, nobody sees what they may not', async () => {
    const origin = new URL(t.url).origin;
    const wsUrl = t.wsUrl;
    busListenersBefore = t.server.bus.subscriberCount;
    const since = ok<number>(await admin.request('{ latestChangeSeq }'), 'latestChangeSeq');
    // 50 sockets; every fifth one asks for a replay from `since` (nothing to replay), which must not split its group.
    const opening: Array<Promise<RawSubscriber>> = [];
    for (let i = 0; i < 50; i++) {
      const account = ACCOUNTS[i % ACCOUNTS.length]!;
      const window = WINDOWS[Math.floor(i / ACCOUNTS.length) % WINDOWS.length]!;
      const variables = i % 5 === 0 ? { ...window, since } : window;
      opening.push(RawSubscriber.open(wsUrl, sessions[account]!.cookie!, origin, `${account}#${i} ${window.from}`, `sub-${i}`, variables));
    }
    subscribers.push(...(await Promise.all(opening)));
    const outsider = await RawSubscriber.open(wsUrl, sessions.outsider!.cookie!, origin, 'outsider', 'sub-x', WINDOWS[0]!);
    subscribers.push(outsider);

    const distinctGroups = new Set(subscribers.slice(0, 50).map((s, i) => `${SCOPE_OF[ACCOUNTS[i % ACCOUNTS.length]!]}|${Math.floor(i / ACCOUNTS.length) % WINDOWS.length}`)).size;
    expect(distinctGroups).toBe(10);
    await waitFor(() => t.server.fanout.members === 50, 10_000, 'all 50 subscribers live in their groups');
    expect(t.server.fanout.groups).toBe(distinctGroups);
    // One bus listener per group, not per socket.
    expect(t.server.bus.subscriberCount - busListenersBefore).toBe(distinctGroups);

    const before = { shared: t.server.fanout.sharedExecutions, unshared: t.server.fanout.unsharedExecutions, frames: t.server.fanout.framesSent };
    await move('2092-05-16');
    await waitFor(() => subscribers.slice(0, 50).every((s) => s.frames.length >= 1), 10_000, 'every socket received the move');

    expect(t.server.fanout.sharedExecutions - before.shared).toBe(distinctGroups);
    expect(t.server.fanout.unsharedExecutions - before.unshared).toBe(0);
    expect(t.server.fanout.framesSent - before.frames).toBe(50);

    const byGroup = new Map<string, Set<string>>();
    subscribers.slice(0, 50).forEach((subscriber, i) => {
      expect(subscriber.frames, subscriber.label).toHaveLength(1);
      expect(subscriber.others, subscriber.label).toEqual([]);
      const group = `${SCOPE_OF[ACCOUNTS[i % ACCOUNTS.length]!]}|${Math.floor(i / ACCOUNTS.length) % WINDOWS.length}`;
      byGroup.set(group, (byGroup.get(group) ?? new Set()).add(subscriber.payloadOf(0)));
    });
    for (const [group, payloads] of byGroup) expect(payloads.size, `${group} got one set of bytes`).toBe(1);

    for (const [group, payloads] of byGroup) {
      const payload = JSON.parse([...payloads][0]!) as { data: { calendarChanged: { kind: string; event: { client: { phone: string } | null } } } | null; errors?: Array<{ extensions: { code: string } }> };
      if (group.startsWith('Looker|')) {
        // No client:read: the phone is refused (FORBIDDEN at that field), so the client is null.
        expect([...payloads][0]).not.toContain(PHONE);
        expect(payload.data?.calendarChanged.event.client).toBeNull();
        expect(payload.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      } else {
        expect(payload.errors, group).toBeUndefined();
        expect(payload.data?.calendarChanged).toMatchObject({ kind: 'MOVED', event: { client: { phone: PHONE } } });
      }
    }
    // Executed once for the Looker scope, but its refusal (client.phone) is journaled for every Looker socket it reached.
    const lookerSockets = subscribers.slice(0, 50).filter((s) => s.label.startsWith('looker#')).length;
    await waitFor(
      async () => Number((await sql("select count(*) from journal where action = 'auth.forbidden' and object_id = 'calendarChanged' and actor_label = 'Lena Looker'")).rows[0].count) >= lookerSockets,
      10_000,
      'a refusal per Looker socket',
    );
    expect(Number((await sql("select count(*) from journal where action = 'auth.forbidden' and object_id = 'calendarChanged' and actor_label = 'Lena Looker'")).rows[0].count)).toBe(lookerSockets);
    // Without event:read the subscription was refused (one result with FORBIDDEN, then complete) and nothing followed.
    expect(outsider.frames).toHaveLength(1);
    const refusal = JSON.parse(outsider.frames[0]!) as { payload: { data?: unknown; errors: Array<{ extensions: { code: string } }> } };
    expect(refusal.payload.data).toBeUndefined();
    expect(refusal.payload.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(outsider.others.map((m) => (JSON.parse(m) as { type: string }).type)).toEqual(['complete']);
  });

  it('a role change moves its sockets: losing event:read stops their deliveries, gaining client:read resumes them with the phone', async () => {
    const lookers = subscribers.slice(0, 50).filter((s) => s.label.startsWith('looker#'));
    const others = subscribers.slice(0, 50).filter((s) => !s.label.startsWith('looker#'));
    expect(lookers.length).toBeGreaterThan(0);

    await setLookerPermissions([]);
    await waitFor(() => t.server.fanout.members === 50 - lookers.length, 10_000, 'the lookers left their group');
    const before = t.server.fanout.sharedExecutions;
    await move('2092-05-17');
    await waitFor(() => others.every((s) => s.frames.length >= 2), 10_000, 'the others received the second move');
    // Four scopes × two windows now; the lookers are open but silent.
    expect(t.server.fanout.sharedExecutions - before).toBe(8);
    for (const looker of lookers) expect(looker.frames, looker.label).toHaveLength(1);

    await setLookerPermissions(['event:read', 'client:read']);
    await waitFor(() => t.server.fanout.members === 50, 10_000, 'the lookers joined the group of their new scope');
    await move('2092-05-18');
    await waitFor(() => subscribers.slice(0, 50).every((s) => s.frames.length >= (s.label.startsWith('looker#') ? 2 : 3)), 10_000, 'the third move everywhere');
    for (const looker of lookers) {
      expect(looker.frames, looker.label).toHaveLength(2);
      expect(looker.payloadOf(1)).toContain(PHONE);
      expect(looker.others).toEqual([]);
    }
  });

  it('a change committed on this instance reaches every group without reading the event again; one committed on another instance is read once for all', async () => {
    const listening = subscribers.slice(0, 50).filter((s) => !s.label.startsWith('looker#'));
    const received = () => listening.map((s) => s.frames.length);
    const arrived = (before: number[]) => () => listening.every((s, i) => s.frames.length > before[i]!);
    const lastEvent = () => listening.map((s) => (JSON.parse(s.frames.at(-1)!) as { payload: { data: { calendarChanged: { event: { startDate: string; version: number } } } } }).payload.data.calendarChanged.event);

    let before = received();
    let reads = t.server.calendarReads();
    await move('2092-05-12');
    await waitFor(arrived(before), 10_000, 'every socket received the local move');
    // The write handed over the view it read in its transaction.
    expect(t.server.calendarReads() - reads).toBe(0);
    for (const delivered of lastEvent()) expect(delivered).toEqual(expect.objectContaining({ startDate: '2092-05-12', version: event.version }));

    const other = await t.startAnother();
    try {
      const remote = await signIn(other.url, 'manager@loadout.demo');
      before = received();
      reads = t.server.calendarReads();
      const moved = ok<{ event: { version: number } }>(
        await remote.request(
          'mutation($id: ID!, $v: Int!, $s: Date!, $e: Date!) { moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { event { version } } }',
          { id: event.id, v: event.version, s: '2092-05-13', e: '2092-05-13' },
        ),
        'moveProductionEvent',
      );
      event.version = moved.event.version;
      await waitFor(arrived(before), 10_000, 'every socket received the move made on the other instance');
      // Nothing travels between instances but the journal: read once here, however many groups.
      expect(t.server.calendarReads() - reads).toBe(1);
      for (const delivered of lastEvent()) expect(delivered).toEqual(expect.objectContaining({ startDate: '2092-05-13', version: event.version }));
    } finally {
      await other.stop();
    }
  });

  it('when the last socket of a group leaves, the group stops reading the bus at once', async () => {
    expect(t.server.fanout.groups).toBeGreaterThan(0);
    for (const subscriber of subscribers.splice(0)) subscriber.close();
    await waitFor(() => t.server.fanout.groups === 0 && t.server.fanout.members === 0, 10_000, 'every group to close');
    // No change is committed meanwhile: the listeners go without waiting for the next entry.
    await waitFor(() => t.server.bus.subscriberCount === busListenersBefore, 10_000, 'the bus listeners of the groups to go');
  });
});
