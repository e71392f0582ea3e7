import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { ENGINES } from '../../../../test/support/db.ts';
import { adminHeaders, auditOf, problemPaths } from '../../../../test/support/factories.ts';
import { buildForum, type Json, post } from '../../../../test/support/forums.ts';
import { startSmtp } from '../../../../test/support/smtp.ts';

const at = (day: string, hm: string) => `2027-05-${day}T${hm}:00+07:00`;

describe.each(ENGINES)('the organiser writes a forum on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('lets only an admin create a forum, which stays a draft its organisers alone see', async () => {
    const { id, organiser } = await buildForum(t);
    const stranger = await t.signIn('editor');
    const refused = await t.req('/api/forums', {
      method: 'POST',
      headers: stranger.headers,
      body: {
        forum: {
          id: 'x-forum',
          acronym: 'xx',
          title: { en: 'X' },
          zone: 'Asia/Tokyo',
          firstDay: '2027-01-01',
          lastDay: '2027-01-01',
          languages: ['en'],
        },
      },
    });
    expect(refused.status).toBe(403);
    expect((await t.req('/api/forums', { method: 'POST', body: {} })).status).toBe(401);
    expect((await t.req(`/api/forums/${id}`)).status).toBe(404);
    expect((await t.req(`/api/forums/${id}`, { headers: stranger.headers })).status).toBe(404);
    const seen = await t.req(`/api/forums/${id}`, { headers: organiser });
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as Json).actions).toEqual(['update', 'grant', 'interpret']);
    const listed = (await (await t.req('/api/forums')).json()) as { items: Json[] };
    expect(listed.items.map((f) => f.id)).not.toContain(id);
  });

  it('names the bad fields of a forum: unknown zone, days out of order, unknown host', async () => {
    const admin = await adminHeaders(t);
    const res = await t.req('/api/forums', {
      method: 'POST',
      headers: admin,
      body: {
        forum: {
          id: 'bad-forum',
          acronym: 'bad',
          title: { en: 'Bad' },
          zone: 'Mars/Olympus',
          firstDay: '2027-01-02',
          lastDay: '2027-01-01',
          languages: ['en'],
        },
      },
    });
    expect(res.status).toBe(400);
    expect(await problemPaths(res)).toContain('forum.lastDay');
    const zone = await t.req('/api/forums', {
      method: 'POST',
      headers: admin,
      body: {
        forum: {
          id: 'bad-forum',
          acronym: 'bad',
          title: { en: 'Bad' },
          zone: 'Mars/Olympus',
          hostCode: 'VN-NOWHERE',
          firstDay: '2027-01-01',
          lastDay: '2027-01-01',
          languages: ['en'],
        },
      },
    });
    expect(zone.status).toBe(400);
    expect((await problemPaths(zone)).sort()).toEqual(['hostCode', 'zone']);
  });

  it('edits a forum with If-Match only, and refuses days that leave a session outside', async () => {
    const { id, organiser } = await buildForum(t);
    const url = `/api/forums/${id}`;
    expect((await t.req(url, { method: 'PATCH', headers: organiser, body: { capacity: 30 } })).status).toBe(
      428,
    );
    const ok = await t.req(url, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { capacity: 30, venue: { en: 'Hall' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await t.req(url, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { capacity: 31 },
    });
    expect(stale.status).toBe(412);
    const editor = await t.signIn('editor');
    expect(
      (
        await t.req(url, {
          method: 'PATCH',
          headers: { ...editor.headers, 'if-match': '"2"' },
          body: { capacity: 1 },
        })
      ).status,
    ).toBe(404);
    await post(t, `${url}/sessions`, organiser, {
      slug: 'day2',
      kind: 'thematic',
      title: { en: 'Day 2' },
      start: at('11', '09:00'),
      end: at('11', '10:00'),
    });
    const shrink = await t.req(url, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"2"' },
      body: { lastDay: '2027-05-10' },
    });
    expect(shrink.status).toBe(422);
    const problem = (await shrink.json()) as {
      code: string;
      detail: string;
      errors: Array<{ path: string }>;
    };
    expect(problem.code).toBe('programme.conflict');
    expect(problem.detail).toContain(`${id}.day2`);
    expect(problem.errors.map((e) => e.path)).toEqual(['lastDay']);
    const forum = (await (await t.req(url, { headers: organiser })).json()) as Json;
    expect(forum).toMatchObject({ lastDay: '2027-05-11', capacity: 30, version: 2 });
    expect((await t.req(url, { headers: organiser })).headers.get('etag')).toBe('"2"');
    const jump = await t.req(url, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"2"' },
      body: { state: 'held' },
    });
    expect(jump.status).toBe(409);
    expect(await problemPaths(jump)).toEqual(['state']);
    const long = await post(t, `${url}/sessions`, organiser, {
      kind: 'break',
      title: { vi: 'x'.repeat(5001) },
      start: at('10', '09:00'),
      end: at('10', '10:00'),
    });
    expect(long.res.status).toBe(400);
    expect(await problemPaths(long.res)).toEqual(['title.vi']);
    const audit = await auditOf(t, id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('keeps the programme rules: each overlap, day and reference named by its field', async () => {
    const { id, organiser } = await buildForum(t);
    const base = `/api/forums/${id}`;
    const room = (
      await post(t, `${base}/rooms`, organiser, {
        name: { en: 'Hall A' },
        capacity: 200,
        booths: ['vi>ja', 'ja>vi'],
      })
    ).body;
    const speaker = (
      await post(t, `${base}/speakers`, organiser, {
        name: { native: 'Nguyễn Văn An', latin: 'Nguyen Van An' },
      })
    ).body;
    const first = await post(t, `${base}/sessions`, organiser, {
      slug: 'opening',
      kind: 'plenary',
      title: { vi: 'Khai mạc', ja: '開会' },
      roomId: room.id,
      start: at('10', '09:00'),
      end: at('10', '10:00'),
      floorLanguage: 'vi',
      interpretation: ['vi>ja'],
      speakerIds: [speaker.id],
      themes: ['agriculture'],
    });
    expect(first.res.status).toBe(201);
    const clash = await post(t, `${base}/sessions`, organiser, {
      kind: 'thematic',
      title: { en: 'Clash' },
      roomId: room.id,
      start: at('10', '09:30'),
      end: at('10', '10:30'),
      speakerIds: [speaker.id],
    });
    expect(clash.res.status).toBe(422);
    expect(clash.body.code).toBe('programme.conflict');
    const errors = clash.body.errors as Array<{ path: string; code: string; message: string }>;
    expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'roomId:room_overlap',
      'speakerIds.0:speaker_overlap',
    ]);
    expect(errors[0]!.message).toContain(`${id}.opening`);
    // Back to back is not an overlap.
    const next = await post(t, `${base}/sessions`, organiser, {
      kind: 'break',
      title: { en: 'Tea' },
      roomId: room.id,
      start: at('10', '10:00'),
      end: at('10', '10:15'),
    });
    expect(next.res.status).toBe(201);
    const outside = await post(t, `${base}/sessions`, organiser, {
      kind: 'visit',
      title: { en: 'Visit' },
      start: at('12', '09:00'),
      end: at('12', '10:00'),
    });
    expect(outside.res.status).toBe(422);
    expect(await problemPaths(outside.res)).toEqual(['start']);
    const refs = await post(t, `${base}/sessions`, organiser, {
      kind: 'thematic',
      title: { en: 'Refs' },
      roomId: room.id,
      start: at('11', '09:00'),
      end: at('11', '10:00'),
      themes: ['no-such-sector'],
      interpretation: ['en'],
      speakerIds: ['nobody'],
    });
    expect(refs.res.status).toBe(400);
    expect((await problemPaths(refs.res)).sort()).toEqual(['interpretation.0', 'speakerIds.0', 'themes.0']);
    const reversed = await post(t, `${base}/sessions`, organiser, {
      kind: 'visit',
      title: { en: 'Back' },
      start: at('10', '12:00'),
      end: at('10', '11:00'),
    });
    expect(reversed.res.status).toBe(422);
    expect(await problemPaths(reversed.res)).toEqual(['end']);
    // Moving the session into the other's room at its time is refused the same way.
    const moved = await t.req(`${base}/sessions/${next.body.id}`, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { start: at('10', '09:45') },
    });
    expect(moved.status).toBe(422);
    expect(await problemPaths(moved)).toEqual(['roomId']);
    // A booth a session still uses cannot be taken away; a room with sessions cannot go.
    const booth = await t.req(`${base}/rooms/${room.id}`, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { booths: ['ja>vi'] },
    });
    expect(booth.status).toBe(422);
    expect(await problemPaths(booth)).toEqual(['booths']);
    expect(
      (
        await t.req(`${base}/rooms/${room.id}`, {
          method: 'DELETE',
          headers: { ...organiser, 'if-match': '"1"' },
        })
      ).status,
    ).toBe(409);
    const draft = (await (await t.req(`${base}/draft`, { headers: organiser })).json()) as {
      sessions: Json[];
      conflicts: Json[];
    };
    expect(draft.sessions.map((s) => s.id).sort()).toEqual([`${id}.opening`, next.body.id].sort());
    expect(draft.conflicts).toEqual([]);
  });

  it('refuses every programme write to those who do not organise the forum', async () => {
    const { id } = await buildForum(t);
    await t.req(`/api/forums/${id}`, {
      method: 'PATCH',
      headers: { ...(await adminHeaders(t)), 'if-match': '"1"' },
      body: { state: 'open' },
    });
    const editor = await t.signIn('editor', ['VN-HANOI']);
    for (const [path, body] of [
      ['rooms', { name: { en: 'R' } }],
      ['speakers', { name: { latin: 'X' } }],
      ['sessions', { kind: 'break', title: { en: 'X' }, start: at('10', '09:00'), end: at('10', '10:00') }],
      ['releases', {}],
    ] as const) {
      const res = await t.req(`/api/forums/${id}/${path}`, { method: 'POST', headers: editor.headers, body });
      expect(res.status, path).toBe(403);
    }
    expect((await t.req(`/api/forums/${id}/draft`, { headers: editor.headers })).status).toBe(403);
  });

  it('publishes release 1, then release 2 listing what changed, the people concerned told in their language', async () => {
    const smtp = await startSmtp();
    try {
      const { id, organiser } = await buildForum(t);
      const base = `/api/forums/${id}`;
      const room = (await post(t, `${base}/rooms`, organiser, { name: { vi: 'Phòng A', ja: 'A会場' } })).body;
      const yuki = (
        await post(t, `${base}/speakers`, organiser, {
          name: { native: '山田 由紀', latin: 'Yamada Yuki' },
          email: `yuki-${engine}@example.jp`,
          language: 'ja',
        })
      ).body;
      const lan = (
        await post(t, `${base}/speakers`, organiser, {
          name: { native: 'Trần Thị Lan' },
          email: `lan-${engine}@example.vn`,
          language: 'vi',
        })
      ).body;
      const s1 = (
        await post(t, `${base}/sessions`, organiser, {
          slug: 'a',
          kind: 'thematic',
          title: { vi: 'Nông nghiệp', ja: '農業' },
          roomId: room.id,
          start: at('10', '09:00'),
          end: at('10', '10:00'),
          speakerIds: [yuki.id],
        })
      ).body;
      await post(t, `${base}/sessions`, organiser, {
        slug: 'b',
        kind: 'thematic',
        title: { vi: 'Du lịch', ja: '観光' },
        start: at('10', '11:00'),
        end: at('10', '12:00'),
        speakerIds: [lan.id],
      });
      expect((await t.req(`${base}/programme`)).status).toBe(404);
      const r1 = await post(t, `${base}/releases`, organiser, { note: { en: 'First' } });
      expect(r1.res.status).toBe(201);
      expect(r1.body).toMatchObject({ number: 1, told: 2 });
      await post(
        t,
        `${base}/sessions/${s1.id}`,
        { ...organiser, 'if-match': '"1"' },
        { start: at('10', '14:00'), end: at('10', '15:00') },
        'PATCH',
      );
      const r2 = await post(t, `${base}/releases`, organiser, {});
      expect(r2.body).toMatchObject({ number: 2, told: 1, changes: [{ type: 'moved', sessionId: s1.id }] });
      // The draft forum's programme is still not public; open, it is.
      expect((await t.req(`${base}/programme`)).status).toBe(404);
      await t.req(base, {
        method: 'PATCH',
        headers: { ...organiser, 'if-match': '"1"' },
        body: { state: 'open' },
      });
      const pub = (await (await t.req(`${base}/programme`)).json()) as {
        release: { number: number };
        sessions: Json[];
      };
      expect(pub.release.number).toBe(2);
      expect(await smtp.deliver(t.db)).toBeGreaterThanOrEqual(3);
      const ja = smtp.to(`yuki-${engine}@example.jp`);
      const vi = smtp.to(`lan-${engine}@example.vn`);
      expect(ja.map((m) => m.subject).sort()).toEqual([
        'テストフォーラム：プログラム第1版',
        'テストフォーラム：プログラム第2版',
      ]);
      expect(ja.find((m) => m.subject?.endsWith('第2版'))!.text).toContain(
        '時間変更: 農業 (2027-05-10 14:00 (16:00 JST), A会場)',
      );
      expect(vi).toHaveLength(1);
      expect(vi[0]!.subject).toBe('Diễn đàn thử: chương trình phiên bản 1');
      expect(vi[0]!.text).toContain('Mới: Du lịch');
    } finally {
      await smtp.close();
    }
  });

  it('refuses to publish a programme that breaks its rules, and sends nothing', async () => {
    const { id, organiser } = await buildForum(t);
    const base = `/api/forums/${id}`;
    const s = (
      await post(t, `${base}/sessions`, organiser, {
        slug: 'late',
        kind: 'visit',
        title: { en: 'Late' },
        start: at('11', '09:00'),
        end: at('11', '10:00'),
      })
    ).body;
    // The historical way in: a row written past the checks (as an import would) breaks the days.
    await t.db.db
      .updateTable('forum_sessions')
      .set({ start_at: '2027-05-20T02:00:00.000Z', end_at: '2027-05-20T03:00:00.000Z' })
      .where('id', '=', s.id as string)
      .execute();
    const res = await t.req(`${base}/releases`, { method: 'POST', headers: organiser, body: {} });
    expect(res.status).toBe(422);
    expect(await problemPaths(res)).toEqual(['conflicts.0']);
    expect(
      await t.db.db.selectFrom('forum_releases').select('number').where('forum_id', '=', id).execute(),
    ).toEqual([]);
  });
});
