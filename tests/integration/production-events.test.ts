import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, signIn, startTestServer, type TestServer } from './support/harness.js';
import { expectCode, expectFieldProblem } from './support/contract.js';
import {
  acknowledge,
  addDays,
  assignCrew,
  changeStatus,
  createEvent,
  crewConflictsOf,
  crewRoleId,
  deleteEvent,
  duplicateEvent,
  EVENT_DOCUMENTS,
  getEvent,
  journalOf,
  listEvents,
  moveEvent,
  restoreEvent,
  setCrewRole,
  signInAs,
  STATUSES,
  tryAcknowledge,
  tryAssignCrew,
  tryBusyPeople,
  tryChangeStatus,
  tryCreateEvent,
  tryCrewSchedule,
  tryDeleteEvent,
  tryDuplicateEvent,
  tryGetEvent,
  tryListEvents,
  tryMoveEvent,
  tryRestoreEvent,
  trySetCrewRole,
  tryUnassignCrew,
  tryUpdateEvent,
  unassignCrew,
  updateEvent,
  updateSettings,
  type Account,
  type CreateEventInput,
  type EventStatus,
  type ProductionEvent,
} from './support/events.js';

// The server runs in this process: pin it to UTC, so that only the company time zone can decide days.
process.env.TZ = 'UTC';

// Warnings the server in this process gives (pg's, for instance), from before it starts: Node gives
// each deprecation once per process.
const warnings: Error[] = [];
process.on('warning', (warning) => warnings.push(warning));

/*
 * Events, crew and conflicts over HTTP (issue 3). Every test uses its own month(s) of 2030 so that
 * tests do not see each other's events; events are created with no responsible manager unless the
 * test is about managers (the creator would otherwise be "on" every event and conflict everywhere).
 */

let t: TestServer;
let admin: Account;
let manager: Account;
let manager2: Account;
let engineer: Account;
let engineer2: Account;
let storekeeper: Account;
let sound: string;
let lighting: string;
let rigger: string;

beforeAll(async () => {
  t = await startTestServer();
  [admin, manager, manager2, engineer, engineer2, storekeeper] = await Promise.all(
    ['admin', 'manager', 'manager2', 'engineer', 'engineer2', 'storekeeper'].map((name) => signInAs(t.url, `${name}@loadout.demo`)),
  );
  [sound, lighting, rigger] = await Promise.all(['Sound', 'Lighting', 'Rigger'].map((name) => crewRoleId(manager.session, name)));
});
afterAll(async () => {
  await t?.stop();
});

/** An event that nobody is on until the test puts someone on it. */
function unmanaged(input: CreateEventInput, session: HttpSession = manager.session) {
  return createEvent(session, { managerId: null, ...input });
}

const crewOf = (event: ProductionEvent) => event.crew.map((member) => ({ person: member.person.id, role: member.crewRole.name }));
const ids = (events: Array<{ id: string }>) => events.map((event) => event.id);
const sorted = <T>(values: readonly T[]) => [...values].sort();

async function companySettings(session: HttpSession) {
  const response = await session.request('{ companySettings { timeZone crewDoubleBooking cutoverHour } }');
  expect(response.errors).toBeUndefined();
  return response.data!.companySettings as { timeZone: string; crewDoubleBooking: string; cutoverHour: number };
}

async function latestSeq(): Promise<number> {
  const response = await admin.session.request('{ journal(page: { limit: 1 }) { entries { seq } } }');
  return response.data!.journal.entries[0]?.seq ?? 0;
}

