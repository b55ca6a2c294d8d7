import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, expectNoLeak } from './support/contract.js';
import {
  assignCrew,
  changeStatus,
  createEvent,
  crewRoleId,
  deleteEvent,
  signInAs,
  type Account,
  type CreateEventInput,
  type ProductionEvent,
} from './support/events.js';
import { collect, liveClient, startTestServer, type TestServer } from './support/harness.js';
import { category, checkIn, checkOut, item, must as mustData, setLine } from './support/equipment.js';

// Reports (SPEC §8) over real HTTP on a real PostgreSQL: a small fixture built through the API,
// every figure computed by hand below. Counting rules (also in the schema descriptions):
//  - events count when their SHOW days (startDate..endDate) touch the period; event-days are the show
//    days inside it; events in the trash never count; cancelled ones only in their status row and
//    the `cancelled` columns;
//  - crew workload counts the RESERVED days (prep and return included) of non-cancelled events, for
//    everyone an event occupies (crew, senior engineer, manager), each calendar day once per person.

const FROM = '2030-03-10';
const TO = '2030-03-20';

let t: TestServer;
let manager: Account; // M1
let manager2: Account; // M2
let engineer: Account; // X
let engineer2: Account; // Y
let crew1: Account; // Z
let clientA: { id: string; name: string };
let clientB: { id: string; name: string };
const FORMULA_NAME = '=HYPERLINK("http://evil.example","Click") Sound Co';

const REPORTS = `query($from: Date!, $to: Date!) { reports(from: $from, to: $to) {
  from to
  events {
    events eventDays cancelled
    byStatus { status events eventDays }
    byClient { clientId clientName events eventDays cancelled }
    byManager { manager { id name } events eventDays cancelled }
  }
  crewWorkload { person { id name } roles events days }
} }`;

interface ReportsAnswer {
  from: string;
  to: string;
  events: {
    events: number;
    eventDays: number;
    cancelled: number;
    byStatus: Array<{ status: string; events: number; eventDays: number }>;
    byClient: Array<{ clientId: string | null; clientName: string | null; events: number; eventDays: number; cancelled: number }>;
    byManager: Array<{ manager: { id: string; name: string } | null; events: number; eventDays: number; cancelled: number }>;
  };
  crewWorkload: Array<{ person: { id: string; name: string }; roles: string[]; events: number; days: number }>;
}

