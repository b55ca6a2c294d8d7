import type { CalendarApi, EventApi, EventInput, EventSourceApi } from '@fullcalendar/react';
import { calendarEventPartId } from './calendarEventPartId';
import type { CalendarEventPart, CalendarEventProps, CalendarProductionEvent } from './calendarTypes';
import type { CalendarChangePlan } from './planCalendarChange';
import { toCalendarEventInputs } from './toCalendarEventInputs';

const parts: readonly CalendarEventPart[] = ['show', 'prep', 'return'];

function dateOf(input: EventInput['start']): string {
  return typeof input === 'string' ? input : '';
}

/**
 * Puts the new state of one bar in place. Every `setDates`/`setProp` re-renders the calendar at
 * once, so a bar whose dates or data changed is replaced instead (half the rendering, tests/bench);
 * an unchanged bar is left alone.
 */
function updateEvent(api: CalendarApi, existing: EventApi, wanted: EventInput, source: EventSourceApi | null): void {
  const sameDates = existing.startStr.slice(0, 10) === dateOf(wanted.start) && existing.endStr.slice(0, 10) === dateOf(wanted.end);
  const wantedEvent = (wanted.extendedProps as CalendarEventProps).productionEvent;
  const shownEvent = (existing.extendedProps as CalendarEventProps).productionEvent;
  const className = typeof wanted.className === 'string' ? wanted.className : '';
  const same =
    sameDates &&
    shownEvent === wantedEvent &&
    existing.title === (wanted.title ?? existing.title) &&
    existing.color === (wanted.color ?? existing.color) &&
    existing.className === className &&
    existing.startEditable === (wanted.editable ?? existing.startEditable);
  if (same) return;
  existing.remove();
  api.addEvent(wanted, source ?? undefined);
}

/**
 * Applies one planned change to FullCalendar as single-event updates (`getEventById` → replace,
 * `remove`, or `addEvent` into `source`), never by reloading the list.
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
    else if (existing) updateEvent(api, existing, wanted, options.source);
    else api.addEvent(wanted, options.source ?? undefined);
  }
}
