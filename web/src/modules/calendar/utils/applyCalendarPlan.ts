import type { CalendarApi, EventInput, EventSourceApi } from '@fullcalendar/react';
import type { CalendarBarEntry, CalendarBars } from './createCalendarBars';
import type { CalendarEventProps, CalendarProductionEvent } from './calendarTypes';
import type { CalendarChangePlan } from './planCalendarChange';
import { toCalendarEventInputs } from './toCalendarEventInputs';

/** Whether a FullCalendar event given `before` already draws `after` (our own inputs: FullCalendar's getters convert dates). */
function sameInput(before: EventInput, after: EventInput): boolean {
  return (
    before.start === after.start &&
    before.end === after.end &&
    before.title === after.title &&
    before.color === after.color &&
    before.className === after.className &&
    before.editable === after.editable &&
    (before.extendedProps as CalendarEventProps).productionEvent === (after.extendedProps as CalendarEventProps).productionEvent
  );
}

function add(api: CalendarApi, entry: CalendarBarEntry, source: EventSourceApi | null): void {
  for (const input of entry.inputs) api.addEvent(input, source ?? undefined);
}

function drop(api: CalendarApi, entry: CalendarBarEntry): void {
  for (const input of entry.inputs) api.getEventById(String(input.id))?.remove();
}

/**
 * The parts of one held entry brought to their new state. Every `setDates`/`setProp` re-renders the
 * calendar at once, so a part that changed is replaced instead (one render, tests/bench); an
 * unchanged part is left alone.
 */
function update(api: CalendarApi, before: CalendarBarEntry, after: CalendarBarEntry, source: EventSourceApi | null): void {
  const previous = new Map(before.inputs.map((input) => [String(input.id), input]));
  for (const input of after.inputs) {
    const id = String(input.id);
    const was = previous.get(id);
    previous.delete(id);
    if (was && sameInput(was, input)) continue;
    api.getEventById(id)?.remove();
    api.addEvent(input, source ?? undefined);
  }
  for (const id of previous.keys()) api.getEventById(id)?.remove();
}

/**
 * Applies one planned change as single-event updates, never by reloading the list: the window's
 * bars (`bars`) take the change first and say which events FullCalendar now holds; those that
 * left are removed, those that entered added (into `source`), and the changed event, when held
 * before and after, updated part by part. An update older than the version held is ignored.
 */
export function applyCalendarPlan(
  api: CalendarApi,
  bars: CalendarBars,
  plan: CalendarChangePlan,
  options: { canEdit: (event: CalendarProductionEvent) => boolean; source: EventSourceApi | null },
): void {
  const change =
    plan.action === 'remove'
      ? bars.remove(plan.eventId)
      : bars.put({ event: plan.event, inputs: toCalendarEventInputs(plan.event, options.canEdit(plan.event)) });
  for (const entry of change.left) drop(api, entry);
  if (change.kept) update(api, change.kept.before, change.kept.after, options.source);
  for (const entry of change.entered) add(api, entry, options.source);
}
