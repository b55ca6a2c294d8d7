import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, signIn, startTestServer, type TestServer } from './support/harness.js';
import { expectCode, expectFieldProblem, gql } from './support/contract.js';

// Clients (SPEC §4), venues, the crew-role catalogue and company settings, over real HTTP on a real
// PostgreSQL. One server for the file; each test makes its own clients with their own phones.

let t: TestServer;
let admin: HttpSession;
let manager: HttpSession;
let manager2: HttpSession;
let engineer: HttpSession;
let storekeeper: HttpSession;
let engineerId: string;
let storekeeperId: string;

beforeAll(async () => {
  t = await startTestServer();
  [admin, manager, manager2, engineer, storekeeper] = await Promise.all(
    ['admin', 'manager', 'manager2', 'engineer', 'storekeeper'].map((name) => signIn(t.url, `${name}@loadout.demo`)),
  );
  engineerId = (await engineer.request('{ me { id } }')).data!.me.id;
  storekeeperId = (await storekeeper.request('{ me { id } }')).data!.me.id;
});
afterAll(() => t?.stop());

type Errors = Parameters<typeof expectCode>[0] & Array<{ message: string; extensions?: Record<string, any> }>;

/** Runs an operation that must succeed and returns its data. */
async function ok<T = Record<string, any>>(session: HttpSession | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await gql(t.url, session, query, variables);
  expect(response.body?.errors, JSON.stringify(response.body?.errors)).toBeUndefined();
  return response.body!.data as T;
}

/** Runs an operation that must fail and returns its errors. */
async function refused(session: HttpSession | undefined, query: string, variables?: Record<string, unknown>): Promise<Errors> {
  const response = await gql(t.url, session, query, variables);
  expect(response.body?.errors, `expected errors, got ${JSON.stringify(response.body?.data)}`).toBeDefined();
  return response.body!.errors as Errors;
}

let phoneCounter = 0;
/** A fresh Russian mobile number, as its 10 national digits ("9161000001"). */
function freshNational(): string {
  phoneCounter += 1;
  return `916${String(1_000_000 + phoneCounter).slice(-7)}`;
}
const e164 = (national: string) => `+7${national}`;
/** "8 (916) 100-00-01": how people write a Russian number at home. */
const domestic = (n: string) => `8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
const spaced = (n: string) => `+7 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;

const CLIENT = 'id name kind phone email contactPerson notes state archivedAt version createdAt';

const CREATE_CLIENT = `mutation($input: CreateClientInput!) { createClient(input: $input) { ${CLIENT} } }`;
const UPDATE_CLIENT = `mutation($id: ID!, $v: Int!, $input: UpdateClientInput!) { updateClient(id: $id, expectedVersion: $v, input: $input) { ${CLIENT} } }`;
const CHANGE_PHONE = `mutation($id: ID!, $phone: String!) { changeClientPhone(id: $id, phone: $phone) { ${CLIENT} } }`;
const SET_STATE = `mutation($id: ID!, $state: ClientState!) { setClientState(id: $id, state: $state) { ${CLIENT} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveClient(id: $id) { ${CLIENT} } }`;
const UNARCHIVE = `mutation($id: ID!) { unarchiveClient(id: $id) { ${CLIENT} } }`;
const GET_CLIENT = `query($id: ID!) { client(id: $id) { ${CLIENT} } }`;
const LIST = `query($filter: ClientFilter, $page: PageInput) { clients(filter: $filter, page: $page) { total clients { ${CLIENT} } } }`;

const EVENT = 'id version status startDate endDate client { id state } venue { id name }';
const CREATE_EVENT = `mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { ${EVENT} } conflicts { person { id } } } }`;
const CHANGE_STATUS = `mutation($id: ID!, $v: Int!, $status: ProductionEventStatus!) {
  changeProductionEventStatus(id: $id, expectedVersion: $v, status: $status) { event { ${EVENT} } } }`;
const CLIENT_JOURNAL = `query($objectId: String!, $action: String!) {
  journal(filter: { objectType: "Client", objectId: $objectId, action: $action }) { total entries { action objectType objectId summary actor { email } changes { field oldValue newValue } } } }`;

interface ClientRow {
  id: string;
  name: string;
  kind: string;
  phone: string;
  email: string | null;
  contactPerson: string | null;
  notes: string | null;
  state: 'POTENTIAL' | 'ACTIVE' | 'INACTIVE';
  archivedAt: string | null;
  version: number;
}
interface EventRow {
  id: string;
  version: number;
  status: string;
  client: { id: string; state: string } | null;
  venue: { id: string; name: string } | null;
}

async function createClient(input: Partial<Record<string, unknown>> = {}, session = manager): Promise<ClientRow> {
  const data = await ok<{ createClient: ClientRow }>(session, CREATE_CLIENT, {
    input: { name: `Client ${phoneCounter + 1}`, kind: 'COMPANY', phone: spaced(freshNational()), ...input },
  });
  return data.createClient;
}

async function getClient(id: string, session = manager): Promise<ClientRow> {
  return (await ok<{ client: ClientRow }>(session, GET_CLIENT, { id })).client;
}

async function listClients(filter: Record<string, unknown>, page?: Record<string, unknown>, session = manager) {
  return (await ok<{ clients: { total: number; clients: ClientRow[] } }>(session, LIST, { filter, page })).clients;
}