describe('busy that day', () => {
  it('a person put on two events sharing a day: the conflict comes back, both events show it, moving away clears it, resizing back raises it', async () => {
    const alpha = await unmanaged({ title: 'Busy alpha', startDate: '2030-01-10', endDate: '2030-01-12' });
    const beta = await unmanaged({ title: 'Busy beta', startDate: '2030-01-12', endDate: '2030-01-13' });
    expect(alpha.conflicts).toEqual([]);
    expect(beta.conflicts).toEqual([]);

    const first = await assignCrew(manager.session, { eventId: alpha.event.id, userId: engineer.id, crewRoleId: sound });
    expect(first.conflicts).toEqual([]);
    expect(crewOf(first.event)).toEqual([{ person: engineer.id, role: 'Sound' }]);

    const second = await assignCrew(manager.session, { eventId: beta.event.id, userId: engineer.id, crewRoleId: lighting });
    expect(second.conflicts).toEqual([
      {
        person: { id: engineer.id, name: engineer.name },
        event: { id: beta.event.id, title: 'Busy beta', startDate: '2030-01-12', endDate: '2030-01-13', status: 'DRAFT' },
        otherEvent: { id: alpha.event.id, title: 'Busy alpha', startDate: '2030-01-10', endDate: '2030-01-12', status: 'DRAFT' },
        fromDate: '2030-01-12',
        toDate: '2030-01-12',
      },
    ]);
    expect(crewOf(second.event)).toEqual([{ person: engineer.id, role: 'Lighting' }]);
    expect(crewConflictsOf(second.event)).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: alpha.event.id } }]);

    // Both events show the problem, read one by one and through the calendar window.
    const problemOf = (otherId: string) => [{ person: { id: engineer.id }, otherEvent: { id: otherId }, fromDate: '2030-01-12', toDate: '2030-01-12' }];
    expect(crewConflictsOf(await getEvent(manager.session, alpha.event.id))).toMatchObject(problemOf(beta.event.id));
    expect(crewConflictsOf(await getEvent(manager.session, beta.event.id))).toMatchObject(problemOf(alpha.event.id));
    const window = await listEvents(manager.session, '2030-01-01', '2030-01-31');
    expect(ids(window)).toEqual([alpha.event.id, beta.event.id]);
    expect(crewConflictsOf(window[0])).toMatchObject(problemOf(beta.event.id));
    expect(crewConflictsOf(window[1])).toMatchObject(problemOf(alpha.event.id));
    expect(window[0].problems[0].message).toContain('Busy beta');

    // The crew schedule and the crew picker see the double booking too.
    const schedule = await tryCrewSchedule(manager.session, '2030-01-10', '2030-01-14');
    expect(schedule.errors).toBeUndefined();
    const row = schedule.data!.find((r) => r.person.id === engineer.id)!;
    expect(row.conflictDays).toEqual(['2030-01-12']);
    expect(row.entries).toMatchObject([
      { event: { id: alpha.event.id }, roleName: 'Sound', fromDate: '2030-01-10', toDate: '2030-01-12' },
      { event: { id: beta.event.id }, roleName: 'Lighting', fromDate: '2030-01-12', toDate: '2030-01-13' },
    ]);
    const lightingOnly = await tryCrewSchedule(manager.session, '2030-01-10', '2030-01-14', lighting);
    expect(lightingOnly.errors).toBeUndefined();
    expect(lightingOnly.data!.map((r) => r.person.id)).toEqual([engineer.id]);
    const busy = await tryBusyPeople(manager.session, '2030-01-10', '2030-01-14');
    expect(busy.errors).toBeUndefined();
    const engineerBusy = busy.data!.find((b) => b.person.id === engineer.id)!;
    expect(engineerBusy.days).toEqual(['2030-01-10', '2030-01-11', '2030-01-12', '2030-01-13']);
    expect(sorted(ids(engineerBusy.events))).toEqual(sorted([alpha.event.id, beta.event.id]));

    // Moving beta away removes the problem from both events.
    const moved = await moveEvent(manager.session, beta.event.id, second.event.version, '2030-01-20', '2030-01-21');
    expect(moved.event).toMatchObject({ startDate: '2030-01-20', endDate: '2030-01-21' });
    expect(moved.conflicts).toEqual([]);
    expect(crewConflictsOf(moved.event)).toEqual([]);
    expect(crewConflictsOf(await getEvent(manager.session, alpha.event.id))).toEqual([]);

    // The day after is not a shared day.
    const adjacent = await moveEvent(manager.session, beta.event.id, moved.event.version, '2030-01-13', '2030-01-14');
    expect(adjacent.conflicts).toEqual([]);
    expect(crewConflictsOf(adjacent.event)).toEqual([]);

    // Dragging its first edge back onto the shared day (a resize) raises the conflict again.
    const resized = await moveEvent(manager.session, beta.event.id, adjacent.event.version, '2030-01-12', '2030-01-14');
    expect(resized.conflicts).toMatchObject([{ person: { id: engineer.id }, event: { id: beta.event.id }, otherEvent: { id: alpha.event.id }, fromDate: '2030-01-12', toDate: '2030-01-12' }]);
    expect(crewConflictsOf(await getEvent(manager.session, alpha.event.id))).toMatchObject(problemOf(beta.event.id));
  });

  it('prep and return days count as busy days', async () => {
    const load = await unmanaged({ title: 'With return days', startDate: '2030-02-10', endDate: '2030-02-10', returnDays: 2 });
    expect(load.event).toMatchObject({ busyFrom: '2030-02-10', busyTo: '2030-02-12' });
    await assignCrew(manager.session, { eventId: load.event.id, userId: engineer.id, crewRoleId: sound });

    const prep = await unmanaged({ title: 'With prep days', startDate: '2030-02-14', endDate: '2030-02-14', prepDays: 2 });
    expect(prep.event).toMatchObject({ busyFrom: '2030-02-12', busyTo: '2030-02-14' });
    const booked = await assignCrew(manager.session, { eventId: prep.event.id, userId: engineer.id, crewRoleId: sound });
    expect(booked.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: load.event.id }, fromDate: '2030-02-12', toDate: '2030-02-12' }]);
    expect(crewConflictsOf(await getEvent(manager.session, load.event.id))).toMatchObject([{ otherEvent: { id: prep.event.id } }]);

    // Busy 02-15..02-16: clear of both.
    const later = await unmanaged({ title: 'Clear of prep', startDate: '2030-02-16', endDate: '2030-02-16', prepDays: 1 });
    const clear = await assignCrew(manager.session, { eventId: later.event.id, userId: engineer.id, crewRoleId: sound });
    expect(clear.conflicts).toEqual([]);

    // Fewer prep days resolve it; more return days on the other event raise it again (edits of the reserved days are checked).
    const shrunk = await updateEvent(manager.session, prep.event.id, booked.event.version, { prepDays: 1 });
    expect(shrunk.event.busyFrom).toBe('2030-02-13');
    expect(crewConflictsOf(shrunk.event)).toEqual([]);
    expect(crewConflictsOf(await getEvent(manager.session, load.event.id))).toEqual([]);
    const current = await getEvent(manager.session, load.event.id);
    const grown = await updateEvent(manager.session, load.event.id, current.version, { returnDays: 4 });
    expect(grown.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: prep.event.id }, fromDate: '2030-02-13', toDate: '2030-02-14' }]);
    expect(crewConflictsOf(await getEvent(manager.session, prep.event.id))).toMatchObject([{ otherEvent: { id: load.event.id }, fromDate: '2030-02-13', toDate: '2030-02-14' }]);
  });

  it('senior engineers and responsible managers are busy too', async () => {
    const one = await unmanaged({ title: 'Senior one', startDate: '2030-03-05', endDate: '2030-03-06', seniorEngineerId: engineer2.id });
    expect(one.conflicts).toEqual([]);
    const two = await unmanaged({ title: 'Senior two', startDate: '2030-03-06', endDate: '2030-03-06', seniorEngineerId: engineer2.id });
    expect(two.conflicts).toMatchObject([
      { person: { id: engineer2.id }, event: { id: two.event.id }, otherEvent: { id: one.event.id }, fromDate: '2030-03-06', toDate: '2030-03-06' },
    ]);
    expect(crewConflictsOf(await getEvent(manager.session, one.event.id))).toMatchObject([{ person: { id: engineer2.id }, otherEvent: { id: two.event.id } }]);

    // The creator is the responsible manager by default.
    const managed = await createEvent(manager2.session, { title: 'Managed one', startDate: '2030-03-10', endDate: '2030-03-10' });
    expect(managed.event.manager).toEqual({ id: manager2.id, name: manager2.name });
    expect(managed.conflicts).toEqual([]);
    const alsoManaged = await createEvent(manager.session, { title: 'Managed two', startDate: '2030-03-10', endDate: '2030-03-11', managerId: manager2.id });
    expect(alsoManaged.conflicts).toMatchObject([{ person: { id: manager2.id }, otherEvent: { id: managed.event.id }, fromDate: '2030-03-10', toDate: '2030-03-10' }]);
    expect(crewConflictsOf(await getEvent(manager.session, managed.event.id))).toMatchObject([{ person: { id: manager2.id }, otherEvent: { id: alsoManaged.event.id } }]);

    // Crew on one event, senior engineer on another (set by an edit): still a conflict.
    const crewed = await unmanaged({ title: 'Crewed', startDate: '2030-03-20', endDate: '2030-03-20' });
    expect((await assignCrew(manager.session, { eventId: crewed.event.id, userId: engineer.id, crewRoleId: rigger })).conflicts).toEqual([]);
    const senior = await unmanaged({ title: 'Gets a senior', startDate: '2030-03-20', endDate: '2030-03-20' });
    const edited = await updateEvent(manager.session, senior.event.id, senior.event.version, { seniorEngineerId: engineer.id });
    expect(edited.event.seniorEngineer?.id).toBe(engineer.id);
    expect(edited.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: crewed.event.id }, fromDate: '2030-03-20', toDate: '2030-03-20' }]);
  });

  it('one person in two roles on one event is one booking: no conflict with itself, one conflict with another event', async () => {
    const dual = await unmanaged({ title: 'Dual role', startDate: '2030-03-25', endDate: '2030-03-25', seniorEngineerId: engineer2.id });
    const both = await assignCrew(manager.session, { eventId: dual.event.id, userId: engineer2.id, crewRoleId: sound });
    expect(both.conflicts).toEqual([]);
    expect(crewConflictsOf(both.event)).toEqual([]);
    const single = await unmanaged({ title: 'Single role', startDate: '2030-03-25', endDate: '2030-03-25' });
    const booked = await assignCrew(manager.session, { eventId: single.event.id, userId: engineer2.id, crewRoleId: sound });
    expect(booked.conflicts).toHaveLength(1);
    expect(crewConflictsOf(booked.event)).toHaveLength(1);
    expect(crewConflictsOf(await getEvent(manager.session, dual.event.id))).toHaveLength(1);
  });

  it('a cancelled or deleted event frees its people; reopening, restoring and duplicating check them again', async () => {
    const stays = await unmanaged({ title: 'Stays', startDate: '2030-04-01', endDate: '2030-04-02' });
    await assignCrew(manager.session, { eventId: stays.event.id, userId: engineer.id, crewRoleId: sound });
    const other = await unmanaged({ title: 'Gets cancelled', startDate: '2030-04-02', endDate: '2030-04-02' });
    const booked = await assignCrew(manager.session, { eventId: other.event.id, userId: engineer.id, crewRoleId: sound });
    expect(booked.conflicts).toHaveLength(1);

    const cancelled = await changeStatus(manager.session, other.event.id, booked.event.version, 'CANCELLED');
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(cancelled.conflicts).toEqual([]);
    expect(crewConflictsOf(cancelled.event)).toEqual([]);
    expect(crewConflictsOf(await getEvent(manager.session, stays.event.id))).toEqual([]);
    const busy = await tryBusyPeople(manager.session, '2030-04-02', '2030-04-02');
    expect(ids(busy.data!.find((b) => b.person.id === engineer.id)!.events)).toEqual([stays.event.id]);
    const schedule = await tryCrewSchedule(manager.session, '2030-04-01', '2030-04-02');
    const row = schedule.data!.find((r) => r.person.id === engineer.id)!;
    expect(row.conflictDays).toEqual([]);
    expect(row.entries.map((entry) => entry.event.id)).toEqual([stays.event.id]);

    // Back from cancelled: checked again.
    const reopened = await changeStatus(manager.session, other.event.id, cancelled.event.version, 'TENTATIVE');
    expect(reopened.event.status).toBe('TENTATIVE');
    expect(reopened.conflicts).toMatchObject([
      { person: { id: engineer.id }, event: { id: other.event.id }, otherEvent: { id: stays.event.id }, fromDate: '2030-04-02', toDate: '2030-04-02' },
    ]);
    expect(crewConflictsOf(await getEvent(manager.session, stays.event.id))).toHaveLength(1);

    // Deleted: frees the person.
    const deleted = await deleteEvent(manager.session, stays.event.id);
    expect(deleted.event.deletedAt).not.toBeNull();
    expect(deleted.conflicts).toEqual([]);
    expect(crewConflictsOf(await getEvent(manager.session, other.event.id))).toEqual([]);

    // Restored: checked again.
    const restored = await restoreEvent(manager.session, stays.event.id);
    expect(restored.event.deletedAt).toBeNull();
    expect(restored.conflicts).toMatchObject([
      { person: { id: engineer.id }, event: { id: stays.event.id }, otherEvent: { id: other.event.id }, fromDate: '2030-04-02', toDate: '2030-04-02' },
    ]);
    expect(crewConflictsOf(await getEvent(manager.session, other.event.id))).toMatchObject([{ otherEvent: { id: stays.event.id } }]);

    // Duplicated onto a day the crew is busy elsewhere: the copy's conflicts come back.
    const lone = await unmanaged({ title: 'Lone', startDate: '2030-04-10', endDate: '2030-04-10', startTime: '10:00', endTime: '18:00' });
    await assignCrew(manager.session, { eventId: lone.event.id, userId: engineer2.id, crewRoleId: lighting });
    const elsewhere = await unmanaged({ title: 'Elsewhere', startDate: '2030-04-15', endDate: '2030-04-16' });
    await assignCrew(manager.session, { eventId: elsewhere.event.id, userId: engineer2.id, crewRoleId: lighting });
    const copy = await duplicateEvent(manager.session, lone.event.id, '2030-04-16');
    expect(copy.event.id).not.toBe(lone.event.id);
    expect(copy.event).toMatchObject({ title: 'Lone', status: 'DRAFT', startDate: '2030-04-16', endDate: '2030-04-16', startTime: '10:00', endTime: '18:00' });
    expect(crewOf(copy.event)).toEqual([{ person: engineer2.id, role: 'Lighting' }]);
    expect(copy.conflicts).toMatchObject([
      { person: { id: engineer2.id }, event: { id: copy.event.id }, otherEvent: { id: elsewhere.event.id }, fromDate: '2030-04-16', toDate: '2030-04-16' },
    ]);
    expect(crewConflictsOf(await getEvent(manager.session, elsewhere.event.id))).toMatchObject([{ otherEvent: { id: copy.event.id } }]);
  });

  it('a move reports the conflicts of everyone on the event', async () => {
    const first = await unmanaged({ title: 'Two busy people A', startDate: '2030-05-01', endDate: '2030-05-01' });
    await assignCrew(manager.session, { eventId: first.event.id, userId: engineer.id, crewRoleId: sound });
    const second = await unmanaged({ title: 'Two busy people B', startDate: '2030-05-02', endDate: '2030-05-02', seniorEngineerId: engineer2.id });
    const moving = await unmanaged({ title: 'Two busy people moving', startDate: '2030-05-05', endDate: '2030-05-05', seniorEngineerId: engineer.id });
    const crewed = await assignCrew(manager.session, { eventId: moving.event.id, userId: engineer2.id, crewRoleId: lighting });
    expect(crewed.conflicts).toEqual([]);

    const moved = await moveEvent(manager.session, moving.event.id, crewed.event.version, '2030-05-01', '2030-05-02');
    const byPerson = Object.fromEntries(moved.conflicts.map((c) => [c.person.id, c]));
    expect(moved.conflicts).toHaveLength(2);
    expect(byPerson[engineer.id]).toMatchObject({ otherEvent: { id: first.event.id }, fromDate: '2030-05-01', toDate: '2030-05-01' });
    expect(byPerson[engineer2.id]).toMatchObject({ otherEvent: { id: second.event.id }, fromDate: '2030-05-02', toDate: '2030-05-02' });
    expect(crewConflictsOf(moved.event)).toHaveLength(2);
  });

  it('problems are derived: the manual note is one while it is set', async () => {
    const event = await unmanaged({ title: 'Manual problem', startDate: '2030-05-25', endDate: '2030-05-25', problemNote: 'Stage too small' });
    expect(event.event.problems).toEqual([{ kind: 'MANUAL', message: 'Stage too small', conflict: null }]);
    const cleared = await updateEvent(manager.session, event.event.id, event.event.version, { problemNote: null });
    expect(cleared.event.problemNote).toBeNull();
    expect(cleared.event.problems).toEqual([]);
  });

  it('an overnight show ending before the cut-over belongs to its show day; one ending after it takes the next day', async () => {
    const show = await unmanaged({ title: 'Late show', startDate: '2030-05-10', endDate: '2030-05-10', startTime: '20:00', endTime: '02:00' });
    // Company zone Europe/Moscow (UTC+3): 20:00 on the 10th, 02:00 on the 11th.
    expect(show.event).toMatchObject({
      endDate: '2030-05-10',
      endsNextDay: true,
      busyTo: '2030-05-10',
      startsAt: '2030-05-10T17:00:00.000Z',
      endsAt: '2030-05-10T23:00:00.000Z',
    });
    await assignCrew(manager.session, { eventId: show.event.id, userId: engineer.id, crewRoleId: sound });
    const morning = await unmanaged({ title: 'Morning after', startDate: '2030-05-11', endDate: '2030-05-11' });
    const free = await assignCrew(manager.session, { eventId: morning.event.id, userId: engineer.id, crewRoleId: sound });
    expect(free.conflicts).toEqual([]);
    expect(crewConflictsOf(free.event)).toEqual([]);

    const long = await unmanaged({ title: 'Long night', startDate: '2030-05-20', endDate: '2030-05-21', startTime: '20:00', endTime: '07:00' });
    expect(long.event).toMatchObject({ endsNextDay: false, busyTo: '2030-05-21', endsAt: '2030-05-21T04:00:00.000Z' });
    await assignCrew(manager.session, { eventId: long.event.id, userId: engineer2.id, crewRoleId: sound });
    const day = await unmanaged({ title: 'Day after the long night', startDate: '2030-05-21', endDate: '2030-05-21' });
    const taken = await assignCrew(manager.session, { eventId: day.event.id, userId: engineer2.id, crewRoleId: sound });
    expect(taken.conflicts).toMatchObject([{ person: { id: engineer2.id }, otherEvent: { id: long.event.id }, fromDate: '2030-05-21', toDate: '2030-05-21' }]);
  });
});

