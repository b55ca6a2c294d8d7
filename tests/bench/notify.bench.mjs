// NOTIFY against an in-process publish, at a steady write rate.
//
// Every write is one journal transaction through the server's own write path. Two clocks stop for it
// in the same process: the in-process publish (JournalService.onCommitted, called right after COMMIT —
// what a single instance could do without PostgreSQL in between) and the live bus (NOTIFY, carrying the
// journal row → the LISTEN connection → the bus, which delivers a row that follows the last one it
// delivered without reading the journal → its subscribers). The difference is what LISTEN/NOTIFY adds
// so that several instances see every change. Goal: ≤ 1 ms at p99. The bus's journal reads during the
// run are reported too (none expected: every row here fits in its payload).
import { percentile } from './support.mjs';

const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_NOTIFY_SECONDS ?? 20);

/** @param {import('@loadout/server').RunningServer} server */
export async function benchNotify(server) {
  const writes = RATE * SECONDS;
  const published = new Map();
  const delivered = new Map();
  const startedAt = new Map();
  const objectOf = new Map();
  const stopPublished = server.journal.onCommitted((seq) => published.set(seq, performance.now()));
  let waiting;
  const unsubscribe = server.bus.subscribe((entry) => {
    if (entry.action !== 'bench.notify') return;
    delivered.set(entry.seq, performance.now());
    objectOf.set(entry.seq, entry.objectId);
    if (delivered.size === writes) waiting?.();
  });
  const allDelivered = new Promise((resolve) => (waiting = resolve));
  const readsBefore = server.bus.journalReads;
  try {
    const started = performance.now();
    const inFlight = [];
    for (let i = 0; i < writes; i++) {
      // A steady rate: write i starts at i / RATE seconds, whether or not the previous one finished.
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      startedAt.set(`notify-${i}`, performance.now());
      inFlight.push(
        server.journal.record(async () => ({
          result: undefined,
          journal: [{ actorLabel: 'bench', action: 'bench.notify', objectType: 'Bench', objectId: `notify-${i}`, summary: 'NOTIFY benchmark write' }],
        })),
      );
    }
    await Promise.all(inFlight);
    const achievedRate = writes / ((performance.now() - started) / 1000);
    await Promise.race([allDelivered, new Promise((_, reject) => setTimeout(() => reject(new Error('the bus did not deliver every write within 30 s')), 30_000))]);

    const inProcess = [];
    const viaNotify = [];
    const added = [];
    for (const [seq, at] of delivered) {
      const publishedAt = published.get(seq);
      if (publishedAt === undefined) throw new Error(`seq ${seq} was delivered but never published in-process`);
      const t0 = startedAt.get(objectOf.get(seq));
      inProcess.push(publishedAt - t0);
      viaNotify.push(at - t0);
      added.push(at - publishedAt);
    }
    const reads = server.bus.journalReads - readsBefore;
    const p50 = percentile(added, 50);
    const p99 = percentile(added, 99);
    const row = (name, p) => {
      const value = percentile(viaNotify, p);
      const base = percentile(inProcess, p);
      return `| ${name} | ${value.toFixed(2)} | ${base.toFixed(2)} | ${(value / base).toFixed(2)}× | ${percentile(added, p).toFixed(2)} |`;
    };
    const lines = [
      '## NOTIFY vs in-process publish',
      '',
      `${writes} journal writes at ${RATE}/s (achieved ${achievedRate.toFixed(0)}/s), each through the server's write path. Baseline: the in-process publish right after COMMIT ` +
        '(`JournalService.onCommitted`), timed for the same write in the same process; the figure is what NOTIFY (carrying the row) → LISTEN → the bus adds to it. ' +
        `The bus read the journal ${reads} time(s) during the run (a row that follows the last one delivered needs no read). Goal: ≤ 1 ms at p99.`,
      '',
      '| write start → delivery | via NOTIFY + bus (ms) | in-process publish (ms) | ratio | added (ms) |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('p50', 50),
      row('p99', 99),
      `| max | ${Math.max(...viaNotify).toFixed(2)} | ${Math.max(...inProcess).toFixed(2)} | — | ${Math.max(...added).toFixed(2)} |`,
      '',
      `Goal ≤ 1 ms at p99: ${p99 <= 1 ? 'met' : '**not met**'} in this run.`,
      '',
    ];
    return { lines, p50, p99 };
  } finally {
    stopPublished();
    unsubscribe();
  }
}
