import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { createApp } from '../app.ts';
import type { CacheLimits } from './cache.ts';

const TOKEN = 'metrics-token-for-the-cache-test';
const pad = (n: number) => 'p'.repeat(n);

/** A full garbage collection, then the bytes the heap holds. */
const heapAfterGc = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
})();

describe.each(ENGINES)('the read cache under an anonymous flood on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  /** The app with the given cache limits, read from an anonymous client; its cache as /metrics reports it. */
  const appWith = (limits: CacheLimits = {}) => {
    const app = createApp(
      { db: t.db, logger: pino({ level: 'silent' }), trustProxy: false },
      { cache: limits, metricsToken: TOKEN },
    );
    const get = (path: string) => app.request(`${ORIGIN}${path}`);
    const cache = async () => {
      const text = await (
        await app.request(`${ORIGIN}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text();
      const read = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
      return { entries: read('kizuna_read_cache_entries'), bytes: read('kizuna_read_cache_bytes') };
    };
    return { get, cache };
  };

  it('keys on the validated query: unknown parameters, their order and repeats make no new entry', async () => {
    const { get, cache } = appWith();
    for (let i = 0; i < 200; i++) {
      const res = await get(`/api/agreements?limit=2&q=ha&pad${i}=${pad(15_000)}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(await cache()).toMatchObject({ entries: 1 });
    const again = await get('/api/agreements?q=ha&limit=2&utm_source=x');
    expect(again.headers.get('x-cache')).toBe('hit');
    // A query the route refuses is answered 400 and never kept.
    expect((await get('/api/agreements?limit=0')).status).toBe(400);
    expect(await cache()).toMatchObject({ entries: 1 });
  });

  it('caps the entries and counts keys, heads and bodies against the byte limit', async () => {
    const { get, cache } = appWith({ maxEntries: 40 });
    for (let i = 0; i < 120; i++) await (await get(`/api/localities?q=w${i}`)).arrayBuffer();
    const full = await cache();
    expect(full.entries).toBe(40);
    // Every entry holds at least its key, three heads (about 1 KB of security headers) and a body.
    expect(full.bytes).toBeGreaterThan(40 * 2048);

    const small = appWith({ maxBytes: 64 * 1024 });
    for (let i = 0; i < 120; i++) await (await small.get(`/api/localities?q=w${i}`)).arrayBuffer();
    const bounded = await small.cache();
    expect(bounded.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(bounded.entries).toBeGreaterThan(0);
    expect(bounded.entries).toBeLessThan(64);
  });

  it('keeps the heap bounded while a stranger sends 1,000 padded GETs', async () => {
    const { get } = appWith();
    await (await get('/api/localities/JP-14')).arrayBuffer();
    const before = heapAfterGc();
    for (let i = 0; i < 1000; i++)
      await (await get(`/api/localities/JP-14?x${i}=${pad(20_000)}`)).arrayBuffer();
    const grown = heapAfterGc() - before;
    // Keyed on the raw URL, the heap grew by about 9 MB here (and without bound with more
    // requests); keyed on the validated query, by about 0.3 MB.
    expect(grown).toBeLessThan(3 * 1024 * 1024);
  }, 60_000);
});
