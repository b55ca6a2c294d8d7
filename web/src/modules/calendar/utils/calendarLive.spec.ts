import type { CalendarApi, EventApi, EventInput } from '@fullcalendar/react';
import { describe, expect, it } from 'vitest';
import { applyCalendarPlan } from './applyCalendarPlan';
import { applyChangesToList } from './applyChangesToList';
import { calendarEventFixture } from './calendarEventFixture';
import type { CalendarChange, CalendarFilter } from './calendarTypes';
import { createCalendarBars } from './createCalendarBars';
import { createLiveChangeGate } from './createLiveChangeGate';
import { emptyCalendarFilter } from './emptyCalendarFilter';
import { matchesCalendarFilter } from './matchesCalendarFilter';
import { planCalendarChange } from './planCalendarChange';

const filter = (changes: Partial<CalendarFilter>): CalendarFilter => ({ ...emptyCalendarFilter, ...changes });

describe('matchesCalendarFilter', () => {
  const event = calendarEventFixture();

  it('keeps everything without filters, but never a deleted event', () => {
    expect(matchesCalendarFilter(event, emptyCalendarFilter, 'x')).toBe(true);
    expect(matchesCalendarFilter({ ...event, deletedAt: '2026-05-01T00:00:00Z' }, emptyCalendarFilter, 'x')).toBe(false);
  });

  it('confirmed only keeps confirmed and in-progress events', () => {
    expect(matchesCalendarFilter(event, filter({ confirmedOnly: true }), 'x')).toBe(true);
    expect(matchesCalendarFilter({ ...event, status: 'IN_PROGRESS' }, filter({ confirmedOnly: true }), 'x')).toBe(true);
    expect(matchesCalendarFilter({ ...event, status: 'TENTATIVE' }, filter({ confirmedOnly: true }), 'x')).toBe(false);
  });

  it('filters by status, manager and client', () => {
    expect(matchesCalendarFilter(event, filter({ statuses: ['DRAFT', 'CONFIRMED'] }), 'x')).toBe(true);
    expect(matchesCalendarFilter(event, filter({ statuses: ['DRAFT'] }), 'x')).toBe(false);
    expect(matchesCalendarFilter(event, filter({ managerId: 'm1' }), 'x')).toBe(true);
    expect(matchesCalendarFilter(event, filter({ managerId: 'm2' }), 'x')).toBe(false);
    expect(matchesCalendarFilter(event, filter({ clientId: 'c2' }), 'x')).toBe(false);
  });

  it('"mine" and person mean manager, senior engineer or crew', () => {
    for (const id of ['m1', 's1', 'p1']) {
      expect(matchesCalendarFilter(event, filter({ mine: true }), id)).toBe(true);
      expect(matchesCalendarFilter(event, filter({ personId: id }), 'x')).toBe(true);
    }
    expect(matchesCalendarFilter(event, filter({ mine: true }), 'nobody')).toBe(false);
    expect(matchesCalendarFilter(event, filter({ personId: 'nobody' }), 'x')).toBe(false);
  });
});

describe('planCalendarChange', () => {
  const change = (changes: Partial<CalendarChange>): CalendarChange => ({
    seq: 10,
    kind: 'MOVED',
    eventId: 'e1',
    actorName: 'Marina',
    event: calendarEventFixture(),
    ...changes,
  });

  it('shows created, moved and updated events as they are now', () => {
    for (const kind of ['CREATED', 'MOVED', 'UPDATED', 'STATUS_CHANGED', 'RESTORED'] as const) {
      expect(planCalendarChange(change({ kind }), emptyCalendarFilter, 'x')).toEqual({
        action: 'upsert',
        event: calendarEventFixture(),
      });
    }
  });

  it('removes deleted events and events that no longer match the filters', () => {
    expect(planCalendarChange(change({ kind: 'DELETED' }), emptyCalendarFilter, 'x')).toEqual({ action: 'remove', eventId: 'e1' });
    expect(planCalendarChange(change({ event: null }), emptyCalendarFilter, 'x')).toEqual({ action: 'remove', eventId: 'e1' });
    const cancelled = change({ kind: 'STATUS_CHANGED', event: calendarEventFixture({ status: 'CANCELLED' }) });
    expect(planCalendarChange(cancelled, filter({ confirmedOnly: true }), 'x')).toEqual({ action: 'remove', eventId: 'e1' });
  });
});

