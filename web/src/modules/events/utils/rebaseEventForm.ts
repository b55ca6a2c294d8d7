import type { EventFormField, EventFormValues } from './productionEventTypes';
import { toEventFormField } from './toEventFormField';

/**
 * After a refused stale edit: the form's draft moved onto the event as it is now. Fields someone
 * else changed in conflict with the draft take their (current) value; the person's other edits
 * stay; fields the person did not touch follow the current event.
 */
export function rebaseEventForm(
  draft: EventFormValues,
  opened: EventFormValues,
  current: EventFormValues,
  conflictingServerFields: readonly string[],
): EventFormValues {
  const conflicting = new Set(
    conflictingServerFields.map(toEventFormField).filter((field) => field !== undefined),
  );
  const result = { ...current };
  for (const field of Object.keys(draft) as EventFormField[]) {
    if (conflicting.has(field)) continue;
    if (JSON.stringify(draft[field]) !== JSON.stringify(opened[field])) {
      (result as Record<EventFormField, unknown>)[field] = draft[field];
    }
  }
  return result;
}
