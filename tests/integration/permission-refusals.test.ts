import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, wsExecute, connected } from './support/contract.js';
import { HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';

let t: TestServer;
let admin: HttpSession;
beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(() => t?.stop());

interface Entry {
  seq: number;
  action: string;
  objectType: string;
  objectId: string | null;
  actorLabel: string | null;
  context: Record<string, unknown>;
  actor: { email: string } | null;
}

async function refusals(): Promise<Entry[]> {
  const response = await admin.request<{ journal: { entries: Entry[] } }>(
    '{ journal(filter: { action: "auth.forbidden" }, page: { limit: 200 }) { entries { seq action objectType objectId actorLabel context actor { email } } } }',
  );
  return response.data!.journal.entries;
}

describe('permission refusals are journaled', () => {
  it('journals a refused mutation over HTTP, with nothing else changed', async () => {
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    const manager2 = await signIn(t.url, 'manager2@loadout.demo');
    const target = (await manager2.request<{ me: { id: string } }>('{ me { id } }')).data!.me;
    const before = (await refusals()).length;

    const refused = await engineer.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: target.id });
    expectCode(refused.errors, 'FORBIDDEN');

    const after = await refusals();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      action: 'auth.forbidden',
      objectType: 'Operation',
      objectId: 'deactivateUser',
      actor: { email: 'engineer@loadout.demo' },
      context: { permission: 'staff:manage', transport: 'http' },
    });
    // Still active and signed in: the refused deactivation changed nothing.
    const still = await manager2.request<{ me: { id: string } | null }>('{ me { id } }');
    expect(still.data?.me?.id).toBe(target.id);
  });

  it('journals a refused subscription over WebSocket', async () => {
    const engineer = await signIn(t.url, 'engineer2@loadout.demo');
    const before = (await refusals()).length;
    const client = liveClient(t.wsUrl, { cookie: engineer.cookie, origin: t.url });
    try {
      await connected(client);
      const result = await wsExecute(client, 'subscription { journalAppended { seq } }');
      expectCode(result.errors, 'FORBIDDEN');
      await waitFor(async () => (await refusals()).length === before + 1, 10_000, 'the refusal row');
      const [latest] = await refusals();
      expect(latest).toMatchObject({ objectId: 'journalAppended', actor: { email: 'engineer2@loadout.demo' }, context: { permission: 'journal:read', transport: 'ws' } });
    } finally {
      await client.dispose();
    }
  });

  it('lists the people who appear in the journal, for the person filter', async () => {
    const actors = await admin.request<{ journalActors: Array<{ email: string }> }>('{ journalActors { id name email } }');
    const emails = actors.data!.journalActors.map((a) => a.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@loadout.demo', 'engineer@loadout.demo', 'engineer2@loadout.demo']));
    // Storekeeper never signed in on this server: not in the journal, not in the list.
    expect(emails).not.toContain('storekeeper@loadout.demo');
    const engineer = await signIn(t.url, 'engineer@loadout.demo');
    expectCode((await engineer.request('{ journalActors { id } }')).errors, 'FORBIDDEN');
  });

  it('does not journal anonymous requests (they are UNAUTHENTICATED, not refused)', async () => {
    const before = (await refusals()).length;
    const anonymous = new HttpSession(t.url);
    expectCode((await anonymous.request('{ journal { total } }')).errors, 'UNAUTHENTICATED');
    expect((await refusals()).length).toBe(before);
  });
});
