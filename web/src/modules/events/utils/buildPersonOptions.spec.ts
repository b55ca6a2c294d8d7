import { describe, expect, it } from 'vitest';
import { buildPersonOptions } from './buildPersonOptions';
import type { BusyPerson } from './productionEventTypes';

const thisEvent = { id: 'e1', title: 'This show', startDate: '2026-06-12', endDate: '2026-06-12', status: 'DRAFT' } as const;
const otherEvent = { id: 'e2', title: 'Other show', startDate: '2026-06-12', endDate: '2026-06-13', status: 'CONFIRMED' } as const;

const busy: BusyPerson[] = [
  { person: { id: 'p1' }, days: ['2026-06-12'], events: [thisEvent, otherEvent] },
  { person: { id: 'p2' }, days: ['2026-06-12'], events: [thisEvent] },
];

describe('buildPersonOptions', () => {
  it('names the other events that keep a person busy, not this one', () => {
    const options = buildPersonOptions(
      [
        { id: 'p2', name: 'Boris', phone: null },
        { id: 'p1', name: 'Anna', phone: null },
        { id: 'p3', name: 'Clara', phone: null },
      ],
      busy,
      'e1',
      new Set(['p2']),
    );
    expect(options).toEqual([
      { id: 'p1', name: 'Anna', busyWith: [otherEvent], onCrew: false },
      { id: 'p2', name: 'Boris', busyWith: [], onCrew: true },
      { id: 'p3', name: 'Clara', busyWith: [], onCrew: false },
    ]);
  });

  it('lists each person once', () => {
    const person = { id: 'p3', name: 'Clara', phone: null };
    expect(buildPersonOptions([person, person], [], 'e1', new Set())).toHaveLength(1);
  });
});
