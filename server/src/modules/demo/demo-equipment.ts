import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { todayIn } from '../../common/calendar-dates.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../graphql/context.js';
import { EquipmentCategory, EquipmentItem, EquipmentKind, EquipmentUnit } from '../equipment/equipment-catalogue.entity.js';
import { newQrCode } from '../equipment/equipment-catalogue.service.js';
import type { RepairService } from '../equipment/repair.service.js';
import type { JournalService } from '../journal/journal.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { User } from '../staff/user.entity.js';

export interface DemoEquipmentServices {
  journal: JournalService;
  settings: SettingsService;
  repairs: RepairService;
}

type DemoItem = [code: string, name: string, kind: 'B' | 'S', count: number];

/** A realistic rental store: sound, light, video and stage, with a few units per serialised item. */
const DEMO_STORE: Array<[string, Array<[string, DemoItem[]]>]> = [
  ['Sound', [
    ['Microphones', [['SHURE-SM58', 'Shure SM58', 'S', 12], ['SHURE-BETA91', 'Shure Beta 91A', 'S', 4], ['SENN-EW500', 'Sennheiser EW 500 G4 radio mic', 'S', 8], ['DI-BSS', 'BSS AR-133 DI box', 'B', 16]]],
    ['Consoles', [['YAM-CL5', 'Yamaha CL5', 'S', 2], ['DIGICO-SD12', 'DiGiCo SD12', 'S', 1], ['YAM-RIO', 'Yamaha Rio3224-D2 stage box', 'S', 3]]],
    ['Speakers', [['LA-K2', 'L-Acoustics K2', 'S', 24], ['LA-KS28', 'L-Acoustics KS28 sub', 'S', 12], ['LA-X15', 'L-Acoustics X15 HiQ monitor', 'S', 10], ['LA-LA12X', 'L-Acoustics LA12X amplified controller', 'S', 8]]],
    ['Cables', [['XLR-10', 'XLR cable 10 m', 'B', 120], ['XLR-20', 'XLR cable 20 m', 'B', 60], ['SPK-NL4', 'NL4 speaker cable 15 m', 'B', 80], ['MULTI-32', 'Multicore 32/8, 50 m', 'B', 4]]],
  ]],
  ['Light', [
    ['Moving heads', [['ROBE-MEGA', 'Robe MegaPointe', 'S', 16], ['ROBE-SPIIDER', 'Robe Spiider', 'S', 12], ['CLAY-SHARPY', 'Claypaky Sharpy', 'S', 8]]],
    ['Consoles', [['MA3-LIGHT', 'grandMA3 light', 'S', 2], ['MA3-ONPC', 'grandMA3 onPC command wing', 'S', 2]]],
    ['Effects', [['HAZER-MDG', 'MDG ATMe hazer', 'S', 4], ['DMX-10', 'DMX cable 10 m', 'B', 100]]],
  ]],
  ['Video', [
    ['Projectors', [['PANA-RZ21', 'Panasonic PT-RZ21K 20k lm', 'S', 4], ['EPSON-L1755', 'Epson EB-L1755U', 'S', 6]]],
    ['LED screens', [['ABSEN-PL39', 'Absen PL3.9 LED panel', 'B', 160], ['NOVA-MCTRL', 'Novastar MCTRL4K processor', 'S', 3]]],
    ['Switching', [['BMD-ATEM', 'Blackmagic ATEM Constellation 8K', 'S', 2], ['SDI-50', 'SDI cable 50 m', 'B', 30]]],
  ]],
  ['Stage', [
    ['Truss', [['TRUSS-F34-3', 'Prolyte H30V truss 3 m', 'B', 60], ['TRUSS-F34-2', 'Prolyte H30V truss 2 m', 'B', 40], ['MOTOR-1T', 'Chain hoist 1 t', 'S', 16]]],
    ['Risers', [['RISER-2x1', 'Stage riser 2 × 1 m', 'B', 48], ['STEPS', 'Stage steps', 'B', 6]]],
  ]],
];

/** Demo gear lines: which items the upcoming demo events reserve (by item code). */
const DEMO_LINES: Array<Array<[string, number]>> = [
  [['SHURE-SM58', 6], ['YAM-CL5', 1], ['LA-K2', 12], ['LA-KS28', 6], ['XLR-10', 40], ['ROBE-MEGA', 8]],
  [['SENN-EW500', 6], ['DIGICO-SD12', 1], ['LA-X15', 6], ['PANA-RZ21', 2], ['ABSEN-PL39', 96], ['TRUSS-F34-3', 20]],
  [['SHURE-SM58', 8], ['LA-K2', 16], ['LA-KS28', 8], ['ROBE-SPIIDER', 12], ['MA3-LIGHT', 1], ['HAZER-MDG', 2]],
  [['EPSON-L1755', 4], ['BMD-ATEM', 1], ['SDI-50', 10], ['RISER-2x1', 24], ['STEPS', 2]],
];

