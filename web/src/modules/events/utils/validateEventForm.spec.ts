import { describe, expect, it } from 'vitest';
import type { EventFormValues } from './productionEventTypes';
import { validateEventForm } from './validateEventForm';

const valid: EventFormValues = {
  title: 'Spring gala',
  dates: ['2026-06-12', '2026-06-13'],
  startTime: '',
  endTime: '',
  prepDays: 1,
  returnDays: 0,
  clientId: null,
  venueId: null,
  managerId: null,
  seniorEngineerId: null,
  notes: '',
  problemNote: '',
};

function check(changes: Partial<EventFormValues>) {
  return validateEventForm({ ...valid, ...changes }, 6);
}

describe('validateEventForm', () => {
  it('accepts a complete event', () => {
    expect(check({})).toEqual({});
  });

  it('requires a title and both show days', () => {
    expect(check({ title: '   ' })).toEqual({ title: 'required' });
    expect(check({ dates: ['2026-06-12', null] })).toEqual({ dates: 'required' });
    expect(check({ title: 'x'.repeat(301) })).toEqual({ title: 'tooLong' });
  });

  it('keeps show days in order and at most a year long', () => {
    expect(check({ dates: ['2026-06-13', '2026-06-12'] })).toEqual({ dates: 'endBeforeStart' });
    expect(check({ dates: ['2026-01-01', '2027-01-02'] })).toEqual({ dates: 'tooManyDays' });
    expect(check({ dates: ['2026-01-01', '2027-01-01'] })).toEqual({});
  });

  it('wants times as HH:MM', () => {
    expect(check({ startTime: '9:00' })).toEqual({ startTime: 'notATime' });
    expect(check({ endTime: '24:00' })).toEqual({ endTime: 'notATime' });
    expect(check({ startTime: '09:00', endTime: '23:30' })).toEqual({});
  });

  it('allows an end before the start on one day only as an overnight show', () => {
    const oneDay: Partial<EventFormValues> = { dates: ['2026-06-12', '2026-06-12'] };
    expect(check({ ...oneDay, startTime: '20:00', endTime: '02:00' })).toEqual({});
    expect(check({ ...oneDay, startTime: '20:00', endTime: '19:00' })).toEqual({ endTime: 'endNotAfterStart' });
    expect(check({ ...oneDay, startTime: '20:00', endTime: '20:00' })).toEqual({ endTime: 'endNotAfterStart' });
    expect(check({ startTime: '20:00', endTime: '19:00' })).toEqual({});
  });

  it('wants prep and return days from 0 to 30', () => {
    expect(check({ prepDays: '' })).toEqual({ prepDays: 'dayCount' });
    expect(check({ returnDays: 31 })).toEqual({ returnDays: 'dayCount' });
    expect(check({ prepDays: 1.5 })).toEqual({ prepDays: 'dayCount' });
    expect(check({ prepDays: '3', returnDays: 30 })).toEqual({});
  });
});
