import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { pgArray } from '../../database/orm.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';
import type { DayAvailability, EquipmentShortage, ItemAvailability } from './equipment.types.js';

/** Owned and in-repair figures of an item, as a lateral subquery over `i` (equipment_item). */
export const SUPPLY_OF_ITEM = `
  case when i.kind = 'BULK' then i.quantity
       else (select count(*)::int from equipment_unit u where u.item_id = i.id and u.written_off_at is null) end as owned,
  coalesce((select sum(r.quantity)::int from repair r where r.item_id = i.id and r.status = 'OPEN'), 0) as in_repair`;

/** The availability statement, exported so tests and the bench can EXPLAIN and time it. */
export const AVAILABILITY_SQL = `with wanted as (
       select distinct item_id from unnest(?::uuid[]) as item_id
     ), lines as materialized (
       select l.event_id, l.item_id, sum(l.quantity)::int as quantity, l.busy_days
         from wanted w
         cross join lateral (
           select l.event_id, l.item_id, l.quantity, l.busy_days from event_equipment l
            where l.active and l.item_id = w.item_id and l.busy_days && daterange(?::date, ?::date, '[]')
         ) l
        where l.event_id is distinct from ?::uuid
        group by l.event_id, l.item_id, l.busy_days
     ), net as (
       select l.item_id, l.busy_days,
              greatest(0, l.quantity - coalesce((select sum(s.quantity) from event_subrental s where s.event_id = l.event_id and s.item_id = l.item_id), 0)) as quantity
         from lines l
     ), per_day as (
       select n.item_id, d.day, sum(n.quantity) as reserved
         from net n
         cross join lateral generate_series(greatest(lower(n.busy_days), ?::date), least(upper(n.busy_days) - 1, ?::date), interval '1 day') as d(day)
        group by n.item_id, d.day
     ), peak as (
       select item_id, max(reserved)::int as reserved from per_day group by item_id
     )
     select i.id, i.code, i.name, i.kind, ${SUPPLY_OF_ITEM}, coalesce(p.reserved, 0) as reserved
       from wanted w
       join equipment_item i on i.id = w.item_id
       left join peak p on p.item_id = i.id
      order by i.name, i.id`;

export function availabilityParams(itemIds: readonly string[], from: CalendarDate, to: CalendarDate, excludeEventId: string | null): unknown[] {
  return [pgArray(itemIds), from, to, excludeEventId, from, to];
}

/**
 * Availability of items over [from, to]: owned − in repair − reserved by other active events on the
 * busiest day of the period (prep and return days count; sub-rentals of those events offset their
 * own need). One statement for a whole list; each item's reservations are one scan of the GiST index
 * on (item, reserved days), so it stays an index scan at 100,000 events and 10,000 items.
 */
export async function availabilityOf(
  em: EntityManager,
  itemIds: readonly string[],
  from: CalendarDate,
  to: CalendarDate,
  excludeEventId: string | null,
): Promise<ItemAvailability[]> {
  if (itemIds.length === 0) return [];
  const rows = await em.execute<Array<{ id: string; code: string; name: string; kind: EquipmentKind; owned: number; in_repair: number; reserved: number }>>(
    AVAILABILITY_SQL,
    availabilityParams(itemIds, from, to, excludeEventId),
  );
  return rows.map((row) => ({
    item: { id: row.id, code: row.code, name: row.name, kind: row.kind },
    owned: Number(row.owned),
    inRepair: Number(row.in_repair),
    reserved: Number(row.reserved),
    available: Number(row.owned) - Number(row.in_repair) - Number(row.reserved),
  }));
}

/**
 * Availability of one item on each day of [from, to] (the item page's calendar): the same rule as
 * `availabilityOf`, one row per day. One statement; the reservations are one scan of the GiST index
 * on (item, reserved days). Null when the item does not exist.
 */
