/**
 * GraphQL documents and small helpers for production events (issue 3), shared by the event tests.
 * Every helper goes through the public HTTP API as the given session; none touches the database.
 */
import { HttpSession, DEMO_PASSWORD, type GraphQLResponse } from './harness.js';

export type GraphQLErrors = NonNullable<GraphQLResponse['errors']>;

export type EventStatus = 'DRAFT' | 'TENTATIVE' | 'CONFIRMED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
export const STATUSES: readonly EventStatus[] = ['DRAFT', 'TENTATIVE', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

export interface EventRef {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  status: EventStatus;
}
export interface PersonRef {
  id: string;
  name: string;
}
export interface Conflict {
  person: PersonRef;
  event: EventRef;
  otherEvent: EventRef;
  fromDate: string;
  toDate: string;
}
export interface CrewMember {
  id: string;
  acknowledgedAt: string | null;
  overrideReason: string | null;
  person: PersonRef;
  crewRole: { id: string; name: string };
}
export interface EventProblem {
  kind: 'CREW_CONFLICT' | 'MANUAL';
  message: string;
  conflict: Conflict | null;
}
export interface ProductionEvent {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  endsNextDay: boolean;
  startsAt: string | null;
  endsAt: string | null;
  prepDays: number;
  returnDays: number;
  busyFrom: string;
  busyTo: string;
  status: EventStatus;
  allowedTransitions: EventStatus[];
  version: number;
  notes: string | null;
  problemNote: string | null;
  deletedAt: string | null;
  deletedBy: PersonRef | null;
  client: { id: string; name: string; state: string } | null;
  venue: { id: string; name: string } | null;
  manager: PersonRef | null;
  seniorEngineer: PersonRef | null;
  crew: CrewMember[];
  problems: EventProblem[];
}
export interface EventResult {
  event: ProductionEvent;
  conflicts: Conflict[];
}

export const CONFLICT_FIELDS = /* GraphQL */ `
  fragment ConflictFields on CrewConflict {
    person { id name }
    event { id title startDate endDate status }
    otherEvent { id title startDate endDate status }
    fromDate
    toDate
  }`;

export const EVENT_FIELDS = /* GraphQL */ `
  fragment EventFields on ProductionEvent {
    id title startDate endDate startTime endTime endsNextDay startsAt endsAt
    prepDays returnDays busyFrom busyTo status allowedTransitions version
    notes problemNote deletedAt deletedBy { id name }
    client { id name state }
    venue { id name }
    manager { id name }
    seniorEngineer { id name }
    crew { id acknowledgedAt overrideReason person { id name } crewRole { id name } }
    problems { kind message conflict { ...ConflictFields } }
  }
  ${CONFLICT_FIELDS}`;

const RESULT = `{ event { ...EventFields } conflicts { ...ConflictFields } }`;

export const EVENT_DOCUMENTS = {
  create: `mutation($input: CreateProductionEventInput!) { result: createProductionEvent(input: $input) ${RESULT} } ${EVENT_FIELDS}`,
  update: `mutation($id: ID!, $expectedVersion: Int!, $input: UpdateProductionEventInput!, $overrideReason: String) {
    result: updateProductionEvent(id: $id, expectedVersion: $expectedVersion, input: $input, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  move: `mutation($id: ID!, $expectedVersion: Int!, $startDate: Date!, $endDate: Date!, $overrideReason: String) {
    result: moveProductionEvent(id: $id, expectedVersion: $expectedVersion, startDate: $startDate, endDate: $endDate, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  changeStatus: `mutation($id: ID!, $expectedVersion: Int!, $status: ProductionEventStatus!, $overrideReason: String) {
    result: changeProductionEventStatus(id: $id, expectedVersion: $expectedVersion, status: $status, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  delete: `mutation($id: ID!) { result: deleteProductionEvent(id: $id) ${RESULT} } ${EVENT_FIELDS}`,
  restore: `mutation($id: ID!, $overrideReason: String) { result: restoreProductionEvent(id: $id, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  duplicate: `mutation($id: ID!, $startDate: Date!, $overrideReason: String) {
    result: duplicateProductionEvent(id: $id, startDate: $startDate, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  assignCrew: `mutation($eventId: ID!, $userId: ID!, $crewRoleId: ID!, $overrideReason: String) {
    result: assignCrew(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId, overrideReason: $overrideReason) ${RESULT} } ${EVENT_FIELDS}`,
  unassignCrew: `mutation($eventId: ID!, $userId: ID!) { result: unassignCrew(eventId: $eventId, userId: $userId) ${RESULT} } ${EVENT_FIELDS}`,
  setCrewRole: `mutation($eventId: ID!, $userId: ID!, $crewRoleId: ID!) {
    result: setCrewRole(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId) ${RESULT} } ${EVENT_FIELDS}`,
  acknowledge: `mutation($eventId: ID!) { result: acknowledgeAssignment(eventId: $eventId) ${RESULT} } ${EVENT_FIELDS}`,
  event: `query($id: ID!) { event: productionEvent(id: $id) { ...EventFields } } ${EVENT_FIELDS}`,
  events: `query($from: Date!, $to: Date!, $filter: ProductionEventFilter) {
    events: productionEvents(from: $from, to: $to, filter: $filter) { ...EventFields } } ${EVENT_FIELDS}`,
  deleted: `{ events: deletedProductionEvents { ...EventFields } } ${EVENT_FIELDS}`,
  crewSchedule: `query($from: Date!, $to: Date!, $crewRoleId: ID) {
    rows: crewSchedule(from: $from, to: $to, crewRoleId: $crewRoleId) {
      person { id name } conflictDays entries { event { id title startDate endDate status } roleName fromDate toDate } } }`,
  busyPeople: `query($from: Date!, $to: Date!) {
    people: busyPeople(from: $from, to: $to) { person { id name } days events { id title startDate endDate status } } }`,
} as const;

/** The outcome of one request: its data (or undefined) and its errors. */
export interface Attempt<T> {
  data: T | undefined;
  errors: GraphQLErrors | undefined;
  headers: Headers;
}

async function attempt<T>(session: HttpSession, query: string, variables: Record<string, unknown>, key: string): Promise<Attempt<T>> {
  const response = await session.request(query, variables);
  return { data: (response.data?.[key] ?? undefined) as T | undefined, errors: response.errors, headers: response.headers };
}

/** The data of a successful attempt; throws with the errors otherwise. */
export function must<T>(outcome: Attempt<T>): T {
  if (outcome.errors?.length || outcome.data === undefined) {
    throw new Error(`expected success, got ${JSON.stringify(outcome.errors ?? 'no data')}`);
  }
  return outcome.data;
}

export interface CreateEventInput {
  title: string;
  startDate: string;
  endDate: string;
  startTime?: string | null;
  endTime?: string | null;
  prepDays?: number;
  returnDays?: number;
  status?: EventStatus;
  clientId?: string | null;
  venueId?: string | null;
  managerId?: string | null;
  seniorEngineerId?: string | null;
  notes?: string | null;
  problemNote?: string | null;
  overrideReason?: string | null;
}
export type UpdateEventInput = Partial<Omit<CreateEventInput, 'status' | 'overrideReason'>>;

export const tryCreateEvent = (session: HttpSession, input: CreateEventInput) => attempt<EventResult>(session, EVENT_DOCUMENTS.create, { input }, 'result');
export const createEvent = async (session: HttpSession, input: CreateEventInput) => must(await tryCreateEvent(session, input));

export const tryUpdateEvent = (session: HttpSession, id: string, expectedVersion: number, input: UpdateEventInput, overrideReason?: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.update, { id, expectedVersion, input, overrideReason }, 'result');
export const updateEvent = async (session: HttpSession, id: string, expectedVersion: number, input: UpdateEventInput, overrideReason?: string) =>
  must(await tryUpdateEvent(session, id, expectedVersion, input, overrideReason));

export const tryMoveEvent = (session: HttpSession, id: string, expectedVersion: number, startDate: string, endDate: string, overrideReason?: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.move, { id, expectedVersion, startDate, endDate, overrideReason }, 'result');
export const moveEvent = async (session: HttpSession, id: string, expectedVersion: number, startDate: string, endDate: string, overrideReason?: string) =>
  must(await tryMoveEvent(session, id, expectedVersion, startDate, endDate, overrideReason));

export const tryChangeStatus = (session: HttpSession, id: string, expectedVersion: number, status: EventStatus, overrideReason?: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.changeStatus, { id, expectedVersion, status, overrideReason }, 'result');
export const changeStatus = async (session: HttpSession, id: string, expectedVersion: number, status: EventStatus, overrideReason?: string) =>
  must(await tryChangeStatus(session, id, expectedVersion, status, overrideReason));

export const tryDeleteEvent = (session: HttpSession, id: string) => attempt<EventResult>(session, EVENT_DOCUMENTS.delete, { id }, 'result');
export const deleteEvent = async (session: HttpSession, id: string) => must(await tryDeleteEvent(session, id));

export const tryRestoreEvent = (session: HttpSession, id: string, overrideReason?: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.restore, { id, overrideReason }, 'result');
export const restoreEvent = async (session: HttpSession, id: string, overrideReason?: string) => must(await tryRestoreEvent(session, id, overrideReason));

export const tryDuplicateEvent = (session: HttpSession, id: string, startDate: string, overrideReason?: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.duplicate, { id, startDate, overrideReason }, 'result');
export const duplicateEvent = async (session: HttpSession, id: string, startDate: string, overrideReason?: string) =>
  must(await tryDuplicateEvent(session, id, startDate, overrideReason));

export interface AssignInput {
  eventId: string;
  userId: string;
  crewRoleId: string;
  overrideReason?: string;
}
export const tryAssignCrew = (session: HttpSession, input: AssignInput) => attempt<EventResult>(session, EVENT_DOCUMENTS.assignCrew, { ...input }, 'result');
export const assignCrew = async (session: HttpSession, input: AssignInput) => must(await tryAssignCrew(session, input));

export const tryUnassignCrew = (session: HttpSession, eventId: string, userId: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.unassignCrew, { eventId, userId }, 'result');
export const unassignCrew = async (session: HttpSession, eventId: string, userId: string) => must(await tryUnassignCrew(session, eventId, userId));

export const trySetCrewRole = (session: HttpSession, eventId: string, userId: string, crewRoleId: string) =>
  attempt<EventResult>(session, EVENT_DOCUMENTS.setCrewRole, { eventId, userId, crewRoleId }, 'result');
export const setCrewRole = async (session: HttpSession, eventId: string, userId: string, crewRoleId: string) =>
  must(await trySetCrewRole(session, eventId, userId, crewRoleId));

export const tryAcknowledge = (session: HttpSession, eventId: string) => attempt<EventResult>(session, EVENT_DOCUMENTS.acknowledge, { eventId }, 'result');
export const acknowledge = async (session: HttpSession, eventId: string) => must(await tryAcknowledge(session, eventId));

export const tryGetEvent = (session: HttpSession, id: string) => attempt<ProductionEvent>(session, EVENT_DOCUMENTS.event, { id }, 'event');
export const getEvent = async (session: HttpSession, id: string) => must(await tryGetEvent(session, id));

export const tryListEvents = (session: HttpSession, from: string, to: string, filter?: Record<string, unknown>) =>
  attempt<ProductionEvent[]>(session, EVENT_DOCUMENTS.events, { from, to, filter }, 'events');
export const listEvents = async (session: HttpSession, from: string, to: string, filter?: Record<string, unknown>) =>
  must(await tryListEvents(session, from, to, filter));

export interface ScheduleRow {
  person: PersonRef;
  conflictDays: string[];
  entries: Array<{ event: EventRef; roleName: string; fromDate: string; toDate: string }>;
}
export const tryCrewSchedule = (session: HttpSession, from: string, to: string, crewRoleId?: string) =>
  attempt<ScheduleRow[]>(session, EVENT_DOCUMENTS.crewSchedule, { from, to, crewRoleId }, 'rows');

export interface BusyPerson {
  person: PersonRef;
  days: string[];
  events: EventRef[];
}
export const tryBusyPeople = (session: HttpSession, from: string, to: string) => attempt<BusyPerson[]>(session, EVENT_DOCUMENTS.busyPeople, { from, to }, 'people');

/** A signed-in demo account with its id and name (from the login answer). */
export interface Account {
  session: HttpSession;
  id: string;
  name: string;
  email: string;
}
export async function signInAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Account> {
  const session = new HttpSession(baseUrl);
  const response = await session.login(email, password);
  if (response.errors || !response.data) throw new Error(`login of ${email} failed: ${JSON.stringify(response.errors)}`);
  const login = response.data.login as { id: string; name: string };
  return { session, id: login.id, name: login.name, email };
}

/** The account id of a demo account (signs it in once to read it). */
export async function userId(baseUrl: string, email: string): Promise<string> {
  return (await signInAs(baseUrl, email)).id;
}

/** Id of a crew role of the catalogue by name, case-insensitive (e.g. "sound"). */
export async function crewRoleId(session: HttpSession, name: string): Promise<string> {
  const response = await session.request<{ crewRoles: Array<{ id: string; name: string }> }>('{ crewRoles { id name } }');
  const role = response.data?.crewRoles.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!role) throw new Error(`no crew role ${name}: ${JSON.stringify(response)}`);
  return role.id;
}

export interface JournalRow {
  seq: number;
  action: string;
  objectType: string;
  objectId: string | null;
  actorLabel: string | null;
  summary: string;
  changes: Array<{ field: string; oldValue: unknown; newValue: unknown }>;
}
/** Journal rows of one object, newest first (the reader needs journal:read). */
export async function journalOf(reader: HttpSession, objectId: string, options: { objectType?: string; action?: string; limit?: number } = {}) {
  const response = await reader.request<{ journal: { total: number; entries: JournalRow[] } }>(
    `query($filter: JournalFilter, $page: PageInput) {
      journal(filter: $filter, page: $page) { total entries { seq action objectType objectId actorLabel summary changes { field oldValue newValue } } } }`,
    { filter: { objectId, objectType: options.objectType, action: options.action }, page: { limit: options.limit ?? 200 } },
  );
  if (response.errors) throw new Error(`journal: ${JSON.stringify(response.errors)}`);
  return response.data!.journal;
}

/** Changes company settings (needs settings:manage). */
export async function updateSettings(admin: HttpSession, input: Record<string, unknown>) {
  const response = await admin.request<{ updateCompanySettings: { timeZone: string; crewDoubleBooking: string; cutoverHour: number } }>(
    'mutation($input: UpdateCompanySettingsInput!) { updateCompanySettings(input: $input) { timeZone crewDoubleBooking cutoverHour } }',
    { input },
  );
  if (response.errors) throw new Error(`updateCompanySettings: ${JSON.stringify(response.errors)}`);
  return response.data!.updateCompanySettings;
}

/** Crew conflicts among an event's problems. */
export function crewConflictsOf(event: ProductionEvent): Conflict[] {
  return event.problems.filter((p) => p.kind === 'CREW_CONFLICT').map((p) => p.conflict!);
}

/** A calendar day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
