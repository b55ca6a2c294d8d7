import { addDays, daysBetween, instantOf, type CalendarDate } from '../../common/calendar-dates.js';
import type { FieldProblem } from '../../common/errors.js';

export interface ScheduleInput {
  startDate: CalendarDate;
  endDate: CalendarDate;
  startTime: string | null;
  endTime: string | null;
}

export const MAX_EVENT_DAYS = 366;

/**
 * Checks an event's days and times and decides whether it is an overnight show (SPEC §2): an end
 * time before the company cut-over hour is the morning after the last show day, and the show still
 * belongs to that day — unless it is a one-day event that starts earlier the same night.
 */
export function checkSchedule(schedule: ScheduleInput, cutoverHour: number): { endsNextDay: boolean; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const { startDate, endDate, startTime, endTime } = schedule;
  if (endDate < startDate) problems.push({ field: 'endDate', message: 'is before the start date' });
  else if (daysBetween(startDate, endDate) >= MAX_EVENT_DAYS) problems.push({ field: 'endDate', message: `makes the event longer than ${MAX_EVENT_DAYS} days` });
  const cutover = `${String(cutoverHour).padStart(2, '0')}:00`;
  const oneDay = startDate === endDate;
  const endsNextDay = endTime !== null && endTime < cutover && !(oneDay && startTime !== null && startTime < endTime);
  if (oneDay && startTime !== null && endTime !== null && !endsNextDay && endTime <= startTime) {
    problems.push({ field: 'endTime', message: `is not after the start time; a show ending the next morning after ${cutover} ends on the next day` });
  }
  return { endsNextDay, problems };
}

/** The start and real end instants of an event in the company zone, when it has times. */
export function eventInstants(
  event: ScheduleInput & { endsNextDay: boolean },
  timeZone: string,
): { startsAt: Date | null; endsAt: Date | null } {
  return {
    startsAt: event.startTime ? instantOf(event.startDate, event.startTime, timeZone) : null,
    endsAt: event.endTime ? instantOf(event.endsNextDay ? addDays(event.endDate, 1) : event.endDate, event.endTime, timeZone) : null,
  };
}