async function createClient(account: Account, name: string, phone: string) {
  const response = await account.session.request(`mutation($input: CreateClientInput!) { createClient(input: $input) { id name } }`, {
    input: { name, kind: 'COMPANY', phone },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createClient as { id: string; name: string };
}

function download(cookie: string | undefined, query: string) {
  return fetch(`${t.url}/api/reports.xlsx?${query}`, { headers: cookie ? { cookie } : {} });
}

beforeAll(async () => {
  t = await startTestServer({ countStatements: true });
  [manager, manager2, engineer, engineer2, crew1] = await Promise.all(
    ['manager', 'manager2', 'engineer', 'engineer2', 'storekeeper'].map((name) => signInAs(t.url, `${name}@loadout.demo`)),
  );
  clientA = await createClient(manager, 'Acme Festivals', '+7 916 555-00-01');
  clientB = await createClient(manager, FORMULA_NAME, '+7 916 555-00-02');
  const [sound, light] = await Promise.all([crewRoleId(manager.session, 'Sound'), crewRoleId(manager.session, 'Lighting')]);
  const make = (input: Partial<CreateEventInput> & Pick<CreateEventInput, 'title' | 'startDate' | 'endDate'>) =>
    createEvent(manager.session, { status: 'DRAFT', ...input }).then((result) => result.event);

  // E1 crosses the start of the period: show days 10–12 inside (3).
  const e1 = await make({ title: 'E1 spans the start', startDate: '2030-03-08', endDate: '2030-03-12', status: 'CONFIRMED', clientId: clientA.id, managerId: manager.id });
  // E2 inside, one show day, one prep day (reserved 11–12).
  const e2 = await make({ title: 'E2 inside', startDate: '2030-03-12', endDate: '2030-03-12', prepDays: 1, status: 'TENTATIVE', clientId: clientA.id, managerId: manager2.id });
  // E3 crosses the end: show days 19–20 inside (2).
  const e3 = await make({ title: 'E3 spans the end', startDate: '2030-03-19', endDate: '2030-03-23', status: 'CONFIRMED', clientId: clientB.id, managerId: manager.id });
  // E4 cancelled: 15–16.
  let e4: ProductionEvent = await make({ title: 'E4 cancelled', startDate: '2030-03-15', endDate: '2030-03-16', status: 'CONFIRMED', clientId: clientB.id, managerId: manager2.id });
  // E5 deleted: 14.
  const e5 = await make({ title: 'E5 deleted', startDate: '2030-03-14', endDate: '2030-03-14', clientId: clientA.id, managerId: manager.id });
  // E6 shows after the period, but its two prep days (19–20) are inside it.
  const e6 = await make({ title: 'E6 after, prep inside', startDate: '2030-03-21', endDate: '2030-03-22', prepDays: 2, clientId: clientA.id, managerId: manager.id });
  // E7 without a client, Y as its senior engineer: 17–18.
  await make({ title: 'E7 no client', startDate: '2030-03-17', endDate: '2030-03-18', managerId: manager2.id, seniorEngineerId: engineer2.id });
  // An event entirely outside the period, and one in another year: never counted.
  await make({ title: 'Before', startDate: '2030-03-01', endDate: '2030-03-05', clientId: clientA.id, managerId: manager.id });

  // X: Sound on E1 (10–12) and Lighting on E2 (11–12): the same days twice, counted once → 3 days.
  await assignCrew(manager.session, { eventId: e1.id, userId: engineer.id, crewRoleId: sound });
  await assignCrew(manager.session, { eventId: e2.id, userId: engineer.id, crewRoleId: light });
  // … and on E4 (cancelled later) and E5 (deleted later): not counted.
  await assignCrew(manager.session, { eventId: e4.id, userId: engineer.id, crewRoleId: sound });
  await assignCrew(manager.session, { eventId: e5.id, userId: engineer.id, crewRoleId: sound });
  // Y: Sound on E3 (19–20 inside) and on E6 (prep 19–20): 2 days; plus senior engineer on E7 (17–18) → 4 days.
  await assignCrew(manager.session, { eventId: e3.id, userId: engineer2.id, crewRoleId: sound });
  await assignCrew(manager.session, { eventId: e6.id, userId: engineer2.id, crewRoleId: sound });
  // Z only on the cancelled event: not in the workload at all.
  e4 = (await assignCrew(manager.session, { eventId: e4.id, userId: crew1.id, crewRoleId: light })).event;

  await changeStatus(manager.session, e4.id, e4.version, 'CANCELLED');
  await deleteEvent(manager.session, e5.id);
});
afterAll(() => t?.stop());

async function reportsOf(account: Account, from = FROM, to = TO) {
  const response = await account.session.request<{ reports: ReportsAnswer }>(REPORTS, { from, to });
  return response;
}

describe('reports', () => {
  it('counts events by status, client and manager as computed by hand', async () => {
    const response = await reportsOf(manager);
    expect(response.errors).toBeUndefined();
    const { events } = response.data!.reports;
    expect(events.byStatus).toEqual([
      { status: 'DRAFT', events: 1, eventDays: 2 }, // E7
      { status: 'TENTATIVE', events: 1, eventDays: 1 }, // E2
      { status: 'CONFIRMED', events: 2, eventDays: 5 }, // E1 3 + E3 2
      { status: 'IN_PROGRESS', events: 0, eventDays: 0 },
      { status: 'COMPLETED', events: 0, eventDays: 0 },
      { status: 'CANCELLED', events: 1, eventDays: 2 }, // E4
    ]);
    expect({ events: events.events, eventDays: events.eventDays, cancelled: events.cancelled }).toEqual({ events: 4, eventDays: 8, cancelled: 1 });
    expect(events.byClient).toEqual([
      { clientId: clientA.id, clientName: 'Acme Festivals', events: 2, eventDays: 4, cancelled: 0 }, // E1 3 + E2 1
      { clientId: clientB.id, clientName: FORMULA_NAME, events: 1, eventDays: 2, cancelled: 1 }, // E3 2; E4 cancelled
      { clientId: null, clientName: null, events: 1, eventDays: 2, cancelled: 0 }, // E7
    ]);
    expect(events.byManager).toEqual([
      { manager: { id: manager2.id, name: manager2.name }, events: 2, eventDays: 3, cancelled: 1 }, // E2 1 + E7 2; E4
      { manager: { id: manager.id, name: manager.name }, events: 2, eventDays: 5, cancelled: 0 }, // E1 3 + E3 2
    ]);
  });

  it('counts crew workload days once per person and day, prep days included, cancelled and deleted events left out', async () => {
    const { crewWorkload } = (await reportsOf(manager)).data!.reports;
    const byPerson = new Map(crewWorkload.map((row) => [row.person.id, row]));
    expect(byPerson.get(engineer.id)).toMatchObject({ roles: ['Lighting', 'Sound'], events: 2, days: 3 });
    expect(byPerson.get(engineer2.id)).toMatchObject({ roles: ['Senior engineer', 'Sound'], events: 3, days: 4 });
    // M1: E1 10–12, E3 19–20, E6 prep 19–20 (the same days) → 5 days, 3 events.
    expect(byPerson.get(manager.id)).toMatchObject({ roles: ['Manager'], events: 3, days: 5 });
    // M2: E2 11–12, E7 17–18 → 4 days; E4 cancelled.
    expect(byPerson.get(manager2.id)).toMatchObject({ roles: ['Manager'], events: 2, days: 4 });
    expect(byPerson.has(crew1.id)).toBe(false);
    expect(crewWorkload).toHaveLength(4);
    expect(crewWorkload.map((row) => row.days)).toEqual([5, 4, 4, 3]);
  });

  it('clips to the period edges: a one-day period inside E1 and E6 prep', async () => {
    const response = await reportsOf(manager, '2030-03-20', '2030-03-20');
    const { events, crewWorkload } = response.data!.reports;
    expect(events.byStatus.find((s) => s.status === 'CONFIRMED')).toEqual({ status: 'CONFIRMED', events: 1, eventDays: 1 }); // E3 only
    expect(events.events).toBe(1);
    const days = Object.fromEntries(crewWorkload.map((row) => [row.person.id, [row.events, row.days]]));
    expect(days).toEqual({ [manager.id]: [2, 1], [engineer2.id]: [2, 1] }); // E3 and E6's prep day
  });

  it('runs a constant number of statements whatever the period', async () => {
    const statements = async (from: string, to: string) => {
      const response = await reportsOf(manager, from, to);
      expect(response.errors).toBeUndefined();
      return t.server.statementsOf(response.headers.get('x-request-id')!);
    };
    const small = await statements('2030-03-20', '2030-03-20');
    const large = await statements('2029-06-01', '2031-05-31');
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(4); // session, events, workload (+ session touch)
  });

  it('refuses without reports:read, without a session, and for bad periods', async () => {
    expectCode((await reportsOf(engineer)).errors, 'FORBIDDEN');
    const anonymous = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REPORTS, variables: { from: FROM, to: TO } }),
    });
    expectCode(((await anonymous.json()) as { errors: [] }).errors, 'UNAUTHENTICATED');
    const backwards = await reportsOf(manager, TO, FROM);
    expect(expectCode(backwards.errors, 'BAD_USER_INPUT').extensions).toMatchObject({ fields: [{ field: 'to' }] });
    expectCode((await reportsOf(manager, '2030-01-01', '2032-12-31')).errors, 'BAD_USER_INPUT');
  });
});

