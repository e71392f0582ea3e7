/**
 * Speed of the matcher on generated profiles (bench/matching/generate.ts):
 * - one profile against 100,000: latency of `recommend` (top 5, with reasons), p50/p95/max;
 * - all-pairs top 5 for 10,000 profiles: `matchAll`;
 * with index build times and memory.
 *
 *   node --expose-gc --import tsx bench/matching/speed.ts [--big 100000] [--all 10000] [--queries 300]
 */
import { loadavg } from 'node:os';
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

console.log(
  `node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
oneAgainstMany(arg('--big', 100_000), arg('--queries', 300));
gc();
allPairs(arg('--all', 10_000));
