import type { MyEvent } from './cabinetEventTypes';

/** Upcoming first: by first show day, then start time (whole-day events first), then title. */
export function sortMyEvents(events: readonly MyEvent[]): MyEvent[] {
  return [...events].sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      a.title.localeCompare(b.title),
  );
}
