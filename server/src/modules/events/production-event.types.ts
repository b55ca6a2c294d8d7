import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar, SafeIntScalar } from '../../graphql/scalars.js';
import { Client } from '../clients/client.entity.js';
import { CrewRole } from '../crew-roles/crew-role.entity.js';
import { FieldChange } from '../journal/journal-entry.types.js';
import { Venue } from '../venues/venue.entity.js';
import { EquipmentShortage } from '../equipment/equipment-refs.types.js';
import { ProductionEventStatus } from './production-event-status.js';

@ObjectType({ description: 'A staff member as colleagues see them on events: name and phone.' })
export class Person {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone, for call sheets.' })
  phone!: string | null;
}

@ObjectType({ description: 'A person on an event in a crew role.' })
export class CrewMember {
  @Field(() => ID, { description: 'Assignment id.' })
  id!: string;

  @Field(() => Person, { description: 'Who.' })
  person!: Person;

  @Field(() => CrewRole, { description: 'As what.' })
  crewRole!: CrewRole;

  @Field(() => Date, { nullable: true, description: 'When the person acknowledged their latest change; null = not yet.' })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a double booking was accepted under the BLOCK policy.' })
  overrideReason!: string | null;
}

@ObjectType({ description: 'Just enough of another event to name and link it.' })
export class ProductionEventRef {
  @Field(() => ID, { description: 'Event id.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => CalendarDateScalar, { description: 'First show day.' })
  startDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last show day.' })
  endDate!: CalendarDate;

  @Field(() => ProductionEventStatus, { description: 'Status.' })
  status!: ProductionEventStatus;
}

@ObjectType({ description: 'A person on two non-cancelled events that share at least one calendar day.' })
export class CrewConflict {
  @Field(() => Person, { description: 'Who is double-booked.' })
  person!: Person;

  @Field(() => ProductionEventRef, { description: 'The event this conflict is reported on.' })
  event!: ProductionEventRef;

  @Field(() => ProductionEventRef, { description: 'The other event the person is on.' })
  otherEvent!: ProductionEventRef;

  @Field(() => CalendarDateScalar, { description: 'First shared day (prep and return days count).' })
  fromDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last shared day.' })
  toDate!: CalendarDate;
}

export enum EventProblemKind {
  CREW_CONFLICT = 'CREW_CONFLICT',
  EQUIPMENT_SHORTAGE = 'EQUIPMENT_SHORTAGE',
  EQUIPMENT_NOT_RETURNED = 'EQUIPMENT_NOT_RETURNED',
  EQUIPMENT_DAMAGED = 'EQUIPMENT_DAMAGED',
  MANUAL = 'MANUAL',
}

registerEnumType(EventProblemKind, {
  name: 'EventProblemKind',
  description: 'Why an event is drawn with a problem outline.',
  valuesConfig: {
    CREW_CONFLICT: { description: 'Someone on it is busy on another event the same day.' },
    EQUIPMENT_SHORTAGE: { description: 'More of an item is reserved than available on some of its days.' },
    EQUIPMENT_NOT_RETURNED: { description: 'The event is over and gear checked out to it has not come back.' },
    EQUIPMENT_DAMAGED: { description: 'Gear came back damaged and its repair is still open.' },
    MANUAL: { description: 'The manual problem note is set.' },
  },
});

@ObjectType({ description: 'A derived problem of an event; it disappears when its cause does.' })
export class EventProblem {
  @Field(() => EventProblemKind, { description: 'What kind of problem.' })
  kind!: EventProblemKind;

  @Field(() => String, { description: 'One line for people, in English.' })
  message!: string;

  @Field(() => CrewConflict, { nullable: true, description: 'The conflict, for CREW_CONFLICT.' })
  conflict!: CrewConflict | null;

  @Field(() => EquipmentShortage, { nullable: true, description: 'The shortage, for EQUIPMENT_SHORTAGE.' })
  shortage?: EquipmentShortage | null;
}

@ObjectType('ProductionEvent', { description: 'An event on the calendar, with everything a calendar cell and hover card need.' })
export class ProductionEventView {
  @Field(() => ID, { description: 'Event id.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => CalendarDateScalar, { description: 'First show day (company time zone), inclusive.' })
  startDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last show day, inclusive. An overnight show ends on its show day.' })
  endDate!: CalendarDate;

  @Field(() => String, { nullable: true, description: 'Start time HH:MM on the first day; null for whole days.' })
  startTime!: string | null;

  @Field(() => String, { nullable: true, description: 'End time HH:MM; on the morning after endDate when endsNextDay.' })
  endTime!: string | null;

  @Field(() => Boolean, { description: 'The end time is after midnight but before the cut-over hour: the show still belongs to endDate.' })
  endsNextDay!: boolean;

  /** The company zone the instants are computed in (startsAt/endsAt are field resolvers, computed only when asked). */
  timeZone!: string;

  @Field(() => Int, { description: 'Load-in days reserved before the first show day.' })
  prepDays!: number;

  @Field(() => Int, { description: 'Load-out days reserved after the last show day.' })
  returnDays!: number;

  @Field(() => CalendarDateScalar, { description: 'First reserved day: startDate − prepDays.' })
  busyFrom!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last reserved day: endDate + returnDays.' })
  busyTo!: CalendarDate;

  @Field(() => ProductionEventStatus, { description: 'Workflow status.' })
  status!: ProductionEventStatus;

  @Field(() => [ProductionEventStatus], { description: 'Statuses it may move to next.' })
  allowedTransitions!: ProductionEventStatus[];

  @Field(() => Client, { nullable: true, description: 'Who ordered it.' })
  client!: Client | null;

  @Field(() => Venue, { nullable: true, description: 'Where.' })
  venue!: Venue | null;

  @Field(() => Person, { nullable: true, description: 'Responsible manager.' })
  manager!: Person | null;

  @Field(() => Person, { nullable: true, description: 'Senior engineer on site.' })
  seniorEngineer!: Person | null;

  @Field(() => [CrewMember], { description: 'Crew with their roles, by role order then name.' })
  crew!: CrewMember[];

  @Field(() => String, { nullable: true, description: 'Free notes.' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'Manual problem note; when set it is one of the problems.' })
  problemNote!: string | null;

  @Field(() => [EventProblem], { description: 'Derived problems: crew conflicts and the manual note.' })
  problems!: EventProblem[];

  @Field(() => Int, { description: 'Version: send it back as expectedVersion with a change.' })
  version!: number;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it went to the trash; null otherwise.' })
  deletedAt!: Date | null;

  @Field(() => Person, { nullable: true, description: 'Who put it in the trash.' })
  deletedBy!: Person | null;
}

@ObjectType({ description: 'What an event mutation did: the event as it is now and the conflicts this change caused.' })
export class ProductionEventResult {
  @Field(() => ProductionEventView, { description: 'The event after the change.' })
  event!: ProductionEventView;

  @Field(() => [CrewConflict], { description: 'Double bookings that this change created (empty when none).' })
  conflicts!: CrewConflict[];

  @Field(() => [EquipmentShortage], { description: 'Equipment shortages of this event that this change created or worsened (empty when none).' })
  equipmentShortages!: EquipmentShortage[];
}

export enum CalendarChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  MOVED = 'MOVED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  DELETED = 'DELETED',
  RESTORED = 'RESTORED',
}

registerEnumType(CalendarChangeKind, {
  name: 'CalendarChangeKind',
  description: 'What happened to an event.',
  valuesConfig: {
    CREATED: { description: 'Created or duplicated.' },
    UPDATED: { description: 'Fields, crew or acknowledgements changed, or its problems changed because of another event.' },
    MOVED: { description: 'Its days or times changed (drag, resize or edit).' },
    STATUS_CHANGED: { description: 'Its status changed.' },
    DELETED: { description: 'Moved to the trash: remove it from the calendar.' },
    RESTORED: { description: 'Brought back from the trash.' },
  },
});

@ObjectType({ description: 'One change of one event, as committed.' })
export class CalendarChange {
  @Field(() => SafeIntScalar, { description: 'Journal sequence number of the change; remember the last for changesSince.' })
  seq!: number;

  @Field(() => CalendarChangeKind, { description: 'What happened.' })
  kind!: CalendarChangeKind;

  @Field(() => ID, { description: 'The event that changed.' })
  eventId!: string;

  @Field(() => ProductionEventView, { nullable: true, description: 'Its state now (a deleted event has deletedAt set).' })
  event!: ProductionEventView | null;

  @Field(() => String, { nullable: true, description: 'Who made the change.' })
  actorName!: string | null;

  @Field(() => Date, { description: 'When it was committed.' })
  at!: Date;
}

export enum NotificationKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  MOVED = 'MOVED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  UPDATED = 'UPDATED',
  CONFLICT = 'CONFLICT',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a personal notification is about.',
  valuesConfig: {
    ADDED: { description: 'You were put on the event (crew, senior engineer or manager), or it came back from the trash.' },
    REMOVED: { description: 'You were taken off the event, or it went to the trash.' },
    MOVED: { description: 'Its days or times changed.' },
    ROLE_CHANGED: { description: 'Your crew role on it changed.' },
    STATUS_CHANGED: { description: 'Its status changed (e.g. confirmed or cancelled).' },
    UPDATED: { description: 'Other details changed (venue, client, notes…).' },
    CONFLICT: { description: 'You are now double-booked with another event.' },
  },
});

@ObjectType({ description: 'A change that concerns you: you were added, removed, moved, given another role, or double-booked.' })
export class CrewNotification {
  @Field(() => SafeIntScalar, { description: 'Journal sequence number.' })
  seq!: number;

