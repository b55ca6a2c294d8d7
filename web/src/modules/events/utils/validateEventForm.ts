import { daysBetween } from './daysBetween';
import type { EventFormField, EventFormValues } from './productionEventTypes';

/** Why a field of the event form is refused, as a key under `events.validation`. */
export type EventFormProblem =
  | 'required'
  | 'tooLong'
  | 'endBeforeStart'
  | 'tooManyDays'
  | 'notATime'
  | 'endNotAfterStart'
  | 'dayCount';

export const maxTitleLength = 300;
export const maxNotesLength = 10_000;
export const maxProblemNoteLength = 2_000;
export const maxPrepOrReturnDays = 30;
export const maxEventDays = 366;

const time = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Checks the event form as the server will (SPEC §2): a title, show days in order and at most a
 * year long, times written HH:MM, prep and return days 0–30. On a one-day event an end time not
 * after the start is only allowed as an overnight show, i.e. before the cut-over hour.
 */
export function validateEventForm(
  values: EventFormValues,
  cutoverHour: number,
): Partial<Record<EventFormField, EventFormProblem>> {
  const problems: Partial<Record<EventFormField, EventFormProblem>> = {};
  const title = values.title.trim();
  if (!title) problems.title = 'required';
  else if (title.length > maxTitleLength) problems.title = 'tooLong';

  const [startDate, endDate] = values.dates;
  if (!startDate || !endDate) problems.dates = 'required';
  else if (endDate < startDate) problems.dates = 'endBeforeStart';
  else if (daysBetween(startDate, endDate) >= maxEventDays) problems.dates = 'tooManyDays';

  const startTime = values.startTime.trim();
  const endTime = values.endTime.trim();
  if (startTime && !time.test(startTime)) problems.startTime = 'notATime';
  if (endTime && !time.test(endTime)) problems.endTime = 'notATime';
  const cutover = `${String(cutoverHour).padStart(2, '0')}:00`;
  if (
    !problems.startTime &&
    !problems.endTime &&
    startDate &&
    startDate === endDate &&
    startTime &&
    endTime &&
    endTime <= startTime &&
    endTime >= cutover
  ) {
    problems.endTime = 'endNotAfterStart';
  }

  for (const field of ['prepDays', 'returnDays'] as const) {
    const value = values[field];
    const days = typeof value === 'number' ? value : Number(value);
    if (value === '' || !Number.isInteger(days) || days < 0 || days > maxPrepOrReturnDays) {
      problems[field] = 'dayCount';
    }
  }

  if (values.notes.length > maxNotesLength) problems.notes = 'tooLong';
  if (values.problemNote.length > maxProblemNoteLength) problems.problemNote = 'tooLong';
  return problems;
}
