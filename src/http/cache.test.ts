import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { pickEncoding } from './cache.ts';
import { SECURITY_HEADERS } from './security.ts';

describe('pickEncoding', () => {
  it('follows Accept-Encoding: brotli first, gzip next, q=0 refuses, * stands for the rest', () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('')).toBeNull();
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('GZIP;Q=1')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0')).toBeNull();
    expect(pickEncoding('br;q=0, gzip;q=0, *')).toBeNull();
    expect(pickEncoding('deflate, x-gzip')).toBe('gzip');
    expect(pickEncoding('br;q=junk, gzip')).toBe('gzip');
  });
});

describe.each(ENGINES)('the read cache on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  const get = async (path: string, acceptEncoding?: string) => {
    const res = await t.req(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});
    expect(res.status, path).toBe(200);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('sends each answer compressed as the client accepts, the same JSON in every encoding', async () => {
    const path = '/api/agreements?limit=50';
    const plain = await get(path);
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.bytes.byteLength).toBeGreaterThan(1024);
    expect(JSON.parse(plain.bytes.toString('utf8')).items.length).toBeGreaterThan(0);
    for (const [i, [accept, encoding, decode]] of (
      [
        ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
        ['gzip, deflate', 'gzip', gunzipSync],
        ['br;q=0, gzip', 'gzip', gunzipSync],
      ] as const
    ).entries()) {
      // The first answer (computed) and the next ones (from the cache) are the same bytes.
      const fresh = `${path}&yearFrom=${2001 + i}`;
      for (const [p, state] of [
        [fresh, 'miss'],
        [path, 'hit'],
      ]) {
        const { res, bytes } = await get(p, accept);
        expect(res.headers.get('x-cache')).toBe(state);
        expect(res.headers.get('content-encoding'), accept).toBe(encoding);
        expect(res.headers.get('vary')).toBe('Accept-Encoding');
        expect(res.headers.get('content-type')).toBe('application/json');
        expect(Number(res.headers.get('content-length') ?? bytes.byteLength)).toBe(bytes.byteLength);
        const decoded = JSON.parse(decode(bytes).toString('utf8'));
        const plainAnswer = JSON.parse((await get(p)).bytes.toString('utf8'));
        expect(decoded).toEqual(plainAnswer);
        expect(bytes.byteLength).toBeLessThan(JSON.stringify(plainAnswer).length / 3);
      }
    }
    const identity = await get(path, 'identity');
    expect(identity.res.headers.get('content-encoding')).toBeNull();
    expect(identity.bytes.equals(plain.bytes)).toBe(true);
  });

  it('answers a hit with the headers of the first answer, security headers included', async () => {
    const first = await get('/api/localities/VN-DA-NANG', 'gzip');
    const hit = await get('/api/localities/VN-DA-NANG', 'gzip');
    expect(first.res.headers.get('x-cache')).toBe('miss');
    expect(hit.res.headers.get('x-cache')).toBe('hit');
    const head = (res: Response) =>
      Object.fromEntries(
        [...res.headers].filter(([name]) => name !== 'x-cache' && name !== 'content-length'),
      );
    expect(head(hit.res)).toEqual(head(first.res));
    expect(hit.res.headers.get('etag')).toMatch(/^"\d+"$/);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(hit.res.headers.get(name), name).toBe(value);
      expect(first.res.headers.get(name), name).toBe(value);
    }
    expect(hit.bytes.equals(first.bytes)).toBe(true);
  });

  it('leaves small answers uncompressed', async () => {
    const { res } = await get('/api/localities?limit=1', 'gzip, br');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('computes the answer again after any write, in every encoding', async () => {
    const path = '/api/organizations?limit=200';
    const first = await get(path, 'br');
    expect(first.res.headers.get('content-encoding')).toBe('br');
    const before = JSON.parse(brotliDecompressSync(first.bytes).toString('utf8'));
    await get(path, 'br');
    const { headers } = await t.signIn('admin');
    const created = await t.req('/api/organizations', {
      method: 'POST',
      headers,
      body: { kind: 'company', name: { en: 'Cache Test Co.' }, localityCode: 'VN-HANOI' },
    });
    expect(created.status).toBe(201);
    const after = await get(path, 'br');
    expect(after.res.headers.get('x-cache')).toBe('miss');
    const json = JSON.parse(brotliDecompressSync(after.bytes).toString('utf8'));
    expect(json.total).toBe(before.total + 1);
    const plain = JSON.parse((await get(path)).bytes.toString('utf8'));
    expect(plain).toEqual(json);
  });

  it('counts a cache hit under the pattern of its route in /metrics', async () => {
    // /metrics is for admins; counts run from process start: compare before and after.
    const admin = await t.signIn('admin');
    const counter = async (route: string) => {
      const metrics = await (await t.req('/metrics', { headers: admin.headers })).text();
      const line = metrics
        .split('\n')
        .find((l) => l.startsWith(`kizuna_http_requests_total{method="GET",route="${route}",status="200"} `));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const [byPattern, catchAll] = [await counter('/api/localities/:code'), await counter('/api/*')];
    await get('/api/localities/JP-14');
    await get('/api/localities/JP-14');
    expect(await counter('/api/localities/:code')).toBe(byPattern + 2);
    expect(await counter('/api/*')).toBe(catchAll);
  });

  it('gives errors and uncached answers the security headers too', async () => {
    for (const path of ['/api/localities/JP-99', '/healthz', '/api/nothing-here']) {
      const res = await t.req(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name), path).toBe(value);
    }
  });
});
