import type { CalendarProductionEvent } from './calendarTypes';

/** A production event for unit specs, with `changes` applied. */
export function calendarEventFixture(changes: Partial<CalendarProductionEvent> = {}): CalendarProductionEvent {
  return {
    id: 'e1',
    title: 'Gala',
    status: 'CONFIRMED',
    version: 3,
    startDate: '2026-05-10',
    endDate: '2026-05-11',
    startTime: null,
    endTime: null,
    endsNextDay: false,
    prepDays: 0,
    returnDays: 0,
    busyFrom: '2026-05-10',
    busyTo: '2026-05-11',
    createdAt: '2026-04-01T10:00:00.000Z',
    deletedAt: null,
    client: { id: 'c1', name: 'Acme' },
    venue: { id: 'v1', name: 'Hall' },
    manager: { id: 'm1', name: 'Maxim' },
    seniorEngineer: { id: 's1', name: 'Sergey' },
    crew: [{ id: 'a1', person: { id: 'p1', name: 'Egor' }, roleName: 'Sound' }],
    problems: [],
    ...changes,
  };
}
