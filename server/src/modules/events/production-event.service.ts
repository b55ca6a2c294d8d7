import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { addDays, daysBetween, isCalendarDate, type CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type FieldProblem } from '../../common/errors.js';
import { mergeStaleWrite } from '../../common/field-merge.js';
import { pgArray, runQueries } from '../../database/orm.js';
import type { Viewer } from '../../graphql/context.js';
import { Client } from '../clients/client.entity.js';
import type { ClientService } from '../clients/client.service.js';
import { CrewRole } from '../crew-roles/crew-role.entity.js';
import { diffFields, type JournalInput, type JournalService } from '../journal/journal.service.js';
import { DoubleBookingPolicy, type CompanySettings } from '../settings/company-settings.entity.js';
import type { SettingsService } from '../settings/settings.service.js';
import { User } from '../staff/user.entity.js';
import { Venue } from '../venues/venue.entity.js';
import type { EquipmentShortageGuard } from '../equipment/equipment-shortage.guard.js';
import { CrewAssignment } from './crew-assignment.entity.js';
import { checkSchedule } from './event-schedule.js';
import { canTransition, INITIAL_STATUSES, ProductionEventStatus } from './production-event-status.js';
import { ProductionEvent } from './production-event.entity.js';
import type { CreateProductionEventInput, UpdateProductionEventInput } from './production-event.inputs.js';
import { conflictKey, findConflicts, type FoundConflict, type ProductionEventReadModel } from './production-event.read-model.js';
import { CalendarChangeKind, NotificationKind, type CrewConflict, type ProductionEventResult, type ProductionEventView } from './production-event.types.js';

/** The fields of an event as journaled and merged: the same names as the update input. */
const FIELDS = [
  'title',
  'startDate',
  'endDate',
  'startTime',
  'endTime',
  'prepDays',
  'returnDays',
  'clientId',
  'venueId',
  'managerId',
  'seniorEngineerId',
  'notes',
  'problemNote',
] as const;
type EventField = (typeof FIELDS)[number];
type EventSnapshot = Record<EventField, unknown> & { status: ProductionEventStatus; endsNextDay: boolean };
const DATE_FIELDS: readonly string[] = ['startDate', 'endDate', 'startTime', 'endTime', 'prepDays', 'returnDays'];

function snapshot(event: ProductionEvent): EventSnapshot {
  return {
    title: event.title,
    startDate: event.startDate,
    endDate: event.endDate,
    startTime: event.startTime?.slice(0, 5) ?? null,
    endTime: event.endTime?.slice(0, 5) ?? null,
    endsNextDay: event.endsNextDay,
    prepDays: event.prepDays,
    returnDays: event.returnDays,
    clientId: event.client?.id ?? null,
    venueId: event.venue?.id ?? null,
    managerId: event.manager?.id ?? null,
    seniorEngineerId: event.seniorEngineer?.id ?? null,
    notes: event.notes ?? null,
    problemNote: event.problemNote ?? null,
    status: event.status,
  };
}

function busyRange(event: ProductionEvent): [CalendarDate, CalendarDate] {
  return [addDays(event.startDate, -event.prepDays), addDays(event.endDate, event.returnDays)];
}

