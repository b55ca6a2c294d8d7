import type { EventInput } from '@fullcalendar/react';
import { addDays } from '../../events/utils/addDays';
import type { CalendarProductionEvent, CalendarRange } from './calendarTypes';
import { createValueStore } from './createValueStore';

/** One production event of the loaded window and the FullCalendar events that draw it. */
export interface CalendarBarEntry {
  event: CalendarProductionEvent;
  /** The show bar first, then its prep/return extensions (see `toCalendarEventInputs`). */
  inputs: EventInput[];
}

/** What one change does to the events FullCalendar holds. */
export interface CalendarBarsChange {
  /** Entries FullCalendar must now draw (added whole). */
  entered: CalendarBarEntry[];
  /** Entries FullCalendar must drop (as they were, so their parts can be found). */
  left: CalendarBarEntry[];
  /** The changed entry when FullCalendar held it before and still does (updated in place). */
  kept: { before: CalendarBarEntry; after: CalendarBarEntry } | null;
}

export interface CalendarBars {
  /**
   * Replaces the window: its entries, its days and how many bars a day FullCalendar needs to hold
   * (`null`: all). Returns the entries FullCalendar draws.
   */
  reset(entries: readonly CalendarBarEntry[], range: CalendarRange, barsPerDay: number | null): CalendarBarEntry[];
  /** Adds or replaces one entry; an older version than the one held is ignored. */
  put(entry: CalendarBarEntry): CalendarBarsChange;
  remove(eventId: string): CalendarBarsChange;
  get(eventId: string): CalendarBarEntry | undefined;
  /** The window's days, and the bars a day FullCalendar holds (`null`: all), as last reset. */
  range(): CalendarRange;
  barsPerDay(): number | null;
  entries(): CalendarBarEntry[];
  /** The inputs of every entry FullCalendar draws. */
  heldInputs(): EventInput[];
  /** Events whose show days include `day`, in bar order (oldest first). */
  eventsOn(day: string): CalendarProductionEvent[];
  /** How many events show on `day` without FullCalendar holding them (added to its "+N more"). */
  unheldOn(day: string): number;
  /** Events with a show day in the window. */
  count(): number;
  /** Called after every reset and every change. */
  subscribe(listener: () => void): () => void;
  /** Counts resets and changes (a snapshot for `useSyncExternalStore`). */
  version(): number;
}

/**
 * A month shows at most this many bars a day and "+N more" (a popover with the rest) beyond: a busy
 * month stays readable, and FullCalendar holds a few hundred events instead of thousands.
 */
export const MONTH_BARS_PER_DAY = 6;

/** The bar order (FullCalendar's too, strict: see `compareSortKeys`): creation time, then id. */
export function calendarSortKey(event: CalendarProductionEvent): string {
  return `${event.createdAt}|${event.id}`;
}

/**
 * Bars are ordered by sort key, code unit by code unit, here and in FullCalendar (its `eventOrder`):
 * FullCalendar's own comparison of strings is the locale's collation, which is slower and not always
 * the same order (the bars a day draws must be the ones held here).
 */
export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const noChange: CalendarBarsChange = { entered: [], left: [], kept: null };

/**
 * The loaded window's events, and which of them FullCalendar has to hold so that a month draws
 * the same bars it would with all of them. A month day draws its first few bars in creation order
 * and "+N more"; FullCalendar lays out every event it holds on every change, so with thousands
 * of events a live update cost more than a frame. Here each day keeps its events in bar order,
 * and FullCalendar holds only those within the first `barsPerDay` of some day they show on (one
 * more than a day draws, so that a day with unheld events always has a hidden bar and its
 * "+N more" link), plus events whose show days all lie outside the window (their prep/return
 * extensions). An unheld event is never drawn: on each of its days at least `barsPerDay` earlier
 * bars stack below it. The "+N more" count adds `unheldOn(day)` and the popover lists
 * `eventsOn(day)`.
 *
 * A change touches only its event's old and new days: each day's list moves one place, so at most
 * one other event per day enters or leaves the first `barsPerDay`.
 */