/** Today in the company time zone (Europe/Moscow unless a settings test changes it for a moment). */
function today(timeZone = 'Europe/Moscow'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function createEvent(input: Record<string, unknown>, session = manager): Promise<EventRow> {
  const start = (input.startDate as string | undefined) ?? addDays(today(), 30);
  const data = await ok<{ createProductionEvent: { event: EventRow } }>(session, CREATE_EVENT, {
    input: { title: 'Client test event', startDate: start, endDate: start, ...input },
  });
  return data.createProductionEvent.event;
}

async function changeStatus(event: { id: string; version: number }, status: string, session = manager): Promise<EventRow> {
  const data = await ok<{ changeProductionEventStatus: { event: EventRow } }>(session, CHANGE_STATUS, { id: event.id, v: event.version, status });
  return data.changeProductionEventStatus.event;
}

describe('creating clients', () => {
  it('stores a phone written in any usual Russian format as E.164 (+7…), and a new client is potential', async () => {
    const formats: Array<(n: string) => string> = [
      domestic,
      spaced,
      (n) => n, // bare national digits
      (n) => `8-${n.slice(0, 3)}-${n.slice(3)}`,
      (n) => `+7(${n.slice(0, 3)})${n.slice(3)}`,
      (n) => `7 ${n}`,
    ];
    for (const format of formats) {
      const national = freshNational();
      const created = (
        await ok<{ createClient: ClientRow }>(manager, CREATE_CLIENT, {
          input: { name: `  Format ${format(national)}  `, kind: 'PERSON', phone: format(national), email: 'someone@example.com' },
        })
      ).createClient;
      expect(created.phone, `stored form of "${format(national)}"`).toBe(e164(national));
      expect(created.name).toBe(`Format ${format(national)}`);
      expect(created).toMatchObject({ kind: 'PERSON', email: 'someone@example.com', state: 'POTENTIAL', archivedAt: null, version: 1 });
      expect(await getClient(created.id)).toMatchObject({ phone: e164(national), state: 'POTENTIAL' });
    }
  });

  it('journals the creation', async () => {
    const created = await createClient({ name: 'Journaled Creation Ltd' });
    const journal = (await ok(admin, CLIENT_JOURNAL, { objectId: created.id, action: 'client.create' })).journal;
    expect(journal.total).toBe(1);
    expect(journal.entries[0].actor.email).toBe('manager@loadout.demo');
    expect(journal.entries[0].changes).toEqual(expect.arrayContaining([{ field: 'phone', oldValue: null, newValue: created.phone }]));
  });

  it('refuses an invalid e-mail with BAD_USER_INPUT naming the field email, and creates nothing', async () => {
    const errors = await refused(manager, CREATE_CLIENT, {
      input: { name: 'Bad Mail Events', kind: 'COMPANY', phone: spaced(freshNational()), email: 'not-an-e-mail' },
    });
    expectFieldProblem(errors, 'email');
    expect((await listClients({ search: 'Bad Mail Events' })).total).toBe(0);
  });

  it('refuses something that is not a phone number with BAD_USER_INPUT naming the field phone', async () => {
    const errors = await refused(manager, CREATE_CLIENT, { input: { name: 'No Phone Co', kind: 'COMPANY', phone: 'call me maybe' } });
    expectFieldProblem(errors, 'phone');
    expect((await listClients({ search: 'No Phone Co' })).total).toBe(0);
  });

  it('refuses a blank name with BAD_USER_INPUT naming the field name, and creates nothing', async () => {
    const national = freshNational();
    const errors = await refused(manager, CREATE_CLIENT, { input: { name: '   ', kind: 'COMPANY', phone: spaced(national) } });
    expectFieldProblem(errors, 'name');
    expect((await listClients({ search: e164(national) })).total).toBe(0);
  });

  it('refuses a duplicate phone written in another format, naming the existing client', async () => {
    const national = freshNational();
    const first = await createClient({ name: 'Original Owner LLC', phone: spaced(national) });
    const errors = await refused(manager2, CREATE_CLIENT, { input: { name: 'Copycat LLC', kind: 'COMPANY', phone: domestic(national) } });
    const error = expectFieldProblem(errors, 'phone');
    expect(error.extensions?.existingClient).toEqual({ id: first.id, name: 'Original Owner LLC' });
    expect(error.message).toContain('Original Owner LLC');
    expect((await listClients({ search: 'Copycat LLC' })).total).toBe(0);
    expect((await listClients({ search: domestic(national) })).clients.map((c) => c.id)).toEqual([first.id]);
  });

  it('lets exactly one of five concurrent creations of the same phone succeed; the rest are refused naming it', async () => {
    const national = freshNational();
    const formats = [spaced, domestic, (n: string) => n, (n: string) => `+7${n}`, (n: string) => `8${n}`];
    const responses = await Promise.all(
      formats.map((format, i) => gql(t.url, i % 2 ? manager : manager2, CREATE_CLIENT, { input: { name: `Racer ${i}`, kind: 'COMPANY', phone: format(national) } })),
    );
    const winners = responses.filter((r) => r.body?.data?.createClient);
    const losers = responses.filter((r) => r.body?.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    const winner = winners[0].body!.data!.createClient as ClientRow;
    expect(winner.phone).toBe(e164(national));
    for (const loser of losers) {
      const error = expectFieldProblem(loser.body!.errors, 'phone');
      expect(error.extensions?.existingClient).toEqual({ id: winner.id, name: winner.name });
    }
    const found = await listClients({ search: e164(national) });
    expect(found.total).toBe(1);
    expect(found.clients[0].id).toBe(winner.id);
  });
});

describe('editing clients and their phone', () => {
  it('updateClient has no phone: sending one is a GraphQL validation error (BAD_USER_INPUT) and changes nothing', async () => {
    const client = await createClient({ name: 'Phone Keeper' });
    // As an inline literal: a validation error of the document.
    const inline = await refused(
      manager,
      `mutation { updateClient(id: "${client.id}", expectedVersion: ${client.version}, input: { name: "Renamed", phone: "+79169999999" }) { id phone } }`,
    );
    expectCode(inline, 'BAD_USER_INPUT');
    expect(inline[0].message).toMatch(/phone/);
    // As a variable: refused while coercing the variable.
    const variable = await refused(manager, UPDATE_CLIENT, { id: client.id, v: client.version, input: { name: 'Renamed', phone: '+79169999999' } });
    expectCode(variable, 'BAD_USER_INPUT');
    expect(variable[0].message).toMatch(/phone/);
    expect(await getClient(client.id)).toMatchObject({ name: 'Phone Keeper', phone: client.phone, version: client.version });
  });

  it('updateClient edits the other fields and bumps the version', async () => {
    const client = await createClient({ name: 'Before Edit', email: 'old@example.com', contactPerson: 'Olga' });
    const updated = (
      await ok<{ updateClient: ClientRow }>(manager, UPDATE_CLIENT, {
        id: client.id,
        v: client.version,
        input: { name: 'After Edit', kind: 'PERSON', email: 'new@example.com', contactPerson: null, notes: 'VIP' },
      })
    ).updateClient;
    expect(updated).toMatchObject({ name: 'After Edit', kind: 'PERSON', email: 'new@example.com', contactPerson: null, notes: 'VIP', phone: client.phone });
    expect(updated.version).toBe(client.version + 1);
    const badMail = await refused(manager, UPDATE_CLIENT, { id: client.id, v: updated.version, input: { email: 'nope' } });
    expectFieldProblem(badMail, 'email');
  });

  it('changeClientPhone changes the phone (normalised) and refuses a phone another client has', async () => {
    const client = await createClient({ name: 'Moving Phone' });
    const other = await createClient({ name: 'Phone Owner' });
    const national = freshNational();
    const changed = (await ok<{ changeClientPhone: ClientRow }>(manager, CHANGE_PHONE, { id: client.id, phone: domestic(national) })).changeClientPhone;
    expect(changed.phone).toBe(e164(national));
    expect(changed.version).toBe(client.version + 1);
    expect((await getClient(client.id)).phone).toBe(e164(national));
    const journal = (await ok(admin, CLIENT_JOURNAL, { objectId: client.id, action: 'client.phone_change' })).journal;
    expect(journal.entries[0].changes).toEqual([{ field: 'phone', oldValue: client.phone, newValue: e164(national) }]);

    const otherNational = other.phone.slice(2);
    const errors = await refused(manager, CHANGE_PHONE, { id: client.id, phone: domestic(otherNational) });
    const error = expectFieldProblem(errors, 'phone');
    expect(error.extensions?.existingClient).toEqual({ id: other.id, name: 'Phone Owner' });
    expect((await getClient(client.id)).phone).toBe(e164(national));

    expectFieldProblem(await refused(manager, CHANGE_PHONE, { id: client.id, phone: 'nothing' }), 'phone');
  });
});

describe('finding clients', () => {
  it('searches by part of the name, by e-mail, by contact person and by a phone written in another format', async () => {
    const target = await createClient({
      name: 'Zephyr Sound Rentals',
      email: 'bookings@zephyr-sound.example',
      contactPerson: 'Quentin Quill',
      phone: '+79001234567',
    });
    await createClient({ name: 'Unrelated Audio', email: 'info@unrelated.example', phone: '+79007654321' });
    const ids = async (search: string) => (await listClients({ search })).clients.map((c) => c.id);
    expect(await ids('phyr SOUND')).toEqual([target.id]);
    expect(await ids('bookings@zephyr')).toEqual([target.id]);
    expect(await ids('quentin')).toEqual([target.id]);
    expect(await ids('8 (900) 123-45-67')).toEqual([target.id]);
    expect(await ids('+7 900 123 45 67')).toEqual([target.id]);
    expect(await ids('123-45-67')).toEqual([target.id]);
    expect(await ids('zzz-no-such-client')).toEqual([]);
  });

  it('filters by states and archived, and pages with a total by name', async () => {
    const prefix = 'Pagingco';
    const a = await createClient({ name: `${prefix} A` });
    const b = await createClient({ name: `${prefix} B` });
    const c = await createClient({ name: `${prefix} C` });
    const d = await createClient({ name: `${prefix} D` });
    await ok(manager, SET_STATE, { id: b.id, state: 'ACTIVE' });
    await ok(manager, SET_STATE, { id: c.id, state: 'INACTIVE' });
    await ok(manager, ARCHIVE, { id: d.id });

    const first = await listClients({ search: prefix }, { limit: 2, offset: 0 });
    expect(first.total).toBe(3);
    expect(first.clients.map((x) => x.name)).toEqual([`${prefix} A`, `${prefix} B`]);
    const second = await listClients({ search: prefix }, { limit: 2, offset: 2 });
    expect(second.total).toBe(3);
    expect(second.clients.map((x) => x.name)).toEqual([`${prefix} C`]);

    expect((await listClients({ search: prefix, states: ['ACTIVE'] })).clients.map((x) => x.id)).toEqual([b.id]);
    const potentialOrInactive = await listClients({ search: prefix, states: ['POTENTIAL', 'INACTIVE'] });
    expect(potentialOrInactive.total).toBe(2);
    expect(potentialOrInactive.clients.map((x) => x.id)).toEqual([a.id, c.id]);

    const archived = await listClients({ search: prefix, archived: true });
    expect(archived.total).toBe(1);
    expect(archived.clients.map((x) => x.id)).toEqual([d.id]);
    expect(archived.clients[0].archivedAt).not.toBeNull();
    expect((await listClients({ search: prefix, archived: false })).clients.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
  });
});

describe('client state follows events', () => {
  it('creating a confirmed event for a potential client makes it active, and journals client.state_change', async () => {
    const client = await createClient({ name: 'Confirmed At Birth' });
    await createEvent({ clientId: client.id, status: 'TENTATIVE' });
    expect((await getClient(client.id)).state).toBe('POTENTIAL');

    const event = await createEvent({ clientId: client.id, status: 'CONFIRMED', title: 'Launch party' });
    expect(event.status).toBe('CONFIRMED');
    const after = await getClient(client.id);
    expect(after.state).toBe('ACTIVE');
    expect(after.version).toBe(client.version + 1);

    const journal = (await ok(admin, CLIENT_JOURNAL, { objectId: client.id, action: 'client.state_change' })).journal;
    expect(journal.total).toBe(1);
    expect(journal.entries[0]).toMatchObject({ action: 'client.state_change', objectType: 'Client', objectId: client.id });
    expect(journal.entries[0].actor.email).toBe('manager@loadout.demo');
    expect(journal.entries[0].changes).toEqual([{ field: 'state', oldValue: 'POTENTIAL', newValue: 'ACTIVE' }]);
  });

  it('changeProductionEventStatus to CONFIRMED makes the client active, and journals it', async () => {
    const client = await createClient({ name: 'Confirmed Later' });
    const event = await createEvent({ clientId: client.id, status: 'TENTATIVE' });
    expect((await getClient(client.id)).state).toBe('POTENTIAL');
    const confirmed = await changeStatus(event, 'CONFIRMED');
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.client?.state).toBe('ACTIVE');
    expect((await getClient(client.id)).state).toBe('ACTIVE');
    const journal = (await ok(admin, CLIENT_JOURNAL, { objectId: client.id, action: 'client.state_change' })).journal;
    expect(journal.total).toBe(1);
    expect(journal.entries[0].changes).toEqual([{ field: 'state', oldValue: 'POTENTIAL', newValue: 'ACTIVE' }]);
  });

  it('refuses INACTIVE while an upcoming event is confirmed, and allows it once that event is cancelled', async () => {
    const client = await createClient({ name: 'Wants A Break' });
    const event = await createEvent({ clientId: client.id, status: 'CONFIRMED', startDate: addDays(today(), 10), endDate: addDays(today(), 12) });
    const errors = await refused(manager, SET_STATE, { id: client.id, state: 'INACTIVE' });
    expectFieldProblem(errors, 'state');
    expect((await getClient(client.id)).state).toBe('ACTIVE');

    await changeStatus(event, 'CANCELLED');
    const inactive = (await ok<{ setClientState: ClientRow }>(manager, SET_STATE, { id: client.id, state: 'INACTIVE' })).setClientState;
    expect(inactive.state).toBe('INACTIVE');
    expect((await getClient(client.id)).state).toBe('INACTIVE');
  });

  it('an event in progress also blocks INACTIVE; a confirmed event in the past does not', async () => {
    const busy = await createClient({ name: 'Show Running Now' });
    const running = await createEvent({ clientId: busy.id, status: 'CONFIRMED', startDate: addDays(today(), 1), endDate: addDays(today(), 2) });
    await changeStatus(running, 'IN_PROGRESS');
    expectFieldProblem(await refused(manager, SET_STATE, { id: busy.id, state: 'INACTIVE' }), 'state');

    const past = await createClient({ name: 'Worked With Us Last Month' });
    await createEvent({ clientId: past.id, status: 'CONFIRMED', startDate: addDays(today(), -40), endDate: addDays(today(), -38) });
    expect((await getClient(past.id)).state).toBe('ACTIVE');
    expect((await ok<{ setClientState: ClientRow }>(manager, SET_STATE, { id: past.id, state: 'INACTIVE' })).setClientState.state).toBe('INACTIVE');
  });

  it('refuses to archive a client with an upcoming confirmed event (one ending today counts), and archives one without', async () => {
    const upcoming = await createClient({ name: 'Upcoming Show Inc' });
    await createEvent({ clientId: upcoming.id, status: 'CONFIRMED', startDate: addDays(today(), 5), endDate: addDays(today(), 6) });
    expectCode(await refused(manager, ARCHIVE, { id: upcoming.id }), 'BAD_USER_INPUT');
    expect((await getClient(upcoming.id)).archivedAt).toBeNull();

    const endsToday = await createClient({ name: 'Ends Today Inc' });
    await createEvent({ clientId: endsToday.id, status: 'CONFIRMED', startDate: addDays(today(), -2), endDate: today() });
    expectCode(await refused(manager, ARCHIVE, { id: endsToday.id }), 'BAD_USER_INPUT');
    expect((await getClient(endsToday.id)).archivedAt).toBeNull();

    const pastOnly = await createClient({ name: 'Past And Pencilled Inc' });
    await createEvent({ clientId: pastOnly.id, status: 'CONFIRMED', startDate: addDays(today(), -20), endDate: addDays(today(), -19) });
    await createEvent({ clientId: pastOnly.id, status: 'TENTATIVE', startDate: addDays(today(), 20) });
    const archived = (await ok<{ archiveClient: ClientRow }>(manager, ARCHIVE, { id: pastOnly.id })).archiveClient;
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.version).toBeGreaterThan(pastOnly.version);
    expect((await getClient(pastOnly.id)).archivedAt).not.toBeNull();
  });

  it('an archived client cannot be chosen for a new event and is listed only with archived: true; unarchive brings it back', async () => {
    const client = await createClient({ name: 'Sleeping Beauty Events', email: 'sleep@beauty.example' });
    const archived = (await ok<{ archiveClient: ClientRow }>(manager, ARCHIVE, { id: client.id })).archiveClient;
    expect(archived.archivedAt).not.toBeNull();

    const errors = await refused(manager, CREATE_EVENT, {
      input: { title: 'For an archived client', startDate: addDays(today(), 15), endDate: addDays(today(), 15), clientId: client.id },
    });
    expectFieldProblem(errors, 'clientId');
    // Nor can an existing event be switched to it.
    const event = await createEvent({ title: 'Switch me' });
    const switched = await refused(
      manager,
      `mutation($id: ID!, $v: Int!, $clientId: ID) { updateProductionEvent(id: $id, expectedVersion: $v, input: { clientId: $clientId }) { event { id } } }`,
      { id: event.id, v: event.version, clientId: client.id },
    );
    expectFieldProblem(switched, 'clientId');

    expect((await listClients({ search: 'Sleeping Beauty' })).total).toBe(0);
    expect((await listClients({ search: 'sleep@beauty' })).total).toBe(0);
    expect((await listClients({ search: 'Sleeping Beauty', archived: true })).clients.map((c) => c.id)).toEqual([client.id]);

    const back = (await ok<{ unarchiveClient: ClientRow }>(manager, UNARCHIVE, { id: client.id })).unarchiveClient;
    expect(back.archivedAt).toBeNull();
    expect((await listClients({ search: 'Sleeping Beauty' })).clients.map((c) => c.id)).toEqual([client.id]);
    expect((await listClients({ search: 'Sleeping Beauty', archived: true })).total).toBe(0);
    const usable = await createEvent({ clientId: client.id, title: 'Welcome back' });
    expect(usable.client?.id).toBe(client.id);
  });
});

describe('stale client edits', () => {
  it('two managers editing different fields from the same version: both changes are applied', async () => {
    const client = await createClient({ name: 'Shared Desk', email: 'old@shared.example' });
    const [readByOne, readByTwo] = await Promise.all([getClient(client.id, manager), getClient(client.id, manager2)]);
    expect(readByOne.version).toBe(readByTwo.version);

    const first = (await ok<{ updateClient: ClientRow }>(manager, UPDATE_CLIENT, { id: client.id, v: readByOne.version, input: { name: 'Shared Desk Renamed' } }))
      .updateClient;
    expect(first.version).toBe(readByOne.version + 1);
    const second = (
      await ok<{ updateClient: ClientRow }>(manager2, UPDATE_CLIENT, { id: client.id, v: readByTwo.version, input: { email: 'new@shared.example' } })
    ).updateClient;
    expect(second).toMatchObject({ name: 'Shared Desk Renamed', email: 'new@shared.example', version: readByOne.version + 2 });
    expect(await getClient(client.id)).toMatchObject({ name: 'Shared Desk Renamed', email: 'new@shared.example' });
  });

  it('two managers changing the same field to different values: the second gets CONFLICT with the current version', async () => {
    const client = await createClient({ name: 'Contested Notes' });
    const version = client.version;
    const first = (await ok<{ updateClient: ClientRow }>(manager, UPDATE_CLIENT, { id: client.id, v: version, input: { notes: 'Load-in via gate 3' } })).updateClient;
    const errors = await refused(manager2, UPDATE_CLIENT, { id: client.id, v: version, input: { notes: 'Load-in via gate 7' } });
    const error = expectCode(errors, 'CONFLICT');
    expect(error.extensions?.currentVersion).toBe(first.version);
    expect(error.extensions?.conflictingFields).toEqual(['notes']);
    expect(await getClient(client.id)).toMatchObject({ notes: 'Load-in via gate 3', version: first.version });
  });

  it('a stale edit of the name still merges after an event confirmation bumped the version (state changed, not the name)', async () => {
    // The automatic state change bumps the version; an edit of the name from the older version still merges.
    const client = await createClient({ name: 'Bumped By Event' });
    await createEvent({ clientId: client.id, status: 'CONFIRMED' });
    const bumped = await getClient(client.id);
    expect(bumped.version).toBe(client.version + 1);
    const edited = (await ok<{ updateClient: ClientRow }>(manager2, UPDATE_CLIENT, { id: client.id, v: client.version, input: { name: 'Bumped And Renamed' } }))
      .updateClient;
    expect(edited).toMatchObject({ name: 'Bumped And Renamed', state: 'ACTIVE', version: bumped.version + 1 });
  });
});

describe('client permissions', () => {
  for (const who of ['engineer', 'storekeeper'] as const) {
    it(`${who} can read clients but gets FORBIDDEN on create, update, phone, state and archive`, async () => {
      const session = who === 'engineer' ? engineer : storekeeper;
      const client = await createClient({ name: `Seen By ${who}` });
      expect((await listClients({ search: `Seen By ${who}` }, undefined, session)).clients.map((c) => c.id)).toEqual([client.id]);
      expect((await getClient(client.id, session)).phone).toBe(client.phone);

      expectCode(await refused(session, CREATE_CLIENT, { input: { name: `Made By ${who}`, kind: 'PERSON', phone: spaced(freshNational()) } }), 'FORBIDDEN');
      expectCode(await refused(session, UPDATE_CLIENT, { id: client.id, v: client.version, input: { name: 'Hijacked' } }), 'FORBIDDEN');
      expectCode(await refused(session, CHANGE_PHONE, { id: client.id, phone: spaced(freshNational()) }), 'FORBIDDEN');
      expectCode(await refused(session, SET_STATE, { id: client.id, state: 'INACTIVE' }), 'FORBIDDEN');
      expectCode(await refused(session, ARCHIVE, { id: client.id }), 'FORBIDDEN');
      expectCode(await refused(session, UNARCHIVE, { id: client.id }), 'FORBIDDEN');

      expect(await getClient(client.id)).toMatchObject({ name: `Seen By ${who}`, phone: client.phone, state: 'POTENTIAL', archivedAt: null, version: client.version });
      expect((await listClients({ search: `Made By ${who}` })).total).toBe(0);
    });
  }

  it('refuses anonymous reads with UNAUTHENTICATED', async () => {
    expectCode(await refused(undefined, LIST, {}), 'UNAUTHENTICATED');
  });
});

const CLIENT_EVENTS = `query($id: ID!, $limit: Int) {
  client(id: $id) { id upcomingEvents(limit: $limit) { id title startDate endDate status } pastEvents(limit: $limit) { id title startDate endDate status } } }`;
const DELETE_EVENT = `mutation($id: ID!) { deleteProductionEvent(id: $id) { event { id deletedAt } } }`;

interface EventRefRow {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  status: string;
}

async function clientEvents(id: string, session = manager, limit?: number) {
  return (await ok<{ client: { upcomingEvents: EventRefRow[]; pastEvents: EventRefRow[] } }>(session, CLIENT_EVENTS, { id, limit })).client;
}

/** Signs in an account whose role may read clients but not events (made directly in the database). */
async function clientOnlyReader(): Promise<HttpSession> {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    const role = await db.query<{ id: string }>(`insert into role (name, permissions) values ('Client desk', '{client:read}') returning id`);
    await db.query(
      `insert into app_user (email, name, password_hash, role_id)
       select 'clientdesk@loadout.test', 'Clara Desk', password_hash, $1 from app_user where email = 'engineer@loadout.demo'`,
      [role.rows[0].id],
    );
  } finally {
    await db.end();
  }
  return signIn(t.url, 'clientdesk@loadout.test');
}

