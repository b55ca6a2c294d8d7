// (4) Equipment: availability of a 40-line event list through the API and through the server's own
// statement, against the same rows counted by a hand-written query (raw SQL); EXPLAIN of the
// server's statement (the GiST index on (item, reserved days), no sequential scan of the lines).
// Then the import of a 10,000-row catalogue (preview and commit) against a plain streaming read of
// the same file, time and peak memory (RSS sampled while each runs; the server runs in this process).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { AVAILABILITY_SQL, availabilityParams } from '@loadout/server';
import { explain, graphql, interleave, ms, numbered, percentile, ratio, signInCookie } from './support.mjs';

const ITEMS = Number(process.env.BENCH_EQUIPMENT_ITEMS ?? 10_000);
const LINES_PER_EVENT = Number(process.env.BENCH_EQUIPMENT_LINES ?? 4);
const ITERATIONS = Number(process.env.BENCH_EQUIPMENT_ITERATIONS ?? 100);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const CATEGORY = '00000000-0000-0000-0000-0000000be7c1';

/** The same figures written by hand: per item and day, the lines of active events that day. */
const BASELINE_AVAILABILITY = `
  select i.id, coalesce(max(d.reserved), 0)::int as reserved
    from equipment_item i
    left join lateral (
      select day, sum(l.quantity) as reserved
        from generate_series($2::date, $3::date, interval '1 day') day
        join event_equipment l on l.item_id = i.id and l.busy_days @> day::date
        join production_event e on e.id = l.event_id and e.deleted_at is null and e.status <> 'cancelled'
       group by day
    ) d on true
   where i.id = any($1::uuid[])
   group by i.id`;

const AVAILABILITY_QUERY = `query Availability($itemIds: [ID!]!, $from: Date!, $to: Date!) {
  equipmentAvailability(itemIds: $itemIds, from: $from, to: $to) { item { id } owned inRepair reserved available }
}`;

/** Every this-many-th bench item is owned in twos, so that the month calendar has real shortages to show. */
const SCARCE_EVERY = 250;

/** Items and gear lines on the generated events (once per database): SQL only, seconds at 100k events. */
async function generateEquipment(db) {
  const { rows } = await db.query(`select count(*)::int as items from equipment_item where category_id = $1`, [CATEGORY]);
  if (rows[0].items < ITEMS) await insertEquipment(db);
  // Outside the once-per-database insert, so that a database generated before scarce items existed gets them too.
  await db.query(`update equipment_item set quantity = 2 where category_id = $1 and quantity <> 2 and substring(code from 7)::int % ${SCARCE_EVERY} = 0`, [CATEGORY]);
  const { rows: counts } = await db.query(
    `select (select count(*) from equipment_item where category_id = $1)::int as items,
            (select count(*) from equipment_item where category_id = $1 and quantity = 2)::int as scarce,
            (select count(*) from event_equipment)::int as lines`,
    [CATEGORY],
  );
  return counts[0];
}

/** The month calendar shows equipment problems, so its part runs on the store's gear too: items, scarce items, lines. */
export async function ensureEquipment(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await generateEquipment(db);
  } finally {
    await db.end();
  }
}

async function insertEquipment(db) {
  await db.query(`
    insert into equipment_category (id, name) values ('${CATEGORY}', 'Bench gear') on conflict do nothing;
    insert into equipment_item (code, name, category_id, kind, quantity, qr_code)
      select 'BENCH-' || n, 'Bench item ' || n, '${CATEGORY}', 'BULK', 40, 'bench-' || n from generate_series(1, ${ITEMS}) n;
    insert into event_equipment (event_id, item_id, quantity)
      select e.id, i.id, 1 + (e.rn + k) % 5
        from (select id, row_number() over (order by id) as rn from production_event where deleted_at is null) e
        cross join generate_series(0, ${LINES_PER_EVENT - 1}) k
        join (select id, row_number() over (order by id) as rn from equipment_item where category_id = '${CATEGORY}') i
          on i.rn = 1 + (e.rn * 7 + k * 2503) % ${ITEMS}
      on conflict do nothing;
    analyze equipment_item; analyze event_equipment;
  `);
}

/** Runs `work` while sampling RSS every 10 ms: elapsed ms and the peak RSS growth in MB. */
async function withPeakMemory(work) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - started, mb: (peak - base) / 1024 / 1024 };
}

