import { asDay } from './asDay';
import type { EventFormValues, ProductionEvent } from './productionEventTypes';

/** The edit form's values for an event as read. */
export function toEventFormValues(event: ProductionEvent): EventFormValues {
  return {
    title: event.title,
    dates: [asDay(event.startDate), asDay(event.endDate)],
    startTime: event.startTime ?? '',
    endTime: event.endTime ?? '',
    prepDays: event.prepDays,
    returnDays: event.returnDays,
    clientId: event.client?.id ?? null,
    venueId: event.venue?.id ?? null,
    managerId: event.manager?.id ?? null,
    seniorEngineerId: event.seniorEngineer?.id ?? null,
    notes: event.notes ?? '',
    problemNote: event.problemNote ?? '',
  };
}