describe("a client's events", () => {
  it('upcoming (last day today or later) soonest first; past most recent first; deleted events left out', async () => {
    const client = await createClient({ name: 'Busy Calendar Ltd' });
    const later = await createEvent({ clientId: client.id, title: 'Later show', startDate: addDays(today(), 30), endDate: addDays(today(), 31) });
    const endsToday = await createEvent({ clientId: client.id, title: 'Ends today', startDate: addDays(today(), -1), endDate: today(), status: 'CONFIRMED' });
    const soon = await createEvent({ clientId: client.id, title: 'Soon show', startDate: addDays(today(), 3), endDate: addDays(today(), 3) });
    const lastWeek = await createEvent({ clientId: client.id, title: 'Last week', startDate: addDays(today(), -8), endDate: addDays(today(), -7) });
    const lastYear = await createEvent({ clientId: client.id, title: 'Last year', startDate: addDays(today(), -380), endDate: addDays(today(), -380) });
    const yesterday = await createEvent({ clientId: client.id, title: 'Yesterday', startDate: addDays(today(), -1), endDate: addDays(today(), -1) });
    const binned = await createEvent({ clientId: client.id, title: 'Binned show', startDate: addDays(today(), 5), endDate: addDays(today(), 5) });
    await ok(manager, DELETE_EVENT, { id: binned.id });
    // Another client's event is not this client's.
    await createEvent({ clientId: (await createClient({ name: 'Someone Else' })).id, title: 'Not mine', startDate: addDays(today(), 4) });

    const events = await clientEvents(client.id);
    expect(events.upcomingEvents.map((e) => e.id)).toEqual([endsToday.id, soon.id, later.id]);
    expect(events.upcomingEvents[0]).toEqual({ id: endsToday.id, title: 'Ends today', startDate: addDays(today(), -1), endDate: today(), status: 'CONFIRMED' });
    expect(events.pastEvents.map((e) => e.id)).toEqual([yesterday.id, lastWeek.id, lastYear.id]);
    expect(events.pastEvents[1]).toMatchObject({ title: 'Last week', startDate: addDays(today(), -8), endDate: addDays(today(), -7), status: 'DRAFT' });

    const limited = await clientEvents(client.id, manager, 2);
    expect(limited.upcomingEvents.map((e) => e.id)).toEqual([endsToday.id, soon.id]);
    expect(limited.pastEvents.map((e) => e.id)).toEqual([yesterday.id, lastWeek.id]);

    const none = await clientEvents((await createClient({ name: 'No Events Yet' })).id);
    expect(none).toMatchObject({ upcomingEvents: [], pastEvents: [] });
  });

  it('gives each client of a list its own events (one batch for the page)', async () => {
    const prefix = `Batch ${Date.now()}`;
    const a = await createClient({ name: `${prefix} A` });
    const b = await createClient({ name: `${prefix} B` });
    const c = await createClient({ name: `${prefix} C` });
    const forA = await createEvent({ clientId: a.id, title: 'For A', startDate: addDays(today(), 7) });
    const forB1 = await createEvent({ clientId: b.id, title: 'For B 1', startDate: addDays(today(), 9) });
    const forB2 = await createEvent({ clientId: b.id, title: 'For B 2', startDate: addDays(today(), 8) });
    const pastB = await createEvent({ clientId: b.id, title: 'For B past', startDate: addDays(today(), -9) });
    const list = await ok<{ clients: { clients: Array<{ id: string; upcomingEvents: EventRefRow[]; pastEvents: EventRefRow[] }> } }>(
      manager,
      `query($search: String) { clients(filter: { search: $search }) { clients { id upcomingEvents(limit: 5) { id } pastEvents { id } } } }`,
      { search: prefix },
    );
    expect(list.clients.clients).toEqual([
      { id: a.id, upcomingEvents: [{ id: forA.id }], pastEvents: [] },
      { id: b.id, upcomingEvents: [{ id: forB2.id }, { id: forB1.id }], pastEvents: [{ id: pastB.id }] },
      { id: c.id, upcomingEvents: [], pastEvents: [] },
    ]);
  });

  it('an engineer (event:read) sees them; a limit outside 1–100 is BAD_USER_INPUT naming limit', async () => {
    const client = await createClient({ name: 'Seen Events Co' });
    const event = await createEvent({ clientId: client.id, title: 'Visible to crew', startDate: addDays(today(), 12) });
    expect((await clientEvents(client.id, engineer)).upcomingEvents.map((e) => e.id)).toEqual([event.id]);
    expectFieldProblem(await refused(manager, CLIENT_EVENTS, { id: client.id, limit: 0 }), 'limit');
    expectFieldProblem(await refused(manager, CLIENT_EVENTS, { id: client.id, limit: 101 }), 'limit');
  });

  it('someone who may read clients but not events gets FORBIDDEN on the event lists, and the client without them', async () => {
    const client = await createClient({ name: 'Private Events Co', email: 'private@events.example' });
    await createEvent({ clientId: client.id, title: 'Not for the desk', startDate: addDays(today(), 14) });
    const desk = await clientOnlyReader();
    const error = expectCode(await refused(desk, CLIENT_EVENTS, { id: client.id }), 'FORBIDDEN');
    expect(error.message).toContain('event:read');
    for (const field of ['upcomingEvents', 'pastEvents']) {
      const response = await gql(t.url, desk, `query($id: ID!) { client(id: $id) { id ${field} { title } } }`, { id: client.id });
      expectCode(response.body!.errors, 'FORBIDDEN');
      expect(JSON.stringify(response.body)).not.toContain('Not for the desk');
    }
    expect((await getClient(client.id, desk)).email).toBe('private@events.example');
  });
});

