import ical, { type VEvent } from 'node-ical';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCrew, changeStatus, createEvent, deleteEvent } from './support/events.js';
import { HttpSession, signIn, startTestServer, type TestServer } from './support/harness.js';

let t: TestServer;
let manager: HttpSession;
let engineer: HttpSession;
let engineerId: string;
let otherEngineerId: string;
let url: string;

async function feed(address: string): Promise<{ status: number; type: string | null; events: VEvent[] }> {
  const response = await fetch(address);
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, type: response.headers.get('content-type'), events: [] };
  const parsed = ical.sync.parseICS(text);
  return { status: 200, type: response.headers.get('content-type'), events: Object.values(parsed).filter((c): c is VEvent => c.type === 'VEVENT') };
}

beforeAll(async () => {
  t = await startTestServer();
  manager = await signIn(t.url, 'manager@loadout.demo');
  engineer = await signIn(t.url, 'engineer@loadout.demo');
  engineerId = (await engineer.request<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
  const other = await signIn(t.url, 'engineer2@loadout.demo');
  otherEngineerId = (await other.request<{ me: { id: string } }>('{ me { id } }')).data!.me.id;

  const roles = await manager.request<{ crewRoles: Array<{ id: string; name: string }> }>('{ crewRoles { id name } }');
  const sound = roles.data!.crewRoles.find((r) => r.name === 'Sound')!.id;
  const venue = await manager.request<{ createVenue: { id: string } }>('mutation { createVenue(input: { name: "Crocus Hall", address: "Mezhdunarodnaya 20, Krasnogorsk" }) { id } }');
  const venueId = venue.data!.createVenue.id;

  const festival = await createEvent(manager, { title: 'Summer Sound Festival', startDate: '2026-12-04', endDate: '2026-12-06', venueId, status: 'CONFIRMED' });
  await assignCrew(manager, { eventId: festival.event.id, userId: engineerId, crewRoleId: sound });
  await createEvent(manager, { title: 'Evening gala', startDate: '2026-12-10', endDate: '2026-12-10', startTime: '19:00', endTime: '23:30', seniorEngineerId: engineerId, status: 'TENTATIVE' });
  const cancelled = await createEvent(manager, { title: 'Called-off concert', startDate: '2026-12-12', endDate: '2026-12-12', seniorEngineerId: engineerId });
  await changeStatus(manager, cancelled.event.id, cancelled.event.version, 'CANCELLED');
  const trashed = await createEvent(manager, { title: 'Trashed show', startDate: '2026-12-14', endDate: '2026-12-14', seniorEngineerId: engineerId });
  await deleteEvent(manager, trashed.event.id);
  await createEvent(manager, { title: 'Somebody else’s show', startDate: '2026-12-15', endDate: '2026-12-15', seniorEngineerId: otherEngineerId });
});
afterAll(() => t?.stop());

describe('personal calendar feed', () => {
  it('makes a secret link shown once; only its hash is stored', async () => {
    expect((await engineer.request('{ myCalendarFeed { active } }')).data).toEqual({ myCalendarFeed: { active: false } });
    const made = await engineer.request<{ regenerateMyCalendarFeed: { url: string } }>('mutation { regenerateMyCalendarFeed { url } }');
    url = made.data!.regenerateMyCalendarFeed.url;
    expect(url).toMatch(new RegExp(`^${t.url}/ical/[\\w-]{32}\\.ics$`));
    expect((await engineer.request('{ myCalendarFeed { active } }')).data).toEqual({ myCalendarFeed: { active: true } });
    const token = url.split('/ical/')[1].replace('.ics', '');
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    const { rows } = await db.query('select ical_token_hash from app_user where id = $1', [engineerId]);
    await db.end();
    expect(rows[0].ical_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].ical_token_hash).not.toContain(token);
  });

  it("lists the person's assignments with title, dates, venue address, role and status, valid for an iCal parser", async () => {
    const { status, type, events } = await feed(url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/calendar/);
    const byTitle = new Map(events.map((e) => [String(e.summary).replace(/ \(.*\)$/, ''), e]));
    expect([...byTitle.keys()].sort()).toEqual(['Called-off concert', 'Evening gala', 'Summer Sound Festival']);

    const festival = byTitle.get('Summer Sound Festival')!;
    expect(festival.summary).toBe('Summer Sound Festival (Sound)');
    // All-day: dates, the end exclusive.
    expect(festival.datetype).toBe('date');
    expect(festival.start.toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(festival.end!.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect(festival.location).toBe('Crocus Hall, Mezhdunarodnaya 20, Krasnogorsk');
    expect(festival.description).toContain('Role: Sound');
    expect(festival.description).toContain('Status: Confirmed');
    expect(festival.status).toBe('CONFIRMED');

    const gala = byTitle.get('Evening gala')!;
    expect(gala.summary).toBe('Evening gala (Senior engineer)');
    expect(gala.datetype).toBe('date-time');
    // 19:00–23:30 in Moscow (UTC+3), written in UTC.
    expect(gala.start.toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(gala.end!.toISOString()).toBe('2026-12-10T20:30:00.000Z');
    expect(gala.status).toBe('TENTATIVE');
    expect(byTitle.get('Called-off concert')!.status).toBe('CANCELLED');

    const text = await (await fetch(url)).text();
    expect(text).toMatch(/DTSTART;VALUE=DATE:20261204\r?\n/);
    expect(text).toMatch(/DTSTART:20261210T160000Z\r?\n/);
  });

  it('regenerating replaces the link; revoking makes it 404', async () => {
    const again = await engineer.request<{ regenerateMyCalendarFeed: { url: string } }>('mutation { regenerateMyCalendarFeed { url } }');
    const fresh = again.data!.regenerateMyCalendarFeed.url;
    expect(fresh).not.toBe(url);
    expect((await feed(url)).status).toBe(404);
    expect((await feed(fresh)).status).toBe(200);
    expect((await engineer.request('mutation { revokeMyCalendarFeed }')).data).toEqual({ revokeMyCalendarFeed: true });
    expect((await feed(fresh)).status).toBe(404);
    expect((await engineer.request('{ myCalendarFeed { active } }')).data).toEqual({ myCalendarFeed: { active: false } });
    expect((await feed(`${t.url}/ical/not-a-token.ics`)).status).toBe(404);
  });
});