describe('double-booking policy', () => {
  // Every test leaves the default behind, also when it fails half-way.
  afterEach(async () => {
    await updateSettings(admin.session, { crewDoubleBooking: 'WARN' });
  });

  it('is WARN by default: saved and reported (see "busy that day")', async () => {
    expect((await companySettings(manager.session)).crewDoubleBooking).toBe('WARN');
  });

  it('BLOCK refuses with CONFLICT and saves nothing, unless an override reason is given, which is kept and journaled', async () => {
    const busy = await unmanaged({ title: 'Policy busy', startDate: '2030-06-01', endDate: '2030-06-02' });
    await assignCrew(manager.session, { eventId: busy.event.id, userId: engineer.id, crewRoleId: sound });
    const target = await unmanaged({ title: 'Policy target', startDate: '2030-06-02', endDate: '2030-06-02' });
    expect((await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' })).crewDoubleBooking).toBe('BLOCK');

    // An assignment.
    const journalBefore = (await journalOf(admin.session, target.event.id)).total;
    const refused = await tryAssignCrew(manager.session, { eventId: target.event.id, userId: engineer.id, crewRoleId: sound });
    const error = expectCode(refused.errors, 'CONFLICT');
    expect(error.extensions!.conflicts).toMatchObject([
      { person: { id: engineer.id }, event: { id: target.event.id }, otherEvent: { id: busy.event.id }, fromDate: '2030-06-02', toDate: '2030-06-02' },
    ]);
    const unchanged = await getEvent(manager.session, target.event.id);
    expect(unchanged.crew).toEqual([]);
    expect(unchanged.version).toBe(target.event.version);
    expect((await journalOf(admin.session, target.event.id)).total).toBe(journalBefore);
    expect(crewConflictsOf(await getEvent(manager.session, busy.event.id))).toEqual([]);

    const reason = 'Only one who knows the desk';
    const accepted = await assignCrew(manager.session, { eventId: target.event.id, userId: engineer.id, crewRoleId: sound, overrideReason: reason });
    expect(accepted.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: busy.event.id } }]);
    expect(accepted.event.crew).toMatchObject([{ person: { id: engineer.id }, overrideReason: reason }]);
    expect(crewConflictsOf(accepted.event)).toHaveLength(1);
    const journal = await journalOf(admin.session, target.event.id);
    expect(journal.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['crew.assign', 'crew.conflict']));
    expect(journal.entries.find((e) => e.action === 'crew.conflict')!.summary).toContain(reason);

    // A move.
    const away = await unmanaged({ title: 'Policy away', startDate: '2030-06-10', endDate: '2030-06-10' });
    const onAway = await assignCrew(manager.session, { eventId: away.event.id, userId: engineer2.id, crewRoleId: lighting });
    expect(onAway.conflicts).toEqual([]);
    const alsoBusy = await unmanaged({ title: 'Policy also busy', startDate: '2030-06-05', endDate: '2030-06-05' });
    expect((await assignCrew(manager.session, { eventId: alsoBusy.event.id, userId: engineer2.id, crewRoleId: lighting })).conflicts).toEqual([]);
    const awayJournal = (await journalOf(admin.session, away.event.id)).total;
    const blockedMove = await tryMoveEvent(manager.session, away.event.id, onAway.event.version, '2030-06-05', '2030-06-05');
    expect(expectCode(blockedMove.errors, 'CONFLICT').extensions!.conflicts).toMatchObject([{ person: { id: engineer2.id }, otherEvent: { id: alsoBusy.event.id } }]);
    const notMoved = await getEvent(manager.session, away.event.id);
    expect(notMoved).toMatchObject({ startDate: '2030-06-10', endDate: '2030-06-10', version: onAway.event.version });
    expect((await journalOf(admin.session, away.event.id)).total).toBe(awayJournal);
    const moveReason = 'Short set, both fit';
    const forced = await moveEvent(manager.session, away.event.id, onAway.event.version, '2030-06-05', '2030-06-05', moveReason);
    expect(forced.event.startDate).toBe('2030-06-05');
    expect(forced.conflicts).toMatchObject([{ person: { id: engineer2.id }, otherEvent: { id: alsoBusy.event.id } }]);
    const moveJournal = await journalOf(admin.session, away.event.id);
    expect(moveJournal.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['event.move', 'crew.conflict']));
    expect(moveJournal.entries.find((e) => e.action === 'crew.conflict')!.summary).toContain(moveReason);

    // A new event, a restore and a reopening are refused the same way.
    const blockedCreate = await tryCreateEvent(manager.session, {
      title: 'Policy blocked create',
      startDate: '2030-06-05',
      endDate: '2030-06-05',
      managerId: null,
      seniorEngineerId: engineer2.id,
    });
    expectCode(blockedCreate.errors, 'CONFLICT');
    expect((await listEvents(manager.session, '2030-06-01', '2030-06-30')).map((e) => e.title)).not.toContain('Policy blocked create');

    // Prepared under WARN: a trashed and a cancelled event with the same person on the same day.
    await updateSettings(admin.session, { crewDoubleBooking: 'WARN' });
    const trashed = await unmanaged({ title: 'Policy trashed', startDate: '2030-06-05', endDate: '2030-06-05' });
    await assignCrew(manager.session, { eventId: trashed.event.id, userId: engineer2.id, crewRoleId: rigger });
    await deleteEvent(manager.session, trashed.event.id);
    const cancelledOne = await unmanaged({ title: 'Policy cancelled', startDate: '2030-06-05', endDate: '2030-06-05' });
    const withCrew = await assignCrew(manager.session, { eventId: cancelledOne.event.id, userId: engineer2.id, crewRoleId: rigger });
    const cancelled = await changeStatus(manager.session, cancelledOne.event.id, withCrew.event.version, 'CANCELLED');
    await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' });

    expectCode((await tryRestoreEvent(manager.session, trashed.event.id)).errors, 'CONFLICT');
    expect((await getEvent(manager.session, trashed.event.id)).deletedAt).not.toBeNull();
    expectCode((await tryChangeStatus(manager.session, cancelledOne.event.id, cancelled.event.version, 'DRAFT')).errors, 'CONFLICT');
    expect((await getEvent(manager.session, cancelledOne.event.id)).status).toBe('CANCELLED');
    expectCode((await tryDuplicateEvent(manager.session, alsoBusy.event.id, '2030-06-05')).errors, 'CONFLICT');
    expect((await listEvents(manager.session, '2030-06-05', '2030-06-05')).filter((e) => e.title === 'Policy also busy')).toHaveLength(1);

    const restored = await restoreEvent(manager.session, trashed.event.id, 'Two rooms, same building');
    expect(restored.event.deletedAt).toBeNull();
    expect(restored.conflicts.length).toBeGreaterThan(0);
    const reopened = await changeStatus(manager.session, cancelledOne.event.id, cancelled.event.version, 'DRAFT', 'Back on, both fit');
    expect(reopened.event.status).toBe('DRAFT');
    expect(reopened.conflicts.length).toBeGreaterThan(0);
  });

  it('an edit that double-books (a new senior engineer) is refused under BLOCK and accepted with a reason, which the journal context keeps', async () => {
    const busy = await unmanaged({ title: 'Edit busy', startDate: '2031-02-20', endDate: '2031-02-20', seniorEngineerId: engineer.id });
    const target = await unmanaged({ title: 'Edit target', startDate: '2031-02-20', endDate: '2031-02-20' });
    await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' });
    try {
      const refused = await tryUpdateEvent(manager.session, target.event.id, target.event.version, { seniorEngineerId: engineer.id });
      expect(expectCode(refused.errors, 'CONFLICT').extensions!.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: busy.event.id } }]);
      expect((await getEvent(manager.session, target.event.id)).seniorEngineer).toBeNull();

      const reason = 'Stage manager covers the first hour';
      const accepted = await updateEvent(manager.session, target.event.id, target.event.version, { seniorEngineerId: engineer.id }, reason);
      expect(accepted.event.seniorEngineer).toMatchObject({ id: engineer.id });
      expect(accepted.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: busy.event.id } }]);
      const rows = await admin.session.request(
        'query($id: String!) { journal(filter: { objectId: $id, action: "event.update" }) { entries { context } } }',
        { id: target.event.id },
      );
      expect(rows.data!.journal.entries[0].context).toMatchObject({ overrideReason: reason, version: accepted.event.version });
    } finally {
      await updateSettings(admin.session, { crewDoubleBooking: 'WARN' });
    }
  });

  it('setting the status it already has, or the same dates, changes nothing: no new version, no journal row', async () => {
    const event = await unmanaged({ title: 'Idempotent', startDate: '2031-02-25', endDate: '2031-02-25', status: 'TENTATIVE' });
    const rowsBefore = (await journalOf(admin.session, event.event.id)).total;
    const same = await changeStatus(manager.session, event.event.id, event.event.version, 'TENTATIVE');
    expect(same.event.version).toBe(event.event.version);
    const notMoved = await moveEvent(manager.session, event.event.id, event.event.version, '2031-02-25', '2031-02-25');
    expect(notMoved.event.version).toBe(event.event.version);
    expect((await journalOf(admin.session, event.event.id)).total).toBe(rowsBefore);
  });

  it('booking one person on two events of one day at the same moment: the second booking sees the first (WARN reports it, BLOCK refuses it)', async () => {
    const book = (eventId: string, session: HttpSession) => tryAssignCrew(session, { eventId, userId: engineer2.id, crewRoleId: sound });

    const w1 = await unmanaged({ title: 'Race warn one', startDate: '2030-06-25', endDate: '2030-06-25' });
    const w2 = await unmanaged({ title: 'Race warn two', startDate: '2030-06-25', endDate: '2030-06-25' });
    const warned = await Promise.all([book(w1.event.id, manager.session), book(w2.event.id, manager2.session)]);
    expect(warned.map((outcome) => outcome.errors)).toEqual([undefined, undefined]);
    expect(warned.map((outcome) => outcome.data!.conflicts.length).sort()).toEqual([0, 1]);
    expect(crewConflictsOf(await getEvent(manager.session, w1.event.id))).toHaveLength(1);
    expect(crewConflictsOf(await getEvent(manager.session, w2.event.id))).toHaveLength(1);

    // The same booking twice at once: one is saved, the other is told the person is already on it.
    const twice = await unmanaged({ title: 'Race same booking', startDate: '2030-06-29', endDate: '2030-06-29' });
    const same = await Promise.all([
      tryAssignCrew(manager.session, { eventId: twice.event.id, userId: engineer.id, crewRoleId: sound }),
      tryAssignCrew(manager2.session, { eventId: twice.event.id, userId: engineer.id, crewRoleId: sound }),
    ]);
    const sameRefused = same.filter((outcome) => outcome.errors);
    expect(sameRefused).toHaveLength(1);
    expectFieldProblem(sameRefused[0].errors, 'userId');
    expect((await getEvent(manager.session, twice.event.id)).crew).toHaveLength(1);

    const b1 = await unmanaged({ title: 'Race block one', startDate: '2030-06-27', endDate: '2030-06-27' });
    const b2 = await unmanaged({ title: 'Race block two', startDate: '2030-06-27', endDate: '2030-06-27' });
    await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' });
    try {
      const blocked = await Promise.all([book(b1.event.id, manager.session), book(b2.event.id, manager2.session)]);
      const refused = blocked.filter((outcome) => outcome.errors);
      expect(refused, 'exactly one of two simultaneous bookings is refused').toHaveLength(1);
      expectCode(refused[0].errors, 'CONFLICT');
      const crews = await Promise.all([b1, b2].map(async (e) => (await getEvent(manager.session, e.event.id)).crew.length));
      expect(crews.sort()).toEqual([0, 1]);
    } finally {
      await updateSettings(admin.session, { crewDoubleBooking: 'WARN' });
    }
  });

  it('CONFLICT extensions write statuses as the API does (DRAFT, not draft)', async () => {
    const busy = await unmanaged({ title: 'Enum busy', startDate: '2030-06-15', endDate: '2030-06-15' });
    await assignCrew(manager.session, { eventId: busy.event.id, userId: engineer.id, crewRoleId: sound });
    const target = await unmanaged({ title: 'Enum target', startDate: '2030-06-15', endDate: '2030-06-15', status: 'TENTATIVE' });
    await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' });
    const refused = await tryAssignCrew(manager.session, { eventId: target.event.id, userId: engineer.id, crewRoleId: sound });
    const conflicts = expectCode(refused.errors, 'CONFLICT').extensions!.conflicts as Array<{ event: { status: string }; otherEvent: { status: string } }>;
    // CrewConflict.event / otherEvent are ProductionEventRef: status is a ProductionEventStatus.
    expect.soft(conflicts[0].event.status).toBe('TENTATIVE');
    expect.soft(conflicts[0].otherEvent.status).toBe('DRAFT');

    // The same for the current event carried by a stale-version CONFLICT.
    await updateEvent(manager.session, target.event.id, target.event.version, { title: 'Enum target renamed' });
    const stale = await tryUpdateEvent(manager2.session, target.event.id, target.event.version, { title: 'Enum stale' });
    expect.soft((expectCode(stale.errors, 'CONFLICT').extensions!.current as { status: string }).status).toBe('TENTATIVE');
  });

  it('ALLOW saves without a reason and still reports the conflict', async () => {
    expect((await updateSettings(admin.session, { crewDoubleBooking: 'ALLOW' })).crewDoubleBooking).toBe('ALLOW');
    const one = await unmanaged({ title: 'Allow one', startDate: '2030-06-20', endDate: '2030-06-20' });
    await assignCrew(manager.session, { eventId: one.event.id, userId: engineer.id, crewRoleId: sound });
    const two = await unmanaged({ title: 'Allow two', startDate: '2030-06-20', endDate: '2030-06-21' });
    const saved = await assignCrew(manager.session, { eventId: two.event.id, userId: engineer.id, crewRoleId: sound });
    expect(crewOf(saved.event)).toEqual([{ person: engineer.id, role: 'Sound' }]);
    expect(saved.conflicts).toMatchObject([{ person: { id: engineer.id }, otherEvent: { id: one.event.id }, fromDate: '2030-06-20', toDate: '2030-06-20' }]);
    expect(crewConflictsOf(await getEvent(manager.session, one.event.id))).toMatchObject([{ otherEvent: { id: two.event.id } }]);

    expect((await updateSettings(admin.session, { crewDoubleBooking: 'WARN' })).crewDoubleBooking).toBe('WARN');
    const three = await unmanaged({ title: 'Warn three', startDate: '2030-06-21', endDate: '2030-06-21' });
    const warned = await assignCrew(manager.session, { eventId: three.event.id, userId: engineer.id, crewRoleId: sound });
    expect(crewOf(warned.event)).toEqual([{ person: engineer.id, role: 'Sound' }]);
    expect(warned.conflicts).toMatchObject([{ otherEvent: { id: two.event.id }, fromDate: '2030-06-21', toDate: '2030-06-21' }]);
  });
});

