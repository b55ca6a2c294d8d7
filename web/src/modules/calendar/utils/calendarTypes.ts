import type { ResultOf } from '../../../graphql/graphql';
import type { CalendarChangeFieldsFragment } from '../graphql/calendarChangeFieldsFragment';
import type { CalendarProductionEventFieldsFragment } from '../graphql/calendarProductionEventFieldsFragment';
import type { CrewConflictFieldsFragment } from '../../events/graphql/crewConflictFieldsFragment';

/** An event as the API sends it (its `Date` fields are typed `unknown` by the generated types). */
export type RawCalendarProductionEvent = ResultOf<typeof CalendarProductionEventFieldsFragment>;
export type RawCalendarChange = ResultOf<typeof CalendarChangeFieldsFragment>;
export type RawCrewConflict = ResultOf<typeof CrewConflictFieldsFragment>;

export type ProductionEventStatus = RawCalendarProductionEvent['status'];
export type CalendarChangeKind = RawCalendarChange['kind'];

export interface NamedRef {
  id: string;
  name: string;
}

export interface CalendarConflict {
  person: NamedRef;
  /** The event the conflict is reported on (absent inside an event's own problems). */
  event: { id: string; title: string } | null;
  otherEvent: { id: string; title: string };
  fromDate: string;
  toDate: string;
}

export interface CalendarProblem {
  kind: RawCalendarProductionEvent['problems'][number]['kind'];
  message: string;
  conflict: CalendarConflict | null;
}

/** An event as the calendar keeps it: days as `YYYY-MM-DD` strings (company time zone). */
export interface CalendarProductionEvent {
  id: string;
  title: string;
  status: ProductionEventStatus;
  version: number;
  /** First and last show day, inclusive. */
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  endsNextDay: boolean;
  prepDays: number;
  returnDays: number;
  /** First and last reserved day (prep and return days included), inclusive. */
  busyFrom: string;
  busyTo: string;
  createdAt: string;
  deletedAt: string | null;
  client: NamedRef | null;
  venue: NamedRef | null;
  manager: NamedRef | null;
  seniorEngineer: NamedRef | null;
  crew: { id: string; person: NamedRef; roleName: string }[];
  problems: CalendarProblem[];
}

export interface CalendarChange {
  seq: number;
  kind: CalendarChangeKind;
  eventId: string;
  actorName: string | null;
  event: CalendarProductionEvent | null;
}

/** The calendar's filters, as the `filter` input of `productionEvents` understands them. */
export interface CalendarFilter {
  confirmedOnly: boolean;
  mine: boolean;
  statuses: ProductionEventStatus[];
  managerId: string;
  clientId: string;
  personId: string;
}

export const calendarViews = ['dayGridMonth', 'dayGridWeek', 'dayGridDay', 'listWeek'] as const;
export type CalendarViewName = (typeof calendarViews)[number];

/** What the calendar URL keeps: the filters plus the view and a day inside it. */
export interface CalendarSearch extends CalendarFilter {
  view: CalendarViewName | null;
  date: string | null;
}

/** The days a calendar shows, inclusive. */
export interface CalendarRange {
  from: string;
  to: string;
}

/** The part of an event a FullCalendar event draws: the show days, or a lighter prep/return extension. */
export type CalendarEventPart = 'show' | 'prep' | 'return';

/** What each FullCalendar event carries in `extendedProps`. */
export interface CalendarEventProps {
  part: CalendarEventPart;
  productionEvent: CalendarProductionEvent;
  /** Creation order: existing bars keep their row when another event is added (see `eventOrder`). */
  sortKey: string;
}
