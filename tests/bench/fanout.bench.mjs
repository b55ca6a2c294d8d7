// Shared fan-out of calendarChanged under many graphql-ws clients, against a raw `ws` broadcast of the
// same bytes from the same commit hook, measured in the same run.
//
// The clients live in a child process (this file run with --clients), so their JSON parsing does not
// share the server's event loop. They speak graphql-transport-ws by hand over `ws` (connection_init,
// subscribe), the same code for both sides, so that only the server side differs between the two.
// Latency is from the commit hook (the journal entry reaching this instance's bus) to the client's
// receipt; both processes read the same clock (performance.timeOrigin + performance.now()).
//
//   BENCH_FANOUT_SIZES=100,1000,5000   clients per round
//   BENCH_FANOUT_STORM=5000            clients of the reconnect storm (0 = none; needs a round of that size)
//   BENCH_FANOUT_STEADY=40             moves at a steady rate, BENCH_FANOUT_RATE=20 per second
//   BENCH_FANOUT_BURSTS=4              bursts of BENCH_FANOUT_BURST_SIZE=10 concurrent moves, 500 ms apart
//   BENCH_FANOUT_WARMUP=100            clients opened and closed on both servers before the rounds, so that
//                                      memory per connection is what one more connection costs, not code
//                                      compiled and caches filled on first use (0 = none)
//   BENCH_FANOUT_REPEATS=2             rounds of each side per size, alternating (Loadout, raw, Loadout, raw…);
//                                      latencies are pooled per side, so that the machine drifting between
//                                      two rounds weighs on both sides alike (p99 is the slowest bursts)
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import WebSocket, { WebSocketServer } from 'ws';
import { ms, percentile, ratio, signInCookie } from './support.mjs';

const QUERY = `subscription($from: Date!, $to: Date!) {
  calendarChanged(from: $from, to: $to) { seq kind eventId actorName at event { id title startDate endDate status version client { name } venue { name } crew { person { name } crewRole { name } } problems { kind message } } }
}`;
const SECOND = 'subscription { conflictRaised { person { id name } event { id title } fromDate toDate } }';
const WINDOWS = [
  { from: '2093-03-01', to: '2093-03-31' },
  { from: '2093-03-08', to: '2093-03-21' },
];
const EVENTS = 10;
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// Child: the clients.
// ---------------------------------------------------------------------------------------------
if (process.argv.includes('--clients')) runClients();

