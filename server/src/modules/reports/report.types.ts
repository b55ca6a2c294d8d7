import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
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

@ObjectType({ description: 'Days out of one catalogue item in the period.' })
export class EquipmentUtilisationItem {
  @Field(() => ID, { description: 'Item id.' })
  itemId!: string;

  @Field(() => String, { description: 'Item code.' })
  code!: string;

  @Field(() => String, { description: 'Item name.' })
  name!: string;

  @Field(() => String, { description: 'Its category path ("Sound / Microphones").' })
  categoryPath!: string;

  @Field(() => Int, { description: 'Calendar days inside the period on which at least one piece was out (a day counts once however many events share it).' })
  days!: number;

  @Field(() => Int, { description: 'Piece-days: for each event, pieces out × its days out inside the period, summed.' })
  pieceDays!: number;

  @Field(() => Int, { description: 'Events that had it out in the period.' })
  events!: number;
}

@ObjectType({ description: 'Days out of one category (its own items, not its subcategories) in the period.' })
export class EquipmentUtilisationCategory {
  @Field(() => ID, { description: 'Category id.' })
  categoryId!: string;

  @Field(() => String, { description: 'Category path ("Sound / Microphones").' })
  categoryPath!: string;

  @Field(() => Int, { description: 'Calendar days inside the period on which at least one of its items was out.' })
  days!: number;

  @Field(() => Int, { description: 'Piece-days of its items, summed.' })
  pieceDays!: number;
}

@ObjectType({
  description:
    'Equipment utilisation in the period. Gear is "out" for an (event, item) from the day of its first check-out to the day of its last check-in (company time zone), or to the end of the period while checked-out pieces are not all back; an (event, item) never checked out counts its reserved days (prep and return included) on events that are neither cancelled nor in the trash, planned lines and extra deliveries alike. Pieces: those checked out, else those reserved.',
})
export class EquipmentUtilisationReport {
  @Field(() => [EquipmentUtilisationItem], { description: 'One row per item out in the period, most days first.' })
  byItem!: EquipmentUtilisationItem[];

  @Field(() => [EquipmentUtilisationCategory], { description: 'One row per category with items out in the period, most days first.' })
  byCategory!: EquipmentUtilisationCategory[];
}

@ObjectType({ description: 'Repairs opened on one day.' })
export class RepairDayFigure {
  @Field(() => CalendarDateScalar, { description: 'The day (company time zone).' })
  date!: CalendarDate;

  @Field(() => Int, { description: 'Repairs opened (faults reported) that day.' })
  opened!: number;
}

@ObjectType({
  description:
    'Repairs in the period, by company-time-zone days. Days to repair = closing day − opening day (0 for the same day), over repairs RETURNED to stock with their closing day in the period (write-offs are not repairs and are counted apart).',
})
export class RepairsReport {
  @Field(() => Int, { description: 'Repairs opened (faults reported) in the period.' })
  opened!: number;

  @Field(() => Int, { description: 'Repairs returned to stock in the period.' })
  returned!: number;

  @Field(() => Int, { description: 'Repairs closed as written off in the period.' })
  writtenOff!: number;

  @Field(() => Int, { description: 'Repairs still open at the end of the period (opened on or before its last day, not closed by then).' })
  openAtEnd!: number;

  @Field(() => Float, { nullable: true, description: 'Average days to repair; null when none was returned in the period.' })
  averageDaysToRepair!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days to repair; null when none was returned in the period.' })
  medianDaysToRepair!: number | null;

  @Field(() => Float, { description: 'Faults per day: repairs opened ÷ days in the period.' })
  faultsPerDay!: number;

  @Field(() => [RepairDayFigure], { description: 'Repairs opened on each day of the period (zero days included), in order.' })
  byDay!: RepairDayFigure[];
}

@ObjectType({ description: 'Reports for a period of company-time-zone days. Each field is one SQL statement, computed only when asked for.' })
export class Reports {
  @Field(() => CalendarDateScalar, { description: 'First day of the period.' })
  from!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last day of the period, inclusive.' })
  to!: CalendarDate;
}