export async function availabilityByDay(em: EntityManager, itemId: string, from: CalendarDate, to: CalendarDate): Promise<DayAvailability[] | null> {
  const rows = await em.execute<Array<{ day: string; owned: number; in_repair: number; reserved: number }>>(
    `with lines as materialized (
       select l.event_id, l.busy_days, sum(l.quantity)::int as quantity
         from event_equipment l
        where l.active and l.item_id = ? and l.busy_days && daterange(?::date, ?::date, '[]')
        group by l.event_id, l.busy_days
     ), net as (
       select l.busy_days,
              greatest(0, l.quantity - coalesce((select sum(s.quantity) from event_subrental s where s.event_id = l.event_id and s.item_id = ?), 0)) as quantity
         from lines l
     ), per_day as (
       select d.day::date as day, sum(n.quantity)::int as reserved
         from net n
         cross join lateral generate_series(greatest(lower(n.busy_days), ?::date), least(upper(n.busy_days) - 1, ?::date), interval '1 day') as d(day)
        group by d.day::date
     ), supply as (
       select ${SUPPLY_OF_ITEM} from equipment_item i where i.id = ?
     )
     select days.day::date::text as day, s.owned, s.in_repair, coalesce(p.reserved, 0) as reserved
       from supply s
       cross join generate_series(?::date, ?::date, interval '1 day') as days(day)
       left join per_day p on p.day = days.day::date
      order by days.day`,
    [itemId, from, to, itemId, from, to, itemId, from, to],
  );
  if (rows.length === 0) {
    const [found] = await em.execute<Array<{ id: string }>>('select id from equipment_item where id = ?', [itemId]);
    return found ? [] : null;
  }
  return rows.map((row) => ({
    day: row.day,
    owned: Number(row.owned),
    inRepair: Number(row.in_repair),
    reserved: Number(row.reserved),
    available: Number(row.owned) - Number(row.in_repair) - Number(row.reserved),
  }));
}

/** The shortage statement of `findShortages` (one parameter: the event ids), exported so the bench runs it as the server does. */
export const SHORTAGES_SQL = `with mine as materialized (
       select l.event_id, l.item_id, l.busy_days
         from event_equipment l
        where l.event_id in (select unnest(?::uuid[])) and l.active
        group by l.event_id, l.item_id, l.busy_days
     ), spans as materialized (
       select item_id, range_merge(range_agg(busy_days)) as span from mine group by item_id
     ), lines as materialized (
       select l.event_id, l.item_id, l.busy_days, sum(l.quantity)::int as quantity
         from spans s
         cross join lateral (
           select l.event_id, l.item_id, l.busy_days, l.quantity from event_equipment l
            where l.active and l.item_id = s.item_id and l.busy_days && s.span
         ) l
        group by l.event_id, l.item_id, l.busy_days
     ), net as materialized (
       select l.event_id, l.item_id, l.busy_days,
              greatest(0, l.quantity - coalesce((select sum(s.quantity) from event_subrental s where s.event_id = l.event_id and s.item_id = l.item_id), 0)) as quantity
         from lines l
     ), supply as materialized (
       select i.id as item_id, i.code, i.name, i.kind, ${SUPPLY_OF_ITEM}
         from equipment_item i where i.id in (select item_id from spans)
     ), short_items as materialized (
       select n.item_id from net n join supply s on s.item_id = n.item_id
        group by n.item_id, s.owned, s.in_repair
       having sum(n.quantity) > s.owned - s.in_repair
     ), per_day as materialized (
       select n.item_id, d.day::date as day, sum(n.quantity)::int as reserved
         from net n
         join short_items t on t.item_id = n.item_id
         cross join lateral generate_series(lower(n.busy_days), upper(n.busy_days) - 1, interval '1 day') as d(day)
        group by n.item_id, d.day
     )
     select m.event_id, s.item_id as id, s.code, s.name, s.kind,
            min(p.day)::text as from_day, max(p.day)::text as to_day, max(p.reserved) as reserved, (s.owned - s.in_repair) as available
       from mine m
       join net n on n.event_id = m.event_id and n.item_id = m.item_id and n.quantity > 0
       join supply s on s.item_id = m.item_id
       join per_day p on p.item_id = m.item_id and m.busy_days @> p.day and p.reserved > s.owned - s.in_repair
      group by m.event_id, s.item_id, s.code, s.name, s.kind, s.owned, s.in_repair
      order by m.event_id, s.name`;

/**
 * Every shortage of the given events, in one statement: days on which the items they reserve are
 * needed (net of sub-rentals) by more than owned − in repair, counting every active event that
 * reserves the item that day. Each event involved reports it, so both sides show the problem.
 * Days are counted only for items whose lines over the whole span ask for more than is available:
 * no day can need more than all of them together (a month's calendar skips most of its items).
 */
export async function findShortages(em: EntityManager, eventIds: readonly string[]): Promise<EquipmentShortage[]> {
  if (eventIds.length === 0) return [];
  const rows = await em.execute<Array<{ event_id: string; id: string; code: string; name: string; kind: EquipmentKind; from_day: string; to_day: string; reserved: number; available: number }>>(
    SHORTAGES_SQL,
    [pgArray(eventIds)],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    item: { id: row.id, code: row.code, name: row.name, kind: row.kind },
    fromDate: row.from_day,
    toDate: row.to_day,
    reserved: Number(row.reserved),
    available: Number(row.available),
  }));
}