function textOrNull(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

interface WriteContext {
  settings: CompanySettings;
  /** The event as locked for this change; null when creating. */
  event: ProductionEvent | null;
  /** Everyone on the event before the change. */
  peopleBefore: string[];
}

interface WriteOutcome {
  event: ProductionEvent;
  action: string;
  summary: string;
  kind: CalendarChangeKind;
  changes: JournalInput['changes'];
  /** Who gets a personal notification of what kind (the actor never does). */
  notify: Map<string, NotificationKind>;
  /** False when the change cannot create double bookings (delete, cancel, crew removal…). */
  mayConflict: boolean;
  extraJournal?: JournalInput[];
  context?: Record<string, unknown>;
  /** Runs after the event row is written (rows that reference a new event). */
  afterFlush?: (em: EntityManager) => Promise<void>;
}

/** What `write` takes out of its transaction: the event as committed (unless nothing changed) and what the change raised. */
interface WriteResult {
  id: string;
  view: ProductionEventView | undefined;
  conflicts: CrewConflict[];
  shortages: ProductionEventResult['equipmentShortages'];
}

/**
 * Every change of an event goes through `write`: lock the event, apply the change, lock the people
 * on it, compare their double bookings before and after, apply the double-booking policy, bump the
 * version and journal it all in the same transaction. Live delivery follows from the journal.
 */
export class ProductionEventService {
  constructor(
    private readonly journal: JournalService,
    private readonly settings: SettingsService,
    private readonly clients: ClientService,
    private readonly readModel: ProductionEventReadModel,
    /** Equipment shortages around an event, compared before and after each change (issue 5). */
    private readonly equipment?: EquipmentShortageGuard,
  ) {}

  async get(id: string, includeDeleted = true): Promise<ProductionEventView> {
    checkId(id, 'id', 'an event');
    const [view] = await this.readModel.byIds([id]);
    if (!view || (!includeDeleted && view.deletedAt)) throw new NotFoundError('Event', id);
    return view;
  }

  async create(viewer: Viewer, input: CreateProductionEventInput): Promise<ProductionEventResult> {
    if (!INITIAL_STATUSES.includes(input.status)) {
      throw new BadUserInputError([{ field: 'status', message: 'a new event is DRAFT, TENTATIVE or CONFIRMED' }]);
    }
    return this.write(viewer, null, input.overrideReason, async (em, { settings }) => {
      const event = em.create(ProductionEvent, {
        title: input.title.trim(),
        startDate: input.startDate,
        endDate: input.endDate,
        status: input.status,
        createdBy: em.getReference(User, viewer.id),
      });
      const values: Partial<EventSnapshot> = {
        title: input.title.trim(),
        startDate: input.startDate,
        endDate: input.endDate,
        startTime: input.startTime ?? null,
        endTime: input.endTime ?? null,
        prepDays: input.prepDays,
        returnDays: input.returnDays,
        clientId: input.clientId ?? null,
        venueId: input.venueId ?? null,
        managerId: input.managerId === undefined ? viewer.id : input.managerId,
        seniorEngineerId: input.seniorEngineerId ?? null,
        notes: textOrNull(input.notes) ?? null,
        problemNote: textOrNull(input.problemNote) ?? null,
      };
      await this.apply(em, event, values, settings, {});
      const after = snapshot(event);
      const notify = new Map<string, NotificationKind>();
      for (const id of [after.managerId, after.seniorEngineerId]) if (typeof id === 'string') notify.set(id, NotificationKind.ADDED);
      return {
        event,
        action: 'event.create',
        summary: `Event "${event.title}" created for ${event.startDate}`,
        kind: CalendarChangeKind.CREATED,
        changes: diffFields({} as EventSnapshot, { ...after }, [...FIELDS, 'status']),
        notify,
        mayConflict: true,
        extraJournal: event.status === ProductionEventStatus.CONFIRMED && event.client ? await this.clients.activateForConfirmedEvent(em, viewer, event.client.id, event.title) : [],
      };
    });
  }

  async update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateProductionEventInput, overrideReason?: string | null): Promise<ProductionEventResult> {
    const wanted: Partial<EventSnapshot> = {};
    for (const field of FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      if (value === null && (field === 'title' || field === 'startDate' || field === 'endDate' || field === 'prepDays' || field === 'returnDays')) {
        throw new BadUserInputError([{ field, message: 'cannot be cleared' }]);
      }
      wanted[field] = typeof value === 'string' && (field === 'title' || field === 'notes' || field === 'problemNote') ? textOrNull(value) : value;
    }
    return this.write(viewer, id, overrideReason, async (em, { settings, event }) => {
      const current = event!;
      this.requireEditor(viewer, current);
      const apply = await this.mergeOrRefuse(em, current, expectedVersion, wanted);
      return this.describeEdit(em, viewer, current, await this.applyAndDiff(em, current, apply, settings, viewer), 'event.update');
    });
  }

  /** Drag and resize: new show days, times and prep/return days unchanged. */
  async move(viewer: Viewer, id: string, expectedVersion: number, startDate: CalendarDate, endDate: CalendarDate, overrideReason?: string | null): Promise<ProductionEventResult> {
    return this.write(viewer, id, overrideReason, async (em, { settings, event }) => {
      const current = event!;
      this.requireEditor(viewer, current);
      const apply = await this.mergeOrRefuse(em, current, expectedVersion, { startDate, endDate });
      return this.describeEdit(em, viewer, current, await this.applyAndDiff(em, current, apply, settings, viewer), 'event.move');
    });
  }

  async changeStatus(viewer: Viewer, id: string, expectedVersion: number, status: ProductionEventStatus, overrideReason?: string | null): Promise<ProductionEventResult> {
    return this.write(viewer, id, overrideReason, async (em, { event }) => {
      const current = event!;
      this.requireEditor(viewer, current);
      const before = snapshot(current);
      if (current.version !== expectedVersion && current.status !== status) {
        const history = await this.journal.fieldHistorySince(em, 'ProductionEvent', current.id, expectedVersion);
        if (history.has('status')) throw this.staleConflict(current, ['status'], history.get('status')!.changedBy);
      }
      if (current.status !== status && !canTransition(current.status, status)) {
        throw new BadUserInputError([{ field: 'status', message: `cannot go from ${current.status.toUpperCase()} to ${status.toUpperCase()}` }]);
      }
      current.status = status;
      const changes = diffFields(before, snapshot(current), ['status']);
      const people = await peopleOf(em, current.id);
      return {
        event: current,
        action: 'event.status_change',
        summary: `"${current.title}" is now ${status.replace('_', ' ')}`,
        kind: CalendarChangeKind.STATUS_CHANGED,
        changes,
        notify: new Map(changes.length ? people.map((person) => [person, NotificationKind.STATUS_CHANGED]) : []),
        mayConflict: before.status === ProductionEventStatus.CANCELLED,
        extraJournal:
          status === ProductionEventStatus.CONFIRMED && current.client && changes.length
            ? await this.clients.activateForConfirmedEvent(em, viewer, current.client.id, current.title)
            : [],
      };
    });
  }

  /** Soft delete: the event goes to the trash with everything on it. */
  async delete(viewer: Viewer, id: string): Promise<ProductionEventResult> {
    return this.write(viewer, id, undefined, async (em, { event, peopleBefore }) => {
      const current = event!;
      if (current.deletedAt) throw new NotFoundError('Event', id);
      current.deletedAt = new Date();
      current.deletedBy = em.getReference(User, viewer.id);
      return {
        event: current,
        action: 'event.delete',
        summary: `"${current.title}" moved to the trash`,
        kind: CalendarChangeKind.DELETED,
        changes: [{ field: 'deleted', oldValue: false, newValue: true }],
        notify: new Map(peopleBefore.map((person) => [person, NotificationKind.REMOVED])),
        mayConflict: false,
      };
    }, { includeDeleted: true });
  }

  async restore(viewer: Viewer, id: string, overrideReason?: string | null): Promise<ProductionEventResult> {
    return this.write(viewer, id, overrideReason, async (em, { event, peopleBefore }) => {
      const current = event!;
      if (!current.deletedAt) throw new BadUserInputError([{ field: 'id', message: 'this event is not in the trash' }]);
      current.deletedAt = null;
      current.deletedBy = null;
      return {
        event: current,
        action: 'event.restore',
        summary: `"${current.title}" restored from the trash`,
        kind: CalendarChangeKind.RESTORED,
        changes: [{ field: 'deleted', oldValue: true, newValue: false }],
        notify: new Map(peopleBefore.map((person) => [person, NotificationKind.ADDED])),
        mayConflict: true,
      };
    }, { includeDeleted: true });
  }

  /** A copy on new dates with the same crew, as a draft. */
  async duplicate(viewer: Viewer, id: string, startDate: CalendarDate, overrideReason?: string | null): Promise<ProductionEventResult> {
    checkId(id, 'id', 'an event');
    return this.write(viewer, null, overrideReason, async (em) => {
      const source = await em.findOne(ProductionEvent, { id, deletedAt: null });
      if (!source) throw new NotFoundError('Event', id);
      const length = daysBetween(source.startDate, source.endDate);
      const copy = em.create(ProductionEvent, {
        title: source.title,
        startDate,
        endDate: addDays(startDate, length),
        startTime: source.startTime,
        endTime: source.endTime,
        endsNextDay: source.endsNextDay,
        prepDays: source.prepDays,
        returnDays: source.returnDays,
        status: ProductionEventStatus.DRAFT,
        client: source.client,
        venue: source.venue,
        manager: source.manager,
        seniorEngineer: source.seniorEngineer,
        notes: source.notes,
        createdBy: em.getReference(User, viewer.id),
      });
      const crew = await em.find(CrewAssignment, { event: source.id });
      for (const member of crew) {
        em.create(CrewAssignment, { event: copy, user: member.user, crewRole: member.crewRole, assignedBy: em.getReference(User, viewer.id) });
      }
      const after = snapshot(copy);
      const people = new Set([after.managerId, after.seniorEngineerId, ...crew.map((member) => member.user.id)].filter((p): p is string => typeof p === 'string'));
      return {
        event: copy,
        action: 'event.create',
        summary: `"${copy.title}" duplicated to ${startDate}`,
        kind: CalendarChangeKind.CREATED,
        changes: diffFields({} as EventSnapshot, after, [...FIELDS, 'status']),
        notify: new Map([...people].map((person) => [person, NotificationKind.ADDED])),
        mayConflict: true,
        context: { duplicateOf: source.id, crew: crew.length },
        // The same own gear (not the picked units: those are chosen again for the new dates).
        afterFlush: async (em) => {
          await em.execute(
            `insert into event_equipment (event_id, item_id, kind, quantity, created_by)
             select ?, item_id, 'PLANNED', quantity, ? from event_equipment where event_id = ? and kind = 'PLANNED'`,
            [copy.id, viewer.id, source.id],
          );
        },
      };
    });
  }

  async assignCrew(viewer: Viewer, eventId: string, userId: string, crewRoleId: string, overrideReason?: string | null): Promise<ProductionEventResult> {
    checkId(userId, 'userId', 'an account');
    checkId(crewRoleId, 'crewRoleId', 'a crew role');
    return this.write(viewer, eventId, overrideReason, async (em, { event }) => {
      const current = event!;
      const [user, role] = await runQueries(em, [() => em.findOne(User, { id: userId, active: true }), () => em.findOne(CrewRole, crewRoleId)]);
      const problems: FieldProblem[] = [];
      if (!user) problems.push({ field: 'userId', message: 'is not an active account' });
      if (!role) problems.push({ field: 'crewRoleId', message: 'is not a crew role' });
      else if (role.retired) problems.push({ field: 'crewRoleId', message: `"${role.name}" is retired` });
      if (problems.length) throw new BadUserInputError(problems);
      const existing = await em.findOne(CrewAssignment, { event: current.id, user: userId }, { populate: ['crewRole'] });
      if (existing) throw new BadUserInputError([{ field: 'userId', message: `${user!.name} is already on this event as ${existing.crewRole.name}` }]);
      em.create(CrewAssignment, {
        event: current,
        user: user!,
        crewRole: role!,
        assignedBy: em.getReference(User, viewer.id),
        overrideReason: overrideReason?.trim() || null,
      });
      return {
        event: current,
        action: 'crew.assign',
        summary: `${user!.name} put on "${current.title}" as ${role!.name}`,
        kind: CalendarChangeKind.UPDATED,
        changes: [{ field: 'crew', oldValue: null, newValue: { person: user!.name, personId: user!.id, role: role!.name } }],
        notify: new Map([[user!.id, NotificationKind.ADDED]]),
        mayConflict: true,
        context: { personId: user!.id },
      };
    });
  }

  async unassignCrew(viewer: Viewer, eventId: string, userId: string): Promise<ProductionEventResult> {
    checkId(userId, 'userId', 'an account');
    return this.write(viewer, eventId, undefined, async (em, { event }) => {
      const current = event!;
      const assignment = await em.findOne(CrewAssignment, { event: current.id, user: userId }, { populate: ['user', 'crewRole'] });
      if (!assignment) throw new NotFoundError('Crew assignment', userId);
      em.remove(assignment);
      return {
        event: current,
        action: 'crew.unassign',
        summary: `${assignment.user.name} taken off "${current.title}"`,
        kind: CalendarChangeKind.UPDATED,
        changes: [{ field: 'crew', oldValue: { person: assignment.user.name, personId: userId, role: assignment.crewRole.name }, newValue: null }],
        notify: new Map([[userId, NotificationKind.REMOVED]]),
        mayConflict: false,
        context: { personId: userId },
      };
    });
  }

  async setCrewRole(viewer: Viewer, eventId: string, userId: string, crewRoleId: string): Promise<ProductionEventResult> {
    checkId(userId, 'userId', 'an account');
    checkId(crewRoleId, 'crewRoleId', 'a crew role');
    return this.write(viewer, eventId, undefined, async (em, { event }) => {
      const current = event!;
      const assignment = await em.findOne(CrewAssignment, { event: current.id, user: userId }, { populate: ['user', 'crewRole'] });
      if (!assignment) throw new NotFoundError('Crew assignment', userId);
      const role = await em.findOne(CrewRole, crewRoleId);
      if (!role || role.retired) throw new BadUserInputError([{ field: 'crewRoleId', message: role ? `"${role.name}" is retired` : 'is not a crew role' }]);
      const oldRole = assignment.crewRole.name;
      if (role.id !== assignment.crewRole.id) {
        assignment.crewRole = role;
        assignment.acknowledgedAt = null;
      }
      return {
        event: current,
        action: 'crew.role_change',
        summary: `${assignment.user.name} on "${current.title}" is now ${role.name} (was ${oldRole})`,
        kind: CalendarChangeKind.UPDATED,
        changes: oldRole === role.name ? [] : [{ field: 'crewRole', oldValue: oldRole, newValue: role.name }],
        notify: new Map([[userId, NotificationKind.ROLE_CHANGED]]),
        mayConflict: false,
        context: { personId: userId },
      };
    });
  }

  /** The person confirms they have seen their latest change on this event. */
  async acknowledge(viewer: Viewer, eventId: string): Promise<ProductionEventResult> {
    return this.write(viewer, eventId, undefined, async (em, { event }) => {
      const current = event!;
      const assignment = await em.findOne(CrewAssignment, { event: current.id, user: viewer.id });
      if (!assignment) throw new ForbiddenError('Only people on the crew of this event can acknowledge it.');
      assignment.acknowledgedAt = new Date();
      return {
        event: current,
        action: 'crew.acknowledge',
        summary: `${viewer.name} acknowledged "${current.title}"`,
        kind: CalendarChangeKind.UPDATED,
        changes: [{ field: 'acknowledgedAt', oldValue: null, newValue: assignment.acknowledgedAt.toISOString() }],
        notify: new Map(),
        mayConflict: false,
        context: { personId: viewer.id },
      };
    });
  }

  private async write(
    viewer: Viewer,
    eventId: string | null,
    overrideReason: string | null | undefined,
    work: (em: EntityManager, context: WriteContext) => Promise<WriteOutcome>,
    options: { includeDeleted?: boolean } = {},
  ): Promise<ProductionEventResult> {
    if (eventId !== null) checkId(eventId, 'id', 'an event');
    const reason = overrideReason?.trim() || null;
    const { id, view, conflicts, shortages } = await this.journal.record<WriteResult>(async (em) => {
      const settings = await this.settings.get(em);
      const event = eventId ? await this.lock(em, eventId, options.includeDeleted ?? false) : null;
      const busyBefore = event && !event.deletedAt ? busyRange(event) : null;
      const peopleBefore = event ? await peopleOf(em, event.id) : [];
      const conflictsBefore = event ? await findConflicts(em, [event.id]) : [];
      const gearBefore = event && this.equipment ? await this.equipment.before(em, event.id, [busyBefore]) : null;
      const outcome = await work(em, { settings, event, peopleBefore });
      const target = outcome.event;
      // Nothing changed (the same status again, an edit to the same values): no new version, no journal row.
      if (event && outcome.changes?.length === 0) return { result: { id: target.id, view: undefined, conflicts: [], shortages: [] }, journal: [] };
      if (event) target.version += 1;
      await em.flush();
      await outcome.afterFlush?.(em);

      const peopleAfter = await peopleOf(em, target.id);
      await lockPeople(em, [...peopleBefore, ...peopleAfter]);
      const conflictsAfter = await findConflicts(em, [target.id]);
      const knownBefore = new Set(conflictsBefore.map(conflictKey));
      const raised = outcome.mayConflict ? conflictsAfter.filter((conflict) => !knownBefore.has(conflictKey(conflict))) : [];
      if (raised.length > 0 && settings.crewDoubleBooking === DoubleBookingPolicy.BLOCK && !reason) {
        throw new ConflictError(`${describeConflict(raised[0])}. Double bookings are blocked; give an override reason to book anyway.`, {
          conflicts: raised.map(conflictForError),
          policy: settings.crewDoubleBooking,
        });
      }
      const knownAfter = new Set(conflictsAfter.map(conflictKey));
      const changedConflicts = [...conflictsBefore.filter((c) => !knownAfter.has(conflictKey(c))), ...conflictsAfter.filter((c) => !knownBefore.has(conflictKey(c)))];
      const gear = this.equipment
        ? await this.equipment.after(em, target.id, [busyBefore, target.deletedAt ? null : busyRange(target)], gearBefore, {
            policy: settings.equipmentDoubleBooking,
            overrideReason: reason,
            mayRaise: outcome.mayConflict,
          })
        : { raised: [], affected: [] };
      const affected = [
        ...new Map([...changedConflicts.map((c) => [c.otherEvent.id, { id: c.otherEvent.id, busy: c.otherBusy }] as const), ...gear.affected.map((a) => [a.id, a] as const)]).values(),
      ];

      // The event as it commits, read after the last lock: the answer to this write, and what this
      // instance's live subscribers receive without reading it again (others read it after the commit).
      const [view] = await this.readModel.byIds([target.id], em);
      const live = view ? { views: new Map([[view.id, view]]) } : undefined;

      const notify = [...outcome.notify].filter(([person]) => person !== viewer.id);
      const journal: JournalInput[] = [
        {
          actor: viewer,
          action: outcome.action,
          objectType: 'ProductionEvent',
          objectId: target.id,
          summary: outcome.summary,
          changes: outcome.changes,
          context: {
            ...outcome.context,
            version: target.version,
            kind: outcome.kind,
            title: target.title,
            busy: { before: busyBefore, after: busyRange(target) },
            affected,
            notify: notify.map(([person]) => person),
            notifyKinds: Object.fromEntries(notify),
            ...(reason && raised.length > 0 ? { overrideReason: reason } : {}),
            ...(gear.raised.length > 0 ? { equipmentShortages: gear.raised, equipmentPolicy: settings.equipmentDoubleBooking, ...(reason ? { overrideReason: reason } : {}) } : {}),
          },
          live,
        },
        ...(outcome.extraJournal ?? []),
        ...raised.map((conflict) => ({
          actor: viewer,
          action: 'crew.conflict',
          objectType: 'ProductionEvent',
          objectId: target.id,
          summary: `${describeConflict(conflict)}${reason ? ` (accepted: ${reason})` : ''}`,
          context: {
            conflict: publicConflict(conflict),
            busy: { before: null, after: busyRange(target) },
            policy: settings.crewDoubleBooking,
            notify: conflict.person.id === viewer.id ? [] : [conflict.person.id],
            notifyKinds: { [conflict.person.id]: NotificationKind.CONFLICT },
            ...(reason ? { overrideReason: reason } : {}),
          },
          live,
        })),
      ];
      return { result: { id: target.id, view, conflicts: raised.map(publicConflict), shortages: gear.raised }, journal };
    });
    // A write that changed nothing read no view.
    const [event] = view ? [view] : await this.readModel.byIds([id]);
    return { event, conflicts, equipmentShortages: shortages };
  }

  private async lock(em: EntityManager, id: string, includeDeleted: boolean): Promise<ProductionEvent> {
    const event = await em.findOne(ProductionEvent, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!event || (event.deletedAt && !includeDeleted)) throw new NotFoundError('Event', id);
    return event;
  }

  /** Managers edit any event with event:update-any, and their own (as manager or creator) with event:create. */
  private requireEditor(viewer: Viewer, event: ProductionEvent): void {
    if (viewer.permissions.has('event:update-any')) return;
    const own = event.manager?.id === viewer.id || event.createdBy?.id === viewer.id;
    if (own && viewer.permissions.has('event:create')) return;
    throw new ForbiddenError('You need the "event:update-any" permission to change events you do not manage.', 'event:update-any');
  }

  /** The field-level merge of a stale write; throws CONFLICT with the current event when fields collide. */
  private async mergeOrRefuse(em: EntityManager, event: ProductionEvent, expectedVersion: number, wanted: Partial<EventSnapshot>): Promise<Partial<EventSnapshot>> {
    if (event.version === expectedVersion) return wanted;
    if (expectedVersion > event.version || expectedVersion < 1) {
      throw new BadUserInputError([{ field: 'expectedVersion', message: `must be a version this event had (it is at ${event.version})` }]);
    }
    const history = await this.journal.fieldHistorySince(em, 'ProductionEvent', event.id, expectedVersion);
    const merge = mergeStaleWrite(snapshot(event), wanted, history);
    if (merge.conflicts.length > 0) {
      throw this.staleConflict(event, merge.conflicts, [...new Set(merge.conflicts.flatMap((field) => history.get(field)?.changedBy ?? []))]);
    }
    return merge.apply;
  }

  private staleConflict(event: ProductionEvent, fields: string[], changedBy: string[]): ConflictError {
    const who = changedBy.length ? changedBy.join(', ') : 'Someone else';
    return new ConflictError(`${who} changed ${fields.join(', ')} of "${event.title}" since you opened it.`, {
      currentVersion: event.version,
      conflictingFields: fields,
      changedBy,
      current: { id: event.id, version: event.version, ...snapshot(event), status: statusName(event.status) },
    });
  }

  private async applyAndDiff(em: EntityManager, event: ProductionEvent, values: Partial<EventSnapshot>, settings: CompanySettings, viewer: Viewer) {
    const before = snapshot(event);
    await this.apply(em, event, values, settings, before);
    const after = snapshot(event);
    const changes = diffFields(before, after, [...FIELDS, 'endsNextDay']);
    const clientChanged = before.clientId !== after.clientId;
    const extraJournal =
      clientChanged && event.client && event.status === ProductionEventStatus.CONFIRMED
        ? await this.clients.activateForConfirmedEvent(em, viewer, event.client.id, event.title)
        : [];
    return { before, after, changes, extraJournal };
  }

  private async describeEdit(
    em: EntityManager,
    viewer: Viewer,
    event: ProductionEvent,
    edit: { before: EventSnapshot; after: EventSnapshot; changes: JournalInput['changes']; extraJournal: JournalInput[] },
    action: 'event.update' | 'event.move',
  ): Promise<WriteOutcome> {
    const changed = new Set((edit.changes ?? []).map((change) => change.field));
    const moved = [...changed].some((field) => DATE_FIELDS.includes(field));
    const notify = new Map<string, NotificationKind>();
    if (changed.size > 0) {
      for (const person of await peopleOf(em, event.id)) notify.set(person, moved ? NotificationKind.MOVED : NotificationKind.UPDATED);
      for (const field of ['managerId', 'seniorEngineerId'] as const) {
        if (!changed.has(field)) continue;
        if (typeof edit.before[field] === 'string') notify.set(edit.before[field], NotificationKind.REMOVED);
        if (typeof edit.after[field] === 'string') notify.set(edit.after[field], NotificationKind.ADDED);
      }
    }
    if (moved) await em.nativeUpdate(CrewAssignment, { event: event.id }, { acknowledgedAt: null });
    const what = moved ? `to ${event.startDate}${event.endDate !== event.startDate ? ` – ${event.endDate}` : ''}` : `(${[...changed].join(', ')})`;
    return {
      event,
      action: moved && action === 'event.move' ? 'event.move' : 'event.update',
      summary: `"${event.title}" ${moved ? 'moved' : 'edited'} ${what}`,
      kind: moved ? CalendarChangeKind.MOVED : CalendarChangeKind.UPDATED,
      changes: edit.changes,
      notify,
      mayConflict: moved || changed.has('managerId') || changed.has('seniorEngineerId'),
      extraJournal: edit.extraJournal,
    };
  }

  /** Writes validated values onto the event; checks references and the schedule. */
  private async apply(em: EntityManager, event: ProductionEvent, values: Partial<EventSnapshot>, settings: CompanySettings, before: Partial<EventSnapshot>): Promise<void> {
    const problems: FieldProblem[] = [];
    if (values.title !== undefined) {
      if (!values.title) problems.push({ field: 'title', message: 'is required' });
      else event.title = values.title as string;
    }
    for (const field of ['startDate', 'endDate'] as const) {
      const value = values[field];
      if (value === undefined) continue;
      if (!isCalendarDate(value)) problems.push({ field, message: 'is not a date' });
      else event[field] = value;
    }
    if (values.startTime !== undefined) event.startTime = (values.startTime as string | null) ?? null;
    if (values.endTime !== undefined) event.endTime = (values.endTime as string | null) ?? null;
    if (values.prepDays !== undefined) event.prepDays = values.prepDays as number;
    if (values.returnDays !== undefined) event.returnDays = values.returnDays as number;
    if (values.notes !== undefined) event.notes = values.notes as string | null;
    if (values.problemNote !== undefined) event.problemNote = values.problemNote as string | null;

    const schedule = checkSchedule(
      { startDate: event.startDate, endDate: event.endDate, startTime: event.startTime?.slice(0, 5) ?? null, endTime: event.endTime?.slice(0, 5) ?? null },
      settings.cutoverHour,
    );
    problems.push(...schedule.problems);
    event.endsNextDay = schedule.endsNextDay;

    if (values.clientId !== undefined && values.clientId !== before.clientId) {
      const client = values.clientId ? await em.findOne(Client, values.clientId as string) : null;
      if (values.clientId && (!client || client.archivedAt)) problems.push({ field: 'clientId', message: client ? `"${client.name}" is archived` : 'is not a client' });
      event.client = client;
    }
    if (values.venueId !== undefined && values.venueId !== before.venueId) {
      const venue = values.venueId ? await em.findOne(Venue, values.venueId as string) : null;
      if (values.venueId && (!venue || venue.archivedAt)) problems.push({ field: 'venueId', message: venue ? `"${venue.name}" is archived` : 'is not a venue' });
      event.venue = venue;
    }
    for (const field of ['managerId', 'seniorEngineerId'] as const) {
      const value = values[field];
      if (value === undefined || value === before[field]) continue;
      const user = value ? await em.findOne(User, { id: value as string, active: true }) : null;
      if (value && !user) problems.push({ field, message: 'is not an active account' });
      if (field === 'managerId') event.manager = user;
      else event.seniorEngineer = user;
    }
    if (problems.length > 0) throw new BadUserInputError(problems);
  }
}