describe('status workflow', () => {
  const NEXT: Record<EventStatus, EventStatus[]> = {
    DRAFT: ['TENTATIVE', 'CANCELLED'],
    TENTATIVE: ['CONFIRMED', 'CANCELLED'],
    CONFIRMED: ['IN_PROGRESS', 'CANCELLED'],
    IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
    COMPLETED: [],
    CANCELLED: ['DRAFT', 'TENTATIVE'],
  };
  const PATH_TO: Record<EventStatus, { create: EventStatus; then: EventStatus[] }> = {
    DRAFT: { create: 'DRAFT', then: [] },
    TENTATIVE: { create: 'TENTATIVE', then: [] },
    CONFIRMED: { create: 'CONFIRMED', then: [] },
    IN_PROGRESS: { create: 'CONFIRMED', then: ['IN_PROGRESS'] },
    COMPLETED: { create: 'CONFIRMED', then: ['IN_PROGRESS', 'COMPLETED'] },
    CANCELLED: { create: 'DRAFT', then: ['CANCELLED'] },
  };

  async function eventIn(status: EventStatus): Promise<ProductionEvent> {
    let event = (await unmanaged({ title: `Workflow ${status}`, startDate: '2030-07-01', endDate: '2030-07-01', status: PATH_TO[status].create })).event;
    for (const next of PATH_TO[status].then) event = (await changeStatus(manager.session, event.id, event.version, next)).event;
    expect(event.status).toBe(status);
    return event;
  }

  it('draft → tentative → confirmed → in progress → completed, with allowedTransitions at every step', async () => {
    let event = (await unmanaged({ title: 'Workflow path', startDate: '2030-07-02', endDate: '2030-07-02' })).event;
    expect(event.status).toBe('DRAFT');
    expect(sorted(event.allowedTransitions)).toEqual(sorted(NEXT.DRAFT));
    for (const status of ['TENTATIVE', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'] as const) {
      event = (await changeStatus(manager.session, event.id, event.version, status)).event;
      expect(event.status).toBe(status);
      expect(sorted(event.allowedTransitions)).toEqual(sorted(NEXT[status]));
    }
    const journal = await journalOf(admin.session, event.id, { action: 'event.status_change' });
    expect(journal.total).toBe(4);
  });

  it('every allowed transition is accepted and every other one is BAD_USER_INPUT, changing nothing', async () => {
    for (const from of STATUSES) {
      const event = await eventIn(from);
      expect(sorted(event.allowedTransitions)).toEqual(sorted(NEXT[from]));
      for (const to of STATUSES) {
        if (to === from) continue;
        if (NEXT[from].includes(to)) {
          const fresh = await eventIn(from);
          const changed = await changeStatus(manager.session, fresh.id, fresh.version, to);
          expect(changed.event.status, `${from} → ${to}`).toBe(to);
        } else {
          const refused = await tryChangeStatus(manager.session, event.id, event.version, to);
          expect(refused.errors, `${from} → ${to} must be refused`).toBeDefined();
          expectFieldProblem(refused.errors, 'status');
        }
      }
      const after = await getEvent(manager.session, event.id);
      expect(after.status).toBe(from);
      expect(after.version).toBe(event.version);
    }
  });

  it('a new event starts as DRAFT, TENTATIVE or CONFIRMED only', async () => {
    for (const status of ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const) {
      const refused = await tryCreateEvent(manager.session, { title: `Born ${status}`, startDate: '2030-07-03', endDate: '2030-07-03', managerId: null, status });
      expectFieldProblem(refused.errors, 'status');
    }
    expect((await listEvents(manager.session, '2030-07-03', '2030-07-03')).filter((e) => e.title.startsWith('Born '))).toEqual([]);
  });

  it('confirming an event makes a potential client active; the client cannot be made inactive while the event is upcoming', async () => {
    const createClient = async (name: string, phone: string) => {
      const response = await manager.session.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id state } }', {
        input: { name, kind: 'COMPANY', phone },
      });
      expect(response.errors).toBeUndefined();
      return response.data!.createClient as { id: string; state: string };
    };
    const setState = (id: string, state: string) => manager.session.request('mutation($id: ID!, $state: ClientState!) { setClientState(id: $id, state: $state) { id state } }', { id, state });
    const stateOf = async (id: string) => (await manager.session.request('query($id: ID!) { client(id: $id) { state } }', { id })).data!.client.state;

    const client = await createClient('Workflow Client', '+7 901 555-00-11');
    expect(client.state).toBe('POTENTIAL');
    const event = await unmanaged({ title: 'Client show', startDate: '2030-07-20', endDate: '2030-07-20', status: 'TENTATIVE', clientId: client.id });
    expect(event.event.client).toMatchObject({ id: client.id, state: 'POTENTIAL' });
    const confirmed = await changeStatus(manager.session, event.event.id, event.event.version, 'CONFIRMED');
    expect(confirmed.event.client).toMatchObject({ id: client.id, state: 'ACTIVE' });
    expect(await stateOf(client.id)).toBe('ACTIVE');
    const clientJournal = await journalOf(admin.session, client.id, { objectType: 'Client' });
    expect(clientJournal.entries.find((e) => e.action === 'client.state_change')?.changes).toEqual([{ field: 'state', oldValue: 'POTENTIAL', newValue: 'ACTIVE' }]);

    const refused = await setState(client.id, 'INACTIVE');
    expectFieldProblem(refused.errors, 'state');
    expect(await stateOf(client.id)).toBe('ACTIVE');

    // Once the event is called off nothing upcoming is confirmed: now it may go inactive.
    await changeStatus(manager.session, event.event.id, confirmed.event.version, 'CANCELLED');
    const accepted = await setState(client.id, 'INACTIVE');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.setClientState.state).toBe('INACTIVE');

    // A confirmed event given another client by an edit: that client turns active too.
    const next = await createClient('Client By Edit', '+7 901 555-00-13');
    const running = await unmanaged({ title: 'Client swap', startDate: '2030-07-22', endDate: '2030-07-22', status: 'CONFIRMED' });
    const swapped = await updateEvent(manager.session, running.event.id, running.event.version, { clientId: next.id });
    expect(swapped.event.client).toMatchObject({ id: next.id, state: 'ACTIVE' });

    // Created as confirmed: the same.
    const other = await createClient('Confirmed Straight Away', '+7 901 555-00-12');
    const direct = await unmanaged({ title: 'Confirmed at once', startDate: '2030-07-21', endDate: '2030-07-21', status: 'CONFIRMED', clientId: other.id });
    expect(direct.event.client).toMatchObject({ id: other.id, state: 'ACTIVE' });
    expectFieldProblem((await setState(other.id, 'INACTIVE')).errors, 'state');
  });
});

