import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, HttpSession, liveClient, signIn, startTestServer, waitFor, type GraphQLResponse, type TestServer } from './support/harness.js';
import { entriesOf, expectCode, liveJournal } from './support/contract.js';

/*
 * Live calendar feeds over real graphql-ws clients: calendarChanged, conflictRaised, myNotifications
 * and presenceChanged, on one instance and across two instances on one database.
 * Every test works on its own far-away dates so that no test sees another's events.
 */

const CONFLICT = 'person { id name } event { id title } otherEvent { id title } fromDate toDate';
const EVENT = `id title startDate endDate status version deletedAt notes
  crew { id acknowledgedAt person { id name } crewRole { id name } }
  problems { kind message conflict { ${CONFLICT} } }`;
const RESULT = `event { ${EVENT} } conflicts { ${CONFLICT} }`;

const CALENDAR_CHANGED = `subscription($from: Date!, $to: Date!, $since: SafeInt) {
  calendarChanged(from: $from, to: $to, since: $since) { seq kind eventId actorName at event { ${EVENT} } }
}`;
const CONFLICT_RAISED = `subscription { conflictRaised { ${CONFLICT} } }`;
const NOTIFICATION = `seq kind message eventId actorName at changes { field oldValue newValue } conflict { ${CONFLICT} } event { id title startDate endDate }`;
const MY_NOTIFICATIONS = `subscription { myNotifications { ${NOTIFICATION} } }`;
const PRESENCE_CHANGED =
  'subscription($scope: String!, $tabId: String) { presenceChanged(scope: $scope, tabId: $tabId) { scope people { editing since person { id name } } } }';
const REPORT_PRESENCE =
  'mutation($scope: String!, $editing: Boolean!, $tabId: String) { reportPresence(scope: $scope, editing: $editing, tabId: $tabId) { scope people { editing person { id name } } } }';

interface Conflict {
  person: { id: string; name: string };
  event: { id: string; title: string };
  otherEvent: { id: string; title: string };
  fromDate: string;
  toDate: string;
}
interface EventView {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  status: string;
  version: number;
  deletedAt: string | null;
  notes: string | null;
  crew: Array<{ id: string; acknowledgedAt: string | null; person: { id: string; name: string }; crewRole: { id: string; name: string } }>;
  problems: Array<{ kind: string; message: string; conflict: Conflict | null }>;
}
interface Result {
  event: EventView;
  conflicts: Conflict[];
}
interface Change {
  seq: number;
  kind: string;
  eventId: string;
  actorName: string | null;
  at: string;
  event: EventView | null;
}
interface Notification {
  seq: number;
  kind: string;
  message: string;
  eventId: string;
  actorName: string | null;
  changes: Array<{ field: string; oldValue: unknown; newValue: unknown }>;
  conflict: Conflict | null;
  event: { id: string; title: string; startDate: string; endDate: string } | null;
}
interface PresenceSnapshot {
  scope: string;
  people: Array<{ editing: boolean; since: string; person: { id: string; name: string } }>;
}
type Collector<T> = ReturnType<typeof collect<T>>;

let t: TestServer;
let admin: HttpSession;
let manager: HttpSession;
let manager2: HttpSession;
let engineer: HttpSession;
let engineer2: HttpSession;
let outsider: HttpSession;
const ids = { manager: '', manager2: '', engineer: '', engineer2: '', outsider: '' };
const roles = { sound: '', lighting: '' };
const cleanup: Array<() => unknown> = [];

/** The probe event lives alone on this day; changing it shows that a connection's subscriptions are live. */
const PROBE_DAY = '2090-06-01';
const probe = { id: '', version: 0 };

