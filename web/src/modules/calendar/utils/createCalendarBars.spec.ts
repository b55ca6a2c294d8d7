import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../events/utils/addDays';
import { calendarEventFixture } from './calendarEventFixture';
import type { CalendarProductionEvent, CalendarRange } from './calendarTypes';
import { calendarSortKey, createCalendarBars, type CalendarBarEntry, type CalendarBars, type CalendarBarsChange } from './createCalendarBars';

const window_: CalendarRange = { from: '2026-04-27', to: '2026-06-07' };

function entry(id: string, startDate: string, endDate: string, more: Partial<CalendarProductionEvent> = {}): CalendarBarEntry {
  const event = calendarEventFixture({
    id,
    startDate,
    endDate,
    busyFrom: startDate,
    busyTo: endDate,
    createdAt: `2026-04-01T10:00:${id.padStart(2, '0')}.000Z`,
    ...more,
  });
  return { event, inputs: [{ id, start: startDate, end: addDays(endDate, 1) }] };
}

/** What FullCalendar holds after applying changes the way `applyCalendarPlan` does. */
function follow(held: Set<string>, change: CalendarBarsChange): void {
  for (const left of change.left) held.delete(left.event.id);
  for (const entered of change.entered) held.add(entered.event.id);
}

/** The same answer computed from scratch: every day's first `limit` events, and events with no show day in the window. */
function expected(events: CalendarProductionEvent[], range: CalendarRange, limit: number) {
  const sorted = [...events].sort((a, b) => (calendarSortKey(a) < calendarSortKey(b) ? -1 : 1));
  const held = new Set<string>();
  const unheld = new Map<string, number>();
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const on = sorted.filter((event) => event.startDate <= day && event.endDate >= day);
    on.slice(0, limit).forEach((event) => held.add(event.id));
  }
  for (const event of sorted) {
    const shows = event.startDate <= range.to && event.endDate >= range.from;
    if (!shows && event.busyFrom <= range.to && event.busyTo >= range.from) held.add(event.id);
  }
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const on = sorted.filter((event) => event.startDate <= day && event.endDate >= day);
    unheld.set(day, on.filter((event) => !held.has(event.id)).length);
  }
  const shown = sorted.filter((event) => event.startDate <= range.to && event.endDate >= range.from).length;
  return { held, unheld, shown };
}

function check(bars: CalendarBars, fcHeld: Set<string>, events: CalendarProductionEvent[], limit: number): void {
  const want = expected(events, bars.range(), limit);
  expect([...fcHeld].sort()).toEqual([...want.held].sort());
  expect(bars.heldInputs().map((input) => String(input.id)).sort()).toEqual([...want.held].sort());
  for (const [day, count] of want.unheld) expect(bars.unheldOn(day), day).toBe(count);
  expect(bars.count()).toBe(want.shown);
}

describe('createCalendarBars', () => {
  it('holds a busy day\'s first bars (one more than a day draws) and counts the rest for "+N more"', () => {
    const bars = createCalendarBars();
    const day = '2026-05-13';
    const entries = Array.from({ length: 10 }, (_, i) => entry(String(i + 1), day, day));
    const held = bars.reset(entries, window_, 3);
    expect(held.map((e) => e.event.id)).toEqual(['1', '2', '3']);
    expect(bars.unheldOn(day)).toBe(7);
    expect(bars.eventsOn(day).map((event) => event.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(bars.count()).toBe(10);

    // The oldest leaves: the fourth takes its place, nothing else moves.
    const change = bars.remove('1');
    expect(change.left.map((e) => e.event.id)).toEqual(['1']);
    expect(change.entered.map((e) => e.event.id)).toEqual(['4']);
    expect(bars.unheldOn(day)).toBe(6);

    // A newer event on that day changes nothing FullCalendar holds, only the count.
    const added = bars.put(entry('11', day, day));
    expect(added).toEqual({ entered: [], left: [], kept: null });
    expect(bars.unheldOn(day)).toBe(7);
  });

  it('a held event that changes is updated in place; an older version is ignored', () => {
    const bars = createCalendarBars();
    bars.reset([entry('1', '2026-05-10', '2026-05-11')], window_, 3);
    const moved = entry('1', '2026-05-12', '2026-05-13', { version: 4 });
    const change = bars.put(moved);
    expect(change.kept?.after).toBe(moved);
    expect(change.kept?.before.event.startDate).toBe('2026-05-10');
    expect(bars.put(entry('1', '2026-05-01', '2026-05-01', { version: 2 }))).toEqual({ entered: [], left: [], kept: null });
    expect(bars.get('1')).toBe(moved);
  });

  it('holds an event whose show days are outside the window but whose prep days are inside', () => {
    const bars = createCalendarBars();
    const held = bars.reset([entry('1', '2026-06-08', '2026-06-09', { busyFrom: '2026-06-06', prepDays: 2 })], window_, 3);
    expect(held).toHaveLength(1);
    expect(bars.count()).toBe(0);
  });

  it('without a limit (week and day views) holds everything', () => {
    const bars = createCalendarBars();
    const day = '2026-05-13';
    const held = bars.reset(Array.from({ length: 20 }, (_, i) => entry(String(i + 1), day, day)), window_, null);
    expect(held).toHaveLength(20);
    expect(bars.unheldOn(day)).toBe(0);
    expect(bars.barsPerDay()).toBeNull();
  });

  it('random puts and removes keep FullCalendar holding exactly what a fresh selection would', () => {
    const dayIndex = fc.integer({ min: -3, max: 44 });
    const op = fc.record({
      id: fc.integer({ min: 1, max: 25 }).map(String),
      remove: fc.boolean(),
      start: dayIndex,
      length: fc.integer({ min: 0, max: 9 }),
      prep: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (initial, ops, limit) => {
        const bars = createCalendarBars();
        const events = new Map<string, CalendarProductionEvent>();
        const make = (o: (typeof initial)[number], version: number) => {
          const start = addDays(window_.from, o.start);
          const end = addDays(start, o.length);
          return entry(o.id, start, end, { version, busyFrom: addDays(start, -o.prep), prepDays: o.prep });
        };
        for (const o of initial) events.set(o.id, make(o, 1).event);
        const fcHeld = new Set(
          bars.reset([...events.values()].map((event) => ({ event, inputs: [{ id: event.id }] })), window_, limit).map((e) => e.event.id),
        );
        check(bars, fcHeld, [...events.values()], limit);
        ops.forEach((o, i) => {
          if (o.remove) {
            events.delete(o.id);
            follow(fcHeld, bars.remove(o.id));
          } else {
            const next = make(o, 2 + i);
            events.set(o.id, next.event);
            const change = bars.put(next);
            follow(fcHeld, change);
            if (change.kept) expect(fcHeld.has(o.id)).toBe(true);
          }
          check(bars, fcHeld, [...events.values()], limit);
        });
      }),
      { numRuns: 200 },
    );
  });
});
