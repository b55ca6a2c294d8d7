import type { EventInput } from '@fullcalendar/react';
import { addDays } from '../../events/utils/addDays';
import { calendarEventPartId } from './calendarEventPartId';
import { calendarSortKey } from './createCalendarBars';
import type { CalendarEventProps, CalendarProductionEvent } from './calendarTypes';
import { statusHexColor as statusColor } from '../../events/utils/statusColor';

/** The class names of an event's bar: its status, and an outline when it has problems. */
export function calendarEventClassNames(event: CalendarProductionEvent): string {
  const classes = ['lo-calendar-event', `lo-calendar-event--${event.status.toLowerCase()}`];
  if (event.problems.length > 0) classes.push('lo-calendar-event--problem');
  return classes.join(' ');
}

/**
 * The FullCalendar events that draw one production event: a single all-day bar over its show
 * days (end exclusive, so the last show day is included; an overnight show stays on its show
 * day because only dates are used) plus lighter background extensions over prep and return days.
 */
export function toCalendarEventInputs(event: CalendarProductionEvent, editable: boolean): EventInput[] {
  const color = statusColor(event.status);
  const sortKey = calendarSortKey(event);
  const props = (part: CalendarEventProps['part']): CalendarEventProps => ({
    part,
    productionEvent: event,
    sortKey,
  });
  const inputs: EventInput[] = [
    {
      id: event.id,
      title: event.title,
      start: event.startDate,
      end: addDays(event.endDate, 1),
      allDay: true,
      color,
      className: calendarEventClassNames(event),
      editable,
      extendedProps: props('show'),
    },
  ];
  if (event.prepDays > 0) {
    inputs.push({
      id: calendarEventPartId(event.id, 'prep'),
      start: event.busyFrom,
      end: event.startDate,
      allDay: true,
      display: 'background',
      color,
      className: 'lo-calendar-extension lo-calendar-extension--prep',
      extendedProps: props('prep'),
    });
  }
  if (event.returnDays > 0) {
    inputs.push({
      id: calendarEventPartId(event.id, 'return'),
      start: addDays(event.endDate, 1),
      end: addDays(event.busyTo, 1),
      allDay: true,
      display: 'background',
      color,
      className: 'lo-calendar-extension lo-calendar-extension--return',
      extendedProps: props('return'),
    });
  }
  return inputs;
}
