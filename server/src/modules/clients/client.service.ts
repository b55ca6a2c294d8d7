import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { todayIn } from '../../common/calendar-dates.js';
import { BadUserInputError, ConflictError, DomainError, NotFoundError } from '../../common/errors.js';
import { mergeStaleWrite } from '../../common/field-merge.js';
import { pgArray } from '../../database/orm.js';
import type { Viewer } from '../../graphql/context.js';
import type { JournalInput, JournalService } from '../journal/journal.service.js';
import { diffFields } from '../journal/journal.service.js';
import type { ProductionEventStatus } from '../events/production-event-status.js';
import type { ProductionEventRef } from '../events/production-event.types.js';
import type { SettingsService } from '../settings/settings.service.js';
import { Client, ClientState } from './client.entity.js';
import type { ClientFilter, CreateClientInput, UpdateClientInput } from './client.inputs.js';
import { normalisePhone, phoneSearchDigits } from './phone.js';

const EDITABLE = ['name', 'kind', 'email', 'contactPerson', 'notes'] as const;
const JOURNALED = [...EDITABLE, 'phone', 'state', 'archivedAt'] as const;
type ClientSnapshot = Record<(typeof JOURNALED)[number], unknown>;

function snapshot(client: Client): ClientSnapshot {
  return {
    name: client.name,
    kind: client.kind,
    email: client.email ?? null,
    contactPerson: client.contactPerson ?? null,
    notes: client.notes ?? null,
    phone: client.phone,
    state: client.state,
    archivedAt: client.archivedAt?.toISOString() ?? null,
  };
}

function trimmedOrNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value?.trim() || null;
}

/** Which of a client's events: those not over yet (soonest first) or those over (most recent first). */
export type ClientEventsWhen = 'upcoming' | 'past';

/** The most a client page may ask for in one list of events. */
export const MAX_CLIENT_EVENTS = 100;

export interface ClientPage {
  clients: Client[];
  total: number;
}

