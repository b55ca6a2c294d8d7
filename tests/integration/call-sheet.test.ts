import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';

let test: TestServer;
let manager: HttpSession;
let eventId: string;

async function ok<T = any>(session: HttpSession, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await session.request<T>(query, variables);
  if (response.errors) throw new Error(response.errors[0].message);
  return response.data!;
}

/** Every text item of every page, joined by spaces, as a PDF reader extracts it. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await pdf.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  test = await startTestServer();
  manager = await signIn(test.url, 'manager@loadout.demo');
  const admin = await signIn(test.url, 'admin@loadout.demo');
  const engineer = await test.server.staff.createUser(null, { email: 'petr@example.com', name: 'Пётр Звукорежиссёров', phone: '+79161234567', password: 'a-good-password', roleName: 'Engineer' });
  const client = await ok(manager, 'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
    input: { name: 'ООО «Северное сияние»', kind: 'COMPANY', phone: '+7 812 555-77-11', contactPerson: 'Мария Петровна', email: 'maria@example.com' },
  });
  const venue = await ok(admin, 'mutation($input: VenueInput!) { createVenue(input: $input) { id } }', {
    input: { name: 'ДК Ленсовета', address: 'Санкт-Петербург, Каменноостровский пр., 42' },
  });
  const roles = await ok(manager, '{ crewRoles { id name } }');
  const created = await ok(manager, 'mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }', {
    input: {
      title: 'Концерт «Белые ночи»',
      startDate: '2030-06-20',
      endDate: '2030-06-21',
      startTime: '19:00',
      endTime: '23:00',
      prepDays: 1,
      status: 'CONFIRMED',
      clientId: client.createClient.id,
      venueId: venue.createVenue.id,
      notes: 'Вход для бригады со двора, пропуск на имя менеджера.',
    },
  });
  eventId = created.createProductionEvent.event.id;
  await ok(manager, 'mutation($e: ID!, $u: ID!, $r: ID!) { assignCrew(eventId: $e, userId: $u, crewRoleId: $r) { event { id } } }', {
    e: eventId,
    u: engineer.id,
    r: roles.crewRoles[0].id,
  });
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

describe('call sheet PDF', () => {
  it('prints the event, dates and times, venue and address, client contact, crew with roles and phones, and notes — Cyrillic intact', async () => {
    const response = await fetch(`${test.url}/api/events/${eventId}/call-sheet.pdf?lang=ru`, { headers: { cookie: manager.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await response.arrayBuffer());
    for (const expected of [
      'Вызывной лист',
      'Концерт «Белые ночи»',
      '2030-06-20 – 2030-06-21',
      '19:00 – 23:00',
      'ДК Ленсовета',
      'Санкт-Петербург, Каменноостровский пр., 42',
      'ООО «Северное сияние»',
      'Мария Петровна',
      '+78125557711',
      'Пётр Звукорежиссёров',
      '+79161234567',
      'Вход для бригады со двора, пропуск на имя менеджера.',
    ]) {
      expect(text).toContain(expected);
    }
    const roles = await ok(manager, '{ crewRoles { name } }');
    expect(text).toContain(roles.crewRoles[0].name);
  });

  it('uses English labels when asked', async () => {
    const response = await fetch(`${test.url}/api/events/${eventId}/call-sheet.pdf?lang=en`, { headers: { cookie: manager.cookie! } });
    const text = await pdfText(await response.arrayBuffer());
    expect(text).toContain('Call sheet');
    expect(text).toContain('Пётр Звукорежиссёров');
  });

  it('needs a session with event:read, a valid id and an existing event', async () => {
    const anonymous = await fetch(`${test.url}/api/events/${eventId}/call-sheet.pdf`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const missing = await fetch(`${test.url}/api/events/00000000-0000-4000-8000-000000000000/call-sheet.pdf`, { headers: { cookie: manager.cookie! } });
    expect(missing.status).toBe(404);
    const bad = await fetch(`${test.url}/api/events/not-an-id/call-sheet.pdf`, { headers: { cookie: manager.cookie! } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
