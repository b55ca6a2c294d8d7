import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { ConflictError } from '../../common/errors.js';
import { DoubleBookingPolicy } from '../settings/company-settings.entity.js';
import { describeShortage, equipmentNeighbours, findShortages, lockItems, shortageKey } from './equipment-availability.js';
import type { EquipmentShortage } from './equipment.types.js';

type Range = [CalendarDate, CalendarDate];

export interface ShortageSnapshot {
  neighbours: Array<{ id: string; busy: Range }>;
  shortages: EquipmentShortage[];
}

export interface ShortageOutcome {
  /** Shortages of the changed event that are new or worse after the change. */
  raised: EquipmentShortage[];
  /** Other events whose shortages changed: their calendars and pages are told live. */
  affected: Array<{ id: string; busy: Range }>;
}

/**
 * Compares equipment shortages around an event before and after a change, in the change's
 * transaction, and applies the equipment double-booking policy. Used by gear-line changes and by
 * event changes that move, cancel, delete, restore or duplicate an event.
 */
export class EquipmentShortageGuard {
  async before(em: EntityManager, eventId: string, ranges: Array<Range | null>, itemIds: readonly string[] = []): Promise<ShortageSnapshot> {
    const neighbours = await equipmentNeighbours(em, eventId, ranges, itemIds);
    const shortages = await findShortages(em, [eventId, ...neighbours.map((n) => n.id)]);
    return { neighbours, shortages };
  }

  /** Call after the change is flushed. Throws CONFLICT under BLOCK when `mayRaise` and no reason is given. */
  async after(
    em: EntityManager,
    eventId: string,
    ranges: Array<Range | null>,
    before: ShortageSnapshot | null,
    options: { itemIds?: readonly string[]; policy: DoubleBookingPolicy; overrideReason: string | null; mayRaise: boolean },
  ): Promise<ShortageOutcome> {
    const itemRows = await em.execute<Array<{ item_id: string }>>('select distinct item_id from event_equipment where event_id = ?', [eventId]);
    await lockItems(em, [...itemRows.map((row) => row.item_id), ...(options.itemIds ?? [])]);
    const found = await equipmentNeighbours(em, eventId, ranges, options.itemIds);
    const neighbours = new Map([...(before?.neighbours ?? []), ...found].map((n) => [n.id, n]));
    const after = await findShortages(em, [eventId, ...neighbours.keys()]);
    const beforeKeys = new Set((before?.shortages ?? []).map(fullKey));
    const raised = options.mayRaise ? after.filter((s) => s.eventId === eventId && !beforeKeys.has(fullKey(s))) : [];
    if (raised.length > 0 && options.policy === DoubleBookingPolicy.BLOCK && !options.overrideReason) {
      throw new ConflictError(`${describeShortage(raised[0])}. Equipment double booking is blocked; give an override reason to book anyway.`, {
        shortages: raised,
        policy: options.policy,
      });
    }
    const signature = (list: EquipmentShortage[]) => {
      const byEvent = new Map<string, string[]>();
      for (const s of list) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), shortageKey(s) + `|${s.reserved}|${s.available}`]);
      return byEvent;
    };
    const was = signature(before?.shortages ?? []);
    const now = signature(after);
    const affected = [...neighbours.values()].filter((n) => (was.get(n.id) ?? []).sort().join() !== (now.get(n.id) ?? []).sort().join());
    return { raised, affected };
  }
}

function fullKey(shortage: EquipmentShortage): string {
  return `${shortageKey(shortage)}|${shortage.reserved}|${shortage.available}`;
}
