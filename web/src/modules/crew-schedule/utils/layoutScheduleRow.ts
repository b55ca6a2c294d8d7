import type { CrewScheduleEntry } from './crewScheduleTypes';
import { daysBetween } from '../../events/utils/daysBetween';

/** Where one entry sits in a person's rows: its first day column (0-based), how many days, which lane. */
export interface PlacedScheduleEntry {
  entry: CrewScheduleEntry;
  column: number;
  span: number;
  lane: number;
}

export interface ScheduleRowLayout {
  /** At least 1, even for a person with no work in the period. */
  lanes: number;
  entries: PlacedScheduleEntry[];
}

/**
 * Places a person's entries over the days `from`…`to`: each spans its reserved days (clipped to
 * the period) and entries that share days go to separate lanes, so double bookings stay
 * visible side by side instead of hiding each other. Earlier entries take the upper lanes.
 */
export function layoutScheduleRow(
  entries: readonly CrewScheduleEntry[],
  from: string,
  to: string,
): ScheduleRowLayout {
  const dayCount = daysBetween(from, to) + 1;
  const sorted = entries
    .map((entry) => {
      const first = Math.max(0, daysBetween(from, entry.fromDate));
      const last = Math.min(dayCount - 1, daysBetween(from, entry.toDate));
      return { entry, first, last };
    })
    .filter(({ first, last }) => last >= first)
    .sort((a, b) => a.first - b.first || b.last - a.last || a.entry.event.title.localeCompare(b.entry.event.title));

  // The last day column taken in each lane so far.
  const laneEnds: number[] = [];
  const placed = sorted.map(({ entry, first, last }) => {
    let lane = laneEnds.findIndex((end) => end < first);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = last;
    return { entry, column: first, span: last - first + 1, lane };
  });
  return { lanes: Math.max(1, laneEnds.length), entries: placed };
}
