import type { EventFormField } from './productionEventTypes';

/** Server field names (update input, CONFLICT `conflictingFields`) → the form field showing them. */
const formFieldOf: Readonly<Record<string, EventFormField>> = {
  title: 'title',
  // The two show days share the range picker.
  startDate: 'dates',
  endDate: 'dates',
  startTime: 'startTime',
  endTime: 'endTime',
  // Overnight or not follows from the end time.
  endsNextDay: 'endTime',
  prepDays: 'prepDays',
  returnDays: 'returnDays',
  clientId: 'clientId',
  venueId: 'venueId',
  managerId: 'managerId',
  seniorEngineerId: 'seniorEngineerId',
  notes: 'notes',
  problemNote: 'problemNote',
};

/** The form field that shows a server field's error or conflict; undefined when the form has none. */
export function toEventFormField(serverField: string): EventFormField | undefined {
  return Object.hasOwn(formFieldOf, serverField) ? formFieldOf[serverField] : undefined;
}