function ok<T = any>(response: GraphQLResponse, field: string): T {
  expect(response.errors, `${field}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  return (response.data as Record<string, T>)[field];
}

async function idOf(session: HttpSession): Promise<string> {
  return ok<{ id: string }>(await session.request('{ me { id } }'), 'me').id;
}

async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// --- event mutations (each asserts success and returns the ProductionEventResult) ---

async function createEvent(session: HttpSession, input: Record<string, unknown>): Promise<Result> {
  const response = await session.request(`mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { ${RESULT} } }`, {
    input: { managerId: null, ...input },
  });
  return ok(response, 'createProductionEvent');
}
async function moveEvent(session: HttpSession, event: EventView, startDate: string, endDate: string): Promise<Result> {
  const response = await session.request(
    `mutation($id: ID!, $v: Int!, $s: Date!, $e: Date!) { moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { ${RESULT} } }`,
    { id: event.id, v: event.version, s: startDate, e: endDate },
  );
  return ok(response, 'moveProductionEvent');
}
async function changeStatus(session: HttpSession, event: EventView, status: string): Promise<Result> {
  const response = await session.request(
    `mutation($id: ID!, $v: Int!, $status: ProductionEventStatus!) { changeProductionEventStatus(id: $id, expectedVersion: $v, status: $status) { ${RESULT} } }`,
    { id: event.id, v: event.version, status },
  );
  return ok(response, 'changeProductionEventStatus');
}
async function assignCrew(session: HttpSession, eventId: string, userId: string, crewRoleId: string): Promise<Result> {
  const response = await session.request(
    `mutation($e: ID!, $u: ID!, $r: ID!) { assignCrew(eventId: $e, userId: $u, crewRoleId: $r) { ${RESULT} } }`,
    { e: eventId, u: userId, r: crewRoleId },
  );
  return ok(response, 'assignCrew');
}
async function unassignCrew(session: HttpSession, eventId: string, userId: string): Promise<Result> {
  return ok(await session.request(`mutation($e: ID!, $u: ID!) { unassignCrew(eventId: $e, userId: $u) { ${RESULT} } }`, { e: eventId, u: userId }), 'unassignCrew');
}
async function setCrewRole(session: HttpSession, eventId: string, userId: string, crewRoleId: string): Promise<Result> {
  const response = await session.request(
    `mutation($e: ID!, $u: ID!, $r: ID!) { setCrewRole(eventId: $e, userId: $u, crewRoleId: $r) { ${RESULT} } }`,
    { e: eventId, u: userId, r: crewRoleId },
  );
  return ok(response, 'setCrewRole');
}
async function deleteEvent(session: HttpSession, id: string): Promise<Result> {
  return ok(await session.request(`mutation($id: ID!) { deleteProductionEvent(id: $id) { ${RESULT} } }`, { id }), 'deleteProductionEvent');
}
async function restoreEvent(session: HttpSession, id: string): Promise<Result> {
  return ok(await session.request(`mutation($id: ID!) { restoreProductionEvent(id: $id) { ${RESULT} } }`, { id }), 'restoreProductionEvent');
}
async function acknowledge(session: HttpSession, eventId: string): Promise<Result> {
  return ok(await session.request(`mutation($e: ID!) { acknowledgeAssignment(eventId: $e) { ${RESULT} } }`, { e: eventId }), 'acknowledgeAssignment');
}
async function readEvent(session: HttpSession, id: string): Promise<EventView> {
  return ok(await session.request(`query($id: ID!) { productionEvent(id: $id) { ${EVENT} } }`, { id }), 'productionEvent');
}

// --- live helpers ---

function client(session: HttpSession, wsUrl = t.wsUrl, onClose?: (event: { code: number; reason: string }) => void): Client {
  const live = liveClient(wsUrl, { cookie: session.cookie, onClose });
  cleanup.push(() => live.dispose());
  return live;
}

function calendar(live: Client, from: string, to: string, since?: number): Collector<{ calendarChanged: Change }> {
  return collect<{ calendarChanged: Change }>(live, CALENDAR_CHANGED, { from, to, since });
}

const changesOf = (subscription: Collector<{ calendarChanged: Change }>) =>
  subscription.received.map((r) => r.data?.calendarChanged).filter((c): c is Change => Boolean(c));
const notificationsOf = (subscription: Collector<{ myNotifications: Notification }>) =>
  subscription.received.map((r) => r.data?.myNotifications).filter((n): n is Notification => Boolean(n));
const conflictsOf = (subscription: Collector<{ conflictRaised: Conflict }>) =>
  subscription.received.map((r) => r.data?.conflictRaised).filter((c): c is Conflict => Boolean(c));
const snapshotsOf = (subscription: Collector<{ presenceChanged: PresenceSnapshot }>) =>
  subscription.received.map((r) => r.data?.presenceChanged).filter((s): s is PresenceSnapshot => Boolean(s));

/** The errors a refused subscription got, whether sent as an `error` message or as a result with errors. */
function refusal(subscription: Collector<unknown>) {
  if (Array.isArray(subscription.failure)) return subscription.failure as NonNullable<GraphQLResponse['errors']>;
  return subscription.received.find((r) => r.errors)?.errors as NonNullable<GraphQLResponse['errors']> | undefined;
}

/** Changes the probe event; calls are serialised, so concurrent `untilLive`s never send a stale version. */
let probeQueue: Promise<unknown> = Promise.resolve();
function changeProbe(): Promise<Result> {
  const change = probeQueue.then(async () => {
    const result = ok<Result>(
      await admin.request(`mutation($id: ID!, $v: Int!, $notes: String) { updateProductionEvent(id: $id, expectedVersion: $v, input: { notes: $notes }) { event { version } } }`, {
        id: probe.id,
        v: probe.version,
        notes: `probe ${randomUUID()}`,
      }),
      'updateProductionEvent',
    );
    probe.version = result.event.version;
    return result;
  });
  probeQueue = change.catch(() => undefined);
  return change;
}

/**
 * Returns once every subscription already started on `live` is running on the server. A calendar
 * subscription on the probe day is started last on the same connection, and the probe event is
 * changed (by the admin, on instance A) until that change arrives: the server starts a connection's
 * subscriptions in the order they were sent, synchronously once their message is handled (no
 * database round trip), so the earlier ones listen by then too.
 */
async function untilLive(live: Client): Promise<void> {
  const watcher = calendar(live, PROBE_DAY, PROBE_DAY);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (watcher.completed) throw new Error(`probe subscription ended: ${JSON.stringify(watcher.failure ?? watcher.received)}`);
      const result = await changeProbe();
      const arrived = () => changesOf(watcher).some((c) => c.eventId === probe.id && (c.event?.version ?? 0) >= result.event.version);
      try {
        await watcher.until(() => arrived() || watcher.completed, 1_000, 'a probe change');
        if (arrived()) return;
      } catch {
        // Not live yet: probe again.
      }
    }
    throw new Error('the probe change never arrived');
  } finally {
    watcher.dispose();
  }
}

beforeAll(async () => {
  t = await startTestServer();
  [admin, manager, manager2, engineer, engineer2] = await Promise.all(
    ['admin', 'manager', 'manager2', 'engineer', 'engineer2'].map((name) => signIn(t.url, `${name}@loadout.demo`)),
  );
  [ids.manager, ids.manager2, ids.engineer, ids.engineer2] = await Promise.all([manager, manager2, engineer, engineer2].map(idOf));
  const crewRoles = ok<Array<{ id: string; name: string }>>(await admin.request('{ crewRoles { id name } }'), 'crewRoles');
  roles.sound = crewRoles.find((r) => r.name === 'Sound')!.id;
  roles.lighting = crewRoles.find((r) => r.name === 'Lighting')!.id;
  expect(roles.sound && roles.lighting).toBeTruthy();

  // An account without event:read (it may read the journal, which serves as its control feed).
  await withDatabase(t.databaseUrl, async (db) => {
    const role = await db.query("insert into role (name, permissions) values ('Outsider', '{client:read,journal:read}') returning id");
    await db.query(
      `insert into app_user (email, name, password_hash, role_id)
       select 'outsider@loadout.demo', 'Oscar Outsider', password_hash, $1 from app_user where email = 'admin@loadout.demo'`,
      [role.rows[0].id],
    );
  });
  outsider = await signIn(t.url, 'outsider@loadout.demo');
  ids.outsider = await idOf(outsider);

  const created = await createEvent(admin, { title: 'Probe', startDate: PROBE_DAY, endDate: PROBE_DAY });
  probe.id = created.event.id;
  probe.version = created.event.version;
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await t?.stop();
});

describe('calendarChanged', () => {
  it("delivers a manager's create, move, status change, crew change, delete and restore to a calendar showing the event, in seq order", async () => {
    const marina = client(manager2);
    const march = calendar(marina, '2031-03-01', '2031-03-31');
    const elena = client(engineer2);
    const april = calendar(elena, '2031-04-01', '2031-04-30');
    await Promise.all([untilLive(marina), untilLive(elena)]);

    const created = await createEvent(manager, { title: 'Spring gala', startDate: '2031-03-10', endDate: '2031-03-12', managerId: ids.manager });
    const id = created.event.id;
    const ofE = (s: typeof march) => changesOf(s).filter((c) => c.eventId === id);
    await march.until(() => ofE(march).length >= 1, 10_000, 'CREATED');
    expect(ofE(march)[0]).toMatchObject({ kind: 'CREATED', actorName: 'Maxim Manager', event: { id, title: 'Spring gala', startDate: '2031-03-10', version: created.event.version } });

    const moved = await moveEvent(manager, created.event, '2031-03-14', '2031-03-15');
    await march.until(() => ofE(march).length >= 2, 10_000, 'MOVED');
    expect(ofE(march)[1]).toMatchObject({ kind: 'MOVED', event: { startDate: '2031-03-14', endDate: '2031-03-15', version: moved.event.version } });
    expect(moved.event.version).toBeGreaterThan(created.event.version);

    const tentative = await changeStatus(manager, moved.event, 'TENTATIVE');
    await march.until(() => ofE(march).length >= 3, 10_000, 'STATUS_CHANGED');
    expect(ofE(march)[2]).toMatchObject({ kind: 'STATUS_CHANGED', event: { status: 'TENTATIVE', version: tentative.event.version } });

    const crewed = await assignCrew(manager, id, ids.engineer, roles.sound);
    await march.until(() => ofE(march).length >= 4, 10_000, 'UPDATED (crew)');
    expect(ofE(march)[3]).toMatchObject({ kind: 'UPDATED', event: { version: crewed.event.version } });
    expect(ofE(march)[3].event!.crew.map((m) => [m.person.id, m.crewRole.name])).toEqual([[ids.engineer, 'Sound']]);

    await deleteEvent(manager, id);
    await march.until(() => ofE(march).length >= 5, 10_000, 'DELETED');
    expect(ofE(march)[4].kind).toBe('DELETED');
    expect(ofE(march)[4].event?.deletedAt).toEqual(expect.any(String));

    const restored = await restoreEvent(manager, id);
    await march.until(() => ofE(march).length >= 6, 10_000, 'RESTORED');
    expect(ofE(march)[5]).toMatchObject({ kind: 'RESTORED', event: { deletedAt: null, version: restored.event.version } });

    // Into April: both calendars get it (March sees it leave, April sees it arrive).
    const intoApril = await moveEvent(manager, restored.event, '2031-04-10', '2031-04-11');
    await april.until(() => ofE(april).length >= 1, 10_000, 'the move into April');
    await march.until(() => ofE(march).length >= 7, 10_000, 'the move out of March');
    expect(ofE(march)[6]).toMatchObject({ kind: 'MOVED', event: { startDate: '2031-04-10' } });
    // Delivery is in seq order, so the earlier March-only changes would have reached April first.
    expect(ofE(april)).toEqual([expect.objectContaining({ kind: 'MOVED', seq: ofE(march)[6].seq, event: expect.objectContaining({ startDate: '2031-04-10', version: intoApril.event.version }) })]);

    // Within April: not for March. A later change in March shows it was skipped, not late.
    const withinApril = await moveEvent(manager, intoApril.event, '2031-04-20', '2031-04-21');
    const control = await createEvent(manager, { title: 'March control', startDate: '2031-03-25', endDate: '2031-03-25' });
    await march.until(() => changesOf(march).some((c) => c.eventId === control.event.id), 10_000, 'the control change in March');
    await april.until(() => ofE(april).length >= 2, 10_000, 'the move within April');
    expect(ofE(april)[1]).toMatchObject({ kind: 'MOVED', event: { startDate: '2031-04-20', version: withinApril.event.version } });
    expect(ofE(march).map((c) => c.kind)).toEqual(['CREATED', 'MOVED', 'STATUS_CHANGED', 'UPDATED', 'DELETED', 'RESTORED', 'MOVED']);
    expect(changesOf(april).some((c) => c.eventId === control.event.id)).toBe(false);

    const seqs = changesOf(march).map((c) => c.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    march.dispose();
    april.dispose();
  });

  it("a move that double-books a person reaches a calendar showing only the other event, as UPDATED with the conflict in its problems", async () => {
    const a = await createEvent(manager, { title: 'Event A', startDate: '2031-06-02', endDate: '2031-06-03' });
    const b = await createEvent(manager, { title: 'Event B', startDate: '2031-06-10', endDate: '2031-06-11' });
    await assignCrew(manager, a.event.id, ids.engineer, roles.sound);
    const bCrewed = await assignCrew(manager, b.event.id, ids.engineer, roles.lighting);
    expect(bCrewed.conflicts).toEqual([]);

    const marina = client(manager2);
    const onlyB = calendar(marina, '2031-06-10', '2031-06-11');
    await untilLive(marina);

    const aNow = await readEvent(manager, a.event.id);
    const moved = await moveEvent(manager, aNow, '2031-06-09', '2031-06-10');
    expect(moved.conflicts).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: ids.engineer }), event: expect.objectContaining({ id: a.event.id }), otherEvent: expect.objectContaining({ id: b.event.id }), fromDate: '2031-06-10', toDate: '2031-06-10' }),
    ]);

    const forB = () => changesOf(onlyB).find((c) => c.eventId === b.event.id);
    await onlyB.until(() => Boolean(forB()), 10_000, 'the change of B');
    const change = forB()!;
    expect(change.kind).toBe('UPDATED');
    expect(change.event!.problems).toContainEqual(
      expect.objectContaining({
        kind: 'CREW_CONFLICT',
        conflict: expect.objectContaining({ person: expect.objectContaining({ id: ids.engineer }), event: expect.objectContaining({ id: b.event.id }), otherEvent: expect.objectContaining({ id: a.event.id }), fromDate: '2031-06-10', toDate: '2031-06-10' }),
      }),
    );
    // A itself now touches the window: its move arrives with the same seq.
    await onlyB.until(() => changesOf(onlyB).some((c) => c.eventId === a.event.id), 10_000, 'the move of A');
    expect(changesOf(onlyB).find((c) => c.eventId === a.event.id)).toMatchObject({ kind: 'MOVED', seq: change.seq });

    // Deleting A resolves the conflict: B changes again, now without the problem.
    // Counted before the delete: its live change may arrive before the HTTP response does.
    const count = changesOf(onlyB).filter((c) => c.eventId === b.event.id).length;
    const deleted = await deleteEvent(manager, a.event.id);
    await onlyB.until(() => changesOf(onlyB).filter((c) => c.eventId === b.event.id).length > count, 10_000, 'B without the conflict');
    const resolved = changesOf(onlyB).filter((c) => c.eventId === b.event.id).at(-1)!;
    expect(resolved.kind).toBe('UPDATED');
    expect(resolved.event!.problems.filter((p) => p.kind === 'CREW_CONFLICT')).toEqual([]);
    expect(changesOf(onlyB).find((c) => c.eventId === a.event.id && c.kind === 'DELETED')?.seq).toBe(resolved.seq);
    expect(deleted.event.deletedAt).toEqual(expect.any(String));
    onlyB.dispose();
  });

  it('a move on instance A reaches a subscriber on instance B; a viewer without event:read is refused on both and receives nothing', async () => {
    const event = await createEvent(manager, { title: 'Two instances', startDate: '2031-08-05', endDate: '2031-08-06' });
    const b = await t.startAnother();
    try {
      const bWsUrl = b.url.replace(/^http/, 'ws') + '/graphql';
      const marinaOnB = client(manager2, bWsUrl);
      const august = calendar(marinaOnB, '2031-08-01', '2031-08-31');
      await untilLive(marinaOnB);

      // The outsider on both instances: refused, with the journal as a control feed on the same socket.
      const outsiderOnA = client(outsider);
      const outsiderOnB = client(outsider, bWsUrl);
      const refusedA = calendar(outsiderOnA, '2031-08-01', '2031-08-31');
      const refusedB = calendar(outsiderOnB, '2031-08-01', '2031-08-31');
      const refusedConflicts = collect(outsiderOnB, CONFLICT_RAISED);
      await Promise.all([refusedA, refusedB, refusedConflicts].map((s) => s.until(() => s.completed, 10_000, 'the refusal')));
      for (const refused of [refusedA, refusedB, refusedConflicts]) expectCode(refusal(refused), 'FORBIDDEN');
      const controlA = await liveJournal(outsiderOnA, t.url, admin);
      const controlB = await liveJournal(outsiderOnB, t.url, admin);

      const moved = await moveEvent(manager, event.event, '2031-08-12', '2031-08-14');
      await august.until(() => changesOf(august).some((c) => c.eventId === event.event.id && c.kind === 'MOVED'), 10_000, 'the move on B');
      expect(changesOf(august).filter((c) => c.eventId === event.event.id)).toEqual([
        expect.objectContaining({ kind: 'MOVED', actorName: 'Maxim Manager', event: expect.objectContaining({ startDate: '2031-08-12', endDate: '2031-08-14', version: moved.event.version }) }),
      ]);

      const isMove = (e: { action: string; objectId: string | null }) => e.action === 'event.move' && e.objectId === event.event.id;
      await controlA.until(() => entriesOf(controlA).some(isMove), 10_000, 'the move in the control feed on A');
      await controlB.until(() => entriesOf(controlB).some(isMove), 10_000, 'the move in the control feed on B');
      for (const refused of [refusedA, refusedB, refusedConflicts]) {
        expect(refused.received.filter((r) => r.data)).toEqual([]);
        expect(refused.received.length).toBeLessThanOrEqual(1);
      }
      august.dispose();
    } finally {
      await b.stop();
    }
  });

  it('the seq of each change is its journal seq, and changes made while disconnected are found with changesSince(lastSeq)', async () => {
    const marina = client(manager2);
    const october = calendar(marina, '2031-10-01', '2031-10-31');
    await untilLive(marina);

    const created = await createEvent(manager, { title: 'Autumn fair', startDate: '2031-10-07', endDate: '2031-10-08' });
    const id = created.event.id;
    const moved = await moveEvent(manager, created.event, '2031-10-09', '2031-10-10');
    const tentative = await changeStatus(manager, moved.event, 'TENTATIVE');
    const mine = () => changesOf(october).filter((c) => c.eventId === id);
    await october.until(() => mine().length >= 3, 10_000, 'three changes');
    expect(mine().map((c) => c.kind)).toEqual(['CREATED', 'MOVED', 'STATUS_CHANGED']);

    const changesSince = async (seq: number) =>
      ok<Array<{ seq: number; action: string; objectType: string; objectId: string | null }>>(
        await admin.request('query($seq: SafeInt!) { changesSince(seq: $seq) { seq action objectType objectId } }', { seq }),
        'changesSince',
      );
    const journal = await changesSince(mine()[0].seq - 1);
    for (const [change, action] of mine().map((c, i) => [c, ['event.create', 'event.move', 'event.status_change'][i]] as const)) {
      expect(journal.find((e) => e.seq === change.seq)).toMatchObject({ action, objectType: 'ProductionEvent', objectId: id });
    }

    const lastSeq = mine()[2].seq;
    october.dispose();
    await marina.dispose();

    const again = await moveEvent(manager, tentative.event, '2031-10-20', '2031-10-21');
    await deleteEvent(manager, id);
    const missed = await changesSince(lastSeq);
    expect(missed.every((e) => e.seq > lastSeq)).toBe(true);
    expect(missed.filter((e) => e.objectId === id).map((e) => e.action)).toEqual(['event.move', 'event.delete']);
    expect(again.event.startDate).toBe('2031-10-20');
  });
});

describe('calendarChanged from a sequence number', () => {
  const latestChangeSeq = async (session: HttpSession) => ok<number>(await session.request('{ latestChangeSeq }'), 'latestChangeSeq');

  it('replays what committed after latestChangeSeq (read before the window loaded), then goes on live with nothing repeated', async () => {
    const since = await latestChangeSeq(manager2);
    // Committed after the calendar read its window and before its subscription starts.
    const created = await createEvent(manager, { title: 'Winter fair', startDate: '2031-11-07', endDate: '2031-11-08' });
    const id = created.event.id;
    const moved = await moveEvent(manager, created.event, '2031-11-09', '2031-11-10');

    const marina = client(manager2);
    const november = calendar(marina, '2031-11-01', '2031-11-30', since);
    const plain = calendar(marina, '2031-11-01', '2031-11-30');
    await untilLive(marina);
    await changeStatus(manager, moved.event, 'TENTATIVE');

    const mine = (subscription: Collector<{ calendarChanged: Change }>) => changesOf(subscription).filter((c) => c.eventId === id);
    await november.until(() => mine(november).length >= 3, 10_000, 'two replayed changes and a live one');
    await plain.until(() => mine(plain).length >= 1, 10_000, 'the live change');
    expect(mine(november).map((c) => c.kind)).toEqual(['CREATED', 'MOVED', 'STATUS_CHANGED']);
    const seqs = changesOf(november).map((c) => c.seq);
    expect(seqs.every((seq, i) => seq > since && (i === 0 || seq > seqs[i - 1]))).toBe(true);
    // Without `since` the subscription starts live: the two earlier changes are not sent.
    expect(mine(plain).map((c) => c.kind)).toEqual(['STATUS_CHANGED']);
    expect(await latestChangeSeq(manager2)).toBeGreaterThanOrEqual(mine(november)[2].seq);
  });

  it('refuses a negative since, and latestChangeSeq without event:read', async () => {
    const marina = client(manager2);
    const bad = calendar(marina, '2031-11-01', '2031-11-30', -1);
    await bad.until(() => bad.completed || bad.received.length > 0, 10_000, 'the refusal');
    expect(refusal(bad)?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await outsider.request('{ latestChangeSeq }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('conflictRaised', () => {
  it('a double booking of engineer@ reaches a manager and engineer@, not engineer2@', async () => {
    const x = await createEvent(manager, { title: 'Conflict X', startDate: '2032-01-05', endDate: '2032-01-06' });
    const y = await createEvent(manager, { title: 'Conflict Y', startDate: '2032-01-06', endDate: '2032-01-07' });
    await assignCrew(manager, x.event.id, ids.engineer, roles.sound);

    const subscribers = [manager2, engineer, engineer2].map((session) => {
      const live = client(session);
      return { live, conflicts: collect<{ conflictRaised: Conflict }>(live, CONFLICT_RAISED) };
    });
    await Promise.all(subscribers.map((s) => untilLive(s.live)));
    const [marina, egor, elena] = subscribers.map((s) => s.conflicts);

    const result = await assignCrew(manager, y.event.id, ids.engineer, roles.lighting);
    const expected = expect.objectContaining({
      person: { id: ids.engineer, name: 'Egor Engineer' },
      event: expect.objectContaining({ id: y.event.id }),
      otherEvent: expect.objectContaining({ id: x.event.id, title: 'Conflict X' }),
      fromDate: '2032-01-06',
      toDate: '2032-01-06',
    });
    expect(result.conflicts).toEqual([expected]);
    await marina.until(() => conflictsOf(marina).length >= 1, 10_000, "the manager's conflict");
    await egor.until(() => conflictsOf(egor).length >= 1, 10_000, "the engineer's conflict");
    expect(conflictsOf(marina)).toEqual([expected]);
    expect(conflictsOf(egor)).toEqual([expected]);

    // engineer2's own later double booking reaches them; the earlier one never did.
    const z1 = await createEvent(manager, { title: 'Conflict Z1', startDate: '2032-01-20', endDate: '2032-01-20' });
    const z2 = await createEvent(manager, { title: 'Conflict Z2', startDate: '2032-01-20', endDate: '2032-01-21' });
    await assignCrew(manager, z1.event.id, ids.engineer2, roles.sound);
    await assignCrew(manager, z2.event.id, ids.engineer2, roles.sound);
    await elena.until(() => conflictsOf(elena).length >= 1, 10_000, "engineer2's own conflict");
    expect(conflictsOf(elena)).toEqual([expect.objectContaining({ person: { id: ids.engineer2, name: 'Elena Engineer' }, event: expect.objectContaining({ id: z2.event.id }) })]);
    await marina.until(() => conflictsOf(marina).length >= 2, 10_000, "engineer2's conflict for the manager");
    // engineer@'s next own double booking reaches them right after the first: engineer2's never did.
    await assignCrew(manager, z1.event.id, ids.engineer, roles.lighting);
    await assignCrew(manager, z2.event.id, ids.engineer, roles.lighting);
    await egor.until(() => conflictsOf(egor).length >= 2, 10_000, "engineer@'s second conflict");
    expect(conflictsOf(egor).map((c) => [c.person.id, c.event.id, c.otherEvent.id])).toEqual([
      [ids.engineer, y.event.id, x.event.id],
      [ids.engineer, z2.event.id, z1.event.id],
    ]);
    await marina.until(() => conflictsOf(marina).length >= 3, 10_000, "engineer@'s second conflict for the manager");
    expect(conflictsOf(elena)).toHaveLength(1);
    for (const s of subscribers) s.conflicts.dispose();
  });
});

describe('myNotifications', () => {
  it('tells engineer@ about being added, a new role, a move, a double booking and removal; engineer2@ gets none; catch-up returns the same', async () => {
    const egorLive = client(engineer);
    const elenaLive = client(engineer2);
    const egor = collect<{ myNotifications: Notification }>(egorLive, MY_NOTIFICATIONS);
    const elena = collect<{ myNotifications: Notification }>(elenaLive, MY_NOTIFICATIONS);
    await Promise.all([untilLive(egorLive), untilLive(elenaLive)]);
    const baseline = ok<{ entries: Array<{ seq: number }> }>(await admin.request('{ journal(page: { limit: 1 }) { entries { seq } } }'), 'journal').entries[0].seq;

    const n = await createEvent(manager, { title: 'Notify N', startDate: '2032-03-02', endDate: '2032-03-03' });
    await assignCrew(manager, n.event.id, ids.engineer, roles.sound);
    await setCrewRole(manager, n.event.id, ids.engineer, roles.lighting);
    const nNow = await readEvent(manager, n.event.id);
    await moveEvent(manager, nNow, '2032-03-09', '2032-03-10');
    const o = await createEvent(manager, { title: 'Notify O', startDate: '2032-03-10', endDate: '2032-03-11' });
    const oCrewed = await assignCrew(manager, o.event.id, ids.engineer, roles.sound);
    expect(oCrewed.conflicts).toHaveLength(1);
    await unassignCrew(manager, n.event.id, ids.engineer);

    await egor.until(() => notificationsOf(egor).length >= 6, 10_000, 'six notifications');
    const live = notificationsOf(egor);
    expect(live.map((x) => [x.kind, x.eventId])).toEqual([
      ['ADDED', n.event.id],
      ['ROLE_CHANGED', n.event.id],
      ['MOVED', n.event.id],
      ['ADDED', o.event.id],
      ['CONFLICT', o.event.id],
      ['REMOVED', n.event.id],
    ]);
    for (const x of live) expect(x.actorName).toBe('Maxim Manager');
    const [added, roleChanged, moved, , conflict, removed] = live;
    expect(added.message).toContain('Notify N');
    expect(added.message).toContain('Sound');
    expect(roleChanged.message).toContain('Lighting');
    expect(roleChanged.message).toContain('Sound');
    expect(roleChanged.changes).toEqual([{ field: 'crewRole', oldValue: 'Sound', newValue: 'Lighting' }]);
    expect(moved.message).toContain('2032-03-09');
    expect(moved.changes).toEqual(expect.arrayContaining([{ field: 'startDate', oldValue: '2032-03-02', newValue: '2032-03-09' }]));
    expect(conflict.message).toContain('Notify N');
    expect(conflict.conflict).toMatchObject({ person: { id: ids.engineer }, event: { id: o.event.id }, otherEvent: { id: n.event.id }, fromDate: '2032-03-10', toDate: '2032-03-10' });
    expect(removed.message).toContain('Notify N');
    expect(removed.message).toMatch(/off|removed/i);
    expect(new Set(live.map((x) => x.message)).size).toBe(live.length);

    // engineer2: a later change that concerns them arrives alone.
    await assignCrew(manager, n.event.id, ids.engineer2, roles.sound);
    await elena.until(() => notificationsOf(elena).length >= 1, 10_000, "engineer2's own notification");
    expect(notificationsOf(elena).map((x) => [x.kind, x.eventId])).toEqual([['ADDED', n.event.id]]);
    expect(notificationsOf(egor)).toHaveLength(6);

    // Catch-up after the fact.
    const since = ok<Notification[]>(await engineer.request(`query($seq: SafeInt!) { myNotificationsSince(seq: $seq) { ${NOTIFICATION} } }`, { seq: baseline }), 'myNotificationsSince');
    const essentials = (x: Notification) => ({ seq: x.seq, kind: x.kind, message: x.message, eventId: x.eventId, changes: x.changes, conflict: x.conflict });
    expect(since.map(essentials)).toEqual(live.map(essentials));
    const sinceMiddle = ok<Notification[]>(await engineer.request('query($seq: SafeInt!) { myNotificationsSince(seq: $seq) { seq kind } }', { seq: moved.seq }), 'myNotificationsSince');
    expect(sinceMiddle.map((x) => x.kind)).toEqual(['ADDED', 'CONFLICT', 'REMOVED']);
    egor.dispose();
    elena.dispose();
  });

  it('acknowledgeAssignment shows acknowledgedAt to a manager; a later move resets it', async () => {
    const event = await createEvent(manager, { title: 'Acknowledge me', startDate: '2032-05-04', endDate: '2032-05-05' });
    const crewed = await assignCrew(manager, event.event.id, ids.engineer, roles.sound);
    expect(crewed.event.crew[0].acknowledgedAt).toBeNull();

    const acknowledged = await acknowledge(engineer, event.event.id);
    expect(acknowledged.event.crew.find((m) => m.person.id === ids.engineer)!.acknowledgedAt).toEqual(expect.any(String));
    const seen = await readEvent(manager, event.event.id);
    expect(seen.crew.find((m) => m.person.id === ids.engineer)!.acknowledgedAt).toEqual(expect.any(String));

    // Someone not on the crew cannot acknowledge.
    expectCode((await engineer2.request('mutation($e: ID!) { acknowledgeAssignment(eventId: $e) { event { id } } }', { e: event.event.id })).errors, 'FORBIDDEN');

    const moved = await moveEvent(manager, seen, '2032-05-11', '2032-05-12');
    expect(moved.event.crew.find((m) => m.person.id === ids.engineer)!.acknowledgedAt).toBeNull();
    expect((await readEvent(manager, event.event.id)).crew.find((m) => m.person.id === ids.engineer)!.acknowledgedAt).toBeNull();
  });
});

describe('presenceChanged', () => {
  async function presenceRows(url: string, userId: string, scope: string) {
    return withDatabase(url, async (db) => (await db.query('select expires_at, now() as now from presence where user_id = $1 and scope = $2', [userId, scope])).rows);
  }
  const names = (snapshot: PresenceSnapshot) => snapshot.people.map((p) => p.person.name);

  it('shows who has the calendar open, who is editing, and drops a closed socket at once', async () => {
    // The shared server keeps the default 30 s TTL: a removal seen here came from the closed socket.
    const maxim = collect<{ presenceChanged: PresenceSnapshot }>(client(manager), PRESENCE_CHANGED, { scope: 'calendar' });
    await maxim.until(() => snapshotsOf(maxim).some((s) => names(s).includes('Maxim Manager')), 10_000, 'the manager to see themself');
    expect(snapshotsOf(maxim)[0].scope).toBe('calendar');

    let marinaClosed: { code: number } | undefined;
    const marinaLive = client(manager2, t.wsUrl, (event) => (marinaClosed = event));
    // A browser tab sends its heartbeats and its subscription with one tab id.
    const marina = collect<{ presenceChanged: PresenceSnapshot }>(marinaLive, PRESENCE_CHANGED, { scope: 'calendar', tabId: 'marina-tab-1' });
    const both = (s: PresenceSnapshot) => names(s).includes('Maxim Manager') && names(s).includes('Marina Manager');
    await maxim.until(() => snapshotsOf(maxim).some(both), 10_000, 'both managers');
    await marina.until(() => snapshotsOf(marina).some(both), 10_000, 'manager2 to see both');
    expect(snapshotsOf(maxim).find(both)!.people.map((p) => p.editing)).toEqual([false, false]);

    const reported = ok<PresenceSnapshot>(await manager2.request(REPORT_PRESENCE, { scope: 'calendar', editing: true, tabId: 'marina-tab-1' }), 'reportPresence');
    expect(reported.people.find((p) => p.person.id === ids.manager2)?.editing).toBe(true);
    const editing = (s: PresenceSnapshot) => s.people.some((p) => p.person.id === ids.manager2 && p.editing);
    await maxim.until(() => snapshotsOf(maxim).some(editing), 10_000, 'manager2 editing');
    const editingAt = snapshotsOf(maxim).findIndex(editing);

    const [row] = await presenceRows(t.databaseUrl, ids.manager2, 'calendar');
    expect(row).toBeDefined();
    const expiresAt = row.expires_at as Date;

    await marinaLive.dispose();
    const gone = (s: PresenceSnapshot) => !names(s).includes('Marina Manager');
    await maxim.until(() => snapshotsOf(maxim).slice(editingAt + 1).some(gone), 10_000, 'manager2 to leave');
    expect(names(snapshotsOf(maxim).slice(editingAt + 1).find(gone)!)).toEqual(['Maxim Manager']);
    expect(await presenceRows(t.databaseUrl, ids.manager2, 'calendar')).toEqual([]);
    // The row went before its heartbeat would have expired.
    const stillValid = await withDatabase(t.databaseUrl, async (db) => (await db.query('select now() < $1 as valid', [expiresAt])).rows[0].valid);
    expect(stillValid).toBe(true);
    expect(marinaClosed).toBeDefined();
    maxim.dispose();
  });

  it('refuses an invalid scope with BAD_USER_INPUT and an account without event:read with FORBIDDEN; an engineer may subscribe', async () => {
    const egorLive = client(engineer);
    for (const scope of ['bogus', 'event:not-an-id', 'event:']) {
      const refused = collect(egorLive, PRESENCE_CHANGED, { scope });
      await refused.until(() => refused.completed, 10_000, `the refusal of ${scope}`);
      expectCode(refusal(refused), 'BAD_USER_INPUT');
      expectCode((await engineer.request(REPORT_PRESENCE, { scope, editing: false })).errors, 'BAD_USER_INPUT');
    }

    const egor = collect<{ presenceChanged: PresenceSnapshot }>(egorLive, PRESENCE_CHANGED, { scope: 'crew-schedule' });
    await egor.until(() => snapshotsOf(egor).some((s) => names(s).includes('Egor Engineer')), 10_000, 'the engineer to see themself');
    expect(egor.completed).toBe(false);

    const outsiderLive = client(outsider);
    const refused = collect(outsiderLive, PRESENCE_CHANGED, { scope: 'crew-schedule' });
    await refused.until(() => refused.completed, 10_000, 'the refusal');
    expectCode(refusal(refused), 'FORBIDDEN');
    expectCode((await outsider.request(REPORT_PRESENCE, { scope: 'crew-schedule', editing: false })).errors, 'FORBIDDEN');
    expect(await presenceRows(t.databaseUrl, ids.outsider, 'crew-schedule')).toEqual([]);
    egor.dispose();
  });

  it('presence travels between instances: a subscriber on B appears on A and leaves when its socket closes', async () => {
    const b = await t.startAnother();
    try {
      const maxim = collect<{ presenceChanged: PresenceSnapshot }>(client(manager), PRESENCE_CHANGED, { scope: 'crew-schedule' });
      await maxim.until(() => snapshotsOf(maxim).some((s) => names(s).includes('Maxim Manager')), 10_000, 'the manager to see themself');
      const marinaOnB = liveClient(b.url.replace(/^http/, 'ws') + '/graphql', { cookie: manager2.cookie });
      const marina = collect<{ presenceChanged: PresenceSnapshot }>(marinaOnB, PRESENCE_CHANGED, { scope: 'crew-schedule' });
      const withMarina = (s: PresenceSnapshot) => names(s).includes('Marina Manager') && names(s).includes('Maxim Manager');
      await marina.until(() => snapshotsOf(marina).some(withMarina), 10_000, 'B to see both');
      await maxim.until(() => snapshotsOf(maxim).some(withMarina), 10_000, 'A to see manager2 from B');
      const seenAt = snapshotsOf(maxim).findIndex(withMarina);
      await marinaOnB.dispose();
      await maxim.until(() => snapshotsOf(maxim).slice(seenAt + 1).some((s) => !names(s).includes('Marina Manager')), 10_000, 'A to see manager2 leave');
      expect(await presenceRows(t.databaseUrl, ids.manager2, 'crew-schedule')).toEqual([]);
      maxim.dispose();
    } finally {
      await b.stop();
    }
  });

  it('closing one of two tabs of the same session (one cookie) keeps the person present', async () => {
    const observer = collect<{ presenceChanged: PresenceSnapshot }>(client(manager), PRESENCE_CHANGED, { scope: 'event:00000000-0000-4000-8000-000000000001' });
    await observer.until(() => snapshotsOf(observer).length > 0, 10_000, 'the first snapshot');
    // Two browser tabs share the session cookie: two sockets, one session.
    let tab1Closed = false;
    const tab1 = liveClient(t.wsUrl, { cookie: manager2.cookie, onClose: () => (tab1Closed = true) });
    const tab2 = client(manager2);
    const inTab1 = collect<{ presenceChanged: PresenceSnapshot }>(tab1, PRESENCE_CHANGED, { scope: 'event:00000000-0000-4000-8000-000000000001' });
    const inTab2 = collect<{ presenceChanged: PresenceSnapshot }>(tab2, PRESENCE_CHANGED, { scope: 'event:00000000-0000-4000-8000-000000000001' });
    const here = (s: PresenceSnapshot) => names(s).includes('Marina Manager');
    await inTab1.until(() => snapshotsOf(inTab1).some(here), 10_000, 'tab 1 live');
    await inTab2.until(() => snapshotsOf(inTab2).some(here), 10_000, 'tab 2 live');
    await observer.until(() => snapshotsOf(observer).some(here), 10_000, 'manager2 present');

    await tab1.dispose();
    // The close handshake is complete, so the server has already handled the close (and any leave it caused).
    await waitFor(() => tab1Closed, 10_000, 'tab 1 to be closed');
    // A later presence change (the manager opens an edit dialog) is pushed after whatever tab 1's close caused.
    await manager.request(REPORT_PRESENCE, { scope: 'event:00000000-0000-4000-8000-000000000001', editing: true });
    const editing = (s: PresenceSnapshot) => s.people.some((p) => p.person.id === ids.manager && p.editing);
    await observer.until(() => snapshotsOf(observer).some(editing), 10_000, 'the later change');
    const afterClose = snapshotsOf(observer).slice(snapshotsOf(observer).findIndex(here));
    expect(afterClose.every(here), `manager2 (tab 2 still open) vanished: ${JSON.stringify(afterClose.map(names))}`).toBe(true);
    expect(await presenceRows(t.databaseUrl, ids.manager2, 'event:00000000-0000-4000-8000-000000000001')).toHaveLength(1);
    inTab2.dispose();
    observer.dispose();
  });

  describe('with a short TTL', () => {
    let short: TestServer;
    beforeAll(async () => {
      short = await startTestServer({ presenceTtlMs: 1500 });
    });
    afterAll(async () => {
      await short?.stop();
    });

    it('a session that only sent a heartbeat over HTTP disappears once it goes silent', async () => {
      const observerSession = await signIn(short.url, 'manager@loadout.demo');
      const observerLive = liveClient(short.wsUrl, { cookie: observerSession.cookie });
      const observer = collect<{ presenceChanged: PresenceSnapshot }>(observerLive, PRESENCE_CHANGED, { scope: 'calendar' });
      await observer.until(() => snapshotsOf(observer).length > 0, 10_000, 'the first snapshot');

      const silent = await signIn(short.url, 'engineer2@loadout.demo');
      const silentId = await idOf(silent);
      const reported = ok<PresenceSnapshot>(await silent.request(REPORT_PRESENCE, { scope: 'calendar', editing: false }), 'reportPresence');
      expect(reported.people.map((p) => p.person.id)).toContain(silentId);

      const here = (s: PresenceSnapshot) => s.people.some((p) => p.person.id === silentId);
      await observer.until(() => snapshotsOf(observer).some(here), 10_000, 'the silent session to appear');
      const seenAt = snapshotsOf(observer).findIndex(here);
      await observer.until(() => snapshotsOf(observer).slice(seenAt + 1).some((s) => !here(s)), 20_000, 'the silent session to expire');
      await waitFor(async () => (await presenceRows(short.databaseUrl, silentId, 'calendar')).length === 0, 20_000, 'its row to be swept');
      await observerLive.dispose();
    });
  });
});

describe('access ends on open connections', () => {
  it('deactivating an engineer subscribed to calendarChanged closes their socket with 4403', async () => {
    const user = await t.server.staff.createUser(null, { email: 'engineer3@loadout.demo', name: 'Third Engineer', password: 'third-engineer-pw', roleName: 'Engineer' });
    const session = await signIn(t.url, 'engineer3@loadout.demo', 'third-engineer-pw');
    let closed: { code: number; reason: string } | undefined;
    const live = client(session, t.wsUrl, (event) => (closed = event));
    const subscription = calendar(live, '2032-07-01', '2032-07-31');
    await untilLive(live);

    const result = await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: user.id });
    expect(ok<{ active: boolean }>(result, 'deactivateUser').active).toBe(false);
    await waitFor(() => closed !== undefined, 10_000, 'the socket to close');
    expect(closed!.code).toBe(4403);
    await subscription.until(() => subscription.completed, 10_000, 'the subscription to end');
  });
});