async function catalogueFile(rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Catalogue');
  sheet.addRow(['Code', 'Name', 'Category', 'Subcategory', 'Kind', 'Quantity', 'Serials', 'Notes']);
  for (let n = 1; n <= rows; n++) sheet.addRow([`IMP-${n}`, `Imported item ${n}`, 'Import bench', `Group ${n % 20}`, 'BULK', n % 50, '', n % 7 ? '' : 'note']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The baseline: stream the same file row by row and keep the cell values (no checks, no database). */
async function streamingRead(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', worksheets: 'emit' });
  const values = [];
  for await (const sheet of reader) for await (const row of sheet) values.push(row.values);
  return values.length;
}


export async function benchEquipment(server, databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const lines = ['## Equipment', ''];
  try {
    await generateEquipment(db);
    const { rows: counts } = await db.query(`select (select count(*) from production_event)::int as events, (select count(*) from equipment_item)::int as items, (select count(*) from event_equipment)::int as lines`);
    // A busy week in the middle of the data, and 40 items reserved in it.
    const { rows: [week] } = await db.query(`select (percentile_disc(0.5) within group (order by start_date))::text as day from production_event`);
    const from = week.day;
    const { rows: [{ to }] } = await db.query(`select ($1::date + 4)::text as to`, [from]);
    const { rows: items } = await db.query(
      `select distinct l.item_id from event_equipment l where l.active and l.busy_days && daterange($1::date, $2::date, '[]') limit 40`,
      [from, to],
    );
    const itemIds = items.map((row) => row.item_id);
    const cookie = await signInCookie(server.url);
    const params = availabilityParams(itemIds, from, to, null);
    const serverSql = numbered(AVAILABILITY_SQL);
    // Same figures both ways, or the comparison means nothing.
    const [api, raw] = [await graphql(server.url, cookie, AVAILABILITY_QUERY, { itemIds, from, to }), await db.query(BASELINE_AVAILABILITY, [itemIds, from, to])];
    const byId = new Map(raw.rows.map((row) => [row.id, row.reserved]));
    const same = api.body.data.equipmentAvailability.every((row) => byId.get(row.item.id) === row.reserved);
    const samples = await interleave(ITERATIONS, {
      api: async () => {
        const started = performance.now();
        await graphql(server.url, cookie, AVAILABILITY_QUERY, { itemIds, from, to });
        return performance.now() - started;
      },
      statement: async () => {
        const started = performance.now();
        await db.query(serverSql, params);
        return performance.now() - started;
      },
      baseline: async () => {
        const started = performance.now();
        await db.query(BASELINE_AVAILABILITY, [itemIds, from, to]);
        return performance.now() - started;
      },
    });
    const plan = await explain(db, serverSql, params);
    const seqOnLines = plan.scans.filter((scan) => scan.startsWith('Seq Scan on event_equipment'));
    const p50 = (name) => percentile(samples[name], 50);
    lines.push(
      `Data: ${counts[0].events} events, ${counts[0].items} items, ${counts[0].lines} gear lines. A list of ${itemIds.length} items over ${from} – ${to}, ${ITERATIONS} iterations each, interleaved.`,
      `Baseline: the same rows counted by a hand-written query (items × days joined to lines and events), over one pg connection. Same figures: ${same ? 'yes' : '**no**'}.`,
      '',
      '| figure | p50 (ms) | baseline p50 (ms) | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| availability statement (server SQL, pg) | ${ms(p50('statement'))} | ${ms(p50('baseline'))} | ${ratio(p50('statement'), p50('baseline'))} |`,
      `| equipmentAvailability over HTTP GraphQL | ${ms(p50('api'))} | ${ms(p50('baseline'))} | ${ratio(p50('api'), p50('baseline'))} |`,
      '',
      `EXPLAIN ANALYZE of the server statement: ${plan.scans.join('; ')}. Sequential scan of the gear lines: ${seqOnLines.length ? '**yes**' : 'none'}.`,
      '',
    );

    const file = await catalogueFile(IMPORT_ROWS);
    const upload = (commit) =>
      fetch(`${server.url}/api/import/equipment${commit ? '?commit=1' : ''}`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: file }).then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(`import: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
        return body;
      });
    let rowsRead = 0;
    const stream = await withPeakMemory(async () => (rowsRead = await streamingRead(file)));
    const preview = await withPeakMemory(() => upload(false));
    const commit = await withPeakMemory(() => upload(true));
    const again = await withPeakMemory(() => upload(true));
    lines.push(
      `### Catalogue import, ${IMPORT_ROWS} rows (${(file.length / 1024).toFixed(0)} kB .xlsx)`,
      '',
      `Baseline: a plain streaming read of the same file (exceljs WorkbookReader, ${rowsRead} rows, no checks, no database). Peak memory = RSS growth of this process while it runs (the server runs in it too).`,
      '',
      '| run | time (ms) | × baseline | peak RSS growth (MB) | × baseline |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| streaming read (baseline) | ${ms(stream.ms)} | 1.00× | ${stream.mb.toFixed(1)} | 1.00× |`,
      ...[
        ['preview (hostile-file checks, parse, plan every row)', preview],
        ['commit (all rows in one transaction)', commit],
        ['re-import of the same file (nothing changes)', again],
      ].map(([name, run]) => `| ${name} | ${ms(run.ms)} | ${ratio(run.ms, stream.ms)} | ${run.mb.toFixed(1)} | ${stream.mb > 0.5 ? ratio(run.mb, stream.mb) : 'n/a'} |`),
      '',
    );
  } finally {
    await db.end();
  }
  return { lines };
}
