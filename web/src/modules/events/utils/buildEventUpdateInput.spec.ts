import { describe, expect, it } from 'vitest';
import { buildEventUpdateInput } from './buildEventUpdateInput';
import type { EventFormValues } from './productionEventTypes';

const opened: EventFormValues = {
  title: 'Spring gala',
  dates: ['2026-06-12', '2026-06-13'],
  startTime: '18:00',
  endTime: '',
  prepDays: 1,
  returnDays: 0,
  clientId: 'client-1',
  venueId: null,
  managerId: 'manager-1',
  seniorEngineerId: null,
  notes: 'Bring the spare desk',
  problemNote: '',
};

describe('buildEventUpdateInput', () => {
  it('sends nothing when nothing changed', () => {
    expect(buildEventUpdateInput(opened, { ...opened, title: ' Spring gala ' })).toEqual({});
  });

  it('sends only the changed fields, so stale edits of other fields merge', () => {
    expect(buildEventUpdateInput(opened, { ...opened, notes: 'New notes' })).toEqual({ notes: 'New notes' });
    expect(buildEventUpdateInput(opened, { ...opened, title: ' Autumn gala ' })).toEqual({ title: 'Autumn gala' });
  });

  it('sends each show day on its own', () => {
    expect(buildEventUpdateInput(opened, { ...opened, dates: ['2026-06-12', '2026-06-15'] })).toEqual({
      endDate: '2026-06-15',
    });
  });

  it('clears emptied optional fields with null', () => {
    expect(
      buildEventUpdateInput(opened, { ...opened, startTime: '', notes: '  ', clientId: null }),
    ).toEqual({ startTime: null, notes: null, clientId: null });
  });

  it('sends day counts as numbers', () => {
    expect(buildEventUpdateInput(opened, { ...opened, prepDays: '2', returnDays: 0 })).toEqual({ prepDays: 2 });
  });

  it('sends new references and times', () => {
    expect(
      buildEventUpdateInput(opened, { ...opened, venueId: 'venue-1', endTime: '02:00', seniorEngineerId: 'e-1' }),
    ).toEqual({ venueId: 'venue-1', endTime: '02:00', seniorEngineerId: 'e-1' });
  });
});
