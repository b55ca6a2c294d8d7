import type { MikroORM } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalService } from '../journal/journal.service.js';
import { CrewRole, DEFAULT_CREW_ROLES } from './crew-role.entity.js';

const FIELDS = ['name', 'position', 'retired'] as const;

function snapshot(role: CrewRole) {
  return { name: role.name, position: role.position, retired: role.retired };
}

/** Omitted or null fields stay as they are. */
export interface CrewRoleChange {
  name?: string | null;
  position?: number | null;
  retired?: boolean | null;
}

/** The catalogue of positions people take on events; roles in use are retired, never deleted. */
export class CrewRoleService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  list(includeRetired = false): Promise<CrewRole[]> {
    return this.orm.em.fork().find(CrewRole, includeRetired ? {} : { retired: false }, { orderBy: { position: 'asc', name: 'asc' } });
  }

  /** Seeds the default catalogue on an installation that has none. */
  async seedDefaults(): Promise<void> {
    await this.journal.record(async (em) => {
      if ((await em.count(CrewRole, {})) > 0) return { result: undefined, journal: [] };
      const roles = DEFAULT_CREW_ROLES.map((name, index) => em.create(CrewRole, { name, position: (index + 1) * 10 }));
      return {
        result: undefined,
        journal: roles.map((role) => ({
          actorLabel: 'system',
          action: 'crew_role.create',
          objectType: 'CrewRole',
          objectId: role.id,
          summary: `Crew role ${role.name} created`,
          changes: diffFields({} as ReturnType<typeof snapshot>, snapshot(role), FIELDS),
        })),
      };
    });
  }

  async save(viewer: Viewer, id: string | null, change: CrewRoleChange): Promise<CrewRole> {
    if (id !== null && !isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a crew role id' }]);
    const name = change.name?.trim();
    if ((id === null || (change.name !== undefined && change.name !== null)) && !name) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    try {
      return await this.journal.record(async (em) => {
        const role = id ? await em.findOne(CrewRole, id) : em.create(CrewRole, { name: name! });
        if (!role) throw new NotFoundError('Crew role', id!);
        const before = id ? snapshot(role) : ({} as ReturnType<typeof snapshot>);
        if (name) role.name = name;
        if (change.position !== undefined && change.position !== null) role.position = change.position;
        if (change.retired !== undefined && change.retired !== null) role.retired = change.retired;
        const changes = diffFields(before, snapshot(role), FIELDS);
        if (changes.length === 0) return { result: role, journal: [] };
        if (id) role.version += 1;
        const action = !id ? 'crew_role.create' : change.retired === true ? 'crew_role.retire' : 'crew_role.update';
        return {
          result: role,
          journal: [{ actor: viewer, action, objectType: 'CrewRole', objectId: role.id, summary: `Crew role ${role.name} ${id ? 'changed' : 'created'}`, changes, context: { version: role.version } }],
        };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new BadUserInputError([{ field: 'name', message: `a crew role named "${name}" exists already` }]);
      throw error;
    }
  }

  /** Deletes a crew role nobody was ever given; one in use (on any event, even a deleted one) can only be retired. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a crew role id' }]);
    return this.journal.record(async (em) => {
      const role = await em.findOne(CrewRole, id);
      if (!role) throw new NotFoundError('Crew role', id);
      // The row lock keeps an assignment from taking the role while it is being deleted.
      await em.execute('select id from crew_role where id = ? for update', [role.id]);
      const [row] = await em.execute<Array<{ n: string }>>('select count(*) as n from crew_assignment where crew_role_id = ?', [role.id]);
      const uses = Number(row.n);
      if (uses > 0) {
        throw new ConflictError(`Crew role ${role.name} is used on ${uses} assignment${uses === 1 ? '' : 's'}; retire it instead.`, { assignmentCount: uses });
      }
      em.remove(role);
      return {
        result: true,
        journal: [
          {
            actor: viewer,
            action: 'crew_role.delete',
            objectType: 'CrewRole',
            objectId: role.id,
            summary: `Crew role ${role.name} deleted`,
            changes: diffFields(snapshot(role), {} as ReturnType<typeof snapshot>, FIELDS),
          },
        ],
      };
    });
  }
}
