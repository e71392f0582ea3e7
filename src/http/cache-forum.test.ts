import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { buildForum, type Json, post } from '../../test/support/forums.ts';
import { createApp } from '../app.ts';
import { openDb } from '../db/connection.ts';

/**
 * The public reads of a forum (the forum, its programme, programme.ics, schedule.json) go through
 * the read cache, keyed on the forum's scope: a release, or any change to that forum, replaces
 * them on every server of one database; a draft is never served, and a signed-in caller's answer
 * (with what that caller may do) is neither served from the cache nor stored in it.
 */
describe.each(ENGINES)('the read cache of a forum on %s', (engine) => {
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

  const at = (day: string, time: string) => `2027-05-${day}T${time}:00+07:00`;
  const state = async (res: Response | Promise<Response>) => {
    const r = await res;
    return `${r.status} ${r.headers.get('x-cache')}`;
  };
  const reads = (id: string) => [
    `/api/forums/${id}`,
    `/api/forums/${id}/programme`,
    `/api/forums/${id}/programme.ics?lang=ja`,
    `/api/forums/${id}/schedule.json?lang=vi`,
  ];

  /** A forum with one session, published as release 1 while still a draft. */
  async function draftWithRelease() {
    const f = await buildForum(t);
    const base = `/api/forums/${f.id}`;
    const room = (await post(t, `${base}/rooms`, f.organiser, { name: { vi: 'Phòng A', ja: 'A会場' } })).body;
    const session = (
      await post(t, `${base}/sessions`, f.organiser, {
        slug: 'a',
        kind: 'thematic',
        title: { vi: 'Nông nghiệp', ja: '農業' },
        roomId: room.id,
        start: at('10', '09:00'),
        end: at('10', '10:00'),
      })
    ).body;
    expect((await post(t, `${base}/releases`, f.organiser, {})).res.status).toBe(201);
    return { ...f, base, session };
  }

  it('serves the four public reads of a published forum from the cache, until the forum changes', async () => {
    for (const path of reads('vjlcf-2025')) {
      expect(await state(t.req(path)), path).toBe('200 miss');
      expect(await state(t.req(path)), path).toBe('200 hit');
    }
    const ics = await t.req('/api/forums/vjlcf-2025/programme.ics?lang=ja');
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.headers.get('content-disposition')).toContain('vjlcf-2025-ja.ics');
    // The query as the route validates it is the key: an unknown parameter is the same entry.
    expect(await state(t.req('/api/forums/vjlcf-2025/schedule.json?lang=vi&pad=x'))).toBe('200 hit');
    // Another forum's change leaves these entries in place.
    await draftWithRelease();
    for (const path of reads('vjlcf-2025')) expect(await state(t.req(path)), path).toBe('200 hit');
  });

  it('never serves a draft, nor stores what a signed-in organiser is answered', async () => {
    const f = await draftWithRelease();
    for (const path of reads(f.id)) {
      // A visitor: the draft forum is not there, and a 404 is not kept.
      expect(await state(t.req(path)), path).toBe('404 null');
      // Its organiser reads it, computed each time and never stored ...
      expect(await state(t.req(path, { headers: f.organiser })), path).toBe('200 null');
      expect(await state(t.req(path, { headers: f.organiser })), path).toBe('200 null');
      // ... so a visitor still gets the 404.
      expect(await state(t.req(path)), path).toBe('404 null');
    }
    const organiserView = (await (
      await t.req(`/api/forums/${f.id}`, { headers: f.organiser })
    ).json()) as Json;
    expect(organiserView.actions).toContain('update');

    // Opened, the forum is public: the visitor's answer is cached and carries no organiser's actions.
    const opened = await t.req(f.base, {
      method: 'PATCH',
      headers: { ...f.organiser, 'if-match': '"1"' },
      body: { state: 'open' },
    });
    expect(opened.status).toBe(200);
    expect(await state(t.req(f.base))).toBe('200 miss');
    const visitor = await t.req(f.base);
    expect(visitor.headers.get('x-cache')).toBe('hit');
    expect(((await visitor.json()) as Json).actions ?? []).toEqual([]);

    // The organiser edits the draft: the entries are replaced, and still show release 1, not the edit.
    expect(await state(t.req(`${f.base}/programme`))).toBe('200 miss');
    const moved = await post(
      t,
      `${f.base}/sessions/${f.session.id}`,
      { ...f.organiser, 'if-match': '"1"' },
      { title: { vi: 'Bản nháp', ja: '下書き' } },
      'PATCH',
    );
    expect(moved.res.status).toBe(200);
    const afterEdit = await t.req(`${f.base}/programme`);
    expect(afterEdit.headers.get('x-cache')).toBe('miss');
    const programme = (await afterEdit.json()) as { release: { number: number }; sessions: Json[] };
    expect(programme.release.number).toBe(1);
    expect(programme.sessions[0]!.title).toMatchObject({ vi: 'Nông nghiệp' });
    expect(await state(t.req(`${f.base}/programme`))).toBe('200 hit');
  });

  it('drops the entries on a release, on every server of the database', async () => {
    const f = await draftWithRelease();
    await t.req(f.base, {
      method: 'PATCH',
      headers: { ...f.organiser, 'if-match': '"1"' },
      body: { state: 'open' },
    });
    for (const path of reads(f.id)) {
      expect(await state(other.req(path)), path).toBe('200 miss');
      expect(await state(other.req(path)), path).toBe('200 hit');
    }
    // An account changes on the first server: the second keeps its entries.
    await t.signIn('editor');
    for (const path of reads(f.id)) expect(await state(other.req(path)), path).toBe('200 hit');
    // Release 2 is published on the first server: the second computes every answer again.
    const patched = await post(
      t,
      `${f.base}/sessions/${f.session.id}`,
      { ...f.organiser, 'if-match': '"1"' },
      { start: at('10', '14:00'), end: at('10', '15:00') },
      'PATCH',
    );
    expect(patched.res.status).toBe(200);
    expect((await post(t, `${f.base}/releases`, f.organiser, {})).body).toMatchObject({ number: 2 });
    for (const path of reads(f.id)) expect(await state(other.req(path)), path).toBe('200 miss');
    const forum = (await (await other.req(f.base)).json()) as Json;
    expect(forum.release).toBe(2);
    const programme = (await (await other.req(`${f.base}/programme`)).json()) as { sessions: Json[] };
    expect(programme.sessions[0]!.start).toBe(new Date(at('10', '14:00')).toISOString());
    const ics = await (await other.req(`${f.base}/programme.ics?lang=ja`)).text();
    expect(ics).toContain('SEQUENCE:1');
  });

  it('keys an id written with escapes on the same scope: a release replaces it too', async () => {
    const f = await draftWithRelease();
    await t.req(f.base, {
      method: 'PATCH',
      headers: { ...f.organiser, 'if-match': '"1"' },
      body: { state: 'open' },
    });
    const escaped = `/api/forums/${f.id.replaceAll('-', '%2D')}/programme`;
    expect(escaped).toContain('%2D');
    expect(await state(t.req(escaped))).toBe('200 miss');
    expect(await state(t.req(escaped))).toBe('200 hit');
    expect((await post(t, `${f.base}/releases`, f.organiser, {})).body).toMatchObject({ number: 2 });
    const res = await t.req(escaped);
    expect(res.headers.get('x-cache')).toBe('miss');
    expect(((await res.json()) as { release: { number: number } }).release.number).toBe(2);
  });
});