export function createCalendarBars(): CalendarBars {
  let range: CalendarRange = { from: '', to: '' };
  let limit = Number.POSITIVE_INFINITY;
  const byId = new Map<string, CalendarBarEntry>();
  /** Day → ids of events showing that day, in bar order. */
  const days = new Map<string, string[]>();
  /** Id → sort key (as it was put into the day lists). */
  const keys = new Map<string, string>();
  /** Id → on how many days it is within the first `limit`. */
  const leading = new Map<string, number>();
  /** Day → how many of its events FullCalendar holds. */
  const heldOn = new Map<string, number>();
  /** Entries with a show day in the window. */
  let shownCount = 0;
  /** Counts resets and changes; its listeners are the bars' subscribers. */
  const revision = createValueStore(0);
  const notify = () => revision.set(revision.get() + 1);

  function shownDays(event: CalendarProductionEvent): string[] {
    const first = event.startDate > range.from ? event.startDate : range.from;
    const last = event.endDate < range.to ? event.endDate : range.to;
    const result: string[] = [];
    for (let day = first; day <= last; day = addDays(day, 1)) result.push(day);
    return result;
  }

  function isHeld(id: string): boolean {
    const entry = byId.get(id);
    if (!entry) return false;
    if ((leading.get(id) ?? 0) > 0) return true;
    const { event } = entry;
    return !showsInWindow(event) && event.busyFrom <= range.to && event.busyTo >= range.from;
  }

  function countHeld(event: CalendarProductionEvent, by: number): void {
    for (const day of shownDays(event)) heldOn.set(day, (heldOn.get(day) ?? 0) + by);
  }

  function showsInWindow(event: CalendarProductionEvent): boolean {
    return event.startDate <= range.to && event.endDate >= range.from;
  }

  function bump(id: string, by: number): void {
    const count = (leading.get(id) ?? 0) + by;
    if (count > 0) leading.set(id, count);
    else leading.delete(id);
  }

  /** First index in `list` whose key is not below `key` (the lists are sorted by key). */
  function position(list: string[], key: string): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys.get(list[middle]!)! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function insert(id: string, day: string, key: string, touch: (id: string) => void): void {
    let list = days.get(day);
    if (!list) days.set(day, (list = []));
    const at = position(list, key);
    list.splice(at, 0, id);
    if (at >= limit) return;
    touch(id);
    bump(id, 1);
    const pushedOut = list[limit];
    if (pushedOut !== undefined) {
      touch(pushedOut);
      bump(pushedOut, -1);
    }
  }

  function extract(id: string, day: string, key: string, touch: (id: string) => void): void {
    const list = days.get(day);
    if (!list) return;
    const at = position(list, key);
    if (list[at] !== id) return;
    list.splice(at, 1);
    if (list.length === 0) days.delete(day);
    if (at >= limit) return;
    touch(id);
    bump(id, -1);
    const pulledIn = list[limit - 1];
    if (pulledIn !== undefined && list.length >= limit) {
      touch(pulledIn);
      bump(pulledIn, 1);
    }
  }

  /** Runs `change`, then compares what FullCalendar held before and after for every id it touched. */
  function track(eventId: string, before: CalendarBarEntry | undefined, change: (touch: (id: string) => void) => void): CalendarBarsChange {
    const heldBefore = new Map<string, CalendarBarEntry | null>();
    const touch = (id: string) => {
      if (!heldBefore.has(id)) heldBefore.set(id, isHeld(id) ? (id === eventId ? before! : byId.get(id)!) : null);
    };
    touch(eventId);
    change(touch);
    const result: CalendarBarsChange = { entered: [], left: [], kept: null };
    for (const [id, was] of heldBefore) {
      const now = isHeld(id) ? byId.get(id)! : null;
      if (was && now && id !== eventId) continue;
      if (was) countHeld(was.event, -1);
      if (now) countHeld(now.event, 1);
      if (was && now) result.kept = { before: was, after: now };
      else if (was) result.left.push(was);
      else if (now) result.entered.push(now);
    }
    notify();
    return result;
  }

  function place(entry: CalendarBarEntry, touch: (id: string) => void): void {
    const { id } = entry.event;
    const key = calendarSortKey(entry.event);
    byId.set(id, entry);
    keys.set(id, key);
    if (showsInWindow(entry.event)) shownCount += 1;
    for (const day of shownDays(entry.event)) insert(id, day, key, touch);
  }

  function unplace(id: string, touch: (id: string) => void): void {
    const entry = byId.get(id);
    const key = keys.get(id);
    if (!entry || key === undefined) return;
    for (const day of shownDays(entry.event)) extract(id, day, key, touch);
    if (showsInWindow(entry.event)) shownCount -= 1;
    byId.delete(id);
    keys.delete(id);
  }

  return {
    reset(entries, window, barsPerDay) {
      range = window;
      limit = barsPerDay ?? Number.POSITIVE_INFINITY;
      byId.clear();
      days.clear();
      keys.clear();
      leading.clear();
      heldOn.clear();
      shownCount = 0;
      const ignore = () => undefined;
      // In bar order, each day's list is built by appending (each key built once, not per comparison).
      const sorted = entries
        .map((entry) => ({ entry, key: calendarSortKey(entry.event) }))
        .sort((a, b) => compareSortKeys(a.key, b.key))
        .map(({ entry }) => entry);
      for (const entry of sorted) place(entry, ignore);
      const held = sorted.filter((entry) => isHeld(entry.event.id));
      for (const entry of held) countHeld(entry.event, 1);
      notify();
      return held;
    },
    put(entry) {
      const before = byId.get(entry.event.id);
      if (before && before.event.version > entry.event.version) return noChange;
      return track(entry.event.id, before, (touch) => {
        unplace(entry.event.id, touch);
        place(entry, touch);
      });
    },
    remove(eventId) {
      const before = byId.get(eventId);
      if (!before) return noChange;
      return track(eventId, before, (touch) => unplace(eventId, touch));
    },
    get: (eventId) => byId.get(eventId),
    range: () => range,
    barsPerDay: () => (Number.isFinite(limit) ? limit : null),
    entries: () => [...byId.values()],
    heldInputs() {
      const inputs: EventInput[] = [];
      for (const [id, entry] of byId) if (isHeld(id)) inputs.push(...entry.inputs);
      return inputs;
    },
    eventsOn(day) {
      return (days.get(day) ?? []).map((id) => byId.get(id)!.event);
    },
    unheldOn: (day) => (days.get(day)?.length ?? 0) - (heldOn.get(day) ?? 0),
    count: () => shownCount,
    subscribe: revision.subscribe,
    version: revision.get,
  };
}
