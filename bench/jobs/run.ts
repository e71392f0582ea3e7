/**
 * Event-loop benchmark of background jobs: does a CPU-heavy job (30 s of computation, as a
 * scheduler run is) slow down the requests the same server answers meanwhile?
 *
 *   node --import tsx bench/jobs/run.ts [--seconds 10] [--rounds 3] [--rate 50] [--connections 10] [--spin 30000] [--inline 10000]
 *
 * Starts bench/jobs/server.ts (the app and its job runner, read cache off so every answer is
 * computed from SQLite) and loads `GET /api/agreements?limit=20` at a fixed rate (autocannon,
 * in this process) in slices: idle, then inside a fresh `--spin` ms job in a worker thread, for
 * `--rounds` rounds, then idle; and, for contrast, while a `--inline` ms job blocks the main
 * thread. Each job slice is compared with the idle slices beside it. Each phase
 * reports request latency (p50, p99, max) and the server's event-loop delay. A fixed rate, not
 * maximum throughput: on two cores the worker thread takes one, and the question is whether a
 * request waits, not how many the remaining core can push.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDb } from '../../src/db/connection.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { enqueue, getJob } from '../../src/platform/jobs/queue.ts';
import { spinJob } from './spin-job.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '50' },
    connections: { type: 'string', default: '10' },
    spin: { type: 'string', default: '30000' },
    inline: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const spinMs = Number(values.spin);
const inlineMs = Number(values.inline);
const rounds = Number(values.rounds);
if (seconds * 1000 + 3000 > spinMs)
  throw new Error('--seconds must leave the load inside the spin (seconds*1000 + 3 s < --spin)');
const ROOT = new URL('../../', import.meta.url).pathname;
const PATH = '/api/agreements?limit=20';

const dir = mkdtempSync(join(tmpdir(), 'kizuna-bench-jobs-'));
const DATABASE_URL = `file:${join(dir, 'bench.sqlite')}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/jobs/server.ts'], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL, KIZUNA_CACHE: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port: number = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
});
const base = `http://127.0.0.1:${port}`;
const db = openDb(DATABASE_URL);

const load = (duration: number) =>
  autocannon({
    url: `${base}${PATH}`,
    connections: Number(values.connections),
    overallRate: Number(values.rate),
    duration,
  });
const eld = async () =>
  (await (await fetch(`${base}/bench/eld`)).json()) as { p50: number; p99: number; max: number };

interface Row {
  phase: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  eldP99: number;
  eldMax: number;
  load: string;
}
const rows: Row[] = [];
async function phase(name: string, duration: number) {
  await eld(); // reset
  const r = await load(duration);
  const e = await eld();
  const row: Row = {
    phase: name,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    failed: r.non2xx + r.errors + r.timeouts,
    eldP99: e.p99,
    eldMax: e.max,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!,
  };
  rows.push(row);
  process.stderr.write(`${JSON.stringify(row)}\n`);
}

async function untilStatus(id: string, wanted: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(db.db, id);
    if (job && wanted.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job?.status}, not ${wanted.join('/')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

try {
  await load(3); // warm-up: JIT, SQLite page cache
  // Rounds of an idle slice then a slice inside a fresh job, and a last idle slice: the machine's
  // other work comes and goes, so each job slice is compared with the idle slices beside it.
  await phase('idle', seconds);
  for (let round = 1; round <= rounds; round++) {
    const worker = await enqueue(db.db, systemClock, spinJob, { ms: spinMs, inline: false });
    await untilStatus(worker.id, ['running'], 10_000);
    await new Promise((r) => setTimeout(r, 1000)); // the thread is up and spinning
    await phase(`during a ${spinMs / 1000} s job in a worker thread (${round})`, seconds);
    const during = await getJob(db.db, worker.id);
    if (during?.status !== 'running') throw new Error('the job ended before the load did: raise --spin');
    const done = await untilStatus(worker.id, ['done', 'failed'], spinMs + 30_000);
    process.stderr.write(
      `worker job: ${done.status}, ${JSON.stringify(done.result)}, progress ${done.progress}\n`,
    );
    await phase('idle', seconds);
  }

  // Contrast: the same kind of work on the main thread. The load starts first (the event loop
  // is about to be blocked, so nothing could be asked of the server once it is).
  const contrast = Math.max(3, Math.ceil(inlineMs / 1000) + 2);
  await eld();
  const measured = load(contrast);
  await new Promise((r) => setTimeout(r, 1000));
  const inline = await enqueue(db.db, systemClock, spinJob, { ms: inlineMs, inline: true });
  const r = await measured;
  await untilStatus(inline.id, ['done', 'failed'], inlineMs + 30_000);
  const e = await eld();
  rows.push({
    phase: `a ${inlineMs / 1000} s job on the main thread starts 1 s into ${contrast} s (contrast)`,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    failed: r.non2xx + r.errors + r.timeouts,
    eldP99: e.p99,
    eldMax: e.max,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!,
  });
  process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);

  const ratio = (a: number, b: number) => a / b;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pairs = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.phase.includes('worker thread'))
    .map(({ r, i }) => {
      const [before, after] = [rows[i - 1]!, rows[i + 1]!];
      return {
        p50: ratio(r.p50, (before.p50 + after.p50) / 2),
        p99: ratio(r.p99, (before.p99 + after.p99) / 2),
      };
    });
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${PATH} at ${values.rate} req/s, ${values.connections} connections, ${seconds} s per slice, ${rounds} rounds\n`,
  );
  console.log(
    '| phase | requests | p50 ms | p99 ms | max ms | failed | event-loop delay p99 / max ms | load |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.phase} | ${r.requests} | ${r.p50} | ${r.p99} | ${r.max} | ${r.failed} | ${r.eldP99} / ${r.eldMax} | ${r.load} |`,
    );
  console.log(
    `\nduring a worker job / the idle slices beside it, median of ${pairs.length} rounds: p50 ${median(pairs.map((p) => p.p50)).toFixed(2)}, p99 ${median(pairs.map((p) => p.p99)).toFixed(2)} (rounds: ${pairs.map((p) => `${p.p50.toFixed(2)}/${p.p99.toFixed(2)}`).join(', ')})`,
  );
} finally {
  await db.close();
  child.kill('SIGTERM');
}
