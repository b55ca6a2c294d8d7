import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntScalar } from '../../graphql/scalars.js';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { BusyPerson, Person, ProductionEventRef, ProductionEventView } from '../events/production-event.types.js';
import { EventStatusFigure } from '../reports/report.types.js';

export enum DashboardProblemKind {
  CREW_CONFLICT = 'CREW_CONFLICT',
  EQUIPMENT_SHORTAGE = 'EQUIPMENT_SHORTAGE',
  EQUIPMENT_NOT_RETURNED = 'EQUIPMENT_NOT_RETURNED',
  OPEN_REPAIR = 'OPEN_REPAIR',
  MANUAL = 'MANUAL',
}

registerEnumType(DashboardProblemKind, {
  name: 'DashboardProblemKind',
  description: 'What kind of open problem. The equipment kinds are listed only for viewers with equipment:read.',
  valuesConfig: {
    CREW_CONFLICT: { description: 'A person is on two non-cancelled events that share a day.' },
    EQUIPMENT_SHORTAGE: { description: 'An event reserves more of an item than is available on some of its days (link: the event).' },
    EQUIPMENT_NOT_RETURNED: { description: "Gear checked out for an event is not all back after the event's last reserved day (link: the event)." },
    OPEN_REPAIR: { description: 'A repair is open (link: the repairs tab of the store).' },
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

  @Field(() => ProductionEventRef, { nullable: true, description: 'The event it belongs to; for OPEN_REPAIR the event it came back damaged from, if any.' })
  event!: ProductionEventRef | null;

  @Field(() => ID, { nullable: true, description: 'For OPEN_REPAIR: the repair.' })
  repairId!: string | null;

  @Field(() => ProductionEventRef, { nullable: true, description: 'For CREW_CONFLICT: the other event.' })
  otherEvent!: ProductionEventRef | null;

  @Field(() => Person, { nullable: true, description: 'For CREW_CONFLICT: who is double booked.' })
  person!: Person | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'CREW_CONFLICT: first shared day; EQUIPMENT_SHORTAGE: first short day; OPEN_REPAIR: the day it was opened.' })
  fromDate!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'CREW_CONFLICT: last shared day; EQUIPMENT_SHORTAGE: last short day.' })
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

@ObjectType({ description: 'The store right now.' })
export class DashboardEquipment {
  @Field(() => Int, { description: 'Pieces checked out for events and not checked back in (bulk pieces plus serialised units).' })
  piecesOut!: number;

  @Field(() => Int, { description: 'Pieces in open repairs.' })
  piecesInRepair!: number;

  @Field(() => Int, { description: 'Open repairs.' })
  openRepairs!: number;

  @Field(() => Int, { description: 'Events with gear not all back after their last reserved day.' })
  eventsWithUnreturnedGear!: number;
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

  @Field(() => DashboardEquipment, { nullable: true, description: 'Gear out and in repair; null for viewers without equipment:read.' })
  equipment!: DashboardEquipment | null;

  @Field(() => [DashboardProblem], {
    description:
      'Open problems, soonest first: crew conflicts, shortages and manual notes of events from today to 60 days ahead (a double booking listed once), unreturned gear of any past event, and open repairs (oldest first, at most 50). The equipment kinds only for viewers with equipment:read.',
  })
  problems!: DashboardProblem[];
}

@ObjectType({ description: 'A committed change of the store (check-out, check-in, a repair opened or closed): re-read the dashboard.' })
export class StoreChange {
  @Field(() => SafeIntScalar, { description: 'Journal sequence number of the change.' })
  seq!: number;

  @Field(() => String, { description: 'What happened, e.g. "equipment.check_out" or "repair.open".' })
  action!: string;
}
