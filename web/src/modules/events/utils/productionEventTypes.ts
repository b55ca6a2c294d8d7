import type { ResultOf, VariablesOf } from '../../../graphql/graphql';
import type { CrewConflictFieldsFragment } from '../graphql/crewConflictFieldsFragment';
import type { EventPeopleQuery } from '../graphql/eventPeopleQuery';
import type { ProductionEventFieldsFragment } from '../graphql/productionEventFieldsFragment';
import type { UpdateProductionEventMutation } from '../graphql/updateProductionEventMutation';

export type ProductionEvent = ResultOf<typeof ProductionEventFieldsFragment>;
export type ProductionEventStatus = ProductionEvent['status'];
export type CrewMember = ProductionEvent['crew'][number];
export type EventProblem = ProductionEvent['problems'][number];
export type CrewConflict = ResultOf<typeof CrewConflictFieldsFragment>;
export type BusyPerson = ResultOf<typeof EventPeopleQuery>['busyPeople'][number];
export type PersonRef = ResultOf<typeof EventPeopleQuery>['crewSchedule'][number]['person'];
export type UpdateProductionEventInput = VariablesOf<typeof UpdateProductionEventMutation>['input'];

/** The edit form of an event; empty strings and null stand for "not set". */
export interface EventFormValues {
  title: string;
  /** First and last show day, `YYYY-MM-DD`, as the range picker holds them. */
  dates: [string | null, string | null];
  /** `HH:MM` or empty for whole days. */
  startTime: string;
  endTime: string;
  prepDays: number | string;
  returnDays: number | string;
  clientId: string | null;
  venueId: string | null;
  managerId: string | null;
  seniorEngineerId: string | null;
  notes: string;
  problemNote: string;
}

export type EventFormField = keyof EventFormValues;

/** A person offered by the crew picker, with the other events that keep them busy. */
export interface PersonOption {
  id: string;
  name: string;
  /** Other non-cancelled events on the event's days (not this one). */
  busyWith: BusyPerson['events'];
  /** Already on this event's crew. */
  onCrew: boolean;
}

/** An option of a select: an id and what people read. */
export interface NamedOption {
  value: string;
  label: string;
}
