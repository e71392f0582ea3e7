/**
 * Server CPU of a cached read, in process (no sockets, so the machine's load matters less than
 * for bench/api/run.ts): the reference data in a fresh SQLite file, four public reads asked once,
 * then 7 rounds of 5,000 hits; prints the median and the lowest CPU time per hit.
 *
 *   node --import tsx bench/api/hit-cpu.ts [ROOT]
 *
 * ROOT is a checkout of Kizuna whose `src/` to load (default: this one), to compare two versions
 * in one session (their `node_modules` must resolve from here).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';

const root = resolve(process.argv[2] ?? new URL('../../', import.meta.url).pathname);
const { createApp } = await import(`${root}/src/app.ts`);
const { openDb } = await import(`${root}/src/db/connection.ts`);
const { migrateToLatest } = await import(`${root}/src/db/migrate.ts`);
const { seedReference } = await import(`${root}/src/features/seed/service.ts`);
const db = openDb(`file:${join(mkdtempSync(join(tmpdir(), 'kizuna-hit-')), 'h.sqlite')}`);
await migrateToLatest(db);
await seedReference(db.db);
const app = createApp({ db, logger: pino({ level: 'silent' }), trustProxy: false });
const paths = [
  '/api/agreements?limit=50',
  '/api/organizations?limit=50',
  '/api/localities/JP-27',
  '/api/agreements?q=osaka',
];
const headers = { 'accept-encoding': 'gzip, deflate, br, zstd' };
for (const p of paths) await (await app.request(`http://localhost${p}`, { headers })).arrayBuffer();
const perHit: number[] = [];
for (let round = 0; round < 7; round++) {
  const start = process.cpuUsage();
  for (let i = 0; i < 5000; i++) {
    const res = await app.request(`http://localhost${paths[i % 4]}`, { headers });
    if (res.headers.get('x-cache') !== 'hit') throw new Error(`not a cache hit: ${paths[i % 4]}`);
    await res.arrayBuffer();
  }
  const used = process.cpuUsage(start);
  perHit.push((used.user + used.system) / 5000);
}
perHit.sort((a, b) => a - b);
console.log(
  `${root}: CPU per cached hit ${perHit[3].toFixed(1)} µs (median of 7 × 5,000), lowest ${perHit[0].toFixed(1)} µs`,
);
await db.close();
