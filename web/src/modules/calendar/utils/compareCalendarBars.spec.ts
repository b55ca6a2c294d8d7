import { describe, expect, it } from 'vitest';
import { compareCalendarBars } from './compareCalendarBars';
import { calendarEventFixture } from './calendarEventFixture';
import { calendarSortKey, compareSortKeys } from './createCalendarBars';
import { toCalendarEventInputs } from './toCalendarEventInputs';

const bar = (sortKey: string) => ({ extendedProps: { sortKey } });

describe('compareCalendarBars (FullCalendar eventOrder)', () => {
  it('orders by sort key code unit by code unit, as the window bars do, not by the locale', () => {
    // A locale's collation puts "a" before "B"; the bars' order (and JavaScript's <) does not.
    expect('a'.localeCompare('B')).toBeLessThan(0);
    const keys = ['a|2', 'B|1', '2026-05-01T10:00:00.000Z|e2', '2026-05-01T10:00:00.000Z|e1', 'a|1'];
    const byBars = [...keys].sort(compareSortKeys);
    expect(byBars).toEqual(['2026-05-01T10:00:00.000Z|e1', '2026-05-01T10:00:00.000Z|e2', 'B|1', 'a|1', 'a|2']);
    expect(keys.map(bar).sort(compareCalendarBars).map((item) => item.extendedProps.sortKey)).toEqual(byBars);
    expect(compareCalendarBars(bar('x'), bar('x'))).toBe(0);
  });

  it('reads the key every part of an event carries: its creation time, then its id', () => {
    const older = calendarEventFixture({ id: 'e2', createdAt: '2026-04-01T10:00:00.000Z' });
    const newer = calendarEventFixture({ id: 'e1', createdAt: '2026-04-02T10:00:00.000Z', prepDays: 1, busyFrom: '2026-05-09' });
    const [show, prep] = toCalendarEventInputs(newer, true);
    expect(prep?.extendedProps).toMatchObject({ sortKey: calendarSortKey(newer) });
    expect(compareCalendarBars(toCalendarEventInputs(older, true)[0], show)).toBeLessThan(0);
    expect(compareCalendarBars(show, prep)).toBe(0);
  });
});
