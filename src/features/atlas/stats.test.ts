import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { REFERENCE } from '../../../test/support/reference.ts';
import { SECTOR_CODES } from '../../domain/sectors.ts';

interface Stats {
  agreements: number;
  localities: number;
  organizations: number;
  byField: { code: string; count: number }[];
  byYear: { year: number; count: number }[];
  recent: { id: string }[];
}

interface Agreement {
  id: string;
  signedOn: string | null;
  fields: string[];
}

describe.each(ENGINES)('statistics on %s', (engine) => {
  let t: TestApp;
  const json = async (path: string) => {
    const res = await t.req(path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  const stats = (): Promise<Stats> => json('/api/stats');
  const allAgreements = async (): Promise<Agreement[]> => {
    const out: Agreement[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(`/api/agreements?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  /** What the numbers must be, computed from the lists themselves. */
  async function expectConsistent(s: Stats) {
    const agreements = await allAgreements();
    expect(s.agreements).toBe(agreements.length);
    expect(s.agreements).toBe((await json('/api/agreements?limit=1')).total);
    expect(s.localities).toBe((await json('/api/localities?limit=1')).total);
    expect(s.organizations).toBe((await json('/api/organizations?limit=1')).total);
    expect(s.recent.map((a) => a.id)).toEqual(agreements.slice(0, 10).map((a) => a.id));

    const dated = agreements.filter((a) => a.signedOn);
    expect(s.byYear.reduce((n, y) => n + y.count, 0)).toBe(dated.length);
    const years = new Map<number, number>();
    for (const a of dated)
      years.set(Number(a.signedOn!.slice(0, 4)), (years.get(Number(a.signedOn!.slice(0, 4))) ?? 0) + 1);
    expect(s.byYear).toEqual([...years].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })));

    const fields = new Map<string, number>();
    for (const a of agreements) for (const f of new Set(a.fields)) fields.set(f, (fields.get(f) ?? 0) + 1);
    expect(new Map(s.byField.map((f) => [f.code, f.count]))).toEqual(fields);
    const counts = s.byField.map((f) => f.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  }

  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('counts what the lists hold', async () => {
    // Against a copy of its own (the other tests add agreements): the reference data exactly.
    const shared = t;
    t = await testApp(engine);
    onTestFinished(async () => {
      await t.close();
      t = shared;
    });
    const s = await stats();
    expect(s.agreements).toBe(REFERENCE.agreements);
    expect(s.localities).toBe(REFERENCE.localities);
    expect(s.organizations).toBe(REFERENCE.organizations);
    expect(s.byYear.length).toBeGreaterThan(5);
    expect(s.byField.length).toBeGreaterThan(5);
    await expectConsistent(s);
  });

  it('agrees with the field and year filters of the agreements list', async () => {
    const s = await stats();
    for (const { code, count } of s.byField.slice(0, 8))
      expect((await json(`/api/agreements?field=${code}&limit=1`)).total, code).toBe(count);
    for (const { year, count } of s.byYear)
      expect(
        (await json(`/api/agreements?yearFrom=${year}&yearTo=${year}&limit=1`)).total,
        String(year),
      ).toBe(count);
    for (const { code } of s.byField) expect(SECTOR_CODES, code).toContain(code);
  });

  it('follows new agreements, dated and undated', async () => {
    const admin = await t.signIn('admin');
    const before = await stats();
    const post = async (signedOn: string | null, fields: string[]) => {
      const res = await t.req('/api/agreements', {
        method: 'POST',
        headers: admin.headers,
        body: {
          kind: 'mou',
          fields,
          signedOn,
          parties: [
            { type: 'locality', code: 'VN-HUE' },
            { type: 'locality', code: 'JP-01' },
          ],
        },
      });
      expect(res.status).toBe(201);
    };
    await post('1999-05', ['culture', 'culture', 'tourism']);
    await post(null, ['culture']);
    const after = await stats();
    expect(after.agreements).toBe(before.agreements + 2);
    const year = (s: Stats, y: number) => s.byYear.find((e) => e.year === y)?.count ?? 0;
    expect(year(after, 1999)).toBe(year(before, 1999) + 1);
    expect(after.byYear.reduce((n, y) => n + y.count, 0)).toBe(
      before.byYear.reduce((n, y) => n + y.count, 0) + 1,
    );
    const field = (s: Stats, c: string) => s.byField.find((e) => e.code === c)?.count ?? 0;
    expect(field(after, 'culture')).toBe(field(before, 'culture') + 2);
    expect(field(after, 'tourism')).toBe(field(before, 'tourism') + 1);
    await expectConsistent(after);
  });

  it('stays consistent with the lists through any sequence of creations and deletions (property)', async () => {
    const admin = await t.signIn('admin');
    const sectors = ['culture', 'tourism', 'education', 'environment.water', 'economy'];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        signedOn: fc.option(fc.constantFrom('1990', '2001-04', '2015-12-31', '2026-01'), { nil: null }),
        fields: fc.subarray(sectors),
        partner: fc.constantFrom('JP-01', 'JP-47', 'JP-13'),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    const created: { id: string; version: number }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'create') {
            const res = await t.req('/api/agreements', {
              method: 'POST',
              headers: admin.headers,
              body: {
                kind: 'friendship',
                signedOn: o.signedOn,
                fields: o.fields,
                parties: [
                  { type: 'locality', code: 'VN-CAO-BANG' },
                  { type: 'locality', code: o.partner },
                ],
              },
            });
            expect(res.status).toBe(201);
            created.push(await res.json());
          } else if (created.length) {
            const [gone] = created.splice(o.pick % created.length, 1);
            const res = await t.req(`/api/agreements/${gone.id}`, {
              method: 'DELETE',
              headers: { ...admin.headers, 'if-match': `"${gone.version}"` },
            });
            expect(res.status).toBe(204);
          }
        }
        await expectConsistent(await stats());
      }),
      { numRuns: 6 },
    );
  });

  it('lists every sector code with labels in Vietnamese, Japanese and English', async () => {
    const { items } = await json('/api/sectors');
    expect(items.map((s: { code: string }) => s.code)).toEqual([...SECTOR_CODES]);
    expect(new Set(items.map((s: { code: string }) => s.code)).size).toBe(items.length);
    for (const s of items) {
      for (const lang of ['vi', 'ja', 'en']) expect(s.label[lang]?.trim(), `${s.code} ${lang}`).toBeTruthy();
      expect(s.label.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
