import net from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_CHANNEL, type RunningServer } from '@loadout/server';
import { HttpSession, liveClient, signIn, startTestServer, waitFor, type TestServer } from './support/harness.js';
import { entriesOf, liveJournal, type LiveEntry } from './support/contract.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers at REDIS_URL (the Redis tests are skipped, with this reason, when not). */
async function redisUnreachable(): Promise<string | undefined> {
  const { hostname, port } = new URL(REDIS_URL);
  const open = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
  if (!open) return `no Redis at ${REDIS_URL} (set REDIS_URL to a reachable Redis to run the Redis transport tests)`;
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? undefined : `Redis at ${REDIS_URL} does not answer PING`;
  } catch (error) {
    return `Redis at ${REDIS_URL} refused: ${(error as Error).message}`;
  } finally {
    client.disconnect();
  }
}
const redisSkipReason = await redisUnreachable();
if (redisSkipReason) console.warn(`Skipping the Redis transport tests: ${redisSkipReason}`);

const stops: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

interface Cluster {
  t: TestServer;
  instances: Array<Pick<RunningServer, 'url' | 'bus'>>;
  admin: HttpSession;
}

/** Three instances on one database, all with the same transport. */
async function cluster(redisUrl?: string): Promise<Cluster> {
  const t = await startTestServer({ redisUrl });
  stops.push(() => t.stop());
  const others = [await t.startAnother({ redisUrl }), await t.startAnother({ redisUrl })];
  const admin = await signIn(t.url, 'admin@loadout.demo');
  return { t, instances: [t.server, ...others], admin };
}

async function changesSince(admin: HttpSession, seq: number): Promise<LiveEntry[]> {
  const response = await admin.request('query($seq: SafeInt!) { changesSince(seq: $seq) { seq action objectType objectId actorLabel summary } }', { seq });
  expect(response.errors).toBeUndefined();
  return response.data!.changesSince;
}

/**
 * Two subscribers on every instance; concurrent writers on every instance; then each subscriber
 * must have received exactly the journal after its start — every change once, in seq order.
 */
async function everyChangeOnceEverywhere({ t, instances, admin }: Cluster) {
  const subscriptions = [];
  for (const instance of instances) {
    for (let n = 0; n < 2; n++) {
      const client = liveClient(instance.url.replace(/^http/, 'ws') + '/graphql', { cookie: admin.cookie });
      stops.push(() => client.dispose());
      subscriptions.push(await liveJournal(client, t.url, admin));
    }
  }
  const start = subscriptions.map((s) => s.received.length);
  const baseline = Math.max(...subscriptions.flatMap((s) => entriesOf(s).map((e) => e.seq)));

  // Writers on every instance at once: three accounts, each changing its language ten times (pt, ru, pt, …: a real change every time).
  const writers = await Promise.all(
    ['manager@loadout.demo', 'engineer@loadout.demo', 'storekeeper@loadout.demo'].map((email, i) => signIn(instances[i].url, email)),
  );
  await Promise.all(
    writers.map(async (writer) => {
      for (let n = 0; n < 10; n++) {
        const result = await writer.request('mutation($language: String!) { setMyLanguage(language: $language) { language } }', { language: n % 2 ? 'ru' : 'pt' });
        expect(result.errors).toBeUndefined();
      }
    }),
  );

  const journal = await changesSince(admin, baseline);
  // Three sign-ins and thirty language changes (more rows only if something else wrote, which would still be compared).
  expect(journal.filter((e) => e.action === 'user.update')).toHaveLength(30);
  const last = journal.at(-1)!.seq;
  await Promise.all(
    subscriptions.map((s) => s.until(() => entriesOf(s).some((e) => e.seq >= last), 15_000, `change ${last} on every subscriber`)),
  );
  subscriptions.forEach((subscription, i) => {
    const delivered = entriesOf(subscription).slice(start[i]).filter((e) => e.seq > baseline);
    expect(delivered, `subscriber ${i} on instance ${Math.floor(i / 2)}`).toEqual(journal);
    subscription.dispose();
  });
}

