import type { CalendarApi, EventApi, EventInput, EventSourceApi } from '@fullcalendar/react';
import { calendarEventPartId } from './calendarEventPartId';
import type { CalendarEventPart, CalendarEventProps, CalendarProductionEvent } from './calendarTypes';
import type { CalendarChangePlan } from './planCalendarChange';
import { toCalendarEventInputs } from './toCalendarEventInputs';

const parts: readonly CalendarEventPart[] = ['show', 'prep', 'return'];

function dateOf(input: EventInput['start']): string {
  return typeof input === 'string' ? input : '';
}

/** Changes only what differs, so an unchanged bar is not redrawn. */
function updateEvent(existing: EventApi, wanted: EventInput): void {
  const start = dateOf(wanted.start);
  const end = dateOf(wanted.end);
  if (existing.startStr.slice(0, 10) !== start || existing.endStr.slice(0, 10) !== end) {
    existing.setDates(start, end, { allDay: true });
  }
  if (wanted.title !== undefined && existing.title !== wanted.title) existing.setProp('title', wanted.title);
  if (wanted.color !== undefined && existing.color !== wanted.color) existing.setProp('color', wanted.color);
  const className = typeof wanted.className === 'string' ? wanted.className : '';
  if (existing.className !== className) existing.setProp('className', className);
  if (wanted.editable !== undefined && existing.startEditable !== wanted.editable) {
    existing.setProp('editable', wanted.editable);
  }
  existing.setExtendedProp('productionEvent', (wanted.extendedProps as CalendarEventProps).productionEvent);
}

/**
 * Applies one planned change to FullCalendar as single-event updates (`getEventById` →
 * `setDates`/`setProp`/`remove`, or `addEvent` into `source`), never by reloading the list.
 * An update older than what the calendar shows (a lower version) is ignored.
 */
export function applyCalendarPlan(
  api: CalendarApi,
  plan: CalendarChangePlan,
  options: { canEdit: (event: CalendarProductionEvent) => boolean; source: EventSourceApi | null },
): void {
  if (plan.action === 'remove') {
    for (const part of parts) api.getEventById(calendarEventPartId(plan.eventId, part))?.remove();
    return;
  }
  const { event } = plan;
  const shown = api.getEventById(event.id);
  const shownVersion = (shown?.extendedProps as CalendarEventProps | undefined)?.productionEvent.version;
  if (shownVersion !== undefined && shownVersion > event.version) return;
  const inputs = toCalendarEventInputs(event, options.canEdit(event));
  for (const part of parts) {
    const id = calendarEventPartId(event.id, part);
    const existing = part === 'show' ? shown : api.getEventById(id);
    const wanted = inputs.find((input) => input.id === id);
    if (!wanted) existing?.remove();
    else if (existing) updateEvent(existing, wanted);
    else api.addEvent(wanted, options.source ?? undefined);
  }
}