describe('createLiveChangeGate', () => {
  const change = (eventId: string, seq: number) => ({ eventId, seq });

  it('applies changes at once unless their event is held, then releases them in order', () => {
    const applied: number[][] = [];
    const gate = createLiveChangeGate<{ eventId: string; seq: number }>((changes) =>
      applied.push(changes.map((item) => item.seq)),
    );
    gate.hold('dragged');
    gate.push([change('other', 1), change('dragged', 2), change('other', 3)]);
    gate.push([change('dragged', 4)]);
    expect(applied).toEqual([[1, 3]]);
    expect(gate.isHeld('dragged')).toBe(true);
    gate.release('dragged');
    expect(applied).toEqual([[1, 3], [2, 4]]);
    expect(gate.isHeld('dragged')).toBe(false);
    gate.push([change('dragged', 5)]);
    expect(applied.at(-1)).toEqual([5]);
  });

  it('releasing an event with nothing waiting applies nothing', () => {
    const applied: unknown[] = [];
    const gate = createLiveChangeGate((changes) => applied.push(changes));
    gate.hold('a');
    gate.release('a');
    gate.release('never-held');
    expect(applied).toEqual([]);
  });
});

/** Just enough of FullCalendar's API to see which single-event calls an update makes. */
function fakeCalendar() {
  const calls: string[] = [];
  const events = new Map<string, EventApi>();
  const makeEvent = (input: EventInput): EventApi => {
    const state = { ...input } as EventInput & { extendedProps: Record<string, unknown> };
    const event = {
      get id() {
        return String(state.id);
      },
      get title() {
        return String(state.title ?? '');
      },
      get startStr() {
        return String(state.start);
      },
      get endStr() {
        return String(state.end);
      },
      get color() {
        return String(state.color ?? '');
      },
      get className() {
        return String(state.className ?? '');
      },
      get startEditable() {
        return Boolean(state.editable);
      },
      get extendedProps() {
        return state.extendedProps;
      },
      setDates(start: string, end: string) {
        calls.push(`setDates ${state.id} ${start} ${end}`);
        state.start = start;
        state.end = end;
      },
      setProp(name: string, value: unknown) {
        calls.push(`setProp ${state.id} ${name}`);
        (state as Record<string, unknown>)[name] = value;
      },
      setExtendedProp(name: string, value: unknown) {
        state.extendedProps = { ...state.extendedProps, [name]: value };
      },
      remove() {
        calls.push(`remove ${state.id}`);
        events.delete(String(state.id));
      },
    };
    return event as unknown as EventApi;
  };
  const api = {
    // One batch: FullCalendar reduces and renders what the callback did once, when it returns.
    batchRendering: (callback: () => void) => {
      calls.push('batch');
      callback();
      calls.push('end');
    },
    getEventById: (id: string) => events.get(id) ?? null,
    addEvent: (input: EventInput) => {
      calls.push(`addEvent ${input.id}`);
      const event = makeEvent(input);
      events.set(String(input.id), event);
      return event;
    },
  } as unknown as CalendarApi;
  // A month of days, every bar held (as in a week view).
  const bars = createCalendarBars();
  bars.reset([], { from: '2026-04-27', to: '2026-06-07' }, null);
  return { api, bars, calls, events };
}

