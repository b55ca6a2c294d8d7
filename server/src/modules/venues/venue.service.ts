import type { MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalService } from '../journal/journal.service.js';
import { Venue } from './venue.entity.js';
import type { VenueInput } from './venue.resolver.js';

const FIELDS = ['name', 'address', 'notes', 'archived'] as const;

function snapshot(venue: Venue) {
  return { name: venue.name, address: venue.address ?? null, notes: venue.notes ?? null, archived: Boolean(venue.archivedAt) };
}

/** Places where events happen. */
export class VenueService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  list(search?: string, includeArchived = false): Promise<Venue[]> {
    const where: Record<string, unknown> = includeArchived ? {} : { archivedAt: null };
    if (search?.trim()) where.name = { $ilike: `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    return this.orm.em.fork().find(Venue, where, { orderBy: { name: 'asc' }, limit: 500 });
  }

  async save(viewer: Viewer, id: string | null, input: VenueInput): Promise<Venue> {
    if (id !== null && !isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a venue id' }]);
    if (input.name !== undefined && !input.name?.trim()) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    return this.journal.record(async (em) => {
      const venue = id ? await em.findOne(Venue, id) : em.create(Venue, { name: input.name!.trim() });
      if (!venue) throw new NotFoundError('Venue', id!);
      const before = id ? snapshot(venue) : ({} as ReturnType<typeof snapshot>);
      if (input.name) venue.name = input.name.trim();
      if (input.address !== undefined) venue.address = input.address?.trim() || null;
      if (input.notes !== undefined) venue.notes = input.notes?.trim() || null;
      if (input.archived !== undefined && input.archived !== null) venue.archivedAt = input.archived ? (venue.archivedAt ?? new Date()) : null;
      const changes = diffFields(before, snapshot(venue), FIELDS);
      if (changes.length === 0) return { result: venue, journal: [] };
      if (id) venue.version += 1;
      return {
        result: venue,
        journal: [
          {
            actor: viewer,
            action: id ? 'venue.update' : 'venue.create',
            objectType: 'Venue',
            objectId: venue.id,
            summary: `Venue ${venue.name} ${id ? 'edited' : 'created'}`,
            changes,
            context: { version: venue.version },
          },
        ],
      };
    });
  }
}