const VENUE = 'id name address notes archivedAt version';
const CREATE_VENUE = `mutation($input: VenueInput!) { createVenue(input: $input) { ${VENUE} } }`;
const UPDATE_VENUE = `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { ${VENUE} } }`;
const VENUES = `query($search: String, $includeArchived: Boolean! = false) { venues(search: $search, includeArchived: $includeArchived) { ${VENUE} } }`;

describe('venues', () => {
  it('creates, edits and finds venues by part of the name', async () => {
    const venue = (await ok(manager, CREATE_VENUE, { input: { name: ' Crocus Test Hall ', address: 'Mezhdunarodnaya 20', notes: 'Gate 4' } })).createVenue;
    expect(venue).toMatchObject({ name: 'Crocus Test Hall', address: 'Mezhdunarodnaya 20', notes: 'Gate 4', archivedAt: null, version: 1 });
    const other = (await ok(manager, CREATE_VENUE, { input: { name: 'Green Theatre Test' } })).createVenue;

    const updated = (await ok(manager2, UPDATE_VENUE, { id: venue.id, input: { address: 'Mezhdunarodnaya 18', notes: null } })).updateVenue;
    expect(updated).toMatchObject({ name: 'Crocus Test Hall', address: 'Mezhdunarodnaya 18', notes: null, version: 2 });

    const found = (await ok(engineer, VENUES, { search: 'crocus TEST' })).venues;
    expect(found.map((v: { id: string }) => v.id)).toEqual([venue.id]);
    expect(found[0].address).toBe('Mezhdunarodnaya 18');
    const all = (await ok(engineer, VENUES, { search: 'test' })).venues.map((v: { id: string }) => v.id);
    expect(all).toEqual([venue.id, other.id]);

    expectFieldProblem(await refused(manager, CREATE_VENUE, { input: { name: '   ' } }), 'name');
  });

  it('an archived venue is hidden by default and refused for new events', async () => {
    const venue = (await ok(manager, CREATE_VENUE, { input: { name: 'Closed Arena Test' } })).createVenue;
    const usable = await createEvent({ venueId: venue.id, title: 'Before closing' });
    expect(usable.venue?.id).toBe(venue.id);

    const archived = (await ok(manager, UPDATE_VENUE, { id: venue.id, input: { archived: true } })).updateVenue;
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok(manager, VENUES, { search: 'Closed Arena' })).venues).toEqual([]);
    expect((await ok(manager, VENUES, { search: 'Closed Arena', includeArchived: true })).venues.map((v: { id: string }) => v.id)).toEqual([venue.id]);

    const errors = await refused(manager, CREATE_EVENT, {
      input: { title: 'At a closed arena', startDate: addDays(today(), 40), endDate: addDays(today(), 40), venueId: venue.id },
    });
    expectFieldProblem(errors, 'venueId');

    await ok(manager, UPDATE_VENUE, { id: venue.id, input: { archived: false } });
    expect((await ok(manager, VENUES, { search: 'Closed Arena' })).venues.map((v: { id: string }) => v.id)).toEqual([venue.id]);
  });

  it('engineer reads venues but gets FORBIDDEN on createVenue and updateVenue', async () => {
    const venue = (await ok(manager, CREATE_VENUE, { input: { name: 'Guarded Venue Test' } })).createVenue;
    expectCode(await refused(engineer, CREATE_VENUE, { input: { name: 'Engineer Venue' } }), 'FORBIDDEN');
    expectCode(await refused(engineer, UPDATE_VENUE, { id: venue.id, input: { name: 'Engineer Renamed' } }), 'FORBIDDEN');
    expect((await ok(engineer, VENUES, { search: 'Engineer' })).venues).toEqual([]);
    expect((await ok(engineer, VENUES, { search: 'Guarded Venue' })).venues[0].name).toBe('Guarded Venue Test');
  });
});

