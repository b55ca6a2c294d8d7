import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';
import { category, item, must, setLine, unit } from './support/equipment.js';

// The packing list PDF (issue 7, Paperwork) over real HTTP: gear built through the API, the PDF's
// text extracted back with pdf.js must carry the Cyrillic names, quantities, serials, the
// sub-rental and the extra delivery.

let t: TestServer;
let manager: HttpSession;
let store: HttpSession;
let eventId: string;
let emptyEventId: string;

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const entry of content.items) if ('str' in entry) parts.push(entry.str);
  }
  await pdf.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

const packingList = (session: HttpSession | null, id: string, lang = 'ru') =>
  fetch(`${t.url}/api/events/${id}/packing-list.pdf?lang=${lang}`, { headers: session?.cookie ? { cookie: session.cookie } : {} });

beforeAll(async () => {
  t = await startTestServer();
  [manager, store] = await Promise.all(['manager', 'storekeeper'].map((name) => signIn(t.url, `${name}@loadout.demo`)));
  const sound = await category(store, 'Звук');
  const mics = await category(store, 'Микрофоны', sound);
  const light = await category(store, 'Свет');
  const sm58 = await item(store, { code: 'SM-58', name: 'Микрофон Shure SM58', categoryId: mics, kind: 'SERIALISED' });
  const units = [];
  for (const serial of ['ШУР-001', 'ШУР-002', 'ШУР-003']) units.push(await unit(store, sm58.id, serial));
  const cable = await item(store, { code: 'XLR-10', name: 'Кабель XLR 10 м', categoryId: sound, kind: 'BULK', quantity: 50 });
  const par = await item(store, { code: 'PAR-64', name: 'Прожектор PAR 64', categoryId: light, kind: 'BULK', quantity: 20 });
  const created = await must(manager, 'mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }', {
    input: { title: 'Фестиваль «Ладога»', startDate: '2030-07-10', endDate: '2030-07-12', status: 'CONFIRMED' },
  });
  eventId = created.createProductionEvent.event.id;
  for (const [itemId, quantity] of [[sm58.id, 2], [cable.id, 24], [par.id, 12]] as const) expect((await setLine(manager, eventId, itemId, quantity)).errors).toBeUndefined();
  await must(manager, 'mutation($e: ID!, $i: ID!, $u: [ID!]!) { pickEventUnits(eventId: $e, itemId: $i, unitIds: $u) { equipment { eventId } } }', {
    e: eventId,
    i: sm58.id,
    u: [units[0].id, units[2].id],
  });
  await must(manager, 'mutation($e: ID!, $i: ID!) { addExtraDelivery(eventId: $e, itemId: $i, quantity: 6, reason: "Второй сценический комплект", date: "2030-07-11") { equipment { eventId } } }', {
    e: eventId,
    i: par.id,
  });
  await must(manager, 'mutation($e: ID!, $input: SubRentalInput!) { addSubRental(eventId: $e, input: $input) { equipment { eventId } } }', {
    e: eventId,
    input: { supplier: 'ООО «Прокат-Юг»', description: 'Генератор 100 кВт', quantity: 1, fromDate: '2030-07-10', toDate: '2030-07-12' },
  });
  const empty = await must(manager, 'mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }', {
    input: { title: 'Пустое событие', startDate: '2030-07-20', endDate: '2030-07-20', status: 'DRAFT' },
  });
  emptyEventId = empty.createProductionEvent.event.id;
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('packing list PDF', () => {
  it('lists gear by category with quantities and picked serials, the extra delivery and the sub-rental — Cyrillic intact', async () => {
    const response = await packingList(manager, eventId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await response.arrayBuffer());
    for (const expected of [
      'Упаковочный лист',
      'Фестиваль «Ладога»',
      'Звук / Микрофоны',
      'Свет',
      'Микрофон Shure SM58 2 ШУР-001, ШУР-003',
      'Кабель XLR 10 м 24',
      'Прожектор PAR 64 12',
      'Всего штук: 38',
      'Довозы',
      '2030-07-11 PAR-64 Прожектор PAR 64 6 Второй сценический комплект',
      'Субаренда',
      'ООО «Прокат-Юг» Генератор 100 кВт 1 2030-07-10 – 2030-07-12',
    ]) {
      expect(text).toContain(expected);
    }
    // The unit that was not picked is not on the list.
    expect(text).not.toContain('ШУР-002');
  });

  it('uses English labels when asked and says when there is no gear', async () => {
    const text = await pdfText(await (await packingList(manager, emptyEventId, 'en')).arrayBuffer());
    expect(text).toContain('Packing list');
    expect(text).toContain('Пустое событие');
    expect(text).toContain('No gear on the list.');
  });

  it('needs a session with event:read and equipment:read, a valid id and an existing event', async () => {
    const anonymous = await packingList(null, eventId);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const admin = await signIn(t.url, 'admin@loadout.demo');
    await must(admin, 'mutation { createRole(input: { name: "Events only", permissions: ["event:read"] }) { id } }');
    await t.server.staff.createUser(null, { email: 'events-only@example.com', name: 'Без склада', password: 'a-good-password', roleName: 'Events only' });
    const eventsOnly = await signIn(t.url, 'events-only@example.com', 'a-good-password');
    const refused = await packingList(eventsOnly, eventId);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await fetch(`${t.url}/api/events/${eventId}/call-sheet.pdf`, { headers: { cookie: eventsOnly.cookie! } })).status).toBe(200);
    const missing = await packingList(manager, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const bad = await packingList(manager, 'not-an-id');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