function runClients() {
  let sockets = [];
  const subscriptionsOf = (i, roles) => [{ query: QUERY, variables: WINDOWS[Math.floor(i / roles) % WINDOWS.length] }, { query: SECOND }];
  /** seq → receipt times (all sockets). */
  let receipts = new Map();
  // Latencies of the rounds so far, per side ('loadout', 'raw').
  let pools = new Map();
  const send = (message) => process.send(message);

  /** `raw`: the same messages to a server that does not answer them (its sockets receive what Loadout's do). */
  function openOne(url, headers, subscriptions, raw = false) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, raw ? undefined : 'graphql-transport-ws', { headers, perMessageDeflate: false });
      socket.on('error', reject);
      socket.on('message', (data) => {
        const t = now();
        const message = JSON.parse(data.toString());
        if (message.type === 'connection_ack') {
          subscriptions.forEach((payload, i) => socket.send(JSON.stringify({ id: String(i + 1), type: 'subscribe', payload })));
          resolve(socket);
          return;
        }
        if (message.type !== 'next') return;
        const seq = message.payload.data?.calendarChanged?.seq;
        if (seq === undefined) return;
        let list = receipts.get(seq);
        if (!list) receipts.set(seq, (list = []));
        list.push(t);
      });
      socket.on('open', () => {
        socket.send(JSON.stringify({ type: 'connection_init' }));
        if (!raw) return;
        subscriptions.forEach((payload, i) => socket.send(JSON.stringify({ id: String(i + 1), type: 'subscribe', payload })));
        resolve(socket);
      });
    });
  }

  async function openMany(n, make) {
    const opened = [];
    for (let i = 0; i < n; i += 250) {
      opened.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, (_, j) => make(i + j)))));
    }
    return opened;
  }

  process.on('message', async (command) => {
    try {
      if (command.cmd === 'open-graphql') {
        const { url, origin, cookies, n } = command;
        sockets = await openMany(n, (i) => openOne(url, { cookie: cookies[i % cookies.length], origin }, subscriptionsOf(i, cookies.length)));
        send({ cmd: 'opened', n: sockets.length });
      } else if (command.cmd === 'open-raw') {
        sockets = await openMany(command.n, (i) => openOne(command.url, {}, subscriptionsOf(i, 4), true));
        send({ cmd: 'opened', n: sockets.length });
      } else if (command.cmd === 'close-all') {
        const closing = sockets.map((socket) => (socket.readyState === WebSocket.CLOSED ? null : once(socket, 'close')));
        for (const socket of sockets) socket.terminate();
        await Promise.all(closing);
        sockets = [];
        send({ cmd: 'closed' });
      } else if (command.cmd === 'reset') {
        receipts = new Map();
        if (command.newPools) pools = new Map();
        send({ cmd: 'reset' });
      } else if (command.cmd === 'collect') {
        // Waits until every socket has every seq (or the deadline), then turns receipts into latencies.
        const { hooks, n, timeoutMs } = command;
        const deadline = Date.now() + timeoutMs;
        const complete = () => Object.keys(hooks).every((seq) => (receipts.get(Number(seq))?.length ?? 0) >= n);
        while (!complete() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        const latencies = [];
        let missing = 0;
        for (const [seq, hook] of Object.entries(hooks)) {
          const list = receipts.get(Number(seq)) ?? [];
          missing += Math.max(0, n - list.length);
          for (const t of list) latencies.push(t - hook);
        }
        // Pooled with the earlier rounds of the same side.
        const pool = pools.get(command.pool) ?? [];
        pools.set(command.pool, pool);
        for (const latency of latencies) pool.push(latency);
        pool.sort((a, b) => a - b);
        send({ cmd: 'collected', p50: percentile(pool, 50), p99: percentile(pool, 99), max: pool.at(-1), count: pool.length, missing });
      } else if (command.cmd === 'exit') {
        process.exit(0);
      }
    } catch (error) {
      send({ cmd: 'failed', message: error.message });
    }
  });
  send({ cmd: 'ready' });
}

// ---------------------------------------------------------------------------------------------
// Parent: the server side.
// ---------------------------------------------------------------------------------------------
class Clients {
  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.waiting = [];
    this.child.on('message', (message) => {
      if (message.cmd === 'failed') for (const w of this.waiting.splice(0)) w.reject(new Error(`clients: ${message.message}`));
      else {
        const index = this.waiting.findIndex((w) => w.cmd === message.cmd);
        if (index >= 0) this.waiting.splice(index, 1)[0].resolve(message);
      }
    });
  }
  expect(cmd) {
    return new Promise((resolve, reject) => this.waiting.push({ cmd, resolve, reject }));
  }
  ask(command, reply) {
    const answer = this.expect(reply);
    this.child.send(command);
    return answer;
  }
  async stop() {
    this.child.send({ cmd: 'exit' });
    await once(this.child, 'exit');
  }
}

function gc() {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc');
  collect();
  collect();
}
/** Collected heap (used + external) without compiled code: functions optimised while clients connect are no connection's memory. */
function heap() {
  gc();
  const usage = process.memoryUsage();
  const code = v8
    .getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'code_space' || space.space_name === 'code_large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);
  return usage.heapUsed + usage.external - code;
}

