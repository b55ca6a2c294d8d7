import { afterAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from './support/harness.js';
import { must } from './support/equipment.js';

process.env.TZ = 'UTC';

let t: TestServer | undefined;

afterAll(async () => {
  await t?.stop();
});

describe('demo store', () => {
  it('seeds a sound/light/video/stage catalogue with units, a repair and gear on upcoming events', async () => {
    t = await startTestServer({ demo: true });
    const store = await signIn(t.url, 'storekeeper@loadout.demo');
    const data = await must(store, '{ equipmentCategories { name parentId } equipmentItems(page: { limit: 100, offset: 0 }) { total items { code owned kind } } repairs(open: true) { item { code } responsible { name } } repairRules { problemKind } }');
    expect(data.equipmentCategories.filter((c: { parentId: string | null }) => !c.parentId).map((c: { name: string }) => c.name)).toEqual(['Sound', 'Light', 'Video', 'Stage']);
    expect(data.equipmentItems.total).toBeGreaterThan(30);
    expect(data.equipmentItems.items.find((i: { code: string }) => i.code === 'LA-K2')).toEqual({ code: 'LA-K2', owned: 24, kind: 'SERIALISED' });
    expect(data.repairs).toEqual([{ item: { code: 'ROBE-MEGA' }, responsible: { name: 'Maxim Manager' } }]);
    const events = await must(store, '{ latestChangeSeq }');
    expect(events.latestChangeSeq).toBeGreaterThan(0);
    const journal = await must(await signIn(t.url, 'admin@loadout.demo'), '{ journal(filter: { action: "equipment.line_add" }) { total entries { objectId } } }');
    expect(journal.journal.total).toBe(4);
    const gear = await must(store, 'query($id: ID!) { eventEquipment(eventId: $id) { lines { quantity item { code } } availability { item { id } } } }', { id: journal.journal.entries[0].objectId });
    expect(gear.eventEquipment.lines.length).toBeGreaterThanOrEqual(5);
    expect(gear.eventEquipment.availability.length).toBe(gear.eventEquipment.lines.length);
    // Demo events take most of the start; a busy machine needs more than the default minute.
  }, 180_000);
});
