import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { auditOf, buildAgreement, problemCode, problemPaths } from '../../../test/support/factories.ts';
import { buildForum, type Json, post } from '../../../test/support/forums.ts';

type H = Record<string, string>;

describe.each(ENGINES)('the signing ceremony on %s', (engine) => {
  let t: TestApp;
  let forumId: string;
  let organiser: H;
  let admin: H;
  let stranger: H;
  let ceremonySession: string;
  let plenary: string;
  const base = () => `/api/forums/${forumId}/ceremony`;

  const rawAgreement = (id: string) =>
    t.db.db
      .selectFrom('agreements')
      .select(['status', 'status_stated', 'signed_on', 'signed_precision', 'signed_sort', 'sources'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await testApp(engine);
    const f = await buildForum(t);
    forumId = f.id;
    organiser = f.organiser;
    admin = f.admin;
    stranger = (await t.signIn('editor', ['VN-HANOI'])).headers;
    // 06:00 in Hà Nội on the 11th is 23:00 UTC on the 10th: the signing date is the forum's day.
    const s = await post(t, `/api/forums/${forumId}/sessions`, organiser, {
      slug: 'signing',
      kind: 'ceremony',
      title: { vi: 'Lễ ký kết', ja: '署名式', en: 'Signing ceremony' },
      start: '2027-05-11T06:00:00+07:00',
      end: '2027-05-11T07:00:00+07:00',
    });
    expect(s.res.status).toBe(201);
    ceremonySession = s.body.id as string;
    const p = await post(t, `/api/forums/${forumId}/sessions`, organiser, {
      slug: 'opening',
      kind: 'plenary',
      title: { en: 'Opening' },
      start: '2027-05-10T09:00:00+07:00',
      end: '2027-05-10T10:00:00+07:00',
    });
    plenary = p.body.id as string;
    const forum = await (await t.req(`/api/forums/${forumId}`, { headers: organiser })).json();
    const open = await t.req(`/api/forums/${forumId}`, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': `"${forum.version}"` },
      body: { state: 'open' },
    });
    expect(open.status).toBe(200);
    // Before a release, the public sees no ceremony session; after it, the released one.
    expect((await (await t.req(`/api/forums/${forumId}/ceremony`)).json()).sessions).toEqual([]);
    const release = await post(t, `/api/forums/${forumId}/releases`, organiser, {});
    expect(release.res.status).toBe(201);
  });
  afterAll(() => t.close());

  const add = (agreementId: string, headers: H = organiser, extra: Json = {}) =>
    post(t, `${base()}/items`, headers, {
      agreementId,
      sessionId: ceremonySession,
      kind: 'signing',
      signatories: {
        vn: [{ name: 'Nguyễn Văn An', position: 'Chủ tịch UBND' }],
        jp: [{ name: '山田太郎', position: '知事' }],
      },
      ...extra,
    });

  const itemCount = async () =>
    ((await (await t.req(base())).json()).sessions as { items: Json[] }[]).reduce(
      (n, s) => n + s.items.length,
      0,
    );

  it('lets only the forum’s organisers (and admins) plan it', async () => {
    const a = await buildAgreement(t, { status: 'planned' });
    const before = await itemCount();
    const anon = await t.req(`${base()}/items`, {
      method: 'POST',
      body: { agreementId: a.id, sessionId: ceremonySession, kind: 'signing' },
    });
    expect(anon.status).toBe(401);
    const other = await add(a.id, stranger);
    expect(other.res.status).toBe(403);
    const ok = await add(a.id);
    expect(ok.res.status).toBe(201);
    // A new item comes last in its session.
    expect(ok.body).toMatchObject({ agreementId: a.id, kind: 'signing', position: before + 1, done: false });
    const byAdmin = await add((await buildAgreement(t)).id, admin, { kind: 'handover' });
    expect(byAdmin.res.status).toBe(201);
    expect((await auditOf(t, ok.body.id as string)).map((e) => e.action)).toEqual(['create']);
    const pub = await t.req(base());
    expect(pub.status).toBe(200);
    const body = await pub.json();
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0].date).toBe('2027-05-11');
    expect(body.sessions[0].items.map((i: Json) => i.agreementId)).toContain(a.id);
  });

  it('names bad input by its field', async () => {
    const a = await buildAgreement(t);
    const unknown = await add('agr-nope');
    expect(unknown.res.status).toBe(422);
    expect(await problemPaths(unknown.res)).toEqual(['agreementId']);
    const notCeremony = await add(a.id, organiser, { sessionId: plenary });
    expect(notCeremony.res.status).toBe(422);
    expect(await problemPaths(notCeremony.res)).toEqual(['sessionId']);
    const badKind = await add(a.id, organiser, { kind: 'party' });
    expect(badKind.res.status).toBe(400);
    expect(await problemPaths(badKind.res)).toEqual(['kind']);
    const longName = await add(a.id, organiser, { signatories: { vn: [{ name: 'x'.repeat(201) }], jp: [] } });
    expect(longName.res.status).toBe(400);
    expect(await problemPaths(longName.res)).toEqual(['signatories.vn.0.name']);
    expect((await add(a.id)).res.status).toBe(201);
    const twice = await add(a.id);
    expect(twice.res.status).toBe(409);
    expect(await problemPaths(twice.res)).toEqual(['agreementId']);
  });

  it('reorders: every item once, unknown and repeated ids named', async () => {
    // Three items of its own, whatever the other tests left.
    for (let k = 0; k < 3; k++) expect((await add((await buildAgreement(t)).id)).res.status).toBe(201);
    const ids = (await (await t.req(base())).json()).sessions[0].items.map((i: Json) => i.id) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const reversed = [...ids].reverse();
    const res = await post(t, `${base()}/order`, organiser, { ids: reversed }, 'PUT');
    expect(res.res.status).toBe(200);
    const items = (res.body.sessions as Json[])[0]!.items as Json[];
    expect(items.map((i) => i.id)).toEqual(reversed);
    expect(items.map((i) => i.position)).toEqual(reversed.map((_, i) => i + 1));
    const bad = await post(t, `${base()}/order`, organiser, { ids: [ids[0], ids[0], 'cer-nope'] }, 'PUT');
    expect(bad.res.status).toBe(400);
    expect(await problemPaths(bad.res)).toEqual(['ids.1', 'ids.2']);
    const short = await post(t, `${base()}/order`, organiser, { ids: [ids[0]] }, 'PUT');
    expect(await problemPaths(short.res)).toEqual(['ids']);
    const stale = await post(t, `${base()}/order`, stranger, { ids: reversed }, 'PUT');
    expect(stale.res.status).toBe(403);
  });

  it('marks an item done: the agreement in force, signed that day, the forum a source; undo restores it exactly', async () => {
    const a = await buildAgreement(t, {
      status: 'planned',
      signedOn: null,
      sources: [{ url: 'https://example.org/plan', note: 'announced' }],
    });
    const before = await rawAgreement(a.id);
    const item = (await add(a.id)).body;
    const url = `${base()}/items/${item.id}/done`;
    const noMatch = await t.req(url, { method: 'POST', headers: organiser });
    expect(noMatch.status).toBe(428);
    const forbidden = await t.req(url, { method: 'POST', headers: { ...stranger, 'if-match': '"1"' } });
    expect(forbidden.status).toBe(403);
    const done = await t.req(url, { method: 'POST', headers: { ...organiser, 'if-match': '"1"' } });
    expect(done.status).toBe(200);
    const doneItem = await done.json();
    expect(doneItem).toMatchObject({ done: true, doneOn: '2027-05-11', version: 2 });
    const shown = await (await t.req(`/api/agreements/${a.id}`)).json();
    expect(shown.status).toBe('in_force');
    expect(shown.signedOn).toBe('2027-05-11');
    expect(shown.sources.map((s: Json) => s.url)).toEqual([
      'https://example.org/plan',
      `http://localhost:3000/forums/${forumId}`,
    ]);
    const again = await t.req(url, { method: 'POST', headers: { ...organiser, 'if-match': '"2"' } });
    expect(again.status).toBe(409);
    expect(await problemCode(again)).toBe('ceremony.state');
    const remove = await t.req(`${base()}/items/${item.id}`, {
      method: 'DELETE',
      headers: { ...organiser, 'if-match': '"2"' },
    });
    expect(remove.status).toBe(409);
    const stale = await t.req(url, { method: 'DELETE', headers: { ...organiser, 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    const undo = await t.req(url, { method: 'DELETE', headers: { ...organiser, 'if-match': '"2"' } });
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({ done: false, doneOn: null });
    expect(await rawAgreement(a.id)).toEqual(before);
    expect((await (await t.req(`/api/agreements/${a.id}`)).json()).status).toBe('planned');
    const log = await auditOf(t, a.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    const out = await t.req(`${base()}/items/${item.id}`, {
      method: 'DELETE',
      headers: { ...organiser, 'if-match': '"3"' },
    });
    expect(out.status).toBe(200);
    expect(await rawAgreement(a.id)).toEqual(before);
  });

  it('changes nothing on a stale version', async () => {
    const a = await buildAgreement(t, { status: 'planned' });
    const item = (await add(a.id)).body;
    const before = await rawAgreement(a.id);
    const res = await t.req(`${base()}/items/${item.id}/done`, {
      method: 'POST',
      headers: { ...organiser, 'if-match': '"9"' },
    });
    expect(res.status).toBe(412);
    expect(await rawAgreement(a.id)).toEqual(before);
    const shown = (await (await t.req(base())).json()).sessions[0].items.find((i: Json) => i.id === item.id);
    expect(shown.done).toBe(false);
  });

  it('ships the 1st forum’s record: the handover session with its source, no invented agreements', async () => {
    const res = await t.req('/api/forums/vjlcf-2025/ceremony');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.sessions).toHaveLength(1);
    const [handover] = body.sessions;
    expect(handover.id).toBe('vjlcf-2025.handover');
    expect(handover.date).toBe('2025-11-25');
    expect(handover.note).toBe('The reports do not list the agreements handed over.');
    expect(handover.sources).toEqual([
      expect.objectContaining({
        id: 'baoquangninh',
        url: expect.stringContaining('https://baoquangninh.vn/'),
      }),
    ]);
    expect(handover.items).toEqual([]);
  });
});
