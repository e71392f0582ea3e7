/**
 * Speed of the matcher on generated profiles (bench/matching/generate.ts):
 * - one profile against 100,000: latency of `recommend` (top 5, with reasons), p50/p95/max;
 * - all-pairs top 5 for 10,000 profiles: `matchAll`;
 * with index build times and memory.
 *
 *   node --expose-gc --import tsx bench/matching/speed.ts [--big 100000] [--all 10000] [--queries 300]
 *
 * The all-pairs run is also made with the machine's two cores (`--workers 2`, the default):
 * each worker builds its own index and recommends for half of the profiles, which is exactly
 * what matchAll computes, split in two.
 */

import { loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildIndex, matchAll, recommend } from '../../src/domain/matching/index.ts';
import { generateProfiles, prng } from './generate.ts';

const arg = (flag: string, fallback: number): number => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

const oneAgainstMany = (n: number, queries: number): void => {
  const profiles = generateProfiles(n, 1);
  gc();
  const before = process.memoryUsage();
  const [index, buildMs] = timed(() => buildIndex(profiles));
  gc();
  const after = process.memoryUsage();
  console.log(`one against ${n}: index built in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(
    `  memory: heap +${mib(after.heapUsed - before.heapUsed)} for the index, rss ${mib(after.rss)}`,
  );
  const rnd = prng(7);
  for (let i = 0; i < 20; i++) recommend(index, profiles[i].id); // warm-up: JIT
  const lat: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let q = 0; q < queries; q++) {
    const id = profiles[Math.floor(rnd() * n)].id;
    lat.push(timed(() => recommend(index, id, { top: 5 }))[1]);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / queries;
  lat.sort((a, b) => a - b);
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `  recommend top 5 (${queries} queries): p50 ${f(percentile(lat, 50))}, p95 ${f(percentile(lat, 95))}, max ${f(lat.at(-1) ?? 0)}  (target p95 < 50 ms)`,
  );
  console.log(`  mean CPU time per query ${f(cpuMs)} (wall-clock above includes waiting for a busy CPU)`);
};

const allPairs = (n: number): void => {
  const profiles = generateProfiles(n, 2);
  const cpu0 = process.cpuUsage();
  const [index, buildMs] = timed(() => buildIndex(profiles));
  const [doc, ms] = timed(() => matchAll(index, { top: 5 }));
  const cpu = process.cpuUsage(cpu0);
  const found = doc.matches.reduce((s, m) => s + m.partners.length, 0);
  console.log(
    `all pairs, ${n} profiles: index ${(buildMs / 1000).toFixed(1)} s, matchAll top 5 ${(ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `  total ${((buildMs + ms) / 1000).toFixed(1)} s (target < 10 s), CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ${found} recommendations, rss ${mib(process.memoryUsage().rss)}`,
  );
};

/** One worker's share of the all-pairs run: profiles [from, to) of the generated set. */
const allPairsShare = ({ n, from, to }: { n: number; from: number; to: number }): number => {
  const profiles = generateProfiles(n, 2);
  const index = buildIndex(profiles);
  let found = 0;
  for (let p = from; p < to; p++) found += recommend(index, profiles[p].id, { top: 5 }).length;
  return found;
};

const runShare = (share: { n: number; from: number; to: number }): Promise<number> =>
  new Promise((resolve, reject) => {
    // A worker does not inherit the TypeScript loader: its first step registers it (as
    // bin/kizuna.js does), then loads this file.
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: share });
    worker.once('message', resolve);
    worker.once('error', reject);
  });

const allPairsParallel = async (n: number, workers: number): Promise<void> => {
  const t0 = performance.now();
  const shares = Array.from({ length: workers }, (_, w) => ({
    n,
    from: Math.floor((w * n) / workers),
    to: Math.floor(((w + 1) * n) / workers),
  }));
  const found = (await Promise.all(shares.map(runShare))).reduce((a, b) => a + b, 0);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`all pairs, ${n} profiles, ${workers} worker threads, each building its own index:`);
  console.log(`  ${s} s wall (target < 10 s), ${found} recommendations`);
};

if (isMainThread) {
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`node ${process.version}, ${new Date().toISOString()}, load average ${load.join(' ')}`);
  oneAgainstMany(arg('--big', 100_000), arg('--queries', 300));
  gc();
  allPairs(arg('--all', 10_000));
  await allPairsParallel(arg('--all', 10_000), arg('--workers', 2));
} else {
  parentPort?.postMessage(allPairsShare(workerData));
}