  @Field(() => NotificationKind, { description: 'What kind of change.' })
  kind!: NotificationKind;

  @Field(() => String, { description: 'What changed, in one line.' })
  message!: string;

  @Field(() => [FieldChange], { description: 'The changed fields, old → new.' })
  changes!: FieldChange[];

  @Field(() => ID, { description: 'The event concerned.' })
  eventId!: string;

  @Field(() => ProductionEventView, { nullable: true, description: 'The event as it is now.' })
  event!: ProductionEventView | null;

  @Field(() => CrewConflict, { nullable: true, description: 'For CONFLICT: the double booking.' })
  conflict!: CrewConflict | null;

  @Field(() => String, { nullable: true, description: 'Who made the change.' })
  actorName!: string | null;

  @Field(() => Date, { description: 'When.' })
  at!: Date;
}

@ObjectType({ description: 'Where one person works on some days.' })
export class ScheduleEntry {
  @Field(() => ProductionEventRef, { description: 'The event.' })
  event!: ProductionEventRef;

  @Field(() => String, { description: 'As what: a crew role name, "Senior engineer" or "Manager".' })
  roleName!: string;

  @Field(() => CalendarDateScalar, { description: 'First reserved day within the asked period.' })
  fromDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last reserved day within the asked period.' })
  toDate!: CalendarDate;
}

@ObjectType({ description: 'One row of the crew schedule: a person and where they work.' })
export class CrewScheduleRow {
  @Field(() => Person, { description: 'Who.' })
  person!: Person;

  @Field(() => [ScheduleEntry], { description: 'Their events in the period, by first day.' })
  entries!: ScheduleEntry[];

  @Field(() => [CalendarDateScalar], { description: 'Days on which they are on more than one event.' })
  conflictDays!: CalendarDate[];
}

@ObjectType({ description: 'A person who is on at least one non-cancelled event in a period.' })
export class BusyPerson {
  @Field(() => Person, { description: 'Who.' })
  person!: Person;

  @Field(() => [ProductionEventRef], { description: 'The events that keep them busy.' })
  events!: ProductionEventRef[];

  @Field(() => [CalendarDateScalar], { description: 'Their busy days within the period.' })
  days!: CalendarDate[];
}
