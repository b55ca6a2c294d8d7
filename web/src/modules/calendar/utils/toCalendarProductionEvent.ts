import type { CalendarProductionEvent, NamedRef, RawCalendarProductionEvent } from './calendarTypes';
import { readCalendarDate } from './readCalendarDate';
import { toCalendarConflict } from './toCalendarConflict';

function namedRef(raw: { id: string; name: string } | null | undefined): NamedRef | null {
  return raw ? { id: raw.id, name: raw.name } : null;
}

/** The API's event in the calendar's own shape (days as strings, crew roles flattened). */
export function toCalendarProductionEvent(raw: RawCalendarProductionEvent): CalendarProductionEvent {
  return {
    id: raw.id,
    title: raw.title,
    status: raw.status,
    version: raw.version,
    startDate: readCalendarDate(raw.startDate),
    endDate: readCalendarDate(raw.endDate),
    startTime: raw.startTime ?? null,
    endTime: raw.endTime ?? null,
    endsNextDay: raw.endsNextDay,
    prepDays: raw.prepDays,
    returnDays: raw.returnDays,
    busyFrom: readCalendarDate(raw.busyFrom),
    busyTo: readCalendarDate(raw.busyTo),
    createdAt: raw.createdAt,
    deletedAt: raw.deletedAt ?? null,
    client: namedRef(raw.client),
    venue: namedRef(raw.venue),
    manager: namedRef(raw.manager),
    seniorEngineer: namedRef(raw.seniorEngineer),
    crew: raw.crew.map((member) => ({
      id: member.id,
      person: { id: member.person.id, name: member.person.name },
      roleName: member.crewRole.name,
    })),
    problems: raw.problems.map((problem) => ({
      kind: problem.kind,
      message: problem.message,
      conflict: problem.conflict ? toCalendarConflict(problem.conflict) : null,
    })),
  };
}
