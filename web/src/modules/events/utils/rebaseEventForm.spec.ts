import { describe, expect, it } from 'vitest';
import type { EventFormValues } from './productionEventTypes';
import { rebaseEventForm } from './rebaseEventForm';
import { toEventFormField } from './toEventFormField';

const opened: EventFormValues = {
  title: 'Spring gala',
  dates: ['2026-06-12', '2026-06-13'],
  startTime: '',
  endTime: '',
  prepDays: 0,
  returnDays: 0,
  clientId: null,
  venueId: null,
  managerId: 'manager-1',
  seniorEngineerId: null,
  notes: '',
  problemNote: '',
};

describe('rebaseEventForm', () => {
  it("shows the other person's value for conflicting fields and keeps the person's other edits", () => {
    const draft = { ...opened, title: 'My title', notes: 'My notes' };
    const current = { ...opened, title: 'Their title', venueId: 'venue-2' };
    expect(rebaseEventForm(draft, opened, current, ['title'])).toEqual({
      ...opened,
      title: 'Their title',
      notes: 'My notes',
      venueId: 'venue-2',
    });
  });

  it('maps show days to the range picker', () => {
    const draft = { ...opened, dates: ['2026-06-14', '2026-06-15'] as [string, string] };
    const current = { ...opened, dates: ['2026-07-01', '2026-07-02'] as [string, string] };
    expect(rebaseEventForm(draft, opened, current, ['startDate']).dates).toEqual(['2026-07-01', '2026-07-02']);
  });
});

describe('toEventFormField', () => {
  it('names the form field of a server field', () => {
    expect(toEventFormField('title')).toBe('title');
    expect(toEventFormField('endDate')).toBe('dates');
    expect(toEventFormField('endsNextDay')).toBe('endTime');
    expect(toEventFormField('expectedVersion')).toBeUndefined();
    expect(toEventFormField('toString')).toBeUndefined();
  });
});