describe('duplicate', () => {
  it('copies length, times, reserved days, client, venue, people and crew to the new start day, as a draft', async () => {
    const venue = await manager.session.request('mutation($input: VenueInput!) { createVenue(input: $input) { id } }', { input: { name: 'Duplicate Hall' } });
    expect(venue.errors).toBeUndefined();
    const venueId = venue.data!.createVenue.id as string;
    const client = await manager.session.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
      input: { name: 'Duplicate Client', kind: 'COMPANY', phone: '+7 901 555-00-31' },
    });
    const clientId = client.data!.createClient.id as string;
    const source = await unmanaged({
      title: 'Source show',
      startDate: '2030-09-01',
      endDate: '2030-09-03',
      startTime: '19:00',
      endTime: '23:00',
      prepDays: 1,
      returnDays: 2,
      status: 'CONFIRMED',
      clientId,
      venueId,
      managerId: manager2.id,
      seniorEngineerId: engineer2.id,
      notes: 'bring spares',
    });
    await assignCrew(manager.session, { eventId: source.event.id, userId: engineer.id, crewRoleId: sound });

    const copy = await duplicateEvent(manager.session, source.event.id, '2030-09-20');
    expect(copy.event.id).not.toBe(source.event.id);
    expect(copy.event).toMatchObject({
      title: 'Source show',
      startDate: '2030-09-20',
      endDate: '2030-09-22',
      startTime: '19:00',
      endTime: '23:00',
      prepDays: 1,
      returnDays: 2,
      busyFrom: '2030-09-19',
      busyTo: '2030-09-24',
      status: 'DRAFT',
      version: 1,
      client: { id: clientId },
      venue: { id: venueId },
      manager: { id: manager2.id },
      seniorEngineer: { id: engineer2.id },
    });
    expect(crewOf(copy.event)).toEqual([{ person: engineer.id, role: 'Sound' }]);
    expect(copy.conflicts).toEqual([]);
    expect(await getEvent(manager.session, source.event.id)).toMatchObject({ startDate: '2030-09-01', status: 'CONFIRMED' });
    expect((await journalOf(admin.session, copy.event.id)).entries.map((e) => e.action)).toContain('event.create');
  });
});