const ROLE = 'id name position retired version';
const CREW_ROLES = `query($includeRetired: Boolean! = false) { crewRoles(includeRetired: $includeRetired) { ${ROLE} } }`;
const CREATE_ROLE = `mutation($input: CrewRoleInput!) { createCrewRole(input: $input) { ${ROLE} } }`;
const UPDATE_ROLE = `mutation($id: ID!, $input: CrewRoleInput!) { updateCrewRole(id: $id, input: $input) { ${ROLE} } }`;
const ASSIGN = `mutation($eventId: ID!, $userId: ID!, $crewRoleId: ID!) {
  assignCrew(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId) { event { id crew { person { id } crewRole { id name } } } } }`;

describe('crew roles', () => {
  const SEEDED = ['Sound', 'Lighting', 'Video', 'Stagehand', 'Rigger', 'Show director', 'Designer'];

  it('lists the seven seeded roles in order to anyone who reads events', async () => {
    for (const session of [engineer, manager]) {
      const roles = (await ok(session, CREW_ROLES)).crewRoles as Array<{ name: string; position: number; retired: boolean }>;
      expect(roles.map((r) => r.name)).toEqual(SEEDED);
      expect(roles.every((r) => !r.retired)).toBe(true);
      const positions = roles.map((r) => r.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('admin creates a role; a duplicate name in any case is BAD_USER_INPUT; a manager gets FORBIDDEN', async () => {
    const created = (await ok(admin, CREATE_ROLE, { input: { name: 'Pyrotechnician', position: 80 } })).createCrewRole;
    expect(created).toMatchObject({ name: 'Pyrotechnician', position: 80, retired: false, version: 1 });
    expect((await ok(engineer, CREW_ROLES)).crewRoles.map((r: { name: string }) => r.name)).toEqual([...SEEDED, 'Pyrotechnician']);

    expectFieldProblem(await refused(admin, CREATE_ROLE, { input: { name: 'PYROTECHNICIAN' } }), 'name');
    expectFieldProblem(await refused(admin, CREATE_ROLE, { input: { name: 'sound' } }), 'name');
    expectFieldProblem(await refused(admin, UPDATE_ROLE, { id: created.id, input: { name: 'lighting' } }), 'name');

    expectCode(await refused(manager, CREATE_ROLE, { input: { name: 'Manager Made Role' } }), 'FORBIDDEN');
    expectCode(await refused(manager, UPDATE_ROLE, { id: created.id, input: { name: 'Renamed By Manager' } }), 'FORBIDDEN');
    const names = (await ok(admin, CREW_ROLES, { includeRetired: true })).crewRoles.map((r: { name: string }) => r.name);
    expect(names.filter((n: string) => n.toLowerCase() === 'pyrotechnician')).toEqual(['Pyrotechnician']);
    expect(names).not.toContain('Manager Made Role');
  });

  it('null for position or retired is ignored or refused as BAD_USER_INPUT, never an internal error', async () => {
    const role = (await ok(admin, CREATE_ROLE, { input: { name: 'Null Probe Role', position: 95 } })).createCrewRole;
    for (const input of [{ position: null }, { retired: null }]) {
      const response = await gql(t.url, admin, UPDATE_ROLE, { id: role.id, input });
      if (response.body?.errors) expectCode(response.body.errors, 'BAD_USER_INPUT');
      else expect(response.body?.data?.updateCrewRole).toMatchObject({ position: 95, retired: false });
    }
    const all = (await ok(admin, CREW_ROLES, { includeRetired: true })).crewRoles;
    expect(all.find((r: { id: string }) => r.id === role.id)).toMatchObject({ position: 95, retired: false });

    const created = await gql(t.url, admin, CREATE_ROLE, { input: { name: 'Null Position Role', position: null } });
    const listed = (await ok(admin, CREW_ROLES, { includeRetired: true })).crewRoles.find((r: { name: string }) => r.name === 'Null Position Role');
    if (created.body?.errors) {
      expectCode(created.body.errors, 'BAD_USER_INPUT');
      expect(listed).toBeUndefined();
    } else {
      expect(created.body?.data?.createCrewRole.position).toEqual(expect.any(Number));
      expect(listed).toBeDefined();
    }
  });

  it('a retired role is listed only with includeRetired and refused by assignCrew (field crewRoleId)', async () => {
    const role = (await ok(admin, CREATE_ROLE, { input: { name: 'Laser Operator', position: 90 } })).createCrewRole;
    const event = await createEvent({ title: 'Laser show', startDate: addDays(today(), 50), endDate: addDays(today(), 50) });
    const assigned = (await ok(manager, ASSIGN, { eventId: event.id, userId: engineerId, crewRoleId: role.id })).assignCrew;
    expect(assigned.event.crew).toEqual([{ person: { id: engineerId }, crewRole: { id: role.id, name: 'Laser Operator' } }]);

    const retired = (await ok(admin, UPDATE_ROLE, { id: role.id, input: { retired: true } })).updateCrewRole;
    expect(retired).toMatchObject({ retired: true, version: 2 });
    expect((await ok(manager, CREW_ROLES)).crewRoles.map((r: { id: string }) => r.id)).not.toContain(role.id);
    const withRetired = (await ok(manager, CREW_ROLES, { includeRetired: true })).crewRoles;
    expect(withRetired.find((r: { id: string }) => r.id === role.id)).toMatchObject({ name: 'Laser Operator', retired: true });

    expectFieldProblem(await refused(manager, ASSIGN, { eventId: event.id, userId: storekeeperId, crewRoleId: role.id }), 'crewRoleId');
    const crew = (await ok(manager, `query($id: ID!) { productionEvent(id: $id) { crew { person { id } } } }`, { id: event.id })).productionEvent.crew;
    expect(crew.map((m: { person: { id: string } }) => m.person.id)).toEqual([engineerId]);
  });
});

const SETTINGS = 'name timeZone weekStart defaultLanguage cutoverHour crewDoubleBooking phoneRegion version';
const GET_SETTINGS = `{ companySettings { ${SETTINGS} } }`;
const UPDATE_SETTINGS = `mutation($input: UpdateCompanySettingsInput!) { updateCompanySettings(input: $input) { ${SETTINGS} } }`;
const SETTINGS_JOURNAL = `{ journal(filter: { action: "settings.update" }) { total entries { objectType actor { email } changes { field oldValue newValue } } } }`;

describe('company settings', () => {
  async function current() {
    return (await ok(admin, GET_SETTINGS)).companySettings as Record<string, any>;
  }
  async function restore(original: Record<string, any>) {
    const { timeZone, cutoverHour, crewDoubleBooking, phoneRegion, weekStart, name, defaultLanguage } = original;
    await ok(admin, UPDATE_SETTINGS, { input: { timeZone, cutoverHour, crewDoubleBooking, phoneRegion, weekStart, name, defaultLanguage } });
    expect(await current()).toMatchObject({ timeZone, cutoverHour, crewDoubleBooking, phoneRegion });
  }

  it('are readable by any signed-in person (not anonymously), with the defaults', async () => {
    for (const session of [engineer, storekeeper, manager, admin]) {
      expect((await ok(session, GET_SETTINGS)).companySettings).toMatchObject({
        timeZone: 'Europe/Moscow',
        cutoverHour: 6,
        crewDoubleBooking: 'WARN',
        phoneRegion: 'RU',
      });
    }
    expectCode(await refused(undefined, GET_SETTINGS), 'UNAUTHENTICATED');
  });

  it('admin changes them, journaled as settings.update with old → new; appInfo shows the new time zone', async () => {
    const original = await current();
    const before = (await ok(admin, SETTINGS_JOURNAL)).journal.total as number;
    try {
      const updated = (await ok(admin, UPDATE_SETTINGS, { input: { timeZone: 'Asia/Yekaterinburg', cutoverHour: 4, crewDoubleBooking: 'BLOCK' } }))
        .updateCompanySettings;
      expect(updated).toMatchObject({ timeZone: 'Asia/Yekaterinburg', cutoverHour: 4, crewDoubleBooking: 'BLOCK', phoneRegion: original.phoneRegion });
      expect((await ok(engineer, GET_SETTINGS)).companySettings).toMatchObject({ timeZone: 'Asia/Yekaterinburg', cutoverHour: 4, crewDoubleBooking: 'BLOCK' });
      expect((await ok(undefined, '{ appInfo { timeZone } }')).appInfo.timeZone).toBe('Asia/Yekaterinburg');

      const journal = (await ok(admin, SETTINGS_JOURNAL)).journal;
      expect(journal.total).toBe(before + 1);
      expect(journal.entries[0].objectType).toBe('CompanySettings');
      expect(journal.entries[0].actor.email).toBe('admin@loadout.demo');
      expect(journal.entries[0].changes).toEqual(
        expect.arrayContaining([
          { field: 'timeZone', oldValue: original.timeZone, newValue: 'Asia/Yekaterinburg' },
          { field: 'cutoverHour', oldValue: original.cutoverHour, newValue: 4 },
          { field: 'crewDoubleBooking', oldValue: original.crewDoubleBooking, newValue: 'BLOCK' },
        ]),
      );
      expect(journal.entries[0].changes).toHaveLength(3);
    } finally {
      await restore(original);
    }
    expect((await ok(undefined, '{ appInfo { timeZone } }')).appInfo.timeZone).toBe(original.timeZone);
  });

  it('a manager gets FORBIDDEN and nothing changes', async () => {
    const original = await current();
    try {
      expectCode(await refused(manager, UPDATE_SETTINGS, { input: { crewDoubleBooking: 'ALLOW' } }), 'FORBIDDEN');
      expectCode(await refused(engineer, UPDATE_SETTINGS, { input: { crewDoubleBooking: 'ALLOW' } }), 'FORBIDDEN');
      expect(await current()).toEqual(original);
    } finally {
      await restore(original);
    }
  });

  it('refuses an unknown time zone (field timeZone) and a cut-over hour of 13 (field cutoverHour)', async () => {
    const original = await current();
    const before = (await ok(admin, SETTINGS_JOURNAL)).journal.total as number;
    try {
      expectFieldProblem(await refused(admin, UPDATE_SETTINGS, { input: { timeZone: 'Mars/Base' } }), 'timeZone');
      expectFieldProblem(await refused(admin, UPDATE_SETTINGS, { input: { cutoverHour: 13 } }), 'cutoverHour');
      expectFieldProblem(await refused(admin, UPDATE_SETTINGS, { input: { cutoverHour: -1 } }), 'cutoverHour');
      // A valid change sent together with an invalid one is not applied either.
      expectFieldProblem(await refused(admin, UPDATE_SETTINGS, { input: { timeZone: 'Mars/Base', crewDoubleBooking: 'ALLOW' } }), 'timeZone');
      expect(await current()).toEqual(original);
      expect((await ok(admin, SETTINGS_JOURNAL)).journal.total).toBe(before);
      expect((await ok(undefined, '{ appInfo { timeZone } }')).appInfo.timeZone).toBe(original.timeZone);
    } finally {
      await restore(original);
    }
  });

  it('null for the company name is ignored or refused as BAD_USER_INPUT (field name), never an internal error', async () => {
    const original = await current();
    try {
      const response = await gql(t.url, admin, UPDATE_SETTINGS, { input: { name: null } });
      if (response.body?.errors) expectFieldProblem(response.body.errors, 'name');
      else expect(response.body?.data?.updateCompanySettings.name).toBe(original.name);
      expect((await current()).name).toBe(original.name);
    } finally {
      await restore(original);
    }
  });

  it('phoneRegion decides how phones without a country code are read', async () => {
    const original = await current();
    try {
      await ok(admin, UPDATE_SETTINGS, { input: { phoneRegion: 'US' } });
      const american = await createClient({ name: 'Region Test US', phone: '(202) 555-0143' });
      expect(american.phone).toBe('+12025550143');
      expect((await listClients({ search: '202-555-0143' })).clients.map((c) => c.id)).toEqual([american.id]);
      expectFieldProblem(await refused(admin, UPDATE_SETTINGS, { input: { phoneRegion: 'XX' } }), 'phoneRegion');
    } finally {
      await restore(original);
    }
    const national = freshNational();
    expect((await createClient({ name: 'Region Test RU', phone: domestic(national) })).phone).toBe(e164(national));
  });
});
