import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { BusyPerson, Person, ProductionEventRef, ProductionEventView } from '../events/production-event.types.js';
import { EventStatusFigure } from '../reports/report.types.js';

export enum DashboardProblemKind {
  CREW_CONFLICT = 'CREW_CONFLICT',
  MANUAL = 'MANUAL',
}

registerEnumType(DashboardProblemKind, {
  name: 'DashboardProblemKind',
  description: 'What kind of open problem. Equipment shortages, unreturned gear and open repairs join when the equipment store exists.',
  valuesConfig: {
    CREW_CONFLICT: { description: 'A person is on two non-cancelled events that share a day.' },
    MANUAL: { description: 'An event has its manual problem note set.' },
  },
});

@ObjectType({ description: 'One open problem and where in the app to fix it.' })
export class DashboardProblem {
  @Field(() => DashboardProblemKind, { description: 'What kind of problem.' })
  kind!: DashboardProblemKind;

  @Field(() => String, { description: 'One line for people, in English.' })
  message!: string;

  @Field(() => String, { description: 'Path in the web app where it is fixed, e.g. "/events/<id>".' })
  link!: string;

  @Field(() => ProductionEventRef, { description: 'The event it belongs to.' })
  event!: ProductionEventRef;

  @Field(() => ProductionEventRef, { nullable: true, description: 'For CREW_CONFLICT: the other event.' })
  otherEvent!: ProductionEventRef | null;

  @Field(() => Person, { nullable: true, description: 'For CREW_CONFLICT: who is double booked.' })
  person!: Person | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'For CREW_CONFLICT: first shared day.' })
  fromDate!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'For CREW_CONFLICT: last shared day.' })
  toDate!: CalendarDate | null;
}

@ObjectType({ description: 'Events of a period by status (show days touching it; the trash not counted).' })
export class DashboardPeriod {
  @Field(() => CalendarDateScalar, { description: 'First day.' })
  from!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last day, inclusive.' })
  to!: CalendarDate;

  @Field(() => [EventStatusFigure], { description: 'Every status, in workflow order.' })
  byStatus!: EventStatusFigure[];
}

@ObjectType({ description: 'The home page figures, in the company time zone. Re-read it when calendarChanged reports a change.' })
export class Dashboard {
  @Field(() => CalendarDateScalar, { description: 'Today in the company time zone.' })
  today!: CalendarDate;

  @Field(() => DashboardPeriod, { description: 'This week (the company week start).' })
  week!: DashboardPeriod;

  @Field(() => DashboardPeriod, { description: 'This calendar month.' })
  month!: DashboardPeriod;

  @Field(() => [ProductionEventView], { description: 'Non-cancelled events whose reserved days (prep and return included) include today.' })
  todayEvents!: ProductionEventView[];

  @Field(() => [ProductionEventView], { description: 'Non-cancelled events starting in the next 14 days, soonest first (at most 20).' })
  upcomingEvents!: ProductionEventView[];

  @Field(() => [BusyPerson], { description: 'Who is on a non-cancelled event today.' })
  busyToday!: BusyPerson[];

  @Field(() => [DashboardProblem], { description: 'Open problems of events from today to 60 days ahead, soonest first; a double booking is listed once.' })
  problems!: DashboardProblem[];
}
