import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { behindProxy, problemCode, problemPaths } from '../../../test/support/factories.ts';
import { REFERENCE } from '../../../test/support/reference.ts';

interface Item {
  code: string;
  country: string;
  kind: string;
  parentCode: string | null;
  name: { vi?: string; ja?: string; en?: string };
  mergedFrom: string[];
}

const newCity = {
  code: 'JP-27-XYZ',
  parentCode: 'JP-27',
  name: { ja: '架空市', en: 'Kakuu City', vi: 'Thành phố Kakuu' },
  sources: [{ url: 'https://example.org/kakuu', note: 'test record' }],
};

/** ASCII letters and digits written in their full-width forms (Ａ–Ｚ, ０–９). */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

describe.each(ENGINES)('localities on %s', (engine) => {
  let t: TestApp;
  let all: Item[];
  const list = async (query: string) => {
    const res = await t.req(`/api/localities?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as { items: Item[]; total: number; nextCursor: string | null };
  };
  const search = async (q: string) =>
    (await list(`limit=200&q=${encodeURIComponent(q)}`)).items.map((l) => l.code);

  beforeAll(async () => {
    t = await testApp(engine);
    all = (await list('limit=200')).items;
  });
  afterAll(() => t.close());

  describe('the reference list', () => {
    // A copy of its own: localities the other tests create stay out of these counts.
    let shared: TestApp;
    beforeAll(async () => {
      shared = t;
      t = await testApp(engine);
    });
    afterAll(async () => {
      await t.close();
      t = shared;
    });

    it('holds the Vietnamese units, prefectures and cities of the reference data', async () => {
      expect((await list('country=VN&limit=1')).total).toBe(REFERENCE.vn);
      expect((await list('country=JP&kind=prefecture&limit=1')).total).toBe(REFERENCE.jpPrefectures);
      const cities = await list('kind=municipality&limit=200');
      expect(cities.total).toBe(REFERENCE.jpCities);
      expect(cities.items.every((l) => l.country === 'JP' && /^JP-\d{2}$/.test(l.parentCode ?? ''))).toBe(
        true,
      );
      expect(all).toHaveLength(REFERENCE.localities);
      const vnKinds = new Set(all.filter((l) => l.country === 'VN').map((l) => l.kind));
      expect([...vnKinds].sort()).toEqual(['city', 'province']);
    });

    it('filters by country, kind and parent', async () => {
      const vnCities = await list('country=VN&kind=city&limit=200');
      expect(vnCities.total).toBe(all.filter((l) => l.country === 'VN' && l.kind === 'city').length);
      expect(vnCities.items.map((l) => l.code)).toContain('VN-DA-NANG');
      expect(vnCities.items.every((l) => l.country === 'VN' && l.kind === 'city')).toBe(true);
      const osaka = await list('parent=JP-27&limit=200');
      expect(osaka.items.map((l) => l.code)).toEqual(
        expect.arrayContaining(['JP-27-SAKAI', 'JP-27-OSAKA', 'JP-27-IZUMIOTSU', 'JP-27-IZUMISANO']),
      );
      expect(osaka.items.every((l) => l.parentCode === 'JP-27')).toBe(true);
      expect((await list('country=VN&kind=prefecture')).total).toBe(0);
      const bad = await t.req('/api/localities?country=KR&kind=state');
      expect(bad.status).toBe(400);
      expect(await problemPaths(bad)).toEqual(['query.country', 'query.kind']);
    });

    it('pages through every locality exactly once, in code order, for any page size', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 40 }),
          fc.constantFrom('', 'country=JP&', 'kind=province&'),
          async (limit, filter) => {
            const codes: string[] = [];
            let cursor: string | null = null;
            let total = -1;
            do {
              const page = await list(`${filter}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
              expect(page.items.length).toBeLessThanOrEqual(limit);
              total = page.total;
              codes.push(...page.items.map((l) => l.code));
              cursor = page.nextCursor;
            } while (cursor);
            expect(codes.length).toBe(total);
            expect(new Set(codes).size).toBe(codes.length);
            expect([...codes].sort()).toEqual(codes);
          },
        ),
        { numRuns: 8 },
      );
      const bad = await t.req('/api/localities?cursor=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(await problemPaths(bad)).toEqual(['cursor']);
    });
  });

  describe('search', () => {
    it('finds Da Nang by its name in any language and script', async () => {
      for (const q of ['da nang', 'Đà Nẵng', 'ĐÀ NẴNG', 'ダナン', 'danang', 'Da Nang']) {
        expect(await search(q), q).toContain('VN-DA-NANG');
      }
      expect(await search('滋賀')).toContain('JP-25');
    });

    it('finds a merged former province under its new unit', async () => {
      const haiPhong = all.find((l) => l.code === 'VN-HAI-PHONG')!;
      expect(haiPhong.mergedFrom).toContain('Hải Dương');
      for (const q of ['Hải Dương', 'hai duong', 'HAI DUONG'])
        expect(await search(q), q).toContain('VN-HAI-PHONG');
      expect(await search('Quảng Nam')).toContain('VN-DA-NANG');
    });

    it('matches Japanese without word spaces and full-width Latin letters', async () => {
      expect(await search('大阪')).toEqual(expect.arrayContaining(['JP-27', 'JP-27-OSAKA']));
      expect(await search('大阪府')).toContain('JP-27');
      for (const q of ['ＯＳＡＫＡ', 'osaka', 'Osaka']) {
        expect(await search(q), q).toEqual(expect.arrayContaining(['JP-27', 'JP-27-OSAKA']));
      }
      expect(await search('no such place anywhere')).toEqual([]);
    });

    it('finds every locality by its own names, however they are written (property)', async () => {
      const named = all.filter((l) => l.name.vi && l.name.en);
      const strip = (s: string) =>
        s
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[đĐ]/g, 'd');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...named),
          fc.constantFrom<(l: Item) => string>(
            (l) => l.name.vi!,
            (l) => strip(l.name.vi!).toLowerCase(),
            (l) => l.name.vi!.toUpperCase(),
            (l) => fullWidth(l.name.en!),
            (l) => l.name.ja ?? l.name.en!,
          ),
          async (locality, spell) => {
            expect(await search(spell(locality))).toContain(locality.code);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('never fails on arbitrary text (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }).filter(wellFormed), async (q) => {
          const res = await t.req(`/api/localities?q=${encodeURIComponent(q)}&limit=5`);
          // NUL is refused up front (PostgreSQL cannot store it), the same on both engines.
          if (q.includes('\u0000')) {
            expect(res.status).toBe(400);
            expect(await problemCode(res)).toBe('validation.invalid');
            return;
          }
          expect(res.status, JSON.stringify(q)).toBe(200);
          const page = await res.json();
          expect(page.items.length).toBeLessThanOrEqual(5);
        }),
        { numRuns: 40 },
      );
      // (A query of separators only, like "_" or "・", has no words and filters nothing.)
      for (const q of ['%', '\\', "'", '%%', 'a%b', '"; drop table localities; --']) {
        const res = await t.req(`/api/localities?q=${encodeURIComponent(q)}`);
        expect(res.status, q).toBe(200);
        expect((await res.json()).total, q).toBe(0);
      }
      const long = await t.req(`/api/localities?q=${'a'.repeat(201)}`);
      expect(long.status).toBe(400);
      expect(await problemPaths(long)).toEqual(['query.q']);
    });
  });

  describe('detail', () => {
    it('shows Da Nang with its partners and agreements', async () => {
      const res = await t.req('/api/localities/VN-DA-NANG');
      expect(res.status).toBe(200);
      const detail = await res.json();
      expect(res.headers.get('etag')).toBe(`"${detail.version}"`);
      expect(detail).toMatchObject({ code: 'VN-DA-NANG', country: 'VN', kind: 'city', parent: null });
      expect(detail.mergedFrom).toContain('Quảng Nam');
      const partners = new Map(
        detail.partners.map((p: { locality: { code: string }; agreements: number }) => [p.locality.code, p]),
      );
      expect(partners.get('JP-27-SAKAI')).toMatchObject({
        agreements: 2,
        locality: { kind: 'municipality' },
      });
      expect(partners.has('JP-14-YOKOHAMA')).toBe(true);
      expect(partners.has('VN-DA-NANG')).toBe(false);

      const agreements = await (await t.req('/api/agreements?locality=VN-DA-NANG&limit=200')).json();
      expect(detail.agreements.length).toBe(Math.min(agreements.total, detail.agreements.length));
      expect(detail.agreements.length).toBeGreaterThan(0);
      expect(detail.agreements.map((a: { id: string }) => a.id)).toEqual(
        agreements.items.slice(0, detail.agreements.length).map((a: { id: string }) => a.id),
      );
      for (const a of detail.agreements)
        expect(a.parties.map((p: { code: string }) => p.code)).toContain('VN-DA-NANG');
      const withYokohama = agreements.items.filter((a: { parties: { code: string }[] }) =>
        a.parties.some((p) => p.code === 'JP-14-YOKOHAMA'),
      ).length;
      expect((partners.get('JP-14-YOKOHAMA') as { agreements: number }).agreements).toBe(withYokohama);
    });

    it('counts each partner once per agreement, cities and organisations included (property)', async () => {
      const orgs = await (await t.req('/api/organizations?limit=200')).json();
      const orgLocality = new Map<string, string>(
        orgs.items.map((o: { id: string; localityCode: string }) => [o.id, o.localityCode]),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...all.map((l) => l.code), 'JP-27', 'JP-42', 'JP-14', 'VN-DA-NANG'),
          async (code) => {
            const detail = await (await t.req(`/api/localities/${code}`)).json();
            const own = new Set([code, ...detail.children.map((c: { code: string }) => c.code)]);
            const agreements = (await (await t.req(`/api/agreements?locality=${code}&limit=200`)).json())
              .items;
            const expected = new Map<string, number>();
            for (const a of agreements as { parties: { type: string; code: string }[] }[]) {
              const places = new Set(
                a.parties.map((p) => (p.type === 'locality' ? p.code : orgLocality.get(p.code)!)),
              );
              for (const place of places)
                if (!own.has(place)) expected.set(place, (expected.get(place) ?? 0) + 1);
            }
            const actual = new Map<string, number>(
              detail.partners.map((p: { locality: { code: string }; agreements: number }) => [
                p.locality.code,
                p.agreements,
              ]),
            );
            expect(actual, code).toEqual(expected);
            const counts = detail.partners.map((p: { agreements: number }) => p.agreements);
            expect([...counts].sort((a, b) => b - a)).toEqual(counts);
          },
        ),
        { numRuns: 25 },
      );
    });

    it('shows a prefecture with its cities, and a city with its prefecture', async () => {
      const osaka = await (await t.req('/api/localities/JP-27')).json();
      expect(osaka.children.map((c: { code: string }) => c.code)).toEqual(
        expect.arrayContaining(['JP-27-SAKAI', 'JP-27-OSAKA', 'JP-27-IZUMIOTSU']),
      );
      expect(osaka.parent).toBeNull();
      const sakai = await (await t.req('/api/localities/JP-27-SAKAI')).json();
      expect(sakai.parent).toMatchObject({ code: 'JP-27', kind: 'prefecture' });
      expect(sakai.children).toEqual([]);
      expect(sakai.partners.map((p: { locality: { code: string } }) => p.locality.code)).toContain(
        'VN-DA-NANG',
      );
      const missing = await t.req('/api/localities/JP-99');
      expect(missing.status).toBe(404);
      expect(await problemCode(missing)).toBe('not_found');
    });
  });

  describe('detail, embedded lists', () => {
    const ids = (items: { id: string }[]) => items.map((i) => i.id);

    it('embeds summaries of the first organisations and agreements; the list endpoints continue them', async () => {
      const { headers } = await t.signIn('admin');
      for (let i = 0; i < 12; i++) {
        const org = { kind: 'company', name: { en: `Embedded Test ${i}` }, localityCode: 'JP-42' };
        expect((await t.req('/api/organizations', { method: 'POST', headers, body: org })).status).toBe(201);
        const agreement = {
          kind: 'mou',
          signedOn: `20${10 + i}`,
          parties: [
            { type: 'locality', code: 'JP-42' },
            { type: 'locality', code: 'VN-HANOI' },
          ],
        };
        expect((await t.req('/api/agreements', { method: 'POST', headers, body: agreement })).status).toBe(
          201,
        );
      }
      const detail = await (await t.req('/api/localities/JP-42')).json();
      for (const [list, summaryKeys] of [
        ['organizations', ['id', 'kind', 'locality', 'name', 'sectors', 'synthetic']],
        [
          'agreements',
          ['fields', 'id', 'kind', 'parties', 'signedOn', 'signedPrecision', 'status', 'synthetic', 'title'],
        ],
      ] as const) {
        const whole = await (await t.req(`/api/${list}?locality=JP-42&limit=200`)).json();
        const embedded = detail[list] as { id: string }[];
        const total = detail[`${list}Total`];
        const cursor = detail[`${list}NextCursor`];
        expect(total, list).toBe(whole.total);
        expect(embedded, list).toHaveLength(10);
        expect(ids(embedded), list).toEqual(ids(whole.items.slice(0, 10)));
        for (const item of embedded) expect(Object.keys(item).sort(), list).toEqual(summaryKeys);
        // What the page shows is what the full record says.
        const first = whole.items[0];
        for (const key of summaryKeys) {
          if (key === 'parties')
            expect(embedded[0][key as never], list).toEqual(
              first.parties.map(({ note: _, ...p }: { note: unknown }) => p),
            );
          else expect(embedded[0][key as never], `${list}.${key}`).toEqual(first[key]);
        }
        // The cursor continues the list endpoint: every item once, in order.
        const rest = await (
          await t.req(`/api/${list}?locality=JP-42&limit=200&cursor=${encodeURIComponent(cursor)}`)
        ).json();
        expect([...ids(embedded), ...ids(rest.items)], list).toEqual(ids(whole.items));
        expect(rest.nextCursor).toBeNull();
      }
    });

    it('says there is no more when the detail holds every item', async () => {
      const detail = await (await t.req('/api/localities/JP-27-SAKAI')).json();
      expect(detail.agreements.length).toBe(detail.agreementsTotal);
      expect(detail.agreementsNextCursor).toBeNull();
      expect(detail.organizations.length).toBe(detail.organizationsTotal);
      expect(detail.organizationsNextCursor).toBeNull();
    });
  });

  describe('writes', () => {
    it('lets an editor of a prefecture add a city below it, and nowhere else', async () => {
      expect((await t.req('/api/localities', { method: 'POST', body: newCity })).status).toBe(401);
      const editor = await t.signIn('editor', ['JP-27']);
      const elsewhere = await t.req('/api/localities', {
        method: 'POST',
        headers: editor.headers,
        body: { ...newCity, code: 'JP-13-XYZ', parentCode: 'JP-13' },
      });
      expect(elsewhere.status).toBe(403);
      expect(await problemCode(elsewhere)).toBe('auth.forbidden');
      expect((await t.req('/api/localities/JP-13-XYZ')).status).toBe(404);

      const res = await t.req('/api/localities', { method: 'POST', headers: editor.headers, body: newCity });
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(await res.json()).toMatchObject({
        code: 'JP-27-XYZ',
        country: 'JP',
        kind: 'municipality',
        parentCode: 'JP-27',
        version: 1,
      });
      const stored = await (await t.req('/api/localities/JP-27-XYZ')).json();
      expect(stored.name).toEqual(newCity.name);
      expect(stored.sources).toEqual(newCity.sources);
      expect((await t.req('/api/localities/JP-27')).ok).toBe(true);
      expect(
        (await (await t.req('/api/localities/JP-27')).json()).children.map((c: Item) => c.code),
      ).toContain('JP-27-XYZ');
      for (const q of ['架空', 'kakuu', 'KAKUU CITY']) expect(await search(q), q).toContain('JP-27-XYZ');

      const again = await t.req('/api/localities', {
        method: 'POST',
        headers: editor.headers,
        body: newCity,
      });
      expect(again.status).toBe(409);
      expect(await problemPaths(again)).toEqual(['code']);
    });

    it('names the bad fields of a new city', async () => {
      const admin = await t.signIn('admin');
      const post = (body: unknown) =>
        t.req('/api/localities', { method: 'POST', headers: admin.headers, body });
      const badCode = await post({ ...newCity, code: 'osaka-xyz' });
      expect(badCode.status).toBe(400);
      expect(new Set(await problemPaths(badCode))).toEqual(new Set(['code']));
      const wrongParent = await post({ ...newCity, code: 'JP-28-XYZ' });
      expect(wrongParent.status).toBe(400);
      expect(await problemPaths(wrongParent)).toEqual(['code']);
      const vnParent = await post({ ...newCity, code: 'JP-27-ABC', parentCode: 'VN-HANOI' });
      expect(vnParent.status).toBe(400);
      expect(await problemPaths(vnParent)).toContain('parentCode');
      const noName = await post({ ...newCity, code: 'JP-27-ABC', name: {}, lat: 91 });
      expect(await problemPaths(noName)).toEqual(['lat', 'name']);
      const unknownParent = await post({ ...newCity, code: 'JP-99-ABC', parentCode: 'JP-99' });
      expect(unknownParent.status).toBe(422);
      expect(await problemCode(unknownParent)).toBe('reference.unknown');
      const underCity = await post({ ...newCity, code: 'JP-27-SAKAI-KITA', parentCode: 'JP-27-SAKAI' });
      expect(underCity.status).toBe(400);
      expect((await t.req('/api/localities?kind=municipality&limit=1')).ok).toBe(true);
    });

    it('updates a city with If-Match and refuses a stale version', async () => {
      const editor = await t.signIn('editor', ['JP-27']);
      const code = 'JP-27-UPD';
      await t.req('/api/localities', { method: 'POST', headers: editor.headers, body: { ...newCity, code } });
      const patch = (ifMatch: string | null, body: unknown, headers = editor.headers) =>
        t.req(`/api/localities/${code}`, {
          method: 'PATCH',
          headers: { ...headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
          body,
        });
      const noMatch = await patch(null, { adminCenter: 'Center' });
      expect(noMatch.status).toBe(428);
      expect(await problemCode(noMatch)).toBe('request.precondition_required');
      const badTag = await patch('version-1', { adminCenter: 'Center' });
      expect(badTag.status).toBe(400);

      const ok = await patch('"1"', { name: { ja: '更新市', en: 'Koushin' }, lat: 34.5 });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');
      const stale = await patch('"1"', { lat: 10 });
      expect(stale.status).toBe(412);
      expect(await problemCode(stale)).toBe('locality.version_conflict');
      const stored = await (await t.req(`/api/localities/${code}`)).json();
      expect(stored).toMatchObject({ version: 2, lat: 34.5, name: { ja: '更新市', en: 'Koushin' } });
      expect(stored.name.vi).toBeUndefined();
      expect(await search('koushin')).toContain(code);
      expect(await search('kakuu')).not.toContain(code);

      const outsider = await t.signIn('editor', ['JP-13']);
      const denied = await patch('"2"', { lat: 1 }, outsider.headers);
      expect(denied.status).toBe(403);
      expect((await (await t.req(`/api/localities/${code}`)).json()).lat).toBe(34.5);
    });

    it('shows a change made through another server at once', async () => {
      const admin = await t.signIn('admin');
      const other = behindProxy(t);
      const read = async () => [
        await (await t.req('/api/localities/JP-31')).json(),
        await search('因幡'),
        (await (await t.req('/api/localities?country=JP&kind=prefecture&format=csv')).text()).includes(
          '因幡',
        ),
      ];
      await read();
      const [before, found, inCsv] = await read();
      expect(found).not.toContain('JP-31');
      expect(inCsv).toBe(false);
      const res = await other(`/api/localities/JP-31`, {
        method: 'PATCH',
        headers: { ...admin.headers, 'if-match': `"${before.version}"` },
        body: { name: { ...before.name, ja: '鳥取県（因幡）' } },
      });
      expect(res.status).toBe(200);
      const [after, foundAfter, inCsvAfter] = await read();
      expect(after.version).toBe(before.version + 1);
      expect(after.name.ja).toBe('鳥取県（因幡）');
      expect(foundAfter).toContain('JP-31');
      expect(inCsvAfter).toBe(true);
    });

    it('leaves provinces and prefectures to admins', async () => {
      const editor = await t.signIn('editor', ['JP-27', 'VN-DA-NANG']);
      for (const code of ['JP-27', 'VN-DA-NANG']) {
        const res = await t.req(`/api/localities/${code}`, {
          method: 'PATCH',
          headers: { ...editor.headers, 'if-match': '"1"' },
          body: { adminCenter: 'Somewhere' },
        });
        expect(res.status, code).toBe(403);
        expect(await problemCode(res)).toBe('auth.forbidden');
      }
      const admin = await t.signIn('admin');
      const res = await t.req('/api/localities/JP-25', {
        method: 'PATCH',
        headers: { ...admin.headers, 'if-match': '"1"' },
        body: { adminCenter: 'Otsu' },
      });
      expect(res.status).toBe(200);
      const audit = await (
        await t.req('/api/audit?entityType=locality&entityId=JP-25', { headers: admin.headers })
      ).json();
      expect(audit.items[0]).toMatchObject({ action: 'update', actor: { email: admin.email } });
      expect(audit.items[0].after.adminCenter).toBe('Otsu');
      // The edit keeps what search finds.
      expect(await search('滋賀')).toContain('JP-25');
    });
  });

  describe('CSV export', () => {
    it('exports the filtered list with a byte-order mark, one row per locality', async () => {
      const res = await t.req('/api/localities?format=csv&country=JP&kind=prefecture');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toContain('localities.csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
      expect(lines[0].split(',').slice(0, 4)).toEqual(['code', 'country', 'kind', 'parent']);
      expect(lines).toHaveLength(REFERENCE.jpPrefectures + 1);
      expect(lines.some((l) => l.startsWith('JP-25,JP,prefecture,,') && l.includes('滋賀県'))).toBe(true);

      const everything = new TextDecoder().decode(
        await (await t.req('/api/localities?format=csv')).arrayBuffer(),
      );
      expect(everything).toContain('Đà Nẵng');
      expect(everything).toContain('Hải Phòng;Hải Dương');
      const total = (await list('limit=1')).total;
      expect(everything.split('\r\n').filter(Boolean)).toHaveLength(total + 1);
    });
  });
});