/**
 * Seeds the demo store in a few statements (the demo must start fast): the catalogue with units,
 * routing rules and an open repair, and gear on the next demo events.
 */
export async function seedDemoEquipment(orm: MikroORM, services: DemoEquipmentServices, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(EquipmentItem, {})) > 0) return;
  const store = await em.findOne(User, { email: 'storekeeper@loadout.demo' }, { populate: ['role'] });
  const manager = await em.findOne(User, { email: 'manager@loadout.demo' }, { populate: ['role'] });
  if (!store || !manager) return;
  const viewerOf = (user: User): Viewer => ({ id: user.id, name: user.name, email: user.email, sessionId: randomUUID(), roleId: user.role.id, permissions: new Set(user.role.permissions) });
  const codes = new Map<string, EquipmentItem>();
  let units = 0;
  await services.journal.record(async (tx) => {
    // Top-level categories first: a batch insert fills self-references afterwards, and two
    // subcategories of one name would meet as top-level ones in the unique index meanwhile.
    const parents = DEMO_STORE.map(([top], position) => tx.create(EquipmentCategory, { name: top, parent: null, position }));
    await tx.flush();
    for (const [position, [, children]] of DEMO_STORE.entries()) {
      const parent = parents[position];
      for (const [childPosition, [name, items]] of children.entries()) {
        const category = tx.create(EquipmentCategory, { name, parent, position: childPosition });
        for (const [code, itemName, kind, count] of items) {
          const item = tx.create(EquipmentItem, { code, name: itemName, category, kind: kind === 'B' ? EquipmentKind.BULK : EquipmentKind.SERIALISED, quantity: kind === 'B' ? count : 0, qrCode: newQrCode() });
          codes.set(code, item);
          if (kind === 'S') {
            for (let n = 1; n <= count; n++) tx.create(EquipmentUnit, { item, serial: `${code.split('-')[0]}-${String(n).padStart(4, '0')}`, qrCode: newQrCode() });
            units += count;
          }
        }
      }
    }
    return { result: null, journal: [{ actor: viewerOf(store), action: 'equipment.import', objectType: 'EquipmentItem', summary: `Demo store: ${codes.size} items, ${units} units`, context: { demo: true } }] };
  });
  const storekeeper = viewerOf(store);
  await services.repairs.setRule(storekeeper, null, null, store.id);
  const light = await em.fork().findOne(EquipmentCategory, { name: 'Light', parent: null });
  if (light) await services.repairs.setRule(storekeeper, light.id, 'electrical', manager.id);
  const megas = await em.fork().find(EquipmentUnit, { item: codes.get('ROBE-MEGA')!.id }, { orderBy: { serial: 'asc' }, limit: 1 });
  await services.repairs.open(storekeeper, { unitId: megas[0].id, reason: 'Zoom motor stalls', problemKind: 'electrical' });

  // Gear on the next demo events: one statement and one journal row per event (a demo start must
  // stay fast); availability and shortages are derived from these rows like from any others.
  const { timeZone } = await services.settings.get();
  const actor = viewerOf(manager);
  const upcoming = await services.journal.record(async (tx) => {
    const events = await tx.execute<Array<{ id: string; title: string; busy_from: string; busy_to: string }>>(
      `select id, title, lower(busy_days)::text as busy_from, (upper(busy_days) - 1)::text as busy_to from production_event
        where deleted_at is null and status in ('confirmed', 'tentative') and start_date >= ? order by start_date, id limit ?`,
      [todayIn(timeZone), DEMO_LINES.length],
    );
    const rows = events.flatMap((event, index) => DEMO_LINES[index].map(([code, quantity]) => ({ event: event.id, item: codes.get(code)!.id, quantity })));
    if (rows.length) {
      await tx.execute(
        `insert into event_equipment (event_id, item_id, kind, quantity, created_by)
         select event_id, item_id, 'PLANNED', quantity, ? from jsonb_to_recordset(?::jsonb) as x(event_id uuid, item_id uuid, quantity int)`,
        [manager.id, JSON.stringify(rows.map((row) => ({ event_id: row.event, item_id: row.item, quantity: row.quantity })))],
      );
    }
    return {
      result: events,
      journal: events.map((event, index) => ({
        actor,
        action: 'equipment.line_add',
        objectType: 'ProductionEvent',
        objectId: event.id,
        summary: `Gear planned for "${event.title}": ${DEMO_LINES[index].map(([code, quantity]) => `${codes.get(code)!.name} × ${quantity}`).join(', ')}`,
        changes: DEMO_LINES[index].map(([code, quantity]) => ({ field: `equipment:${code}`, oldValue: 0, newValue: quantity })),
        context: { kind: 'UPDATED', title: event.title, busy: { before: [event.busy_from, event.busy_to], after: [event.busy_from, event.busy_to] }, affected: [] },
      })),
    };
  });
  logger.info(`Demo store ready: ${codes.size} items, ${units} units, gear on ${upcoming.length} events`);
}