describe('no lost updates', () => {
  it('two managers at once: edits of different fields merge; a stale edit of a field changed since is CONFLICT with the current event', async () => {
    const created = await unmanaged({ title: 'Two managers', startDate: '2030-08-10', endDate: '2030-08-10', notes: 'original notes' });
    const v = created.event.version;
    const id = created.event.id;

    // Both read version v and write at the same moment: a move and a notes edit.
    const [a, b] = await Promise.all([
      tryMoveEvent(manager.session, id, v, '2030-08-12', '2030-08-13'),
      tryUpdateEvent(manager2.session, id, v, { notes: 'notes by Marina' }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const merged = await getEvent(manager.session, id);
    expect(merged).toMatchObject({ startDate: '2030-08-12', endDate: '2030-08-13', notes: 'notes by Marina', title: 'Two managers', version: v + 2 });

    // A edits the title from the version A has; B still at v.
    const titled = await updateEvent(manager.session, id, a.data!.event.version, { title: 'Renamed by Maxim' });
    expect(titled.event).toMatchObject({ title: 'Renamed by Maxim', notes: 'notes by Marina', startDate: '2030-08-12' });
    const journalTotal = (await journalOf(admin.session, id)).total;

    // B (still at v) changes the days A moved: CONFLICT carrying the current event.
    const staleDates = await tryUpdateEvent(manager2.session, id, v, { startDate: '2030-08-20', endDate: '2030-08-20' });
    const datesError = expectCode(staleDates.errors, 'CONFLICT');
    expect(datesError.extensions).toMatchObject({
      currentVersion: v + 3,
      conflictingFields: expect.arrayContaining(['startDate', 'endDate']),
      current: { id, version: v + 3, startDate: '2030-08-12', endDate: '2030-08-13', title: 'Renamed by Maxim', notes: 'notes by Marina' },
    });
    const staleMove = await tryMoveEvent(manager2.session, id, v, '2030-08-21', '2030-08-21');
    expect(expectCode(staleMove.errors, 'CONFLICT').extensions).toMatchObject({ currentVersion: v + 3, conflictingFields: expect.arrayContaining(['startDate']) });
    // …and the title A changed.
    const staleTitle = await tryUpdateEvent(manager2.session, id, v, { title: 'Renamed by Marina' });
    expect(expectCode(staleTitle.errors, 'CONFLICT').extensions).toMatchObject({
      currentVersion: v + 3,
      conflictingFields: ['title'],
      current: { title: 'Renamed by Maxim' },
    });

    // Nothing of the refused writes landed.
    const final = await getEvent(manager.session, id);
    expect(final).toMatchObject({ title: 'Renamed by Maxim', startDate: '2030-08-12', endDate: '2030-08-13', notes: 'notes by Marina', version: v + 3 });
    expect((await journalOf(admin.session, id)).total).toBe(journalTotal);

    // A status change from a stale version merges (status untouched since)…
    const tentative = await changeStatus(manager2.session, id, v, 'TENTATIVE');
    expect(tentative.event).toMatchObject({ status: 'TENTATIVE', title: 'Renamed by Maxim', version: v + 4 });
    // …but not when the status was changed since that version.
    const staleStatus = await tryChangeStatus(manager.session, id, v + 1, 'CANCELLED');
    expect(expectCode(staleStatus.errors, 'CONFLICT').extensions).toMatchObject({ conflictingFields: ['status'], currentVersion: v + 4 });
    expect((await getEvent(manager.session, id)).status).toBe('TENTATIVE');
    const latest = await getEvent(manager.session, id);

    // With the current version B's edit goes through.
    const fresh = await updateEvent(manager2.session, id, latest.version, { title: 'Renamed by Marina' });
    expect(fresh.event.title).toBe('Renamed by Marina');
  });

  it('20 concurrent editors: one write per field wins, the others get CONFLICT; every acknowledged change is in the final state and journaled once', async () => {
    const created = await unmanaged({ title: 'Crowded', startDate: '2030-09-15', endDate: '2030-09-15', notes: 'original' });
    const id = created.event.id;
    expect(created.event.version).toBe(1);

    const sessions = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(t.url, i % 2 === 0 ? 'manager@loadout.demo' : 'manager2@loadout.demo')));
    const FIELDS = ['title', 'notes', 'problemNote', 'prepDays', 'returnDays'] as const;
    const edits = sessions.map((session, i) => {
      const field = FIELDS[i % FIELDS.length];
      const k = Math.floor(i / FIELDS.length);
      const value = field === 'prepDays' || field === 'returnDays' ? k + 1 : `${field} of editor ${i}`;
      return { session, field, value };
    });
    const outcomes = await Promise.all(edits.map((edit) => tryUpdateEvent(edit.session, id, 1, { [edit.field]: edit.value })));

    const winners = new Map<string, unknown>();
    for (const field of FIELDS) {
      const mine = edits.map((edit, i) => ({ ...edit, outcome: outcomes[i] })).filter((edit) => edit.field === field);
      const won = mine.filter((edit) => !edit.outcome.errors);
      expect(won, `exactly one write of ${field} succeeds`).toHaveLength(1);
      expect(won[0].outcome.data!.event[field]).toBe(won[0].value);
      winners.set(field, won[0].value);
      for (const lost of mine.filter((edit) => edit.outcome.errors)) {
        const error = expectCode(lost.outcome.errors, 'CONFLICT');
        expect(error.extensions!.conflictingFields).toEqual([field]);
      }
    }

    const final = await getEvent(manager.session, id);
    for (const [field, value] of winners) expect(final[field as keyof ProductionEvent], field).toBe(value);
    expect(final.version).toBe(1 + FIELDS.length);

    const journal = await journalOf(admin.session, id, { action: 'event.update' });
    expect(journal.total).toBe(FIELDS.length);
    const journaled = new Map(journal.entries.flatMap((entry) => entry.changes.map((change) => [change.field, change.newValue] as const)));
    expect(Object.fromEntries(journaled)).toEqual(Object.fromEntries(winners));
  });
});

describe('permissions', () => {
  it('an engineer reads the calendar and their assignments, changes nothing, and acknowledges only where on the crew', async () => {
    const theirs = await unmanaged({ title: 'Engineer is on it', startDate: '2030-08-25', endDate: '2030-08-25' });
    const assigned = await assignCrew(manager.session, { eventId: theirs.event.id, userId: engineer.id, crewRoleId: sound });
    const notTheirs = await unmanaged({ title: 'Engineer is not on it', startDate: '2030-08-26', endDate: '2030-08-26' });
    const s = engineer.session;

    const window = await listEvents(s, '2030-08-25', '2030-08-26');
    expect(ids(window)).toEqual([theirs.event.id, notTheirs.event.id]);
    expect(crewOf(window[0])).toEqual([{ person: engineer.id, role: 'Sound' }]);
    expect(ids(await listEvents(s, '2030-08-25', '2030-08-26', { mine: true }))).toEqual([theirs.event.id]);
    expect((await getEvent(s, notTheirs.event.id)).title).toBe('Engineer is not on it');
    const schedule = await tryCrewSchedule(s, '2030-08-25', '2030-08-26');
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data!.find((row) => row.person.id === engineer.id)!.entries.map((e) => e.event.id)).toEqual([theirs.event.id]);
    const busy = await tryBusyPeople(s, '2030-08-25', '2030-08-26');
    expect(busy.errors).toBeUndefined();
    expect(busy.data!.find((b) => b.person.id === engineer.id)!.days).toEqual(['2030-08-25']);

    const version = assigned.event.version;
    const journalBefore = (await journalOf(admin.session, theirs.event.id)).total;
    const forbidden = {
      create: await tryCreateEvent(s, { title: 'By an engineer', startDate: '2030-08-25', endDate: '2030-08-25' }),
      update: await tryUpdateEvent(s, theirs.event.id, version, { notes: 'engineer notes' }),
      move: await tryMoveEvent(s, theirs.event.id, version, '2030-08-27', '2030-08-27'),
      status: await tryChangeStatus(s, theirs.event.id, version, 'TENTATIVE'),
      delete: await tryDeleteEvent(s, theirs.event.id),
      restore: await tryRestoreEvent(s, theirs.event.id),
      duplicate: await tryDuplicateEvent(s, theirs.event.id, '2030-08-28'),
      assign: await tryAssignCrew(s, { eventId: notTheirs.event.id, userId: engineer.id, crewRoleId: sound }),
      unassign: await tryUnassignCrew(s, theirs.event.id, engineer.id),
      setRole: await trySetCrewRole(s, theirs.event.id, engineer.id, lighting),
      trash: await s.request(EVENT_DOCUMENTS.deleted),
    };
    for (const [operation, outcome] of Object.entries(forbidden)) {
      expect(outcome.errors, operation).toBeDefined();
      expectCode(outcome.errors, 'FORBIDDEN');
    }
    const untouched = await getEvent(manager.session, theirs.event.id);
    expect(untouched).toMatchObject({ version, startDate: '2030-08-25', status: 'DRAFT', notes: null });
    expect(crewOf(untouched)).toEqual([{ person: engineer.id, role: 'Sound' }]);
    expect((await journalOf(admin.session, theirs.event.id)).total).toBe(journalBefore);
    expect((await listEvents(manager.session, '2030-08-25', '2030-08-28')).map((e) => e.title)).not.toContain('By an engineer');

    // Acknowledging: only on an event they are crew of.
    expect(untouched.crew[0].acknowledgedAt).toBeNull();
    const acknowledged = await acknowledge(s, theirs.event.id);
    const ack = acknowledged.event.crew.find((member) => member.person.id === engineer.id)!;
    expect(ack.acknowledgedAt).not.toBeNull();
    expect(Number.isNaN(Date.parse(ack.acknowledgedAt!))).toBe(false);
    const seenByManager = await getEvent(manager.session, theirs.event.id);
    expect(seenByManager.crew.find((member) => member.person.id === engineer.id)!.acknowledgedAt).toBe(ack.acknowledgedAt);
    expect((await journalOf(admin.session, theirs.event.id, { action: 'crew.acknowledge' })).total).toBe(1);
    expectCode((await tryAcknowledge(s, notTheirs.event.id)).errors, 'FORBIDDEN');
    // Moving the event is a new change to acknowledge.
    const moved = await moveEvent(manager.session, theirs.event.id, acknowledged.event.version, '2030-08-24', '2030-08-24');
    expect(moved.event.crew.find((member) => member.person.id === engineer.id)!.acknowledgedAt).toBeNull();
    expect((await journalOf(admin.session, notTheirs.event.id, { action: 'crew.acknowledge' })).total).toBe(0);
  });

  it('deleting needs its own permission; a manager deletes and restores through the trash', async () => {
    const event = await unmanaged({ title: 'Trash me', startDate: '2030-08-29', endDate: '2030-08-30' });
    const id = event.event.id;

    expectCode((await tryDeleteEvent(storekeeper.session, id)).errors, 'FORBIDDEN');
    expectCode((await storekeeper.session.request(EVENT_DOCUMENTS.deleted)).errors, 'FORBIDDEN');
    expectCode((await tryUpdateEvent(storekeeper.session, id, event.event.version, { title: 'Storekeeper edit' })).errors, 'FORBIDDEN');
    expect(await getEvent(manager.session, id)).toMatchObject({ deletedAt: null, title: 'Trash me' });

    const deleted = await deleteEvent(manager.session, id);
    expect(deleted.event.deletedAt).not.toBeNull();
    expect(deleted.event.deletedBy).toEqual({ id: manager.id, name: manager.name });
    expect(ids(await listEvents(manager.session, '2030-08-29', '2030-08-30'))).not.toContain(id);
    expect((await getEvent(engineer.session, id)).deletedAt).not.toBeNull();
    const trash = await manager.session.request(EVENT_DOCUMENTS.deleted);
    expect(trash.errors).toBeUndefined();
    expect(trash.data!.events[0]).toMatchObject({ id, title: 'Trash me' });
    // Already in the trash: cannot be deleted again, nor edited.
    expect((await tryDeleteEvent(manager.session, id)).errors).toBeDefined();
    expectCode((await tryUpdateEvent(manager.session, id, deleted.event.version, { title: 'Edited in the trash' })).errors, 'NOT_FOUND');

    const restored = await restoreEvent(manager2.session, id);
    expect(restored.event).toMatchObject({ deletedAt: null, deletedBy: null, title: 'Trash me' });
    expect(ids(await listEvents(manager.session, '2030-08-29', '2030-08-30'))).toContain(id);
    const trashAfter = await manager.session.request(EVENT_DOCUMENTS.deleted);
    expect(ids(trashAfter.data!.events)).not.toContain(id);
    expectFieldProblem((await tryRestoreEvent(manager.session, id)).errors, 'id');
  });

  it('signed-out requests are UNAUTHENTICATED', async () => {
    const anonymous = new HttpSession(t.url);
    expectCode((await tryListEvents(anonymous, '2030-08-01', '2030-08-31')).errors, 'UNAUTHENTICATED');
    expectCode((await tryCreateEvent(anonymous, { title: 'Anonymous', startDate: '2030-08-01', endDate: '2030-08-01' })).errors, 'UNAUTHENTICATED');
  });
});