describe('applyCalendarPlan', () => {
  const options = { canEdit: () => true, source: null };

  it('adds a new event with its lighter prep and return extensions', () => {
    const { api, bars, calls } = fakeCalendar();
    const event = calendarEventFixture({ prepDays: 1, returnDays: 2, busyFrom: '2026-05-09', busyTo: '2026-05-13' });
    applyCalendarPlan(api, bars, { action: 'upsert', event }, options);
    expect(calls).toEqual(['batch', 'addEvent e1', 'addEvent e1#prep', 'addEvent e1#return', 'end']);
  });

  it('moves an existing bar by replacing it in one step (one render instead of one per property)', () => {
    const { api, bars, calls } = fakeCalendar();
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture() }, options);
    calls.length = 0;
    const moved = calendarEventFixture({ version: 4, startDate: '2026-05-12', endDate: '2026-05-13', busyFrom: '2026-05-12', busyTo: '2026-05-13' });
    applyCalendarPlan(api, bars, { action: 'upsert', event: moved }, options);
    expect(calls).toEqual(['batch', 'remove e1', 'addEvent e1', 'end']);
    expect(api.getEventById('e1')?.startStr).toBe('2026-05-12');
    expect((api.getEventById('e1')?.extendedProps['productionEvent'] as { version: number }).version).toBe(4);
  });

  it('leaves a bar alone when nothing it shows changed', () => {
    const { api, bars, calls } = fakeCalendar();
    const event = calendarEventFixture();
    applyCalendarPlan(api, bars, { action: 'upsert', event }, options);
    calls.length = 0;
    applyCalendarPlan(api, bars, { action: 'upsert', event }, options);
    expect(calls).toEqual([]);
  });

  it('ignores an update older than what is shown', () => {
    const { api, bars, calls } = fakeCalendar();
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture({ version: 5 }) }, options);
    calls.length = 0;
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture({ version: 4, title: 'Old' }) }, options);
    expect(calls).toEqual([]);
    expect(api.getEventById('e1')?.title).toBe('Gala');
  });

  it('restyles on a status change and removes an extension that is gone, all removals first, in one batch', () => {
    const { api, bars, calls, events } = fakeCalendar();
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture({ returnDays: 1, busyTo: '2026-05-12' }) }, options);
    calls.length = 0;
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture({ version: 4, status: 'CANCELLED' }) }, options);
    expect(calls).toEqual(['batch', 'remove e1', 'remove e1#return', 'addEvent e1', 'end']);
    expect([...events.keys()]).toEqual(['e1']);
  });

  it('removes every part of a deleted event', () => {
    const { api, bars, calls, events } = fakeCalendar();
    applyCalendarPlan(api, bars, { action: 'upsert', event: calendarEventFixture({ prepDays: 1, busyFrom: '2026-05-09' }) }, options);
    calls.length = 0;
    applyCalendarPlan(api, bars, { action: 'remove', eventId: 'e1' }, options);
    expect(calls).toEqual(['batch', 'remove e1', 'remove e1#prep', 'end']);
    expect(events.size).toBe(0);
  });
});

describe('applyChangesToList', () => {
  const loaded = [calendarEventFixture({ id: 'a', version: 2 }), calendarEventFixture({ id: 'b', version: 7 })];
  const change = (event: ReturnType<typeof calendarEventFixture>, kind: CalendarChange['kind'] = 'UPDATED'): CalendarChange => ({
    seq: 1,
    kind,
    eventId: event.id,
    actorName: null,
    event,
  });

  it('applies newer versions, adds new events and drops deleted ones', () => {
    const result = applyChangesToList(
      loaded,
      [
        change(calendarEventFixture({ id: 'a', version: 3, title: 'Newer' })),
        change(calendarEventFixture({ id: 'c', version: 1 }), 'CREATED'),
        change(calendarEventFixture({ id: 'b', version: 8 }), 'DELETED'),
      ],
      emptyCalendarFilter,
      'x',
    );
    expect(result.map((event) => [event.id, event.title])).toEqual([
      ['a', 'Newer'],
      ['c', 'Gala'],
    ]);
  });

  it('keeps what loaded when the change is older, and respects the filters', () => {
    const older = applyChangesToList(loaded, [change(calendarEventFixture({ id: 'b', version: 6, title: 'Old' }))], emptyCalendarFilter, 'x');
    expect(older.find((event) => event.id === 'b')?.title).toBe('Gala');
    const filtered = applyChangesToList(
      loaded,
      [change(calendarEventFixture({ id: 'a', version: 3, status: 'DRAFT' }), 'STATUS_CHANGED')],
      filter({ confirmedOnly: true }),
      'x',
    );
    expect(filtered.map((event) => event.id)).toEqual(['b']);
  });
});
