import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVAILABILITY_SQL, availabilityParams } from '@loadout/server';
import { signIn, startTestServer, type TestServer } from './support/harness.js';
import { must } from './support/equipment.js';

process.env.TZ = 'UTC';

/*
 * Availability stays an index scan at 100,000 events and 10,000 items (issue 5): the plan of the
 * very statement the API runs is read with EXPLAIN on a database filled with generate_series.
 */

let t: TestServer;
let db: pg.Client;

beforeAll(async () => {
  t = await startTestServer();
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  await db.query(`
    insert into equipment_category (id, name) values ('00000000-0000-0000-0000-0000000000c1', 'Scale');
    insert into equipment_item (code, name, category_id, kind, quantity, qr_code)
      select 'SC-' || n, 'Scale item ' || n, '00000000-0000-0000-0000-0000000000c1', 'BULK', 50, 'scale-' || n from generate_series(1, 10000) n;
    insert into production_event (title, start_date, end_date, prep_days, return_days, status)
      select 'Scale event ' || n, date '2026-01-01' + (n % 1500), date '2026-01-01' + (n % 1500) + (n % 3), n % 2, n % 2,
             case when n % 20 = 0 then 'cancelled' else 'confirmed' end
        from generate_series(1, 100000) n;
    insert into event_equipment (event_id, item_id, quantity)
      select e.id, i.id, 1 + (e.rn + k) % 5
        from (select id, row_number() over (order by id) as rn from production_event) e
        cross join generate_series(0, 3) k
        join (select id, row_number() over (order by id) as rn from equipment_item) i on i.rn = 1 + (e.rn * 7 + k * 2503) % 10000;
    analyze equipment_item; analyze production_event; analyze event_equipment;
  `);
}, 300_000);

afterAll(async () => {
  await db?.end();
  await t?.stop();
});

describe('availability at 100,000 events and 10,000 items', () => {
  it('answers a 40-line list with index scans of the GiST index, never a sequential scan of the reservations', async () => {
    const { rows: counts } = await db.query(`select (select count(*) from production_event)::int as events, (select count(*) from equipment_item)::int as items, (select count(*) from event_equipment)::int as lines`);
    expect(counts[0]).toEqual({ events: 100000, items: 10000, lines: 400000 });
    const { rows: items } = await db.query(`select id from equipment_item order by code limit 40`);
    const ids = items.map((row) => row.id as string);
    let n = 0;
    const sql = AVAILABILITY_SQL.replace(/\?/g, () => `$${++n}`);
    const params = availabilityParams(ids, '2027-03-01', '2027-03-05', null);
    const { rows: plan } = await db.query(`explain (format json) ${sql}`, params);
    const nodes: Array<{ type: string; relation?: string; index?: string }> = [];
    const walk = (node: Record<string, any>) => {
      nodes.push({ type: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] });
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan[0]['QUERY PLAN'][0].Plan);
    expect(nodes.filter((node) => node.relation === 'event_equipment').map((node) => [node.type, node.index])).toEqual([['Index Scan', 'event_equipment_reserved_idx']]);
    expect(nodes.filter((node) => node.type === 'Seq Scan' && node.relation !== undefined)).toEqual([]);

    // And the API answers the same figures as counting the rows by hand.
    const admin = await signIn(t.url, 'admin@loadout.demo');
    const data = await must(admin, 'query($ids: [ID!]!) { equipmentAvailability(itemIds: $ids, from: "2027-03-01", to: "2027-03-05") { item { id } reserved available } }', { ids });
    const { rows: expected } = await db.query(
      `select i.id, coalesce(max(d.reserved), 0)::int as reserved
         from equipment_item i
         left join lateral (
           select day, sum(l.quantity) as reserved
             from generate_series(date '2027-03-01', date '2027-03-05', interval '1 day') day
             join event_equipment l on l.item_id = i.id and l.busy_days @> day::date
             join production_event e on e.id = l.event_id and e.deleted_at is null and e.status <> 'cancelled'
            group by day
         ) d on true
        where i.id = any($1::uuid[])
        group by i.id`,
      [ids],
    );
    const byId = new Map(expected.map((row) => [row.id, row.reserved]));
    for (const row of data.equipmentAvailability) {
      expect(row.reserved).toBe(byId.get(row.item.id));
      expect(row.available).toBe(50 - row.reserved);
    }
    expect(data.equipmentAvailability.some((row: { reserved: number }) => row.reserved > 0)).toBe(true);
  });
});