// Equipment utilisation and repairs over 2030-04-01..2030-04-10 (company time zone Europe/Moscow).
// The store's services stamp movements and repairs with the current time; the fixture moves those
// stamps to known days afterwards (noon Moscow time), so every figure below is computed by hand.
const GEAR_FROM = '2030-04-01';
const GEAR_TO = '2030-04-10';
const GEAR_REPORTS = `query($from: Date!, $to: Date!) { reports(from: $from, to: $to) {
  equipmentUtilisation { byItem { itemId code name categoryPath days pieceDays events } byCategory { categoryId categoryPath days pieceDays } }
  repairs { opened returned writtenOff openAtEnd averageDaysToRepair medianDaysToRepair faultsPerDay byDay { date opened } }
} }`;

describe('equipment utilisation and repairs', () => {
  const ids: Record<string, string> = {};
  const sql = (text: string, params: unknown[]) => t.server.orm.em.fork().execute(text, params);
  const noon = (day: string) => `${day} 12:00:00+03`;

  beforeAll(async () => {
    const store = crew1.session; // the storekeeper: catalogue, check-out/in, repairs
    const sound = await category(store, 'Звук');
    const mics = await category(store, 'Микрофоны', sound);
    const light = await category(store, 'Свет');
    Object.assign(ids, { sound, mics, light });
    const cab = await item(store, { code: 'CAB', name: 'Кабель XLR', categoryId: sound, kind: 'BULK', quantity: 100 });
    const mic = await item(store, { code: 'MIC', name: 'Микрофон', categoryId: mics, kind: 'BULK', quantity: 20 });
    const par = await item(store, { code: 'PAR', name: 'Прожектор PAR', categoryId: light, kind: 'BULK', quantity: 20 });
    const spare = await item(store, { code: 'SPARE', name: 'Запасной блок', categoryId: light, kind: 'BULK', quantity: 50 });
    Object.assign(ids, { cab: cab.id, mic: mic.id, par: par.id });
    const make = (input: Partial<CreateEventInput> & Pick<CreateEventInput, 'title' | 'startDate' | 'endDate'>) =>
      createEvent(manager.session, { status: 'CONFIRMED', managerId: null, ...input }).then((result) => result.event);
    const line = async (eventId: string, itemId: string, quantity: number) => expect((await setLine(manager.session, eventId, itemId, quantity)).errors).toBeUndefined();
    const move = async (direction: 'out' | 'in', eventId: string, itemId: string, quantity: number, day: string) => {
      const result = await (direction === 'out' ? checkOut : checkIn)(store, { eventId, itemId, quantity });
      expect(result.errors).toBeUndefined();
      await sql(`update equipment_movement set at = ?::timestamptz where id = (select max(id) from equipment_movement where event_id = ? and item_id = ?)`, [noon(day), eventId, itemId]);
    };

    // A, 2–4 April: CAB 10 checked out on the 2nd and all back on the 5th → 4 days, 40 piece-days;
    // MIC 4 never checked out → its reserved days 2–4 → 3 days, 12 piece-days.
    const a = await make({ title: 'Gear A', startDate: '2030-04-02', endDate: '2030-04-04' });
    await line(a.id, cab.id, 10);
    await line(a.id, mic.id, 4);
    await move('out', a.id, cab.id, 10, '2030-04-02');
    await move('in', a.id, cab.id, 10, '2030-04-05');
    // B, 4–6 April with a prep day (reserved 3–6): CAB 5 never checked out → 4 days, 20 piece-days;
    // PAR 6 checked out on the 5th, only 4 back on the 7th → out to the end of the period: 5–10, 6 days, 36 piece-days.
    const b = await make({ title: 'Gear B', startDate: '2030-04-04', endDate: '2030-04-06', prepDays: 1 });
    await line(b.id, cab.id, 5);
    await line(b.id, par.id, 6);
    await move('out', b.id, par.id, 6, '2030-04-05');
    await move('in', b.id, par.id, 4, '2030-04-07');
    // C cancelled (CAB 30) and E in the trash (PAR 10): never counted.
    const c = await make({ title: 'Gear C cancelled', startDate: '2030-04-07', endDate: '2030-04-08' });
    await line(c.id, cab.id, 30);
    const cancelled = await mustData(manager.session, 'query($id: ID!) { productionEvent(id: $id) { version } }', { id: c.id });
    await changeStatus(manager.session, c.id, cancelled.productionEvent.version, 'CANCELLED');
    const e = await make({ title: 'Gear E trashed', startDate: '2030-04-08', endDate: '2030-04-08' });
    await line(e.id, par.id, 10);
    await deleteEvent(manager.session, e.id);
    // D, 28 March – 1 April: CAB 3 reserved, only the 1st inside → 1 day, 3 piece-days.
    const d = await make({ title: 'Gear D', startDate: '2030-03-28', endDate: '2030-04-01' });
    await line(d.id, cab.id, 3);

    // Repairs: [opened, closed, outcome]. Days to repair of those RETURNED in the period: 3, 1, 6, 5.
    const repairs: Array<[string, string | null, 'RETURNED' | 'WRITTEN_OFF' | null]> = [
      ['2030-04-02', '2030-04-05', 'RETURNED'], // 3 days
      ['2030-04-03', '2030-04-04', 'RETURNED'], // 1 day
      ['2030-04-03', '2030-04-09', 'RETURNED'], // 6 days
      ['2030-03-30', '2030-04-04', 'RETURNED'], // opened before the period: 5 days, not an opening in it
      ['2030-04-06', '2030-04-08', 'WRITTEN_OFF'], // written off: not a repair time
      ['2030-04-09', null, null], // still open
      ['2030-04-12', null, null], // opened after the period
      ['2030-04-01', '2030-04-12', 'RETURNED'], // returned after the period: open at its end
    ];
    for (const [opened, closed, outcome] of repairs) {
      const repair = await mustData(store, 'mutation($id: ID) { openRepair(input: { itemId: $id, quantity: 1, reason: "Не включается", problemKind: "power" }) { id } }', { id: spare.id });
      const id = repair.openRepair.id as string;
      if (outcome) await mustData(store, 'mutation($id: ID!, $outcome: RepairStatus!) { closeRepair(id: $id, outcome: $outcome) { id } }', { id, outcome });
      await sql(`update repair set opened_at = ?::timestamptz, closed_at = ?::timestamptz where id = ?`, [noon(opened), closed ? noon(closed) : null, id]);
    }
  });

  it('counts days out per item and per category as computed by hand: check-outs first, else reserved days', async () => {
    const response = await manager.session.request<any>(GEAR_REPORTS, { from: GEAR_FROM, to: GEAR_TO });
    expect(response.errors).toBeUndefined();
    const { byItem, byCategory } = response.data!.reports.equipmentUtilisation;
    expect(byItem).toEqual([
      // CAB: A 2–5, B 3–6, D 1 → days 1–6 = 6; piece-days 40 + 20 + 3.
      { itemId: ids.cab, code: 'CAB', name: 'Кабель XLR', categoryPath: 'Звук', days: 6, pieceDays: 63, events: 3 },
      { itemId: ids.par, code: 'PAR', name: 'Прожектор PAR', categoryPath: 'Свет', days: 6, pieceDays: 36, events: 1 },
      { itemId: ids.mic, code: 'MIC', name: 'Микрофон', categoryPath: 'Звук / Микрофоны', days: 3, pieceDays: 12, events: 1 },
    ]);
    expect(byCategory).toEqual([
      { categoryId: ids.sound, categoryPath: 'Звук', days: 6, pieceDays: 63 },
      { categoryId: ids.light, categoryPath: 'Свет', days: 6, pieceDays: 36 },
      { categoryId: ids.mics, categoryPath: 'Звук / Микрофоны', days: 3, pieceDays: 12 },
    ]);
    // A one-day period on the 7th: only PAR (still 2 pieces out) → 1 day, 6 piece-days.
    const seventh = (await manager.session.request<any>(GEAR_REPORTS, { from: '2030-04-07', to: '2030-04-07' })).data!.reports.equipmentUtilisation;
    expect(seventh.byItem).toEqual([{ itemId: ids.par, code: 'PAR', name: 'Прожектор PAR', categoryPath: 'Свет', days: 1, pieceDays: 6, events: 1 }]);
  });

  it('counts repairs opened, returned, written off and still open, with average and median days to repair and faults per day', async () => {
    const { repairs } = (await manager.session.request<any>(GEAR_REPORTS, { from: GEAR_FROM, to: GEAR_TO })).data!.reports;
    expect(repairs).toMatchObject({
      opened: 6, // 1st, 2nd, 3rd ×2, 6th, 9th
      returned: 4,
      writtenOff: 1,
      openAtEnd: 2, // opened on the 9th, and the one returned on the 12th
      averageDaysToRepair: 3.75, // (3 + 1 + 6 + 5) / 4
      medianDaysToRepair: 4, // 1, 3, 5, 6 → (3 + 5) / 2
      faultsPerDay: 0.6, // 6 / 10 days
    });
    const opened: Record<string, number> = { '2030-04-01': 1, '2030-04-02': 1, '2030-04-03': 2, '2030-04-06': 1, '2030-04-09': 1 };
    expect(repairs.byDay).toEqual(Array.from({ length: 10 }, (_, index) => {
      const date = `2030-04-${String(index + 1).padStart(2, '0')}`;
      return { date, opened: opened[date] ?? 0 };
    }));
    // No returned repair in a period: no average or median, not zero; the two never closed are still open.
    const quiet = (await manager.session.request<any>(GEAR_REPORTS, { from: '2030-05-01', to: '2030-05-02' })).data!.reports.repairs;
    expect(quiet).toMatchObject({ opened: 0, returned: 0, averageDaysToRepair: null, medianDaysToRepair: null, faultsPerDay: 0, openAtEnd: 2 });
  });

  it('puts the same numbers in the workbook, one sheet each', async () => {
    const answer = (await manager.session.request<any>(GEAR_REPORTS, { from: GEAR_FROM, to: GEAR_TO })).data!.reports;
    const response = await download(manager.session.cookie, `from=${GEAR_FROM}&to=${GEAR_TO}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const { byItem, byCategory } = answer.equipmentUtilisation;
    expect(rowsOf('Equipment utilisation')).toEqual([
      ['Category', 'Code', 'Item', 'Days out', 'Piece-days', 'Events'],
      ...byCategory.map((c: any) => [c.categoryPath, '', '(whole category)', c.days, c.pieceDays, '']),
      ...byItem.map((i: any) => [i.categoryPath, i.code, i.name, i.days, i.pieceDays, i.events]),
    ]);
    const repairs = rowsOf('Repairs');
    expect(repairs.slice(0, 8)).toEqual([
      ['Figure', 'Value'],
      ['Opened (faults reported)', 6],
      ['Returned to stock', 4],
      ['Written off', 1],
      ['Open at the end of the period', 2],
      ['Average days to repair', 3.75],
      ['Median days to repair', 4],
      ['Faults per day', 0.6],
    ]);
    expect(repairs.slice(8)).toEqual(answer.repairs.byDay.map((day: any) => [`Opened on ${day.date}`, day.opened]));
  });

  it('needs reports:read', async () => {
    expectCode((await engineer.session.request(GEAR_REPORTS, { from: GEAR_FROM, to: GEAR_TO })).errors, 'FORBIDDEN');
  });
});

describe('reports.xlsx', () => {
  it('downloads the same numbers as the GraphQL answer, one sheet per report, formula-looking text made inert', async () => {
    const answer = (await reportsOf(manager)).data!.reports;
    const response = await download(manager.session.cookie, `from=${FROM}&to=${TO}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`loadout-reports-${FROM}_${TO}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Events by status', 'Events by client', 'Events by manager', 'Crew workload', 'Equipment utilisation', 'Repairs']);

    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(rowsOf('Summary')).toEqual([
      ['Figure', 'Value'],
      ['From', FROM],
      ['To', TO],
      ['Events (not cancelled)', answer.events.events],
      ['Event days', answer.events.eventDays],
      ['Cancelled events', answer.events.cancelled],
    ]);
    const labels: Record<string, string> = { DRAFT: 'Draft', TENTATIVE: 'Tentative', CONFIRMED: 'Confirmed', IN_PROGRESS: 'In progress', COMPLETED: 'Completed', CANCELLED: 'Cancelled' };
    expect(rowsOf('Events by status')).toEqual([['Status', 'Events', 'Event days'], ...answer.events.byStatus.map((s) => [labels[s.status], s.events, s.eventDays])]);
    expect(rowsOf('Events by client')).toEqual([
      ['Client', 'Events', 'Event days', 'Cancelled'],
      ...answer.events.byClient.map((c) => [c.clientName === FORMULA_NAME ? `'${FORMULA_NAME}` : (c.clientName ?? '(no client)'), c.events, c.eventDays, c.cancelled]),
    ]);
    expect(rowsOf('Events by manager')).toEqual([
      ['Manager', 'Events', 'Event days', 'Cancelled'],
      ...answer.events.byManager.map((m) => [m.manager!.name, m.events, m.eventDays, m.cancelled]),
    ]);
    expect(rowsOf('Crew workload')).toEqual([
      ['Person', 'Roles', 'Events', 'Days'],
      ...answer.crewWorkload.map((w) => [w.person.name, w.roles.join(', '), w.events, w.days]),
    ]);

    // The formula-looking client name is a plain text cell, never a formula; numbers carry a number format.
    const clientCell = workbook.getWorksheet('Events by client')!.getCell('A3');
    expect(clientCell.type).toBe(ExcelJS.ValueType.String);
    expect(clientCell.value).toBe(`'${FORMULA_NAME}`);
    const sheet = workbook.getWorksheet('Events by status')!;
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('refuses with the error contract: no session 401, no permission 403, bad dates 400', async () => {
    const anonymous = await download(undefined, `from=${FROM}&to=${TO}`);
    expect(anonymous.status).toBe(401);
    expectCode(((await anonymous.json()) as { errors: [] }).errors, 'UNAUTHENTICATED');

    const forbidden = await download(engineer.session.cookie, `from=${FROM}&to=${TO}`);
    expect(forbidden.status).toBe(403);
    const body = await forbidden.text();
    expectNoLeak(body);
    expect(expectCode(JSON.parse(body).errors, 'FORBIDDEN').extensions).toMatchObject({ permission: 'reports:read' });

    const bad = await download(manager.session.cookie, `from=2030-02-30&to=${TO}`);
    expect(bad.status).toBe(400);
    expect(expectCode(((await bad.json()) as { errors: [] }).errors, 'BAD_USER_INPUT').extensions).toMatchObject({ fields: [{ field: 'from' }] });
    const missing = await download(manager.session.cookie, `from=${FROM}`);
    expect(missing.status).toBe(400);
  });
});

describe('dashboard', () => {
  const DASHBOARD = `{ dashboard {
    today
    week { from to byStatus { status events eventDays } }
    month { from to byStatus { status events eventDays } }
    todayEvents { id title status }
    upcomingEvents { id title startDate }
    busyToday { person { id } days }
    problems { kind message link event { id } otherEvent { id } person { id } fromDate toDate }
  } }`;

  const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const span = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

  it('shows this week and month by status, today and upcoming events, who is busy today and open problems', async () => {
    const today = ((await manager.session.request('{ dashboard { today } }')).data!.dashboard as { today: string }).today;
    const sound = await crewRoleId(manager.session, 'Sound');
    const make = (input: Partial<CreateEventInput> & Pick<CreateEventInput, 'title' | 'startDate' | 'endDate'>) =>
      createEvent(manager.session, { status: 'CONFIRMED', managerId: manager.id, ...input }).then((result) => result.event);

    const d1 = await make({ title: 'D1 today', startDate: today, endDate: plus(today, 1) });
    await assignCrew(manager.session, { eventId: d1.id, userId: engineer.id, crewRoleId: sound });
    const d2 = await make({ title: 'D2 in three days', startDate: plus(today, 3), endDate: plus(today, 3), status: 'TENTATIVE', managerId: manager2.id });
    const d3 = await make({ title: 'D3 cancelled today', startDate: today, endDate: today, managerId: manager2.id });
    await changeStatus(manager.session, d3.id, d3.version, 'CANCELLED');
    // Y on two events the same day: one double booking, listed once though both events carry it.
    const d4 = await make({ title: 'D4 clash a', startDate: plus(today, 2), endDate: plus(today, 2), managerId: manager2.id });
    const d5 = await make({ title: 'D5 clash b', startDate: plus(today, 2), endDate: plus(today, 2), status: 'DRAFT' });
    await assignCrew(manager.session, { eventId: d4.id, userId: engineer2.id, crewRoleId: sound });
    await assignCrew(manager.session, { eventId: d5.id, userId: engineer2.id, crewRoleId: sound });
    const d6 = await make({ title: 'D6 truck', startDate: plus(today, 5), endDate: plus(today, 5), problemNote: 'The truck is not booked', managerId: manager2.id });
    const d7 = await make({ title: 'D7 in the trash', startDate: today, endDate: today, managerId: manager2.id });
    await deleteEvent(manager.session, d7.id);

    const response = await manager.session.request(DASHBOARD);
    expect(response.errors).toBeUndefined();
    const dashboard = response.data!.dashboard;

    expect(dashboard.todayEvents.map((e: { title: string }) => e.title)).toEqual(['D1 today']);
    expect(dashboard.upcomingEvents.map((e: { title: string }) => e.title)).toEqual(['D4 clash a', 'D5 clash b', 'D2 in three days', 'D6 truck']);
    // X is crew on D1, M1 manages D1; M2's only event today (D3) is cancelled and D7 is in the trash.
    const busy = Object.fromEntries(dashboard.busyToday.map((b: { person: { id: string }; days: string[] }) => [b.person.id, b.days]));
    expect(busy).toEqual({ [engineer.id]: [today], [manager.id]: [today] });

    // The equipment kinds have a test of their own below.
    expect(dashboard.problems.filter((problem: { kind: string }) => problem.kind === 'CREW_CONFLICT' || problem.kind === 'MANUAL')).toEqual([
      {
        kind: 'CREW_CONFLICT',
        message: expect.stringContaining(engineer2.name),
        link: `/events/${d4.id}`,
        event: { id: d4.id },
        otherEvent: { id: d5.id },
        person: { id: engineer2.id },
        fromDate: plus(today, 2),
        toDate: plus(today, 2),
      },
      { kind: 'MANUAL', message: 'The truck is not booked', link: `/events/${d6.id}`, event: { id: d6.id }, otherEvent: null, person: null, fromDate: null, toDate: null },
    ]);

    // Week and month: show days inside the period of every fixture event that touches it (D7 deleted: never).
    const fixture = [
      { status: 'CONFIRMED', from: today, to: plus(today, 1) },
      { status: 'TENTATIVE', from: plus(today, 3), to: plus(today, 3) },
      { status: 'CANCELLED', from: today, to: today },
      { status: 'CONFIRMED', from: plus(today, 2), to: plus(today, 2) },
      { status: 'DRAFT', from: plus(today, 2), to: plus(today, 2) },
      { status: 'CONFIRMED', from: plus(today, 5), to: plus(today, 5) },
    ];
    for (const period of [dashboard.week, dashboard.month] as Array<{ from: string; to: string; byStatus: Array<{ status: string; events: number; eventDays: number }> }>) {
      expect(period.from <= today && today <= period.to).toBe(true);
      const expected = new Map<string, { events: number; eventDays: number }>();
      for (const event of fixture) {
        const from = event.from > period.from ? event.from : period.from;
        const to = event.to < period.to ? event.to : period.to;
        if (from > to) continue;
        const figure = expected.get(event.status) ?? { events: 0, eventDays: 0 };
        expected.set(event.status, { events: figure.events + 1, eventDays: figure.eventDays + span(from, to) });
      }
      for (const figure of period.byStatus) expect(figure, figure.status).toEqual({ status: figure.status, ...(expected.get(figure.status) ?? { events: 0, eventDays: 0 }) });
    }
    expect(span(dashboard.week.from, dashboard.week.to)).toBe(7);
    expect(dashboard.month.from.endsWith('-01')).toBe(true);
    expect(dashboard.month.from.slice(0, 7)).toBe(today.slice(0, 7));
    expect(plus(dashboard.month.to, 1).endsWith('-01')).toBe(true);
    // The company week starts on Monday by default.
    expect(new Date(`${dashboard.week.from}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('shows gear out and in repair, and links shortages, unreturned gear and open repairs to their places', async () => {
    const EQUIPMENT = `{ dashboard { today equipment { piecesOut piecesInRepair openRepairs eventsWithUnreturnedGear }
      problems { kind message link repairId fromDate toDate event { id } } } }`;
    type Answer = { today: string; equipment: { piecesOut: number; piecesInRepair: number; openRepairs: number; eventsWithUnreturnedGear: number }; problems: Array<{ kind: string; message: string; link: string; repairId: string | null; fromDate: string | null; toDate: string | null; event: { id: string } | null }> };
    const read = async () => {
      const response = await manager.session.request<{ dashboard: Answer }>(EQUIPMENT);
      expect(response.errors).toBeUndefined();
      return response.data!.dashboard;
    };
    const before = await read();
    const today = before.today;
    const store = crew1.session;
    const shelf = await category(store, 'Склад для сводки');
    const boxes = await item(store, { code: 'DASH-BOX', name: 'Ящик сцены', categoryId: shelf, kind: 'BULK', quantity: 10 });
    const make = (title: string, startDate: string, endDate = startDate) =>
      createEvent(manager.session, { title, startDate, endDate, status: 'CONFIRMED', managerId: null }).then((result) => result.event);
    const line = async (eventId: string, quantity: number) =>
      expect((await setLine(manager.session, eventId, boxes.id, quantity, 'Берём в субаренду')).errors).toBeUndefined();

    // P ended three days ago: 4 boxes out, 1 back → 3 not returned.
    const past = await make('Dash past', plus(today, -5), plus(today, -3));
    await line(past.id, 4);
    expect((await checkOut(store, { eventId: past.id, itemId: boxes.id, quantity: 4 })).errors).toBeUndefined();
    expect((await checkIn(store, { eventId: past.id, itemId: boxes.id, quantity: 1 })).errors).toBeUndefined();
    // Q and R in two days want 8 + 5 of 10 (9 once one is in repair): a shortage on both.
    const q = await make('Dash Q', plus(today, 2));
    const r = await make('Dash R', plus(today, 2));
    await line(q.id, 8);
    await line(r.id, 5);
    // Q's gear already out (2 boxes): out, but not late.
    expect((await checkOut(store, { eventId: q.id, itemId: boxes.id, quantity: 2 })).errors).toBeUndefined();
    const repair = (await mustData(store, 'mutation($id: ID) { openRepair(input: { itemId: $id, quantity: 1, reason: "Сломана ручка", problemKind: "case" }) { id } }', { id: boxes.id })).openRepair;

    const after = await read();
    expect(after.equipment).toEqual({
      piecesOut: before.equipment.piecesOut + 3 + 2,
      piecesInRepair: before.equipment.piecesInRepair + 1,
      openRepairs: before.equipment.openRepairs + 1,
      eventsWithUnreturnedGear: before.equipment.eventsWithUnreturnedGear + 1,
    });
    const added = after.problems.filter((problem) => !before.problems.some((old) => JSON.stringify(old) === JSON.stringify(problem)));
    expect(added).toEqual([
      { kind: 'EQUIPMENT_NOT_RETURNED', message: 'Not returned: Ящик сцены × 3', link: `/events/${past.id}`, repairId: null, fromDate: null, toDate: null, event: { id: past.id } },
      { kind: 'OPEN_REPAIR', message: 'In repair: Ящик сцены × 1 — Сломана ручка', link: '/equipment?tab=repairs', repairId: repair.id, fromDate: today, toDate: null, event: null },
      { kind: 'EQUIPMENT_SHORTAGE', message: expect.stringContaining('Ящик сцены: 13 reserved but 9 available'), link: `/events/${q.id}`, repairId: null, fromDate: plus(today, 2), toDate: plus(today, 2), event: { id: q.id } },
      { kind: 'EQUIPMENT_SHORTAGE', message: expect.stringContaining('Ящик сцены: 13 reserved but 9 available'), link: `/events/${r.id}`, repairId: null, fromDate: plus(today, 2), toDate: plus(today, 2), event: { id: r.id } },
    ]);

    // Everything back: the late gear is no longer a problem and no longer out.
    expect((await checkIn(store, { eventId: past.id, itemId: boxes.id, quantity: 3 })).errors).toBeUndefined();
    const back = await read();
    expect(back.equipment.piecesOut).toBe(before.equipment.piecesOut + 2);
    expect(back.equipment.eventsWithUnreturnedGear).toBe(before.equipment.eventsWithUnreturnedGear);
    expect(back.problems.some((problem) => problem.kind === 'EQUIPMENT_NOT_RETURNED' && problem.event?.id === past.id)).toBe(false);

    // Without equipment:read: no store figures and no equipment problems.
    const admin = await signInAs(t.url, 'admin@loadout.demo');
    const role = await admin.session.request('mutation { createRole(input: { name: "Reports without the store", permissions: ["reports:read", "event:read"] }) { id } }');
    expect(role.errors).toBeUndefined();
    await t.server.staff.createUser(null, { email: 'reports-only@example.com', name: 'Только отчёты', password: 'a-good-password', roleName: 'Reports without the store' });
    const reader = await signInAs(t.url, 'reports-only@example.com', 'a-good-password');
    const limited = (await reader.session.request<{ dashboard: Answer }>(EQUIPMENT)).data!.dashboard;
    expect(limited.equipment).toBeNull();
    expect(limited.problems.filter((problem) => problem.kind !== 'CREW_CONFLICT' && problem.kind !== 'MANUAL')).toEqual([]);
  });

  it('storeChanged tells an open dashboard about check-outs, check-ins and repairs, over a real WebSocket; it needs equipment:read', async () => {
    const store = crew1.session;
    const shelf = await category(store, 'Живая полка');
    const cases = await item(store, { code: 'LIVE-CASE', name: 'Кейс', categoryId: shelf, kind: 'BULK', quantity: 30 });
    const show = (await createEvent(manager.session, { title: 'Live store', startDate: '2030-09-01', endDate: '2030-09-01', status: 'CONFIRMED', managerId: null })).event;
    expect((await setLine(manager.session, show.id, cases.id, 10)).errors).toBeUndefined();
    const live = liveClient(t.wsUrl, { cookie: manager.session.cookie });
    const feed = collect<{ storeChanged: { seq: number; action: string } }>(live, 'subscription { storeChanged { seq action } }');
    try {
      // The subscription may not run on the server yet: open repairs until one arrives.
      for (let attempt = 0; feed.received.length === 0; attempt++) {
        if (attempt === 20) throw new Error('no storeChanged arrived');
        await mustData(store, 'mutation($id: ID) { openRepair(input: { itemId: $id, quantity: 1, reason: "Проба", problemKind: "probe" }) { id } }', { id: cases.id });
        await feed.until(() => feed.received.length > 0, 1_000, 'a repair change').catch(() => undefined);
      }
      const seen = feed.received.length;
      // An event change that is not a store change does not arrive; the check-out and check-in do, in order.
      expect((await setLine(manager.session, show.id, cases.id, 12)).errors).toBeUndefined();
      expect((await checkOut(store, { eventId: show.id, itemId: cases.id, quantity: 2 })).errors).toBeUndefined();
      expect((await checkIn(store, { eventId: show.id, itemId: cases.id, quantity: 2 })).errors).toBeUndefined();
      await feed.until(() => feed.received.length >= seen + 2, 10_000, 'check-out and check-in');
      const after = feed.received.slice(seen).map((message) => message.data!.storeChanged);
      expect(after.map((change) => change.action)).toEqual(['equipment.check_out', 'equipment.check_in']);
      expect(after[1].seq).toBeGreaterThan(after[0].seq);
    } finally {
      feed.dispose();
      await live.dispose();
    }

    // Without equipment:read the subscription is refused.
    const reader = await signInAs(t.url, 'reports-only@example.com', 'a-good-password');
    const refusedClient = liveClient(t.wsUrl, { cookie: reader.session.cookie });
    const refused = collect(refusedClient, 'subscription { storeChanged { seq } }');
    try {
      await refused.until(() => refused.received.length > 0 || refused.completed, 10_000, 'the refusal');
      expectCode(refused.received[0]?.errors ?? (refused.failure as never), 'FORBIDDEN');
    } finally {
      refused.dispose();
      await refusedClient.dispose();
    }
  });

  it('needs reports:read and event:read', async () => {
    expect(expectCode((await engineer.session.request('{ dashboard { today } }')).errors, 'FORBIDDEN').extensions).toMatchObject({ permission: 'reports:read' });
  });
});