describe('several instances, PostgreSQL LISTEN/NOTIFY (default)', () => {
  it('three instances on one database deliver every change to every subscriber on each instance exactly once, in order', async () => {
    const c = await cluster();
    expect(c.instances.map((i) => i.bus.transport)).toEqual(['postgres', 'postgres', 'postgres']);
    await everyChangeOnceEverywhere(c);
  });
});

describe.skipIf(Boolean(redisSkipReason))('several instances, Redis transport (REDIS_URL)', () => {
  let c: Cluster;

  it('three instances with REDIS_URL deliver every change to every subscriber on each instance exactly once, in order', async () => {
    c = await cluster(REDIS_URL);
    expect(c.instances.map((i) => i.bus.transport)).toEqual(['redis', 'redis', 'redis']);
    await everyChangeOnceEverywhere(c);
  });

  it('an instance publishes the seq of each commit on Redis, after the commit', async () => {
    const listener = new Redis(REDIS_URL);
    stops.push(() => listener.disconnect());
    const published: number[] = [];
    listener.on('message', (_channel, message) => published.push(Number(message)));
    await listener.subscribe(REDIS_CHANNEL);

    await signIn(c.instances[1].url, 'manager2@loadout.demo');
    const [latest] = (await c.admin.request('{ journal(page: { limit: 1 }) { entries { seq action } } }')).data!.journal.entries;
    expect(latest.action).toBe('auth.login');
    await waitFor(() => published.includes(latest.seq), 5_000, 'the published seq');
    // Committed before it was published: the row is readable by then.
    const db = new pg.Client({ connectionString: c.t.databaseUrl });
    await db.connect();
    const row = await db.query('select action from journal where seq = $1', [latest.seq]);
    await db.end();
    expect(row.rows).toEqual([{ action: 'auth.login' }]);
  });

  it('a change whose Redis message is lost is still delivered once, in order, from the journal', async () => {
    const subscribers = await Promise.all(
      c.instances.map(async (instance) => {
        const client = liveClient(instance.url.replace(/^http/, 'ws') + '/graphql', { cookie: c.admin.cookie });
        stops.push(() => client.dispose());
        return liveJournal(client, c.t.url, c.admin);
      }),
    );
    const counts = subscribers.map((s) => s.received.length);
    // Written past the server: committed, but nothing is published on Redis (a lost message).
    const db = new pg.Client({ connectionString: c.t.databaseUrl });
    await db.connect();
    await db.query("insert into journal (actor_label, action, object_type, summary) values ('test', 'test.unpublished', 'Test', 'never published')");
    await db.end();
    // The next published change (or the periodic read) brings it along, before the newer change.
    await signIn(c.instances[2].url, 'engineer2@loadout.demo');
    for (const [i, subscriber] of subscribers.entries()) {
      await subscriber.until(() => entriesOf(subscriber).slice(counts[i]).some((e) => e.summary === 'Elena Engineer signed in'), 10_000, 'the later change');
      const delivered = entriesOf(subscriber).slice(counts[i]);
      expect(delivered.map((e) => e.summary)).toEqual(['never published', 'Elena Engineer signed in']);
      expect(delivered[0].seq).toBeLessThan(delivered[1].seq);
      subscriber.dispose();
    }
  });
});

describe('REDIS_URL pointing at no Redis', () => {
  it('the server still starts and delivers every change once, from its read of the journal', async () => {
    const t = await startTestServer({ redisUrl: 'redis://127.0.0.1:1' });
    stops.push(() => t.stop());
    const admin = await signIn(t.url, 'admin@loadout.demo');
    const client = liveClient(t.wsUrl, { cookie: admin.cookie });
    stops.push(() => client.dispose());
    const subscription = await liveJournal(client, t.url, admin);
    const count = subscription.received.length;
    await signIn(t.url, 'manager@loadout.demo');
    await signIn(t.url, 'engineer@loadout.demo');
    await subscription.until(() => entriesOf(subscription).slice(count).some((e) => e.summary === 'Egor Engineer signed in'), 10_000, 'both sign-ins');
    expect(entriesOf(subscription).slice(count).map((e) => e.summary)).toEqual(['Maxim Manager signed in', 'Egor Engineer signed in']);
    subscription.dispose();
  });
});