function checkId(id: string, field: string, what: string): void {
  if (!isUUID(id)) throw new BadUserInputError([{ field, message: `is not ${what} id` }]);
}

async function peopleOf(em: EntityManager, eventId: string): Promise<string[]> {
  const rows = await em.execute<Array<{ user_id: string }>>('select distinct user_id from event_person where event_id = ?', [eventId]);
  return rows.map((row) => row.user_id);
}

/**
 * Serialises double-booking checks per person: two managers booking the same person on the same
 * day at the same moment both see the other's booking. Locks are taken in id order (no deadlocks).
 */
async function lockPeople(em: EntityManager, people: string[]): Promise<void> {
  const ids = [...new Set(people)].sort();
  if (ids.length === 0) return;
  await em.execute(
    `select count(pg_advisory_xact_lock(hashtextextended('loadout-person:' || id::text, 0))) from (select id from unnest(?::uuid[]) as id order by id) as ordered`,
    [pgArray(ids)],
  );
}

function publicConflict(conflict: FoundConflict | CrewConflict): CrewConflict {
  return { person: conflict.person, event: conflict.event, otherEvent: conflict.otherEvent, fromDate: conflict.fromDate, toDate: conflict.toDate };
}

/** Error extensions bypass GraphQL's enum serialisation, so statuses are written as the API names them. */
function statusName(status: ProductionEventStatus): string {
  return status.toUpperCase();
}

function conflictForError(conflict: FoundConflict): CrewConflict {
  const { event, otherEvent } = publicConflict(conflict);
  return {
    ...publicConflict(conflict),
    event: { ...event, status: statusName(event.status) as ProductionEventStatus },
    otherEvent: { ...otherEvent, status: statusName(otherEvent.status) as ProductionEventStatus },
  };
}

function describeConflict(conflict: CrewConflict): string {
  const days = conflict.fromDate === conflict.toDate ? `on ${conflict.fromDate}` : `from ${conflict.fromDate} to ${conflict.toDate}`;
  return `${conflict.person.name} is already on "${conflict.otherEvent.title}" ${days}`;
}
