import type { CalendarApi, EventInput, EventSourceApi } from '@fullcalendar/react';
import type { CalendarBars, CalendarBarsChange } from './createCalendarBars';
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

/**
 * What FullCalendar must drop and take for one change: the inputs of events that left, the changed
 * parts of the kept event (a changed part is replaced: every `setDates`/`setProp` would re-render the
 * calendar at once), the inputs of events that entered. An unchanged part is left alone.
 */
function diffInputs(change: CalendarBarsChange): { removed: string[]; added: EventInput[] } {
  const removed = change.left.flatMap((entry) => entry.inputs.map((input) => String(input.id)));
  const added: EventInput[] = [];
  if (change.kept) {
    const previous = new Map(change.kept.before.inputs.map((input) => [String(input.id), input]));
    for (const input of change.kept.after.inputs) {
      const id = String(input.id);
      const was = previous.get(id);
      previous.delete(id);
      if (was && sameInput(was, input)) continue;
      if (was) removed.push(id);
      added.push(input);
    }
    removed.push(...previous.keys());
  }
  for (const entry of change.entered) added.push(...entry.inputs);
  return { removed, added };
}

/**
 * Applies one planned change as single-event updates, never by reloading the list: the window's
 * bars (`bars`) take the change first and say which events FullCalendar now holds; those that
 * left are removed, those that entered added (into `source`), and the changed event, when held
 * before and after, updated part by part. The removals and additions are reduced and rendered
 * together (`batchRendering`, patched to batch: tests/bench). An update older than the version
 * held is ignored.
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
  const { removed, added } = diffInputs(change);
  if (removed.length === 0 && added.length === 0) return;
  api.batchRendering(() => {
    // Inside the batch FullCalendar's state is the one from before it: every removal comes first.
    for (const id of removed) api.getEventById(id)?.remove();
    for (const input of added) api.addEvent(input, options.source ?? undefined);
  });
}
