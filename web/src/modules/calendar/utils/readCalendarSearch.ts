import { calendarViews, type CalendarSearch, type CalendarViewName } from './calendarTypes';
import { productionEventStatuses } from './productionEventStatuses';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
// Ids are UUIDs; anything else is ignored rather than sent to the API.
const idPattern = /^[0-9a-fA-F-]{1,64}$/;

function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value === '1' || value === 'true';
}

function id(params: URLSearchParams, name: string): string {
  const value = params.get(name)?.trim() ?? '';
  return idPattern.test(value) ? value : '';
}

/** The calendar's filters, view and day from the URL; malformed values are ignored. */
export function readCalendarSearch(params: URLSearchParams): CalendarSearch {
  const statuses = params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase());
  const view = params.get('view') ?? '';
  const date = params.get('date') ?? '';
  return {
    confirmedOnly: flag(params, 'confirmed'),
    mine: flag(params, 'mine'),
    statuses: productionEventStatuses.filter((status) => statuses.includes(status)),
    managerId: id(params, 'manager'),
    clientId: id(params, 'client'),
    personId: id(params, 'person'),
    view: (calendarViews as readonly string[]).includes(view) ? (view as CalendarViewName) : null,
    date: isoDate.test(date) ? date : null,
  };
}