describe('journal', () => {
  it('every event mutation writes its rows with old → new values, and changesSince replays them', async () => {
    const seqBefore = await latestSeq();
    const created = await unmanaged({ title: 'Journaled', startDate: '2030-10-05', endDate: '2030-10-06', notes: 'first' });
    const id = created.event.id;
    const moved = await moveEvent(manager.session, id, created.event.version, '2030-10-08', '2030-10-09');
    const edited = await updateEvent(manager.session, id, moved.event.version, { notes: 'second' });
    const tentative = await changeStatus(manager.session, id, edited.event.version, 'TENTATIVE');
    expect(tentative.event.version).toBe(4);
    await assignCrew(manager.session, { eventId: id, userId: engineer.id, crewRoleId: sound });
    await setCrewRole(manager.session, id, engineer.id, lighting);
    await unassignCrew(manager.session, id, engineer.id);
    await deleteEvent(manager.session, id);
    const restored = await restoreEvent(manager.session, id);
    expect(restored.event.version).toBe(9);

    const journal = await journalOf(admin.session, id, { objectType: 'ProductionEvent' });
    const rows = [...journal.entries].reverse();
    expect(rows.map((row) => row.action)).toEqual([
      'event.create',
      'event.move',
      'event.update',
      'event.status_change',
      'crew.assign',
      'crew.role_change',
      'crew.unassign',
      'event.delete',
      'event.restore',
    ]);
    expect(rows.every((row) => row.actorLabel === manager.name && row.objectId === id)).toBe(true);
    const changesOf = (action: string) => rows.find((row) => row.action === action)!.changes;
    expect(changesOf('event.create')).toEqual(
      expect.arrayContaining([
        { field: 'title', oldValue: null, newValue: 'Journaled' },
        { field: 'startDate', oldValue: null, newValue: '2030-10-05' },
        { field: 'endDate', oldValue: null, newValue: '2030-10-06' },
        { field: 'notes', oldValue: null, newValue: 'first' },
      ]),
    );
    expect(changesOf('event.create').find((c) => c.field === 'status')?.newValue).toMatch(/^draft$/i);
    expect(sorted(changesOf('event.move').map((c) => c.field))).toEqual(['endDate', 'startDate']);
    expect(changesOf('event.move')).toEqual(
      expect.arrayContaining([
        { field: 'startDate', oldValue: '2030-10-05', newValue: '2030-10-08' },
        { field: 'endDate', oldValue: '2030-10-06', newValue: '2030-10-09' },
      ]),
    );
    expect(changesOf('event.update')).toEqual([{ field: 'notes', oldValue: 'first', newValue: 'second' }]);
    const status = changesOf('event.status_change');
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ field: 'status', oldValue: expect.stringMatching(/^draft$/i), newValue: expect.stringMatching(/^tentative$/i) });
    expect(JSON.stringify(changesOf('crew.assign'))).toContain(engineer.id);
    expect(changesOf('crew.role_change')).toEqual([{ field: 'crewRole', oldValue: 'Sound', newValue: 'Lighting' }]);
    expect(changesOf('crew.unassign')).toHaveLength(1);
    expect(changesOf('event.delete')).toEqual([{ field: 'deleted', oldValue: false, newValue: true }]);
    expect(changesOf('event.restore')).toEqual([{ field: 'deleted', oldValue: true, newValue: false }]);

    const since = await admin.session.request('query($seq: SafeInt!) { changesSince(seq: $seq) { seq action objectId } }', { seq: seqBefore });
    expect(since.errors).toBeUndefined();
    const replayed = (since.data!.changesSince as Array<{ seq: number; action: string; objectId: string }>).filter((row) => row.objectId === id);
    expect(replayed.map((row) => row.seq)).toEqual(rows.map((row) => row.seq));
  });

  it('a refused mutation writes nothing', async () => {
    const created = await unmanaged({ title: 'Refusals', startDate: '2030-10-20', endDate: '2030-10-20' });
    const id = created.event.id;
    const renamed = await updateEvent(manager.session, id, created.event.version, { title: 'Refusals renamed' });
    const version = renamed.event.version;
    const total = (await journalOf(admin.session, id)).total;
    expect(total).toBe(2);

    expectCode((await tryUpdateEvent(manager2.session, id, created.event.version, { title: 'Stale rename' })).errors, 'CONFLICT');
    expectFieldProblem((await tryChangeStatus(manager.session, id, version, 'COMPLETED')).errors, 'status');
    expectFieldProblem((await tryUpdateEvent(manager.session, id, version, { endDate: '2030-10-19' })).errors, 'endDate');
    expectCode((await tryUpdateEvent(engineer.session, id, version, { notes: 'engineer' })).errors, 'FORBIDDEN');

    const busy = await unmanaged({ title: 'Refusals busy', startDate: '2030-10-20', endDate: '2030-10-20' });
    await assignCrew(manager.session, { eventId: busy.event.id, userId: engineer2.id, crewRoleId: sound });
    await updateSettings(admin.session, { crewDoubleBooking: 'BLOCK' });
    try {
      expectCode((await tryAssignCrew(manager.session, { eventId: id, userId: engineer2.id, crewRoleId: sound })).errors, 'CONFLICT');
      expectCode((await tryUpdateEvent(manager.session, id, version, { seniorEngineerId: engineer2.id })).errors, 'CONFLICT');
    } finally {
      await updateSettings(admin.session, { crewDoubleBooking: 'WARN' });
    }

    expect((await journalOf(admin.session, id)).total).toBe(total);
    const after = await getEvent(manager.session, id);
    expect(after).toMatchObject({ version, title: 'Refusals renamed', endDate: '2030-10-20', status: 'DRAFT', seniorEngineer: null, crew: [] });
  });
});

describe('dates', () => {
  it('the window includes prep and return days', async () => {
    const event = await unmanaged({ title: 'Reserved days', startDate: '2030-11-10', endDate: '2030-11-12', prepDays: 2, returnDays: 3 });
    const id = event.event.id;
    expect(event.event).toMatchObject({ busyFrom: '2030-11-08', busyTo: '2030-11-15' });
    const seen = async (from: string, to: string) => ids(await listEvents(manager.session, from, to)).includes(id);
    expect(await seen('2030-11-08', '2030-11-08')).toBe(true);
    expect(await seen('2030-11-15', '2030-11-15')).toBe(true);
    expect(await seen('2030-11-01', '2030-11-07')).toBe(false);
    expect(await seen('2030-11-16', '2030-11-30')).toBe(false);
  });

  it('a Sunday–Monday event is one event in the windows of both weeks', async () => {
    // 2030-12-01 is a Sunday.
    expect(new Date('2030-12-01T12:00:00Z').getUTCDay()).toBe(0);
    const event = await unmanaged({ title: 'Across the weekend', startDate: '2030-12-01', endDate: '2030-12-02' });
    const id = event.event.id;
    const neighbour = await unmanaged({ title: 'Monday neighbour', startDate: '2030-12-02', endDate: '2030-12-02' });
    const week1 = await listEvents(manager.session, '2030-11-25', '2030-12-01');
    const week2 = await listEvents(manager.session, '2030-12-02', '2030-12-08');
    expect(week1.filter((e) => e.id === id)).toHaveLength(1);
    expect(week2.filter((e) => e.id === id)).toHaveLength(1);
    expect(ids(week1)).not.toContain(neighbour.event.id);
    const [a, b] = [week1.find((e) => e.id === id)!, week2.find((e) => e.id === id)!];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ startDate: '2030-12-01', endDate: '2030-12-02' });
    expect((await listEvents(manager.session, '2030-11-25', '2030-12-08')).filter((e) => e.id === id)).toHaveLength(1);
  });

  it('the company time zone decides days and instants (Europe/Moscow, and a DST change in America/New_York)', async () => {
    try {
      expect((await updateSettings(admin.session, { timeZone: 'Europe/Moscow' })).timeZone).toBe('Europe/Moscow');
      const early = await unmanaged({ title: 'Early in Moscow', startDate: '2026-06-01', endDate: '2026-06-01', startTime: '01:00', endTime: '03:00' });
      expect(early.event).toMatchObject({ startDate: '2026-06-01', startsAt: '2026-05-31T22:00:00.000Z', endsAt: '2026-06-01T00:00:00.000Z', endsNextDay: false });
      expect(ids(await listEvents(manager.session, '2026-06-01', '2026-06-01'))).toContain(early.event.id);
      expect(ids(await listEvents(manager.session, '2026-05-31', '2026-05-31'))).not.toContain(early.event.id);

      expect((await updateSettings(admin.session, { timeZone: 'America/New_York' })).timeZone).toBe('America/New_York');
      // Clocks go forward at 02:00 on 2026-03-08: 20:00 EST → 04:00 EDT is 7 real hours.
      const overnight = await unmanaged({ title: 'DST night', startDate: '2026-03-07', endDate: '2026-03-07', startTime: '20:00', endTime: '04:00' });
      expect(overnight.event).toMatchObject({
        startDate: '2026-03-07',
        endDate: '2026-03-07',
        endsNextDay: true,
        busyTo: '2026-03-07',
        startsAt: '2026-03-08T01:00:00.000Z',
        endsAt: '2026-03-08T08:00:00.000Z',
      });
      expect(Date.parse(overnight.event.endsAt!) - Date.parse(overnight.event.startsAt!)).toBe(7 * 3600_000);
      // The same instants are read back, and the Moscow event's instants follow the new zone.
      expect((await getEvent(manager.session, overnight.event.id)).endsAt).toBe('2026-03-08T08:00:00.000Z');
      expect((await getEvent(manager.session, early.event.id)).startsAt).toBe('2026-06-01T05:00:00.000Z');
    } finally {
      await updateSettings(admin.session, { timeZone: 'Europe/Moscow' });
    }
    expect((await companySettings(manager.session)).timeZone).toBe('Europe/Moscow');
  });

  it('filters: statuses, confirmedOnly, mine, manager, person and client', async () => {
    const response = await manager.session.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
      input: { name: 'Filter Client', kind: 'PERSON', phone: '+7 901 555-00-21' },
    });
    const clientId = response.data!.createClient.id as string;
    const draft = await unmanaged({ title: 'Filter draft', startDate: '2030-12-15', endDate: '2030-12-15', clientId });
    const confirmed = await unmanaged({ title: 'Filter confirmed', startDate: '2030-12-16', endDate: '2030-12-16', status: 'CONFIRMED' });
    const mine = await createEvent(manager2.session, { title: 'Filter managed by Marina', startDate: '2030-12-17', endDate: '2030-12-17', status: 'TENTATIVE' });
    await assignCrew(manager.session, { eventId: confirmed.event.id, userId: engineer2.id, crewRoleId: sound });
    const inProgress = await changeStatus(manager.session, (await unmanaged({ title: 'Filter running', startDate: '2030-12-18', endDate: '2030-12-18', status: 'CONFIRMED' })).event.id, 1, 'IN_PROGRESS');

    const list = async (session: HttpSession, filter: Record<string, unknown>) => ids(await listEvents(session, '2030-12-15', '2030-12-18', filter));
    expect(await list(manager.session, {})).toEqual([draft.event.id, confirmed.event.id, mine.event.id, inProgress.event.id]);
    expect(await list(manager.session, { statuses: ['DRAFT', 'TENTATIVE'] })).toEqual([draft.event.id, mine.event.id]);
    expect(await list(manager.session, { confirmedOnly: true })).toEqual([confirmed.event.id, inProgress.event.id]);
    expect(await list(manager2.session, { mine: true })).toEqual([mine.event.id]);
    expect(await list(manager.session, { managerId: manager2.id })).toEqual([mine.event.id]);
    expect(await list(manager.session, { personId: engineer2.id })).toEqual([confirmed.event.id]);
    expect(await list(manager.session, { clientId })).toEqual([draft.event.id]);
    expect(await list(manager.session, { confirmedOnly: true, personId: engineer2.id })).toEqual([confirmed.event.id]);
  });
});

