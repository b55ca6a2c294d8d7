import { describe, expect, it } from 'vitest';
import type { CrewNotification, MyEvent } from './cabinetEventTypes';
import { formatChangeValue } from './formatChangeValue';
import { latestSeqPerEvent } from './latestSeqPerEvent';
import { mergeNotifications } from './mergeNotifications';
import { myAssignmentOf } from './myAssignmentOf';
import { myRolesOn } from './myRolesOn';
import { sortMyEvents } from './sortMyEvents';

const me = 'user-me';

function event(id: string, overrides: Partial<MyEvent> = {}): MyEvent {
  return {
    id,
    title: id,
    status: 'CONFIRMED',
    startDate: '2025-03-10',
    endDate: '2025-03-10',
    startTime: null,
    endTime: null,
    deletedAt: null,
    venue: null,
    manager: { id: 'user-boss', name: 'Boss' },
    seniorEngineer: null,
    crew: [],
    ...overrides,
  };
}

function crewMember(personId: string, role: string, acknowledgedAt: string | null = null): MyEvent['crew'][number] {
  return {
    id: `a-${personId}-${role}`,
    acknowledgedAt,
    person: { id: personId, name: personId },
    crewRole: { id: `r-${role}`, name: role },
  };
}

function notification(seq: number, eventId = 'e1', overrides: Partial<CrewNotification> = {}): CrewNotification {
  return {
    seq,
    kind: 'ADDED',
    message: `n${seq}`,
    at: '2025-03-10T10:00:00.000Z',
    actorName: 'Boss',
    eventId,
    changes: [],
    conflict: null,
    event: null,
    ...overrides,
  };
}

describe('myRolesOn', () => {
  it('lists my crew role, then senior engineer and manager', () => {
    const onIt = event('e1', {
      crew: [crewMember('someone', 'Lighting'), crewMember(me, 'Sound')],
      seniorEngineer: { id: me, name: 'Me' },
      manager: { id: me, name: 'Me' },
    });
    expect(myRolesOn(onIt, me)).toEqual([
      { kind: 'crew', name: 'Sound' },
      { kind: 'seniorEngineer' },
      { kind: 'manager' },
    ]);
  });

  it('is empty when I am not on the event', () => {
    expect(myRolesOn(event('e1', { crew: [crewMember('someone', 'Sound')] }), me)).toEqual([]);
  });
});

describe('myAssignmentOf', () => {
  it('finds my crew place with its acknowledgement', () => {
    const onIt = event('e1', { crew: [crewMember('someone', 'Sound'), crewMember(me, 'Video', '2025-03-01T00:00:00Z')] });
    expect(myAssignmentOf(onIt, me)?.acknowledgedAt).toBe('2025-03-01T00:00:00Z');
    expect(myAssignmentOf(event('e2', { seniorEngineer: { id: me, name: 'Me' } }), me)).toBeNull();
  });
});

describe('sortMyEvents', () => {
  it('puts the soonest first, then by start time and title', () => {
    const sorted = sortMyEvents([
      event('later', { startDate: '2025-04-01' }),
      event('evening', { startTime: '19:00' }),
      event('b-whole-day'),
      event('a-whole-day'),
      event('morning', { startTime: '09:00' }),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['a-whole-day', 'b-whole-day', 'morning', 'evening', 'later']);
  });
});

describe('mergeNotifications', () => {
  it('keeps the newest first without repeats, the latest copy winning', () => {
    const merged = mergeNotifications(
      [notification(5), notification(3)],
      [notification(4), notification(5, 'e1', { message: 'again' }), notification(6)],
      10,
    );
    expect(merged.map((n) => n.seq)).toEqual([6, 5, 4, 3]);
    expect(merged[1]?.message).toBe('again');
  });

  it('keeps only the newest few', () => {
    expect(mergeNotifications([notification(1), notification(2)], [notification(3)], 2).map((n) => n.seq)).toEqual([3, 2]);
  });
});

describe('latestSeqPerEvent', () => {
  it('picks the newest notification of each event', () => {
    expect(latestSeqPerEvent([notification(3, 'a'), notification(7, 'a'), notification(5, 'b')])).toEqual(new Set([7, 5]));
  });
});

describe('formatChangeValue', () => {
  const format = {
    day: (date: string) => `day(${date})`,
    status: (status: string) => `status(${status})`,
    boolean: (value: boolean) => (value ? 'yes' : 'no'),
  };

  it('formats days, statuses, booleans and plain values', () => {
    expect(formatChangeValue('startDate', '2025-03-10', format)).toBe('day(2025-03-10)');
    expect(formatChangeValue('status', 'confirmed', format)).toBe('status(CONFIRMED)');
    expect(formatChangeValue('deleted', true, format)).toBe('yes');
    expect(formatChangeValue('prepDays', 2, format)).toBe('2');
    expect(formatChangeValue('title', 'Gala', format)).toBe('Gala');
  });

  it('shows absent values as a dash and crew places by person and role', () => {
    expect(formatChangeValue('crew', null, format)).toBe('—');
    expect(formatChangeValue('crew', { person: 'Egor', personId: 'u1', role: 'Sound' }, format)).toBe('Egor (Sound)');
  });

  it('hides ids', () => {
    expect(formatChangeValue('venueId', '8d6f…', format)).toBeNull();
  });
});
