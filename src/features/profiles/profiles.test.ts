import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';

describe.each(ENGINES)('profiles and matches on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  const put = (id: string, body: unknown, headers: Record<string, string>) =>
    t.req(`/api/profiles/${id}`, { method: 'PUT', headers, body });

  beforeAll(async () => {
    t = await testApp(engine);
    admin = await t.signIn('admin');
    // Three profiles in three languages: Sơn La needs what Shiga offers, and the reverse.
    for (const [id, body] of [
      [
        'VN-SON-LA',
        {
          offers: ['Đào tạo và cung ứng lao động kỹ năng cho doanh nghiệp'],
          needs: ['Công nghệ xử lý nước thải cho đô thị du lịch'],
          priorities: ['environment.water'],
        },
      ],
      [
        'JP-25',
        { offers: ['琵琶湖で培った下水処理・水処理技術'], needs: ['介護・製造業の人材確保'], priorities: [] },
      ],
      [
        'JP-01',
        {
          offers: ['Dairy farming and snow tourism know-how'],
          needs: ['Inbound tourists from Southeast Asia'],
          priorities: ['tourism'],
        },
      ],
    ] as const) {
      // The reference localities may have starting profiles: replace them with If-Match.
      const current = await t.req(`/api/profiles/${id}`);
      const ifMatch: Record<string, string> =
        current.status === 200 ? { 'if-match': current.headers.get('etag')! } : {};
      const res = await put(id, body, { ...admin.headers, ...ifMatch });
      if (res.status !== 200) throw new Error(`${id}: ${res.status} ${await res.text()}`);
    }
  });
  afterAll(() => t.close());

  it('recommends the complementary partner first, with reasons naming both texts', async () => {
    const res = await t.req('/api/matches?for=VN-SON-LA&top=50');
    expect(res.status).toBe(200);
    const { profile, partners } = await res.json();
    expect(profile.owner.name.vi).toBe('Sơn La');
    // Among every reference profile, Shiga (which offers what Sơn La needs) is recommended.
    const shiga = partners.find((p: { id: string }) => p.id === 'JP-25');
    expect(shiga).toBeDefined();
    expect(
      partners.every((p: { profile: { owner: { country: string } } }) => p.profile.owner.country === 'JP'),
    ).toBe(true);
    const water = shiga.reasons.find((r: { direction: string }) => r.direction === 'offer-to-need');
    expect(water.sector).toBe('environment.water');
    expect(water.from).toBe('JP-25');
    expect(shiga.profile.offers[water.offer]).toContain('水処理');
    expect(profile.needs[water.need]).toContain('nước thải');
    // The API says how the link was made (the same concept on both sides here), and which concepts.
    expect(water.basis).toBe('concept');
    expect(water.concepts.length).toBeGreaterThan(0);
    const scores = partners.map((p: { score: number }) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const score of scores) expect(score > 0 && score <= 1).toBe(true);
  });

  it('leaves out existing partners unless asked', async () => {
    // Quảng Ninh and Shiga have signed an agreement (reference data).
    const plain = await (await t.req('/api/matches?for=JP-25&top=50')).json();
    expect(plain.partners.map((p: { id: string }) => p.id)).not.toContain('VN-QUANG-NINH');
    const all = await (await t.req('/api/matches?for=JP-25&top=50&includePartners=true')).json();
    expect(all.partners.length).toBeGreaterThanOrEqual(plain.partners.length);
    const quangNinh = all.partners.find((p: { id: string }) => p.id === 'VN-QUANG-NINH');
    if (quangNinh) expect(quangNinh.existingPartner).toBe(true);
    for (const p of plain.partners) expect(p.existingPartner).toBe(false);
  });

  it('filters by sector and never recommends the own country', async () => {
    const { partners } = await (await t.req('/api/matches?for=JP-25&top=20')).json();
    for (const p of partners) expect(p.profile.owner.country).toBe('VN');
    const tourism = await (await t.req('/api/matches?for=VN-SON-LA&sector=tourism')).json();
    expect(tourism.partners.map((p: { id: string }) => p.id)).not.toContain('JP-25');
  });

  it('answers 404 for an unknown profile and 400 for a bad query', async () => {
    expect((await t.req('/api/matches?for=JP-99')).status).toBe(404);
    const bad = await t.req('/api/matches?for=JP-25&top=0');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('query.top');
  });

  it('lets an editor change only the profiles in scope, with If-Match, and audits it', async () => {
    // Hokkaido's profile: the ranking tests of this file read Sơn La's and Shiga's as set above.
    const editor = await t.signIn('editor', ['JP-01']);
    const body = { offers: ['水処理技術'], needs: ['ベトナムの販路開拓'], priorities: ['trade'] };
    expect((await put('VN-SON-LA', body, editor.headers)).status).toBe(403);
    expect((await put('JP-01', body, editor.headers)).status).toBe(428);
    expect((await put('JP-01', body, { ...editor.headers, 'if-match': '"7"' })).status).toBe(412);
    const current = await t.req('/api/profiles/JP-01');
    const saved = await put('JP-01', body, { ...editor.headers, 'if-match': current.headers.get('etag')! });
    expect(saved.status).toBe(200);
    expect((await saved.json()).needs).toEqual(['ベトナムの販路開拓']);
    const audit = await (
      await t.req('/api/audit?entityType=profile&entityId=JP-01', { headers: admin.headers })
    ).json();
    expect(audit.items[0].actor.email).toBe(editor.email);
    expect(audit.items[0].after.needs).toEqual(['ベトナムの販路開拓']);
  });

  it('names the bad fields of a profile', async () => {
    const etag = (await t.req('/api/profiles/JP-01')).headers.get('etag')!;
    const res = await put(
      'JP-01',
      { offers: [], needs: [''], priorities: ['nonsense'] },
      { ...admin.headers, 'if-match': etag },
    );
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['needs.0', 'priorities.0']));
    expect((await t.req('/api/profiles/JP-01', { method: 'PUT', body: { offers: ['x'] } })).status).toBe(401);
  });
});
