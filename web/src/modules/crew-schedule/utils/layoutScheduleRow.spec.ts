import { describe, expect, it } from 'vitest';
import type { CrewScheduleEntry } from './crewScheduleTypes';
import { layoutScheduleRow } from './layoutScheduleRow';

function entry(id: string, fromDate: string, toDate: string): CrewScheduleEntry {
  return {
    roleName: 'Sound',
    fromDate,
    toDate,
    event: { id, title: id, status: 'CONFIRMED', startDate: fromDate, endDate: toDate },
  };
}

function summary(layout: ReturnType<typeof layoutScheduleRow>) {
  return layout.entries.map(({ entry: e, column, span, lane }) => [e.event.id, column, span, lane]);
}

describe('layoutScheduleRow', () => {
  it('gives a person without work one empty lane', () => {
    expect(layoutScheduleRow([], '2025-03-10', '2025-03-16')).toEqual({ lanes: 1, entries: [] });
  });

  it('spans each entry over its days', () => {
    const layout = layoutScheduleRow(
      [entry('b', '2025-03-14', '2025-03-16'), entry('a', '2025-03-10', '2025-03-11')],
      '2025-03-10',
      '2025-03-16',
    );
    expect(layout.lanes).toBe(1);
    expect(summary(layout)).toEqual([
      ['a', 0, 2, 0],
      ['b', 4, 3, 0],
    ]);
  });

  it('puts entries sharing days in separate lanes and reuses lanes after', () => {
    const layout = layoutScheduleRow(
      [
        entry('a', '2025-03-10', '2025-03-12'),
        entry('b', '2025-03-12', '2025-03-13'),
        entry('c', '2025-03-14', '2025-03-14'),
        entry('d', '2025-03-11', '2025-03-11'),
      ],
      '2025-03-10',
      '2025-03-16',
    );
    expect(layout.lanes).toBe(2);
    expect(summary(layout)).toEqual([
      ['a', 0, 3, 0],
      ['d', 1, 1, 1],
      ['b', 2, 2, 1],
      ['c', 4, 1, 0],
    ]);
  });

  it('clips entries to the period and drops those outside it', () => {
    const layout = layoutScheduleRow(
      [entry('a', '2025-03-08', '2025-03-11'), entry('b', '2025-03-15', '2025-03-20'), entry('c', '2025-03-01', '2025-03-02')],
      '2025-03-10',
      '2025-03-16',
    );
    expect(summary(layout)).toEqual([
      ['a', 0, 2, 0],
      ['b', 5, 2, 0],
    ]);
  });
});
