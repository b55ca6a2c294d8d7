import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import { Person } from '../events/production-event.types.js';

@ObjectType({ description: 'How many events of one status touch the period, and their show days inside it.' })
export class EventStatusFigure {
  @Field(() => ProductionEventStatus, { description: 'The status.' })
  status!: ProductionEventStatus;

  @Field(() => Int, { description: 'Events in this status whose show days touch the period.' })
  events!: number;

  @Field(() => Int, { description: 'Their show days inside the period (prep and return days not counted).' })
  eventDays!: number;
}

@ObjectType({ description: 'Events of one client in the period. Cancelled events are counted apart.' })
export class EventClientFigure {
  @Field(() => ID, { nullable: true, description: 'Client id; null for events without a client.' })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: 'Client name; null for events without a client.' })
  clientName!: string | null;

  @Field(() => Int, { description: 'Events that go ahead (every status but cancelled).' })
  events!: number;

  @Field(() => Int, { description: 'Their show days inside the period.' })
  eventDays!: number;

  @Field(() => Int, { description: 'Cancelled events of this client in the period.' })
  cancelled!: number;
}

@ObjectType({ description: 'Events of one responsible manager in the period. Cancelled events are counted apart.' })
export class EventManagerFigure {
  @Field(() => Person, { nullable: true, description: 'The manager; null for events without one.' })
  manager!: Person | null;

  @Field(() => Int, { description: 'Events that go ahead (every status but cancelled).' })
  events!: number;

  @Field(() => Int, { description: 'Their show days inside the period.' })
  eventDays!: number;

  @Field(() => Int, { description: 'Cancelled events of this manager in the period.' })
  cancelled!: number;
}

@ObjectType({
  description:
    'Events whose show days touch the period, by status, client and manager. Events in the trash are never counted; cancelled ones only in their status row and the `cancelled` columns.',
})
export class EventsReport {
  @Field(() => Int, { description: 'Events that go ahead (every status but cancelled).' })
  events!: number;

  @Field(() => Int, { description: 'Their show days inside the period.' })
  eventDays!: number;

  @Field(() => Int, { description: 'Cancelled events in the period.' })
  cancelled!: number;

  @Field(() => [EventStatusFigure], { description: 'One row per status, every status listed (zero included), in workflow order.' })
  byStatus!: EventStatusFigure[];

  @Field(() => [EventClientFigure], { description: 'One row per client with events in the period, most events first.' })
  byClient!: EventClientFigure[];

  @Field(() => [EventManagerFigure], { description: 'One row per manager with events in the period, most events first.' })
  byManager!: EventManagerFigure[];
}

@ObjectType({
  description:
    'One person\'s work in the period: on a non-cancelled event as crew, senior engineer or manager, prep and return days included. A day counts once however many events the person has that day.',
})
export class CrewWorkloadRow {
  @Field(() => Person, { description: 'Who.' })
  person!: Person;

  @Field(() => [String], { description: 'Crew role names they worked in during the period ("Senior engineer" and "Manager" when they were one), by name.' })
  roles!: string[];

  @Field(() => Int, { description: 'Distinct events that gave them days in the period.' })
  events!: number;

  @Field(() => Int, { description: 'Calendar days inside the period they were on at least one event.' })
  days!: number;
}

@ObjectType({ description: 'Reports for a period of company-time-zone days. Each field is one SQL statement, computed only when asked for.' })
export class Reports {
  @Field(() => CalendarDateScalar, { description: 'First day of the period.' })
  from!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last day of the period, inclusive.' })
  to!: CalendarDate;
}