async function waitUntil(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function gql(url, cookie, query, variables) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

const MOVE = 'mutation($id: ID!, $v: Int!, $s: Date!, $e: Date!) { moveProductionEvent(id: $id, expectedVersion: $v, startDate: $s, endDate: $e) { event { version } } }';

/** The manager's moves: a steady rate, then bursts of concurrent moves of different events. */
async function moveEvents(server, cookie, events, plan) {
  const moveOne = async (event) => {
    // Always to another day (11th–20th, inside both windows), so that every move is a change.
    event.day = event.day === 20 ? 11 : event.day + 1;
    const date = `2093-03-${event.day}`;
    const data = await gql(server.url, cookie, MOVE, { id: event.id, v: event.version, s: date, e: date });
    event.version = data.moveProductionEvent.event.version;
  };
  const interval = 1000 / plan.rate;
  const started = performance.now();
  for (let i = 0; i < plan.steady; i++) {
    await moveOne(events[i % events.length]);
    const wait = started + (i + 1) * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  for (let b = 0; b < plan.bursts; b++) {
    await Promise.all(events.slice(0, plan.burstSize).map(moveOne));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return plan.steady + plan.bursts * Math.min(plan.burstSize, events.length);
}

/**
 * One measured phase: moves, then every client's receipts (latency percentiles pooled with the
 * earlier rounds of the same `pool`), CPU and event-loop delay of this process.
 */
async function measure(server, clients, n, cookie, events, plan, hooks, pool) {
  hooks.clear();
  await clients.ask({ cmd: 'reset' }, 'reset');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const executions = server.fanout.sharedExecutions + server.fanout.unsharedExecutions;
  delay.enable();
  const cpu = process.cpuUsage();
  const changes = await moveEvents(server, cookie, events, plan);
  await waitUntil(() => hooks.size >= changes, 30_000, 'the commit hook to see every move');
  const collected = await clients.ask({ cmd: 'collect', hooks: Object.fromEntries(hooks), n, timeoutMs: 60_000, pool }, 'collected');
  const used = process.cpuUsage(cpu);
  delay.disable();
  return {
    ...collected,
    changes,
    executions: server.fanout.sharedExecutions + server.fanout.unsharedExecutions - executions,
    cpuMs: (used.user + used.system) / 1000,
    loopP99: delay.percentile(99) / 1e6,
    loopMax: delay.max / 1e6,
  };
}

/** One side's rounds as one figure: the pooled percentiles of the last, the sums, the worst loop delay. */
function combine(rounds) {
  const changes = rounds.reduce((sum, r) => sum + r.changes, 0);
  const { p50, p99, max } = rounds.at(-1);
  return {
    p50,
    p99,
    max,
    changes,
    missing: rounds.reduce((sum, r) => sum + r.missing, 0),
    executionsPerChange: rounds.reduce((sum, r) => sum + r.executions, 0) / changes,
    cpuPerChangeMs: rounds.reduce((sum, r) => sum + r.cpuMs, 0) / changes,
    loopP99: Math.max(...rounds.map((r) => r.loopP99)),
    loopMax: Math.max(...rounds.map((r) => r.loopMax)),
  };
}

/**
 * Runs the rounds; `server` is a bootstrapped Loadout with the demo accounts. Returns RESULTS.md lines.
 */
export async function benchFanout(server, options = {}) {
  const sizes = (process.env.BENCH_FANOUT_SIZES ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
  const stormSize = Number(process.env.BENCH_FANOUT_STORM ?? 5000);
  const plan = {
    steady: Number(process.env.BENCH_FANOUT_STEADY ?? 40),
    rate: Number(process.env.BENCH_FANOUT_RATE ?? 20),
    bursts: Number(process.env.BENCH_FANOUT_BURSTS ?? 4),
    burstSize: Number(process.env.BENCH_FANOUT_BURST_SIZE ?? 10),
  };
  const log = options.log ?? console.log;
  const origin = new URL(server.url).origin;
  const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
  const manager = await signInCookie(server.url, 'manager@loadout.demo');
  // Four permission scopes (conflictRaised is per person for non-managers).
  const cookies = await Promise.all(['admin', 'manager', 'engineer', 'storekeeper'].map((name) => signInCookie(server.url, `${name}@loadout.demo`)));
  const events = [];
  for (let i = 0; i < EVENTS; i++) {
    const data = await gql(server.url, manager, 'mutation($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id version } } }', {
      input: { title: `Fan-out bench ${i}`, startDate: '2093-03-11', endDate: '2093-03-11', managerId: null },
    });
    events.push({ day: 11, id: data.createProductionEvent.event.id, version: data.createProductionEvent.event.version });
  }

  // The commit hook both sides are measured from; the raw baseline broadcasts from it too.
  const hooks = new Map();
  let broadcast = null;
  const unsubscribe = server.bus.subscribe((entry) => {
    if (entry.objectType !== 'ProductionEvent' || !events.some((event) => event.id === entry.objectId)) return;
    hooks.set(entry.seq, now());
    broadcast?.(entry);
  });
  const raw = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(raw, 'listening');
  const rawUrl = `ws://127.0.0.1:${raw.address().port}`;

  const clients = new Clients();
  await clients.expect('ready');
  const rounds = [];
  let storm = null;
  const warmup = Number(process.env.BENCH_FANOUT_WARMUP ?? 100);
  const repeats = Math.max(1, Number(process.env.BENCH_FANOUT_REPEATS ?? 2));
  try {
    if (warmup > 0) {
      await clients.ask({ cmd: 'open-graphql', url: wsUrl, origin, cookies, n: warmup }, 'opened');
      await waitUntil(() => server.fanout.members >= 2 * warmup, 60_000, 'the warm-up subscriptions');
      await clients.ask({ cmd: 'close-all' }, 'closed');
      await waitUntil(() => server.fanout.members === 0, 30_000, 'the warm-up subscriptions to end');
      await clients.ask({ cmd: 'open-raw', url: rawUrl, n: warmup }, 'opened');
      await waitUntil(() => raw.clients.size >= warmup, 30_000, 'the warm-up raw sockets');
      await clients.ask({ cmd: 'close-all' }, 'closed');
      await waitUntil(() => raw.clients.size === 0, 30_000, 'the warm-up raw sockets to close');
    }
    for (const n of sizes) {
      log(`  ${n} clients…`);
      await clients.ask({ cmd: 'reset', newPools: true }, 'reset');
      const sides = { loadout: [], baseline: [] };
      let loadoutBytes = 0;
      let rawBytes = 0;
      let groups = 0;
      let sample = '';
      for (let repeat = 0; repeat < repeats; repeat++) {
        const before = heap();
        await clients.ask({ cmd: 'open-graphql', url: wsUrl, origin, cookies, n }, 'opened');
        await waitUntil(() => server.fanout.members >= 2 * n, 60_000, `${2 * n} live subscriptions`);
        if (repeat === 0) {
          loadoutBytes = (heap() - before) / n;
          groups = server.fanout.groups;
        }
        sides.loadout.push(await measure(server, clients, n, manager, events, plan, hooks, 'loadout'));

        if (n === stormSize && repeat === 0) {
          await clients.ask({ cmd: 'close-all' }, 'closed');
          await waitUntil(() => server.fanout.members === 0, 30_000, 'every subscription to end');
          const started = performance.now();
          const reopened = clients.ask({ cmd: 'open-graphql', url: wsUrl, origin, cookies, n }, 'opened');
          await waitUntil(() => server.fanout.members >= 2 * n, 60_000, 'the storm to resubscribe');
          storm = { n, seconds: (performance.now() - started) / 1000 };
          await reopened;
        }
        await clients.ask({ cmd: 'close-all' }, 'closed');
        await waitUntil(() => server.fanout.members === 0, 30_000, 'every subscription to end');

        // Baseline: the same sockets on a raw ws server; the same bytes (the last shared payload, with the entry's seq) to each.
        sample = server.fanout.lastPayload;
        if (!sample) throw new Error('No shared payload was sent; the fan-out did not run');
        broadcast = (entry) => {
          const frame = `{"id":"1","type":"next","payload":${sample.replace(/"seq":\d+/, `"seq":${entry.seq}`)}}`;
          for (const socket of raw.clients) socket.send(frame);
        };
        const rawBefore = heap();
        await clients.ask({ cmd: 'open-raw', url: rawUrl, n }, 'opened');
        await waitUntil(() => raw.clients.size >= n, 30_000, `${n} raw sockets`);
        // Their connection_init and subscribe messages, which nothing answers, are read by then.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (repeat === 0) rawBytes = (heap() - rawBefore) / n;
        sides.baseline.push(await measure(server, clients, n, manager, events, plan, hooks, 'raw'));
        broadcast = null;
        await clients.ask({ cmd: 'close-all' }, 'closed');
        await waitUntil(() => raw.clients.size === 0, 30_000, 'raw sockets to close');
        const [l, b] = [sides.loadout.at(-1), sides.baseline.at(-1)];
        log(`    round ${repeat + 1}: p99 so far ${ms(l.p99)} ms vs raw ${ms(b.p99)} ms (${ratio(l.p99, b.p99)})`);
      }
      const loadout = combine(sides.loadout);
      const baseline = combine(sides.baseline);
      rounds.push({ n, groups, loadout, baseline, loadoutBytes, rawBytes, payloadBytes: Buffer.byteLength(sample) });
      log(`    p99 ${ms(loadout.p99)} ms vs raw ${ms(baseline.p99)} ms (${ratio(loadout.p99, baseline.p99)}); ${loadout.executionsPerChange.toFixed(1)} executions/change; memory/connection ${ratio(loadoutBytes, rawBytes)}`);
    }
  } finally {
    unsubscribe();
    await clients.stop();
    await new Promise((resolve) => raw.close(resolve));
  }

  const lines = [
    '## Fan-out',
    '',
    `calendarChanged to N graphql-ws clients in a separate process (four roles, two windows: ${rounds[0]?.groups ?? '?'} groups with conflictRaised), each socket with two subscriptions. ` +
      `Per round: ${plan.steady} moves at ${plan.rate}/s, then ${plan.bursts} bursts of ${plan.burstSize} concurrent moves by a manager over HTTP; ` +
      `${repeats} rounds of each side per size, alternating (Loadout, raw, Loadout…), latencies pooled per side. ` +
      'Latency from the commit hook (the journal entry reaching the instance) to receipt in the client process. ' +
      'Baseline: a raw `ws` server in the same process broadcasting the same bytes from the same commit hook to the same number of sockets (whose clients send it the same connection_init and subscribe messages, unanswered), measured in the same run. ' +
      'CPU and event-loop delay are of the server process (it also runs the manager\'s HTTP client, on both sides). ' +
      `Memory per idle connection: growth of the collected heap (used + external, without compiled code) once the N clients of the first round are open, over N, after ${warmup} clients were opened and closed on both servers.`,
    '',
    '| clients | figure | Loadout | raw ws broadcast | ratio |',
    '| ---: | --- | ---: | ---: | ---: |',
  ];
  for (const { n, loadout, baseline, loadoutBytes, rawBytes } of rounds) {
    lines.push(
      `| ${n} | commit → receipt p50 (ms) | ${ms(loadout.p50)} | ${ms(baseline.p50)} | ${ratio(loadout.p50, baseline.p50)} |`,
      `| ${n} | commit → receipt p99 (ms) | ${ms(loadout.p99)} | ${ms(baseline.p99)} | ${ratio(loadout.p99, baseline.p99)} |`,
      `| ${n} | executions per change | ${loadout.executionsPerChange.toFixed(1)} | 0 | — |`,
      `| ${n} | server CPU per change (ms) | ${ms(loadout.cpuPerChangeMs)} | ${ms(baseline.cpuPerChangeMs)} | ${ratio(loadout.cpuPerChangeMs, baseline.cpuPerChangeMs)} |`,
      `| ${n} | event-loop delay p99 / max (ms) | ${ms(loadout.loopP99)} / ${ms(loadout.loopMax)} | ${ms(baseline.loopP99)} / ${ms(baseline.loopMax)} | ${ratio(loadout.loopP99, baseline.loopP99)} |`,
      `| ${n} | memory per idle connection (KiB) | ${(loadoutBytes / 1024).toFixed(1)} | ${(rawBytes / 1024).toFixed(1)} | ${ratio(loadoutBytes, rawBytes)} |`,
      `| ${n} | deliveries missing | ${loadout.missing} of ${loadout.changes * n} | ${baseline.missing} of ${baseline.changes * n} | — |`,
    );
  }
  lines.push('');
  const goal = (n, limit) => {
    const round = rounds.find((r) => r.n === n);
    return round ? `${ratio(round.loadout.p99, round.baseline.p99)} at ${n} (goal ≤ ${limit}×)` : null;
  };
  const goals = [goal(1000, 1.5), goal(5000, 2)].filter(Boolean);
  if (goals.length) lines.push(`p99 vs the raw broadcast: ${goals.join('; ')}. Memory per connection goal: ≤ 2× the raw server.`, '');
  if (storm) lines.push(`Reconnect storm: ${storm.n} clients dropped at once and reconnected together; all ${2 * storm.n} subscriptions live again after ${storm.seconds.toFixed(2)} s (goal: within 10 s).`, '');
  lines.push(`Payload of one change: ${rounds[0]?.payloadBytes ?? '?'} bytes.`, '');
  return { lines, rounds, storm };
}
