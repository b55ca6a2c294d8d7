import { describe, expect, it } from 'vitest';
import { calendarEventFixture } from './calendarEventFixture';
import { canEditProductionEvent } from './canEditProductionEvent';
import { conflictKey } from './conflictKey';
import { recentConflictNotices } from './recentConflictNotices';
import { statusHexColor as statusColor } from '../../events/utils/statusColor';
import { toCalendarEventInputs } from './toCalendarEventInputs';

describe('toCalendarEventInputs', () => {
  it('draws the show days as one all-day bar with an exclusive end', () => {
    const [bar, ...rest] = toCalendarEventInputs(calendarEventFixture(), true);
    expect(rest).toEqual([]);
    expect(bar).toMatchObject({
      id: 'e1',
      title: 'Gala',
      start: '2026-05-10',
      end: '2026-05-12',
      allDay: true,
      editable: true,
      color: statusColor('CONFIRMED'),
      extendedProps: { part: 'show', sortKey: '2026-04-01T10:00:00.000Z|e1' },
    });
  });

  it('keeps an overnight show on its show day', () => {
    const event = calendarEventFixture({ startDate: '2026-05-10', endDate: '2026-05-10', startTime: '22:00', endTime: '03:00', endsNextDay: true });
    expect(toCalendarEventInputs(event, false)[0]).toMatchObject({ start: '2026-05-10', end: '2026-05-11', editable: false });
  });

  it('adds lighter background extensions for prep and return days', () => {
    const event = calendarEventFixture({ prepDays: 2, returnDays: 1, busyFrom: '2026-05-08', busyTo: '2026-05-12' });
    const [, prep, back] = toCalendarEventInputs(event, true);
    expect(prep).toMatchObject({ id: 'e1#prep', start: '2026-05-08', end: '2026-05-10', display: 'background' });
    expect(back).toMatchObject({ id: 'e1#return', start: '2026-05-12', end: '2026-05-13', display: 'background' });
  });

  it('marks problems and the status in the class names', () => {
    const event = calendarEventFixture({ status: 'TENTATIVE', problems: [{ kind: 'MANUAL', message: 'No truck', conflict: null }] });
    expect(toCalendarEventInputs(event, true)[0]?.className).toBe(
      'lo-calendar-event lo-calendar-event--tentative lo-calendar-event--problem',
    );
  });
});

describe('canEditProductionEvent', () => {
  const event = calendarEventFixture();
  it('lets anyone with event:update-any, and the own manager with event:create', () => {
    expect(canEditProductionEvent(event, { id: 'x', permissions: ['event:update-any'] })).toBe(true);
    expect(canEditProductionEvent(event, { id: 'm1', permissions: ['event:create'] })).toBe(true);
    expect(canEditProductionEvent(event, { id: 'x', permissions: ['event:create'] })).toBe(false);
    expect(canEditProductionEvent(event, { id: 'm1', permissions: ['event:read'] })).toBe(false);
  });
});

describe('conflict notices', () => {
  const conflict = {
    person: { id: 'p1', name: 'Egor' },
    event: { id: 'e1', title: 'A' },
    otherEvent: { id: 'e2', title: 'B' },
    fromDate: '2026-05-10',
    toDate: '2026-05-10',
  };

  it('name the same double booking alike from either event', () => {
    const mirrored = { ...conflict, event: { id: 'e2', title: 'B' }, otherEvent: { id: 'e1', title: 'A' } };
    expect(conflictKey(mirrored)).toBe(conflictKey(conflict));
    expect(conflictKey({ ...conflict, person: { id: 'p2', name: 'Elena' } })).not.toBe(conflictKey(conflict));
  });

  it('are shown once within 15 s', () => {
    const key = `test-${Math.random()}`;
    expect(recentConflictNotices.claim(key, 1_000)).toBe(true);
    expect(recentConflictNotices.claim(key, 5_000)).toBe(false);
    expect(recentConflictNotices.claim(key, 30_000)).toBe(true);
  });
});
