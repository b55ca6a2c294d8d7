import { describe, expect, it } from 'vitest';
import { readCalendarSearch } from './readCalendarSearch';
import { toProductionEventFilter } from './toProductionEventFilter';
import { writeCalendarSearch } from './writeCalendarSearch';

const id = '0b7e7f1c-4b1e-4c43-9a43-1b0a8f7d2c11';

describe('calendar search parameters', () => {
  it('read every filter, the view and the day', () => {
    const search = readCalendarSearch(
      new URLSearchParams(`confirmed=1&mine=true&status=confirmed,TENTATIVE&manager=${id}&client=${id}&person=${id}&view=dayGridWeek&date=2026-05-04`),
    );
    expect(search).toEqual({
      confirmedOnly: true,
      mine: true,
      statuses: ['TENTATIVE', 'CONFIRMED'],
      managerId: id,
      clientId: id,
      personId: id,
      view: 'dayGridWeek',
      date: '2026-05-04',
    });
  });

  it('ignore malformed values', () => {
    const search = readCalendarSearch(new URLSearchParams('confirmed=yes&status=NOPE&manager=<script>&view=year&date=May'));
    expect(search).toEqual({
      confirmedOnly: false,
      mine: false,
      statuses: [],
      managerId: '',
      clientId: '',
      personId: '',
      view: null,
      date: null,
    });
  });

  it('round-trip, leaving empty filters out', () => {
    const params = new URLSearchParams(`confirmed=1&status=DRAFT,CANCELLED&client=${id}&view=listWeek&date=2026-05-04`);
    const written = writeCalendarSearch(readCalendarSearch(params));
    expect(written.toString()).toBe(params.toString());
    expect(writeCalendarSearch(readCalendarSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('become the filter input of productionEvents', () => {
    const search = readCalendarSearch(new URLSearchParams(`confirmed=1&status=DRAFT&person=${id}`));
    expect(toProductionEventFilter(search)).toEqual({ confirmedOnly: true, statuses: ['DRAFT'], personId: id });
    expect(toProductionEventFilter(readCalendarSearch(new URLSearchParams()))).toEqual({});
  });
});