describe('one connection, one query at a time', () => {
  it("a write's reads inside its transaction go one after another: pg never warns of a query sent while another runs", async () => {
    const event = await unmanaged({ title: 'Queued reads', startDate: '2031-04-07', endDate: '2031-04-08' });
    const crewed = await assignCrew(manager.session, { eventId: event.event.id, userId: engineer.id, crewRoleId: sound });
    const moved = await moveEvent(manager.session, event.event.id, crewed.event.version, '2031-04-14', '2031-04-15');
    expect(moved.event.crew.map((member) => member.person.id)).toEqual([engineer.id]);
    expect(warnings.map((warning) => warning.message).filter((message) => /already executing a query/.test(message))).toEqual([]);
  });
});

describe('constant number of SQL statements', () => {
  let counted: TestServer;
  afterAll(async () => {
    await counted?.stop();
  });

  it('productionEvents costs the same number of statements for a week, a year and more events', async () => {
    counted = await startTestServer({ countStatements: true });
    const boss = await signInAs(counted.url, 'manager@loadout.demo');
    const [eng1, eng2, eng3] = await Promise.all(['engineer', 'engineer2', 'manager2'].map((name) => signInAs(counted.url, `${name}@loadout.demo`)));
    const [soundRole, lightRole] = await Promise.all([crewRoleId(boss.session, 'Sound'), crewRoleId(boss.session, 'Lighting')]);

    // Three events with crew (and a double booking) in one week of March…
    for (const [i, day] of ['2031-03-10', '2031-03-11', '2031-03-12'].entries()) {
      const event = await createEvent(boss.session, { title: `March ${i}`, startDate: day, endDate: addDays(day, 1), seniorEngineerId: eng3.id, managerId: null });
      await assignCrew(boss.session, { eventId: event.event.id, userId: eng1.id, crewRoleId: soundRole });
      await assignCrew(boss.session, { eventId: event.event.id, userId: eng2.id, crewRoleId: lightRole });
    }
    // …and thirty more across the year.
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(
        Array.from({ length: 5 }, async (_, j) => {
          const n = batch * 5 + j;
          const day = addDays('2031-01-02', n * 12);
          const event = await createEvent(boss.session, { title: `Year ${n}`, startDate: day, endDate: day, prepDays: 1, managerId: null });
          await assignCrew(boss.session, { eventId: event.event.id, userId: [eng1, eng2, eng3][n % 3].id, crewRoleId: soundRole });
        }),
      );
    }

    // A fresh session, so no session refresh happens between the measured requests.
    const reader = await signInAs(counted.url, 'engineer@loadout.demo');
    const measure = async (from: string, to: string) => {
      const outcome = await tryListEvents(reader.session, from, to);
      expect(outcome.errors).toBeUndefined();
      const requestId = outcome.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      return { events: outcome.data!, statements: counted.server.statementsOf(requestId!) };
    };
    const week = await measure('2031-03-09', '2031-03-15');
    const month = await measure('2031-03-01', '2031-03-31');
    const year = await measure('2031-01-01', '2031-12-31');
    const empty = await measure('2045-01-01', '2045-01-07');

    expect(week.events.filter((e) => e.title.startsWith('March '))).toHaveLength(3);
    expect(week.events.every((e) => e.crew.length > 0)).toBe(true);
    expect(week.events.some((e) => e.problems.some((p) => p.kind === 'CREW_CONFLICT'))).toBe(true);
    expect(year.events.length).toBeGreaterThanOrEqual(33);
    expect(month.events.length).toBeGreaterThanOrEqual(week.events.length);
    expect(empty.events).toEqual([]);

    expect(week.statements).toBeGreaterThan(0);
    expect(month.statements).toBe(week.statements);
    expect(year.statements).toBe(week.statements);
    expect(empty.statements).toBeLessThanOrEqual(week.statements);
    // Measured again: the same.
    expect((await measure('2031-01-01', '2031-12-31')).statements).toBe(year.statements);
  });
});

describe('validation', () => {
  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    expectFieldProblem((await tryCreateEvent(manager.session, { title: 'Backwards', startDate: '2030-12-20', endDate: '2030-12-19', managerId: null })).errors, 'endDate');
    expectFieldProblem((await tryCreateEvent(manager.session, { title: 'Unknown client', startDate: '2030-12-20', endDate: '2030-12-20', clientId: randomUUID() })).errors, 'clientId');
    expectFieldProblem((await tryCreateEvent(manager.session, { title: 'Unknown venue', startDate: '2030-12-20', endDate: '2030-12-20', venueId: randomUUID() })).errors, 'venueId');
    expectFieldProblem((await tryCreateEvent(manager.session, { title: 'Too much prep', startDate: '2030-12-20', endDate: '2030-12-20', prepDays: 31 })).errors, /prepDays$/);
    expectFieldProblem((await tryCreateEvent(manager.session, { title: 'Bad time', startDate: '2030-12-20', endDate: '2030-12-20', startTime: '25:00' })).errors, /startTime$/);
    expect((await listEvents(manager.session, '2030-12-19', '2030-12-20')).map((e) => e.title)).toEqual([]);

    const event = await unmanaged({ title: 'Valid', startDate: '2030-12-22', endDate: '2030-12-23' });
    expectFieldProblem((await tryMoveEvent(manager.session, event.event.id, event.event.version, '2030-12-23', '2030-12-22')).errors, 'endDate');
    expectFieldProblem((await tryAssignCrew(manager.session, { eventId: event.event.id, userId: randomUUID(), crewRoleId: sound })).errors, 'userId');
    expectFieldProblem((await tryUpdateEvent(manager.session, event.event.id, event.event.version + 5, { title: 'From the future' })).errors, 'expectedVersion');
    expectFieldProblem((await tryAssignCrew(manager.session, { eventId: event.event.id, userId: engineer.id, crewRoleId: randomUUID() })).errors, 'crewRoleId');
  });

  it('an impossible Date is BAD_USER_INPUT, as a variable and as a literal', async () => {
    expectCode((await tryCreateEvent(manager.session, { title: 'Feb 30', startDate: '2026-02-30', endDate: '2026-03-01' })).errors, 'BAD_USER_INPUT');
    expectCode((await tryListEvents(manager.session, '2026-02-30', '2026-03-01')).errors, 'BAD_USER_INPUT');
    expectCode((await tryListEvents(manager.session, '2026-2-3', '2026-03-01')).errors, 'BAD_USER_INPUT');
    const literal = await manager.session.request('{ productionEvents(from: "2026-02-30", to: "2026-03-01") { id } }');
    expectCode(literal.errors, 'BAD_USER_INPUT');
  });

  it('windows: at most 400 days for the calendar, 120 for the crew schedule and busy people; not backwards', async () => {
    expect((await tryListEvents(manager.session, '2030-01-01', '2031-02-04')).errors).toBeUndefined(); // 400 days
    expectFieldProblem((await tryListEvents(manager.session, '2030-01-01', '2031-02-05')).errors, 'to');
    expectFieldProblem((await tryListEvents(manager.session, '2030-02-01', '2030-01-31')).errors, 'to');
    expect((await tryCrewSchedule(manager.session, '2030-01-01', '2030-04-30')).errors).toBeUndefined(); // 120 days
    expectFieldProblem((await tryCrewSchedule(manager.session, '2030-01-01', '2030-05-01')).errors, 'to');
    expectFieldProblem((await tryBusyPeople(manager.session, '2030-01-01', '2030-05-01')).errors, 'to');
  });

  it('an unknown event is NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
    const missing = randomUUID();
    expectCode((await tryGetEvent(manager.session, missing)).errors, 'NOT_FOUND');
    expectCode((await tryUpdateEvent(manager.session, missing, 1, { title: 'Ghost' })).errors, 'NOT_FOUND');
    expectCode((await tryMoveEvent(manager.session, missing, 1, '2030-12-01', '2030-12-01')).errors, 'NOT_FOUND');
    expectCode((await tryChangeStatus(manager.session, missing, 1, 'TENTATIVE')).errors, 'NOT_FOUND');
    expectCode((await tryDeleteEvent(manager.session, missing)).errors, 'NOT_FOUND');
    expectCode((await tryDuplicateEvent(manager.session, missing, '2030-12-01')).errors, 'NOT_FOUND');
    expectCode((await tryAssignCrew(manager.session, { eventId: missing, userId: engineer.id, crewRoleId: sound })).errors, 'NOT_FOUND');
    expectCode((await tryGetEvent(manager.session, 'not-an-id')).errors, 'BAD_USER_INPUT');
  });
});
