import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { adminHeaders, auditOf, problemPaths } from '../../../test/support/factories.ts';
import { buildForum } from '../../../test/support/forums.ts';
import { withXml } from '../../../test/support/xml.ts';
import { ATOM_NS } from '../../domain/feeds/atom.ts';

type H = Record<string, string>;
const ns = { a: ATOM_NS };

describe.each(ENGINES)('news on %s', (engine) => {
  let t: TestApp;
  let admin: H;
  let organiser: H;
  let stranger: H;
  let forumId: string;

  beforeAll(async () => {
    t = await testApp(engine);
    admin = await adminHeaders(t);
    const f = await buildForum(t);
    forumId = f.id;
    organiser = f.organiser;
    stranger = (await t.signIn('editor', ['VN-HANOI'])).headers;
    const open = await t.req(`/api/forums/${forumId}`, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { state: 'open' },
    });
    expect(open.status).toBe(200);
  });
  afterAll(() => t.close());

  const write = (body: unknown, headers: H = admin) => t.req('/api/news', { method: 'POST', headers, body });

  const item = {
    texts: {
      vi: {
        title: 'Quảng Ninh và Shiga ký biên bản hợp tác',
        body: '<p onclick="x()">Lễ ký <strong>chiều nay</strong>.<script>alert(1)</script><style>p{}</style></p><a href="javascript:alert(1)">xem</a>',
        status: 'original',
      },
      ja: {
        title: 'クアンニン省と滋賀県が協力覚書に署名',
        body: '<p>本日午後に署名式。<img src="x" onerror="alert(1)"></p>',
        status: 'unofficialTranslation',
      },
    },
    publishedAt: '2026-11-20T09:00:00+07:00',
  };

  it('stores each language with its status, sanitised: no script, style or handler gets through', async () => {
    const res = await write(item);
    expect(res.status).toBe(201);
    const n = await res.json();
    expect(n.languages).toEqual(['vi', 'ja']);
    expect(n.texts.vi.body).toBe(
      '<p>Lễ ký <strong>chiều nay</strong>.</p><a rel="nofollow ugc noopener noreferrer">xem</a>',
    );
    expect(n.texts.ja.status).toBe('unofficialTranslation');
    for (const l of ['vi', 'ja'] as const)
      expect(n.texts[l].body).not.toMatch(/script|style|onerror|onclick|javascript/i);
    const read = await (await t.req(`/api/news/${n.id}`)).json();
    expect(read.texts).toEqual(n.texts);
    expect((await auditOf(t, n.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('names bad input and refuses writers without a role', async () => {
    const none = await write({ texts: {} });
    expect(none.status).toBe(400);
    expect(await problemPaths(none)).toEqual(['texts']);
    const noOriginal = await write({
      texts: { en: { title: 'x', body: '', status: 'officialTranslation' } },
    });
    expect(await problemPaths(noOriginal)).toEqual(['texts.en.status']);
    const long = await write({ texts: { en: { title: 'x'.repeat(301), body: '', status: 'original' } } });
    expect(await problemPaths(long)).toEqual(['texts.en.title']);
    const badLink = await write({
      texts: { en: { title: 'x', body: '', status: 'original' } },
      cycleId: 'nope',
    });
    expect(badLink.status).toBe(422);
    expect(await problemPaths(badLink)).toEqual(['cycleId']);
    const anon = await t.req('/api/news', { method: 'POST', body: item });
    expect(anon.status).toBe(401);
    expect((await write(item, stranger)).status).toBe(403);
    expect((await write({ ...item, forumId }, stranger)).status).toBe(403);
    const byOrganiser = await write({ ...item, forumId }, organiser);
    expect(byOrganiser.status).toBe(201);
    const n = await byOrganiser.json();
    const patch = await t.req(`/api/news/${n.id}`, {
      method: 'PATCH',
      headers: { ...organiser, 'if-match': '"1"' },
      body: { texts: { en: { title: 'Signed', body: '<p>ok</p>', status: 'original' } } },
    });
    expect(patch.status).toBe(200);
    expect((await patch.json()).languages).toEqual(['en']);
    const stale = await t.req(`/api/news/${n.id}`, {
      method: 'DELETE',
      headers: { ...organiser, 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const del = await t.req(`/api/news/${n.id}`, {
      method: 'DELETE',
      headers: { ...organiser, 'if-match': '"2"' },
    });
    expect(del.status).toBe(200);
    expect((await t.req(`/api/news/${n.id}`)).status).toBe(404);
  });

  it('lists the published news per language, hiding what is scheduled', async () => {
    const later = await write({ ...item, publishedAt: '2099-01-01T00:00:00Z' });
    const laterId = (await later.json()).id;
    const list = await (await t.req('/api/news?lang=ja')).json();
    expect(list.items.every((n: { languages: string[] }) => n.languages.includes('ja'))).toBe(true);
    expect(list.items.map((n: { id: string }) => n.id)).not.toContain(laterId);
    expect((await t.req(`/api/news/${laterId}`)).status).toBe(404);
    const en = await (await t.req('/api/news?lang=en')).json();
    expect(en.items).toEqual([]);
  });

  it('gives an Atom feed per language: xml:lang, stable tag: ids, the status as a category, sanitised content', async () => {
    // An item of its own (the other tests write theirs, in any order): found in the feed by its id.
    const own = await write(item);
    expect(own.status).toBe(201);
    const id = (await own.json()).id as string;
    for (const lang of ['vi', 'ja'] as const) {
      const res = await t.req(`/api/news/feed.atom?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await res.text();
      const entryId = `tag:kizuna.invalid,2026:news/${id}/${lang}`;
      const entry = `/a:feed/a:entry[a:id='${entryId}']`;
      withXml(xml, (doc) => {
        const s = (x: string) => String(doc.eval(`string(${x})`, ns));
        expect(s('/a:feed/@xml:lang')).toBe(lang);
        expect(s('/a:feed/a:id')).toBe(`tag:kizuna.invalid,2026:news/feed/${lang}`);
        expect(Number(doc.eval(`count(${entry})`, ns))).toBe(1);
        expect(s(`${entry}/a:title`)).toBe(item.texts[lang].title);
        expect(s(`${entry}/a:category/@term`)).toBe(item.texts[lang].status);
        expect(s('/a:feed')).not.toMatch(/onerror|onclick|javascript:/i);
        expect(xml).not.toMatch(/&lt;script|<script/i);
      });
      expect(id).toMatch(/^news-[0-9a-f-]+$/);
      // The same id on every reading.
      const again = withXml(await (await t.req(`/api/news/feed.atom?lang=${lang}`)).text(), (doc) =>
        Number(doc.eval(`count(${entry})`, ns)),
      );
      expect(again).toBe(1);
    }
    const bad = await t.req('/api/news/feed.atom?lang=fr');
    expect(bad.status).toBe(400);
    expect(await problemPaths(bad)).toEqual(['query.lang']);
  });
});