/** The client base (SPEC §4): unique normalised phones, states that follow events, archive not delete. */
export class ClientService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly settings: SettingsService,
  ) {}

  async list(given?: ClientFilter | null, limit = 50, offset = 0): Promise<ClientPage> {
    // GraphQL passes an explicit `filter: null` as null, which a default parameter does not replace.
    const filter = given ?? {};
    const em = this.orm.em.fork();
    const where: string[] = [filter.archived ? 'archived_at is not null' : 'archived_at is null'];
    const params: unknown[] = [];
    if (filter.states?.length) (where.push('state = any(?::text[])'), params.push(pgArray(filter.states)));
    const search = filter.search?.trim();
    if (search) {
      const { phoneRegion } = await this.settings.get(em);
      const digits = phoneSearchDigits(search, phoneRegion);
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(name ilike ? or email ilike ? or contact_person ilike ?${digits ? ' or phone like ?' : ''})`);
      params.push(like, like, like, ...(digits ? [`%${digits}%`] : []));
    }
    const clause = where.join(' and ');
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total from client where ${clause}`, params);
    const ids = await em.execute<Array<{ id: string }>>(`select id from client where ${clause} order by lower(name), id limit ? offset ?`, [...params, limit, offset]);
    const clients = await em.find(Client, { id: { $in: ids.map((row) => row.id) } });
    const byId = new Map(clients.map((client) => [client.id, client]));
    return { clients: ids.map((row) => byId.get(row.id)!), total: Number(total) };
  }

  /**
   * The events (not deleted) of several clients at once, one list per id in the same order, at most
   * `limit` each. Upcoming = last day today or later in the company time zone; past = the rest.
   * One statement for all the clients, so a list of clients with their events is not N+1.
   */
  async eventsOf(clientIds: readonly string[], when: ClientEventsWhen, limit: number): Promise<ProductionEventRef[][]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CLIENT_EVENTS) {
      throw new BadUserInputError([{ field: 'limit', message: `must be between 1 and ${MAX_CLIENT_EVENTS}` }]);
    }
    const ids = clientIds.filter((id) => isUUID(id));
    const byClient = new Map<string, ProductionEventRef[]>(clientIds.map((id) => [id, []]));
    if (ids.length > 0) {
      const em = this.orm.em.fork();
      const { timeZone } = await this.settings.get(em);
      const upcoming = when === 'upcoming';
      const order = upcoming ? 'start_date, start_time nulls first, id' : 'end_date desc, start_date desc, id';
      const rows = await em.execute<Array<{ client_id: string; id: string; title: string; start_date: string; end_date: string; status: ProductionEventStatus }>>(
        `select client_id, id, title, start_date, end_date, status from (
           select client_id, id, title, start_date::text as start_date, end_date::text as end_date, status,
                  row_number() over (partition by client_id order by ${order}) as n
             from production_event
            where client_id = any(?::uuid[]) and deleted_at is null and end_date ${upcoming ? '>=' : '<'} ?::date
         ) ranked
         where n <= ?
         order by client_id, n`,
        [pgArray(ids), todayIn(timeZone), limit],
      );
      for (const row of rows) {
        byClient.get(row.client_id)?.push({ id: row.id, title: row.title, startDate: row.start_date, endDate: row.end_date, status: row.status });
      }
    }
    return clientIds.map((id) => byClient.get(id) ?? []);
  }

  async get(id: string): Promise<Client> {
    return this.load(this.orm.em.fork(), id);
  }

  async create(viewer: Viewer, input: CreateClientInput): Promise<Client> {
    if (!input.name.trim()) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const phone = await this.normalisedPhone(input.phone);
    return this.refuseDuplicatePhone(phone, () =>
      this.journal.record(async (em) => {
        await this.refuseTakenPhone(em, phone);
        const client = em.create(Client, {
          name: input.name.trim(),
          kind: input.kind,
          phone,
          email: trimmedOrNull(input.email) ?? null,
          contactPerson: trimmedOrNull(input.contactPerson) ?? null,
          notes: trimmedOrNull(input.notes) ?? null,
        });
        const after = snapshot(client);
        return {
          result: client,
          journal: [
            this.entry(viewer, client, 'client.create', `Client ${client.name} created`, 1, diffFields({} as ClientSnapshot, after, JOURNALED)),
          ],
        };
      }),
    );
  }

  /** An ordinary edit; the phone is not part of it (it identifies the client). */
  async update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateClientInput): Promise<Client> {
    return this.journal.record(async (em) => {
      const client = await this.load(em, id, true);
      const before = snapshot(client);
      const wanted: Partial<ClientSnapshot> = {
        name: input.name?.trim(),
        kind: input.kind ?? undefined,
        email: trimmedOrNull(input.email),
        contactPerson: trimmedOrNull(input.contactPerson),
        notes: trimmedOrNull(input.notes),
      };
      if (wanted.name === '') throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
      let apply = wanted;
      if (expectedVersion > client.version || expectedVersion < 1) {
        throw new BadUserInputError([{ field: 'expectedVersion', message: `must be a version this client had (it is at ${client.version})` }]);
      }
      if (client.version !== expectedVersion) {
        const history = await this.journal.fieldHistorySince(em, 'Client', client.id, expectedVersion);
        const merge = mergeStaleWrite(before, wanted, history);
        if (merge.conflicts.length > 0) {
          throw new ConflictError(`Someone else changed ${merge.conflicts.join(', ')} of this client since you opened it.`, {
            currentVersion: client.version,
            conflictingFields: merge.conflicts,
            changedBy: [...new Set(merge.conflicts.flatMap((field) => history.get(field)?.changedBy ?? []))],
            current: { id: client.id, ...before },
          });
        }
        apply = merge.apply;
      }
      for (const field of EDITABLE) if (apply[field] !== undefined) (client as unknown as Record<string, unknown>)[field] = apply[field];
      const changes = diffFields(before, snapshot(client), EDITABLE);
      if (changes.length === 0) return { result: client, journal: [] };
      client.version += 1;
      return { result: client, journal: [this.entry(viewer, client, 'client.update', `Client ${client.name} edited`, client.version, changes)] };
    });
  }

  /** Changing the identifying phone is a deliberate act of its own. */
  async changePhone(viewer: Viewer, id: string, rawPhone: string): Promise<Client> {
    const phone = await this.normalisedPhone(rawPhone);
    return this.refuseDuplicatePhone(phone, () =>
      this.journal.record(async (em) => {
        const client = await this.load(em, id, true);
        if (client.phone === phone) return { result: client, journal: [] };
        await this.refuseTakenPhone(em, phone, client.id);
        const before = snapshot(client);
        client.phone = phone;
        client.version += 1;
        return {
          result: client,
          journal: [this.entry(viewer, client, 'client.phone_change', `Phone of ${client.name} changed`, client.version, diffFields(before, snapshot(client), ['phone']))],
        };
      }),
    );
  }

  async setState(viewer: Viewer, id: string, state: ClientState): Promise<Client> {
    return this.journal.record(async (em) => {
      const client = await this.load(em, id, true);
      if (client.state === state) return { result: client, journal: [] };
      if (state === ClientState.INACTIVE) {
        const upcoming = await this.upcomingConfirmedEvents(em, client.id);
        if (upcoming.length > 0) {
          throw new BadUserInputError(
            [{ field: 'state', message: `cannot be inactive: "${upcoming[0].title}" on ${upcoming[0].start_date} is confirmed${upcoming.length > 1 ? ` (and ${upcoming.length - 1} more)` : ''}` }],
          );
        }
      }
      const before = snapshot(client);
      client.state = state;
      client.version += 1;
      return {
        result: client,
        journal: [this.entry(viewer, client, 'client.state_change', `${client.name} is now ${state.toLowerCase()}`, client.version, diffFields(before, snapshot(client), ['state']))],
      };
    });
  }

  async setArchived(viewer: Viewer, id: string, archived: boolean): Promise<Client> {
    return this.journal.record(async (em) => {
      const client = await this.load(em, id, true);
      if (Boolean(client.archivedAt) === archived) return { result: client, journal: [] };
      if (archived) {
        const upcoming = await this.upcomingConfirmedEvents(em, client.id);
        if (upcoming.length > 0) {
          throw new BadUserInputError([{ field: 'id', message: `cannot be archived while "${upcoming[0].title}" on ${upcoming[0].start_date} is confirmed` }]);
        }
      }
      const before = snapshot(client);
      client.archivedAt = archived ? new Date() : null;
      client.version += 1;
      return {
        result: client,
        journal: [
          this.entry(viewer, client, archived ? 'client.archive' : 'client.unarchive', `${client.name} ${archived ? 'archived' : 'taken out of the archive'}`, client.version, diffFields(before, snapshot(client), ['archivedAt'])),
        ],
      };
    });
  }

  /**
   * Called inside an event's transaction when it becomes confirmed: the client turns active (SPEC §4).
   * Returns the journal rows to add to that transaction.
   */
  async activateForConfirmedEvent(em: EntityManager, actor: Viewer, clientId: string, eventTitle: string): Promise<JournalInput[]> {
    const client = await em.findOne(Client, clientId);
    if (!client || client.state === ClientState.ACTIVE) return [];
    const before = snapshot(client);
    client.state = ClientState.ACTIVE;
    client.version += 1;
    return [
      this.entry(actor, client, 'client.state_change', `${client.name} is now active: "${eventTitle}" was confirmed`, client.version, diffFields(before, snapshot(client), ['state'])),
    ];
  }

  private entry(actor: Viewer, client: Client, action: string, summary: string, version: number, changes: JournalInput['changes']): JournalInput {
    return { actor, action, objectType: 'Client', objectId: client.id, summary, changes, context: { version } };
  }

  private async load(em: EntityManager, id: string, forUpdate = false): Promise<Client> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a client id' }]);
    const client = await em.findOne(Client, id, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!client) throw new NotFoundError('Client', id);
    return client;
  }

  private async normalisedPhone(raw: string): Promise<string> {
    const { phoneRegion } = await this.settings.get();
    const phone = normalisePhone(raw, phoneRegion);
    if (!phone) throw new BadUserInputError([{ field: 'phone', message: 'is not a phone number' }]);
    return phone;
  }

  private async refuseTakenPhone(em: EntityManager, phone: string, exceptId?: string): Promise<void> {
    const existing = await em.findOne(Client, { phone, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
    if (existing) throw duplicatePhone(phone, existing);
  }

  /** Two people creating the same client at once: the unique index decides, the message is the same. */
  private async refuseDuplicatePhone<T>(phone: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const existing = await this.orm.em.fork().findOneOrFail(Client, { phone });
      throw duplicatePhone(phone, existing);
    }
  }

  private upcomingConfirmedEvents(em: EntityManager, clientId: string): Promise<Array<{ title: string; start_date: string }>> {
    return this.settings.get(em).then((settings) =>
      em.execute(
        `select title, start_date::text as start_date from production_event
          where client_id = ? and deleted_at is null and status in ('confirmed', 'in_progress') and end_date >= ?::date
          order by start_date`,
        [clientId, todayIn(settings.timeZone)],
      ),
    );
  }
}

function duplicatePhone(phone: string, existing: Client): DomainError {
  return new DomainError('BAD_USER_INPUT', `The phone ${phone} already belongs to the client "${existing.name}".`, {
    fields: [{ field: 'phone', message: `already belongs to the client "${existing.name}"` }],
    existingClient: { id: existing.id, name: existing.name },
  });
}
