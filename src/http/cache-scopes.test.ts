import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { createApp } from '../app.ts';
import { openDb } from '../db/connection.ts';
import { type Scope, scopeVersion } from '../features/audit/service.ts';
import { publishRelease } from '../features/forums/service.ts';
import { matchesFor } from '../features/profiles/service.ts';

/**
 * The read cache is invalidated per scope: a change to accounts or to a forum leaves the atlas's
 * cached answers in place, a change to the atlas replaces them, on every server of one database;
 * and nothing is cached for, or served to, a signed-in caller.
 */
describe.each(ENGINES)('the read cache per scope on %s', (engine) => {
  let t: TestApp;
  /** A second server on the same database: its own cache, its own connection. */
  let other: { req: (path: string) => Promise<Response>; close: () => Promise<void> };

  beforeAll(async () => {
    t = await testApp(engine);
    const db = openDb(t.db.url, t.db.schema ? { searchPath: t.db.schema, poolSize: 2 } : {});
    const app = createApp({ db, logger: pino({ level: 'silent' }), trustProxy: false });
    other = { req: async (path) => app.request(`${ORIGIN}${path}`), close: () => db.close() };
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const cacheState = async (res: Response | Promise<Response>) => {
    const r = await res;
    expect(r.status).toBe(200);
    return r.headers.get('x-cache');
  };
  const versions = async (...scopes: Scope[]) => Promise.all(scopes.map((s) => scopeVersion(t.db.db, s)));
  const newAgreement = (headers: Record<string, string>, partner: string) =>
    t.req('/api/agreements', {
      method: 'POST',
      headers,
      body: {
        kind: 'mou',
        fields: ['culture'],
        signedOn: '2026-11',
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: partner },
        ],
      },
    });

  it('keeps an atlas entry through a sign-in, a new token and a forum release; drops it on an agreement', async () => {
    const admin = await t.signIn('admin');
    const path = '/api/localities/JP-26';
    expect(await cacheState(t.req(path))).toBe('miss');
    expect(await cacheState(t.req(path))).toBe('hit');
    const before = await versions('atlas', 'accounts', 'forum:vjlcf-2025');

    // A new account signs in and changes its password; the admin makes a token.
    await t.signIn('editor', ['JP-26']);
    const token = await t.req('/api/tokens', {
      method: 'POST',
      headers: admin.headers,
      body: { name: 'ci' },
    });
    expect(token.status).toBe(201);
    expect(await cacheState(t.req(path))).toBe('hit');
    // The forum's organisers publish a new release of its programme.
    await publishRelease(t.db.db, { forumId: 'vjlcf-2025', publishedAt: '2026-12-01T00:00:00Z', user: null });
    expect(await cacheState(t.req(path))).toBe('hit');

    const [atlas, accounts, forum] = await versions('atlas', 'accounts', 'forum:vjlcf-2025');
    // Those writes did record themselves, in their own scopes.
    expect(accounts).toBeGreaterThan(before[1]);
    expect(forum).toBe(before[2] + 1);
    expect(atlas).toBe(before[0]);

    const cached = await (await t.req(path)).json();
    expect((await newAgreement(admin.headers, 'JP-26')).status).toBe(201);
    expect((await versions('atlas'))[0]).toBe(atlas + 1);
    const fresh = await t.req(path);
    expect(await cacheState(fresh)).toBe('miss');
    expect((await fresh.json()).agreementsTotal).toBe(cached.agreementsTotal + 1);
  });

  it('works across two servers on one database', async () => {
    const admin = await t.signIn('admin');
    const path = '/api/agreements?locality=JP-27&limit=5';
    expect(await cacheState(other.req(path))).toBe('miss');
    expect(await cacheState(other.req(path))).toBe('hit');
    // Accounts change on the first server: the second keeps its entry.
    const token = await t.req('/api/tokens', { method: 'POST', headers: admin.headers, body: { name: 'x' } });
    expect(token.status).toBe(201);
    expect(await cacheState(other.req(path))).toBe('hit');
    // An agreement made on the first server: the second computes the answer again.
    const total = (await (await other.req(path)).json()).total;
    expect((await newAgreement(admin.headers, 'JP-27')).status).toBe(201);
    const res = await other.req(path);
    expect(await cacheState(res)).toBe('miss');
    expect((await res.json()).total).toBe(total + 1);
  });

  it('neither serves nor stores an answer for a signed-in caller', async () => {
    const editor = await t.signIn('editor', ['JP-40']);
    const path = '/api/organizations?locality=JP-40&limit=3';
    // Signed in: computed each time, never stored.
    for (let i = 0; i < 2; i++) {
      const res = await t.req(path, { headers: editor.headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBeNull();
    }
    // So the first visitor computes it, and the next one is served from the cache ...
    expect(await cacheState(t.req(path))).toBe('miss');
    expect(await cacheState(t.req(path))).toBe('hit');
    // ... while the signed-in caller still is not.
    const again = await t.req(path, { headers: editor.headers });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache')).toBeNull();
  });

  it("rebuilds the matcher's index on a change to the atlas only", async () => {
    const admin = await t.signIn('admin');
    const ask = () => matchesFor(t.db.db, { for: 'JP-26', top: 5, includePartners: 'false' });
    // The same index answers with the same profile objects; a rebuilt one makes new ones.
    const first = (await ask()).profile;
    expect((await ask()).profile).toBe(first);
    await t.signIn('editor', ['JP-26']);
    await publishRelease(t.db.db, { forumId: 'vjlcf-2025', publishedAt: '2026-12-02T00:00:00Z', user: null });
    expect((await ask()).profile).toBe(first);
    expect((await newAgreement(admin.headers, 'JP-26')).status).toBe(201);
    const rebuilt = (await ask()).profile;
    expect(rebuilt).not.toBe(first);
    expect(rebuilt).toEqual(first);
  });
});