/** Other events that reserve any of the items of `eventId` (or the given items) on days touching `ranges`. */
export async function equipmentNeighbours(
  em: EntityManager,
  eventId: string,
  ranges: ReadonlyArray<[CalendarDate, CalendarDate] | null>,
  itemIds?: readonly string[],
): Promise<Array<{ id: string; busy: [CalendarDate, CalendarDate] }>> {
  const spans = ranges.filter((r): r is [CalendarDate, CalendarDate] => r !== null);
  if (spans.length === 0) return [];
  const from = spans.map((r) => r[0]).sort()[0];
  const to = spans.map((r) => r[1]).sort().at(-1)!;
  const rows = await em.execute<Array<{ id: string; busy_from: string; busy_to: string }>>(
    `with items as (
       select distinct item_id from (
         select item_id from event_equipment where event_id = ?
         union all select unnest(?::uuid[])
       ) x
     )
     select distinct e.id, lower(e.busy_days)::text as busy_from, (upper(e.busy_days) - 1)::text as busy_to
       from items it
       cross join lateral (
         select l.event_id from event_equipment l
          where l.active and l.item_id = it.item_id and l.busy_days && daterange(?::date, ?::date, '[]')
       ) l
       join production_event e on e.id = l.event_id
      where e.id <> ?`,
    [eventId, pgArray(itemIds ?? []), from, to, eventId],
  );
  return rows.map((row) => ({ id: row.id, busy: [row.busy_from, row.busy_to] }));
}

export function shortageKey(shortage: EquipmentShortage): string {
  return `${shortage.eventId}|${shortage.item.id}|${shortage.fromDate}|${shortage.toDate}`;
}

export function describeShortage(shortage: EquipmentShortage): string {
  const days = shortage.fromDate === shortage.toDate ? `on ${shortage.fromDate}` : `from ${shortage.fromDate} to ${shortage.toDate}`;
  return `${shortage.item.name}: ${shortage.reserved} reserved, ${Math.max(0, shortage.available)} available ${days}`;
}

/**
 * Serialises reservation checks per item, like crew bookings per person: two people reserving the
 * last units of one item at the same moment both see the other's line. Locks taken in id order.
 */
export async function lockItems(em: EntityManager, itemIds: readonly string[]): Promise<void> {
  const ids = [...new Set(itemIds)].sort();
  if (ids.length === 0) return;
  await em.execute(
    `select count(pg_advisory_xact_lock(hashtextextended('loadout-item:' || id::text, 0))) from (select id from unnest(?::uuid[]) as id order by id) as ordered`,
    [pgArray(ids)],
  );
}

/** Events (at most 1,000) that reserve an item on days not over yet: a change of its stock may change their shortages. */
export async function eventsReservingItem(em: EntityManager, itemId: string): Promise<Array<{ id: string; busy: [CalendarDate, CalendarDate] }>> {
  const rows = await em.execute<Array<{ id: string; busy_from: string; busy_to: string }>>(
    `select distinct l.event_id as id, lower(l.busy_days)::text as busy_from, (upper(l.busy_days) - 1)::text as busy_to
       from event_equipment l
      where l.active and l.item_id = ? and l.busy_days && daterange(current_date, null)
      limit 1000`,
    [itemId],
  );
  return rows.map((row) => ({ id: row.id, busy: [row.busy_from, row.busy_to] }));
}

/**
 * Runs a change of an item's stock (repair, write-off) and returns the events whose shortages it
 * changed, for the journal row's `affected` list: their calendars and pages update live.
 */
export async function withStockChange(em: EntityManager, itemId: string, change: () => Promise<void>): Promise<Array<{ id: string; busy: [CalendarDate, CalendarDate] }>> {
  await lockItems(em, [itemId]);
  const events = await eventsReservingItem(em, itemId);
  const ids = events.map((e) => e.id);
  const signature = (list: EquipmentShortage[]) => {
    const byEvent = new Map<string, string>();
    for (const s of list.filter((s) => s.item.id === itemId)) byEvent.set(s.eventId, `${byEvent.get(s.eventId) ?? ''}|${shortageKey(s)}|${s.reserved}|${s.available}`);
    return byEvent;
  };
  const before = signature(await findShortages(em, ids));
  await change();
  await em.flush();
  const after = signature(await findShortages(em, ids));
  return events.filter((e) => before.get(e.id) !== after.get(e.id));
}
