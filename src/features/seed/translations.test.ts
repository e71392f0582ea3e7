import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { addReferenceTexts } from '../agreements/texts.ts';
import { records } from './reference.ts';
import { seedReference } from './service.ts';
import { referenceAgreementTexts } from './translations.ts';

type Texted = { vi?: string; ja?: string; en?: string; translation?: Record<string, string> };
interface AgreementAnswer {
  id: string;
  title: Texted;
  version: number;
  sources: { url: string | null; note: string | null; summary?: Texted }[];
}

describe.each(ENGINES)('the reference data in three languages on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, { seed: true });
  });
  afterAll(() => t.close());

  const allAgreements = async (): Promise<AgreementAnswer[]> => {
    const items: AgreementAnswer[] = [];
    let cursor: string | null = null;
    do {
      const page = await (
        await t.req(`/api/agreements?limit=100&synthetic=false${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('gives every reference agreement a title in vi, ja and en, the translations marked unofficial', async () => {
    const agreements = await allAgreements();
    const reference = agreements.filter((a) => a.sources.some((s) => s.url && !s.url.includes('example.')));
    expect(reference.length).toBeGreaterThan(0);
    for (const a of reference) {
      expect([a.id, Boolean(a.title.vi && a.title.ja && a.title.en)]).toEqual([a.id, true]);
      expect(a.title.translation).toMatchObject({ vi: 'unofficial', ja: 'unofficial' });
    }
    // The two documents Ho Chi Minh City and Okayama signed the same day keep titles of their own.
    const sameDay = records('agreements-seed.csv').filter(
      (r) => r.vn_party === 'VN-HO-CHI-MINH-CITY' && r.jp_party === 'JP-35' && r.signed === '2024-12-18',
    );
    if (sameDay.length === 2) {
      const titles = agreements
        .filter((a) => a.sources.some((s) => sameDay.some((r) => r.source_url === s.url)))
        .map((a) => a.title.en);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it("summarises each source for the public in each language, without the research notes' wording", async () => {
    const summaries = (await allAgreements()).flatMap((a) =>
      a.sources.map((s) => s.summary).filter(Boolean),
    ) as Texted[];
    expect(summaries.length).toBeGreaterThanOrEqual(records('agreements-seed.csv').length);
    for (const s of summaries) {
      for (const lang of ['vi', 'ja', 'en'] as const) expect(s[lang]).toBeTruthy();
      expect(s.translation).toEqual({ vi: 'unofficial', ja: 'unofficial' });
      expect(`${s.vi} ${s.ja} ${s.en}`).not.toMatch(/VERIFIED|seed|\.csv/);
    }
  });

  it('gives the starting profiles their offers and needs in the other two languages, item for item', async () => {
    const hanoi = await (await t.req('/api/profiles/VN-HANOI')).json();
    expect(hanoi.lang).toBe('vi');
    expect(hanoi.translations.vi).toBeUndefined();
    for (const lang of ['ja', 'en'] as const) {
      expect(hanoi.translations[lang].status).toBe('unofficial');
      expect(hanoi.translations[lang].offers).toHaveLength(hanoi.offers.length);
      expect(hanoi.translations[lang].needs).toHaveLength(hanoi.needs.length);
    }
    expect(hanoi.translations.ja.offers.join('')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(hanoi.basisTranslations.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(hanoi.basisTranslations.vi).toBeTruthy();
  });

  it('loads again without changing anything, and never overwrites a title an editor wrote', async () => {
    const admin = await t.signIn('admin');
    const first = (await allAgreements()).find(
      (a) => a.sources.some((s) => s.summary) && a.title.translation,
    )!;
    const patched = await t.req(`/api/agreements/${first.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': `"${first.version}"` },
      body: { title: { vi: first.title.vi, ja: '編集者が書いた題名', en: first.title.en } },
    });
    expect(patched.status).toBe(200);
    const edited = await patched.json();
    // The language whose text changed is now an original; the unchanged ones keep their marks.
    expect(edited.title.translation?.ja).toBeUndefined();
    expect(edited.title.translation?.vi).toBe('unofficial');
    // Sources sent again without their summaries keep them.
    const resent = await t.req(`/api/agreements/${first.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': `"${edited.version}"` },
      body: {
        sources: edited.sources.map((s: { url: string; note: string }) => ({ url: s.url, note: s.note })),
      },
    });
    expect(resent.status).toBe(200);
    expect((await resent.json()).sources).toEqual(edited.sources);
    const before = JSON.stringify(await allAgreements());
    await seedReference(t.db.db);
    expect(await addReferenceTexts(t.db.db, referenceAgreementTexts())).toBe(0);
    expect(JSON.stringify(await allAgreements())).toBe(before);
    const after = await (await t.req(`/api/agreements/${first.id}`)).json();
    expect(after.title.ja).toBe('編集者が書いた題名');
    // Put the reference title back, marks and all: the other tests of this file read every title.
    const restored = await t.req(`/api/agreements/${first.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': `"${after.version}"` },
      body: { title: first.title },
    });
    expect(restored.status).toBe(200);
    expect((await restored.json()).title).toEqual(first.title);
  });

  it('refuses a profile translation that does not follow the original item for item, naming it', async () => {
    const editor = await t.signIn('editor', ['VN-DA-NANG']);
    const current = await (await t.req('/api/profiles/VN-DA-NANG')).json();
    const res = await t.req('/api/profiles/VN-DA-NANG', {
      method: 'PUT',
      headers: { ...editor.headers, 'if-match': `"${current.version}"` },
      body: {
        offers: ['Đào tạo nhân lực công nghệ thông tin'],
        needs: ['Xử lý nước thải đô thị'],
        lang: 'vi',
        translations: {
          ja: { offers: ['IT人材の育成', '余分な項目'], needs: ['都市排水の処理'], status: 'official' },
        },
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(
      'translations.ja.offers',
    );
    const ok = await t.req('/api/profiles/VN-DA-NANG', {
      method: 'PUT',
      headers: { ...editor.headers, 'if-match': `"${current.version}"` },
      body: {
        offers: ['Đào tạo nhân lực công nghệ thông tin'],
        needs: ['Xử lý nước thải đô thị'],
        lang: 'vi',
        translations: { ja: { offers: ['IT人材の育成'], needs: ['都市排水の処理'], status: 'official' } },
      },
    });
    expect(ok.status).toBe(200);
    const saved = await ok.json();
    expect(saved.translations).toEqual({
      ja: { offers: ['IT人材の育成'], needs: ['都市排水の処理'], status: 'official' },
    });
    expect(saved.basisTranslations).toEqual({});
  });
});
