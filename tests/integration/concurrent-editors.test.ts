import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from './support/harness.js';
import { expectCode } from './support/contract.js';
import { createEvent, getEvent, journalOf, signInAs, tryUpdateEvent, type Account } from './support/events.js';

const EDITORS = 50;
const EVENTS = 10;
const CYCLES = 8;
/** Each editor appends a token of its own to one of these fields: stale writes to the other one merge. */
const FIELDS = ['notes', 'problemNote'] as const;
type Field = (typeof FIELDS)[number];

let t: TestServer;
let admin: Account;

beforeAll(async () => {
  t = await startTestServer();
  admin = await signInAs(t.url, 'admin@loadout.demo');
});
afterAll(async () => {
  await t?.stop();
});

const tokensOf = (value: string | null | undefined) => (value ?? '').split(' ').filter(Boolean);

describe('50 concurrent editors, read-modify-write on 10 shared events', () => {
  it('every acknowledged write is in the final state and the journal, every other got CONFLICT, journal rows equal acknowledged writes', async () => {
    const manager = await signInAs(t.url, 'manager@loadout.demo');
    const events = [];
    for (let e = 0; e < EVENTS; e++) {
      const created = await createEvent(manager.session, { title: `Shared ${e}`, startDate: `2031-03-${String(e + 1).padStart(2, '0')}`, endDate: `2031-03-${String(e + 1).padStart(2, '0')}` });
      events.push(created.event.id);
    }
    const journalBefore = await Promise.all(events.map(async (id) => (await journalOf(admin.session, id)).total));

    const sessions = await Promise.all(Array.from({ length: EDITORS }, (_, i) => signIn(t.url, i % 2 === 0 ? 'manager@loadout.demo' : 'manager2@loadout.demo')));
    type Outcome = { event: string; field: Field; token: string; acknowledged: boolean; code?: string; conflictingFields?: unknown };
    const outcomes: Outcome[] = [];

    await Promise.all(
      sessions.map(async (session, editor) => {
        const field = FIELDS[editor % FIELDS.length];
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const event = events[(editor + cycle) % EVENTS];
          const token = `e${editor}c${cycle}`;
          // Read, modify, write back with the version that was read.
          const current = await getEvent(session, event);
          const result = await tryUpdateEvent(session, event, current.version, { [field]: [...tokensOf(current[field]), token].join(' ') });
          if (!result.errors) outcomes.push({ event, field, token, acknowledged: true });
          else {
            const error = expectCode(result.errors, 'CONFLICT');
            outcomes.push({ event, field, token, acknowledged: false, code: 'CONFLICT', conflictingFields: error.extensions?.conflictingFields });
          }
        }
      }),
    );

    expect(outcomes).toHaveLength(EDITORS * CYCLES);
    const acknowledged = outcomes.filter((o) => o.acknowledged);
    const refused = outcomes.filter((o) => !o.acknowledged);
    // Both outcomes happened: the run really was concurrent, and not everything was refused.
    expect(acknowledged.length).toBeGreaterThan(EVENTS);
    expect(refused.length).toBeGreaterThan(0);
    // A refusal names the field the editor wrote: a stale write of the other field was merged, not refused.
    for (const o of refused) expect(o.conflictingFields, o.token).toEqual([o.field]);

    for (const [e, id] of events.entries()) {
      const final = await getEvent(admin.session, id);
      const mine = acknowledged.filter((o) => o.event === id);
      for (const field of FIELDS) {
        const tokens = tokensOf(final[field]);
        // Every acknowledged write is there once; no refused write left a trace.
        expect([...tokens].sort(), `${field} of event ${e}`).toEqual(mine.filter((o) => o.field === field).map((o) => o.token).sort());
      }
      expect(final.version).toBe(1 + mine.length);

      // One journal row per acknowledged write, each the step from the previous value to the next.
      const journal = await journalOf(admin.session, id, { action: 'event.update', limit: 200 });
      expect(journal.total, `update rows of event ${e}`).toBe(mine.length);
      expect((await journalOf(admin.session, id)).total, `all rows of event ${e}`).toBe(journalBefore[e] + mine.length);
      const chronological = [...journal.entries].reverse();
      const journaledTokens = chronological.flatMap((row) => {
        expect(row.changes).toHaveLength(1);
        const [change] = row.changes;
        const added = tokensOf(change.newValue as string).filter((token) => !tokensOf(change.oldValue as string).includes(token));
        expect(added).toHaveLength(1);
        return added;
      });
      expect([...journaledTokens].sort()).toEqual(mine.map((o) => o.token).sort());
    }
  });
});
