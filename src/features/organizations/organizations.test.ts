import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { problemCode, problemPaths } from '../../../test/support/factories.ts';
import { REFERENCE } from '../../../test/support/reference.ts';

interface Org {
  id: string;
  kind: string;
  name: { vi?: string; ja?: string; en?: string };
  localityCode: string;
  locality: { code: string; country: string };
  sectors: string[];
  website: string | null;
  version: number;
}

const KANAGAWA = 'org-kanagawa-public-enterprise-agency';
const OSAKA_BUREAU = 'org-osaka-city-construction-bureau';

const newOrg = {
  kind: 'company',
  name: {
    vi: 'Công ty Cổ phần Thử nghiệm Đà Nẵng',
    en: 'Da Nang Test Joint Stock Company',
    ja: 'ダナン試験株式会社',
  },
  localityCode: 'VN-DA-NANG',
  website: 'https://www.example.vn/',
  sectors: ['tourism', 'agriculture'],
  description: { en: 'A company made up for tests.' },
};

describe.each(ENGINES)('organisations on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  const list = async (query: string) => {
    const res = await t.req(`/api/organizations?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as { items: Org[]; total: number; nextCursor: string | null };
  };
  const ids = async (query: string) => (await list(`limit=200&${query}`)).items.map((o) => o.id).sort();
  const create = (headers: Record<string, string>, body: unknown) =>
    t.req('/api/organizations', { method: 'POST', headers, body });

  beforeAll(async () => {
    t = await testApp(engine);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  describe('listing', () => {
    // Each listing test reads a copy of the reference data of its own: what the other tests
    // write stays out of it, whatever the order.
    let shared: TestApp;
    beforeEach(async () => {
      shared = t;
      t = await testApp(engine);
    });
    afterEach(async () => {
      await t.close();
      t = shared;
    });

    it('lists the seeded organisations with their localities', async () => {
      const all = await list('limit=200');
      expect(all.total).toBe(REFERENCE.organizations);
      const bureau = all.items.find((o) => o.id === OSAKA_BUREAU)!;
      expect(bureau.locality).toMatchObject({ code: 'JP-27-OSAKA', country: 'JP' });
      expect(bureau.name.ja).toBe('大阪市建設局');
    });

    it('filters by country, locality (with the cities of a prefecture), kind and search', async () => {
      expect(await ids('country=VN')).toEqual([]);
      expect((await list('country=JP')).total).toBe(REFERENCE.organizationsIn('JP'));
      expect(await ids('locality=JP-42')).toEqual([
        'org-nagasaki-industry-labour',
        'org-nagasaki-pref-assembly',
      ]);
      expect(await ids('locality=JP-27')).toEqual([OSAKA_BUREAU]);
      expect(await ids('locality=JP-27-OSAKA')).toEqual([OSAKA_BUREAU]);
      expect(await ids('locality=JP-27-SAKAI')).toEqual([]);
      expect((await list('kind=government')).total).toBe(REFERENCE.organizationsOfKind('government'));
      expect(await ids('kind=company')).toEqual([]);
      expect(await ids(`q=${encodeURIComponent('長崎')}`)).toEqual([
        'org-nagasaki-industry-labour',
        'org-nagasaki-pref-assembly',
      ]);
      expect(await ids('q=nagasaki')).toEqual(['org-nagasaki-industry-labour', 'org-nagasaki-pref-assembly']);
      expect(await ids(`q=${encodeURIComponent('hội đồng')}`)).toEqual([
        'org-fukuoka-pref-assembly',
        'org-nagasaki-pref-assembly',
        'org-yamaguchi-pref-assembly',
      ]);
      expect(await ids('q=hoi+dong&locality=JP-40')).toEqual(['org-fukuoka-pref-assembly']);
      const bad = await t.req('/api/organizations?kind=bank');
      expect(bad.status).toBe(400);
      expect(await problemPaths(bad)).toEqual(['query.kind']);
    });

    it('never fails on arbitrary search text, alone or with filters (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          fc.constantFrom('', '&country=JP', '&locality=JP-27', '&kind=government&sector=tourism'),
          async (q, filter) => {
            const res = await t.req(`/api/organizations?limit=3&q=${encodeURIComponent(q)}${filter}`);
            expect(res.status, JSON.stringify(q)).toBe(200);
            const page = await res.json();
            expect(page.items.length).toBeLessThanOrEqual(Math.min(3, page.total));
          },
        ),
        { numRuns: 30 },
      );
    });

    it('filters by sector', async () => {
      const admin = await t.signIn('admin');
      const created = await (
        await create(admin.headers, { ...newOrg, sectors: ['environment.water'] })
      ).json();
      expect(await ids('sector=environment.water')).toEqual([created.id]);
      expect(await ids('sector=environment.water&country=JP')).toEqual([]);
      expect(await ids('sector=environment.water&locality=VN-DA-NANG&kind=company')).toEqual([created.id]);
    });

    it('pages through every organisation exactly once, in name order, for any page size', async () => {
      const total = (await list('limit=1')).total;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 9 }), async (limit) => {
          const seen: Org[] = [];
          let cursor: string | null = null;
          do {
            const page = await list(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            expect(page.total).toBe(total);
            seen.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          expect(new Set(seen.map((o) => o.id)).size).toBe(total);
          expect(seen).toHaveLength(total);
        }),
        { numRuns: 6 },
      );
    });
  });

  describe('detail', () => {
    it('shows an organisation with the agreements it is a party to', async () => {
      const res = await t.req(`/api/organizations/${KANAGAWA}`);
      expect(res.status).toBe(200);
      const org = await res.json();
      expect(res.headers.get('etag')).toBe(`"${org.version}"`);
      expect(org.agreements.length).toBe(2);
      for (const a of org.agreements)
        expect(a.parties.map((p: { code: string }) => p.code)).toContain(KANAGAWA);
      const missing = await t.req('/api/organizations/org-nope');
      expect(missing.status).toBe(404);
      expect(await problemCode(missing)).toBe('not_found');
    });
  });

  describe('writes', () => {
    it('lets an editor create organisations in their locality, and not elsewhere', async () => {
      expect((await create({}, newOrg)).status).toBe(401);
      const editor = await t.signIn('editor', ['VN-DA-NANG']);
      const before = (await list('limit=1')).total;
      const elsewhere = await create(editor.headers, { ...newOrg, localityCode: 'VN-HANOI' });
      expect(elsewhere.status).toBe(403);
      expect(await problemCode(elsewhere)).toBe('auth.forbidden');
      expect((await list('limit=1')).total).toBe(before);

      const res = await create(editor.headers, newOrg);
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      const org = await res.json();
      const stored = await (await t.req(`/api/organizations/${org.id}`)).json();
      expect(stored).toMatchObject({
        kind: 'company',
        name: newOrg.name,
        localityCode: 'VN-DA-NANG',
        website: 'https://www.example.vn/',
        description: newOrg.description,
        synthetic: false,
        version: 1,
        agreements: [],
      });
      expect([...stored.sectors].sort()).toEqual(['agriculture', 'tourism']);
      for (const q of ['thu nghiem', 'Thử nghiệm', 'ダナン試験', 'joint stock']) {
        expect(await ids(`q=${encodeURIComponent(q)}`), q).toContain(org.id);
      }
      const audit = await (
        await t.req(`/api/audit?entityType=organization&entityId=${org.id}`, { headers: admin.headers })
      ).json();
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'create', actor: { email: editor.email } });
    });

    it('names every bad field by its path', async () => {
      const res = await create(admin.headers, {
        ...newOrg,
        name: {},
        website: 'ftp://example.org',
        sectors: ['not-a-sector', 'tourism'],
      });
      expect(res.status).toBe(400);
      expect(await problemPaths(res)).toEqual(['name', 'sectors.0', 'website']);
      const kind = await create(admin.headers, { ...newOrg, kind: 'bank', extra: true });
      expect(kind.status).toBe(400);
      expect(await problemPaths(kind)).toEqual(expect.arrayContaining(['kind']));
      const unknown = await create(admin.headers, { ...newOrg, localityCode: 'VN-ATLANTIS' });
      expect(unknown.status).toBe(422);
      expect(await problemPaths(unknown)).toEqual(['localityCode']);
      const malformed = await t.req('/api/organizations', {
        method: 'POST',
        headers: admin.headers,
        body: '{"kind":',
      });
      expect(malformed.status).toBe(400);
      expect(await problemCode(malformed)).toBe('request.malformed_json');
    });

    it('updates with If-Match, refuses a stale version and keeps the stored record', async () => {
      const editor = await t.signIn('editor', ['VN-DA-NANG']);
      const org = await (await create(editor.headers, newOrg)).json();
      const patch = (ifMatch: string | null, body: unknown, headers = editor.headers) =>
        t.req(`/api/organizations/${org.id}`, {
          method: 'PATCH',
          headers: { ...headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
          body,
        });
      expect((await patch(null, { kind: 'association' })).status).toBe(428);
      const ok = await patch('"1"', {
        name: { en: 'Renamed Cooperative' },
        sectors: ['environment.water'],
        website: null,
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');
      const stale = await patch('"1"', { kind: 'association' });
      expect(stale.status).toBe(412);
      expect(await problemCode(stale)).toBe('organization.version_conflict');
      const stored = await (await t.req(`/api/organizations/${org.id}`)).json();
      expect(stored).toMatchObject({
        version: 2,
        kind: 'company',
        name: { en: 'Renamed Cooperative' },
        sectors: ['environment.water'],
        website: null,
      });
      expect(await ids('q=renamed')).toContain(org.id);
      expect(await ids('q=joint+stock')).not.toContain(org.id);
      expect(await ids('sector=tourism')).not.toContain(org.id);

      const badField = await patch('"2"', { sectors: ['nope'] });
      expect(badField.status).toBe(400);
      expect(await problemPaths(badField)).toEqual(['sectors.0']);
      const outsider = await t.signIn('editor', ['VN-HANOI']);
      const denied = await patch('"2"', { kind: 'other' }, outsider.headers);
      expect(denied.status).toBe(403);
      const move = await patch('"2"', { localityCode: 'VN-HANOI' });
      expect(move.status).toBe(403);
      expect((await (await t.req(`/api/organizations/${org.id}`)).json()).localityCode).toBe('VN-DA-NANG');
    });

    it('lets exactly one of several concurrent edits of the same version win', async () => {
      const org = await (await create(admin.headers, newOrg)).json();
      const results = await Promise.all(
        ['tourism', 'agriculture', 'education', 'culture', 'economy'].map((sector) =>
          t.req(`/api/organizations/${org.id}`, {
            method: 'PATCH',
            headers: { ...admin.headers, 'if-match': '"1"' },
            body: { sectors: [sector], description: { en: sector } },
          }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412]);
      const winner = await results.find((r) => r.status === 200)!.json();
      const stored = await (await t.req(`/api/organizations/${org.id}`)).json();
      expect(stored.version).toBe(2);
      expect(stored.sectors).toEqual(winner.sectors);
      expect(stored.sectors).toEqual([stored.description.en]);
    });

    it('refuses to delete a party to an agreement, and deletes an unused organisation with If-Match', async () => {
      const inUse = await t.req(`/api/organizations/${KANAGAWA}`, {
        method: 'DELETE',
        headers: { ...admin.headers, 'if-match': '"1"' },
      });
      expect(inUse.status).toBe(409);
      expect(await problemCode(inUse)).toBe('reference.in_use');
      expect((await t.req(`/api/organizations/${KANAGAWA}`)).status).toBe(200);

      const org = await (await create(admin.headers, newOrg)).json();
      const del = (ifMatch: string | null) =>
        t.req(`/api/organizations/${org.id}`, {
          method: 'DELETE',
          headers: { ...admin.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        });
      expect((await del(null)).status).toBe(428);
      const stale = await del('"7"');
      expect(stale.status).toBe(412);
      expect((await t.req(`/api/organizations/${org.id}`)).status).toBe(200);
      expect((await del('"1"')).status).toBe(204);
      expect((await t.req(`/api/organizations/${org.id}`)).status).toBe(404);
      expect(await ids(`q=${encodeURIComponent('ダナン試験')}`)).not.toContain(org.id);
      expect(
        await t.db.db
          .selectFrom('organization_sectors')
          .select('code')
          .where('organization_id', '=', org.id)
          .execute(),
      ).toEqual([]);
      const audit = await (
        await t.req(`/api/audit?entityType=organization&entityId=${org.id}`, { headers: admin.headers })
      ).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
      expect(audit.items[0].before.id).toBe(org.id);
    });

    it('lets an editor scoped to an organisation edit it and the agreements it is a party to', async () => {
      const editor = await t.signIn('editor', [KANAGAWA]);
      const current = await (await t.req(`/api/organizations/${KANAGAWA}`)).json();
      const own = await t.req(`/api/organizations/${KANAGAWA}`, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': `"${current.version}"` },
        body: { website: 'https://www.pref.kanagawa.jp/' },
      });
      expect(own.status).toBe(200);
      const other = await t.req(`/api/organizations/${OSAKA_BUREAU}`, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': '"1"' },
        body: { website: 'https://example.org/' },
      });
      expect(other.status).toBe(403);

      const party = current.agreements[0];
      const edit = await t.req(`/api/agreements/${party.id}`, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': `"${party.version}"` },
        body: { note: 'checked by the agency' },
      });
      expect(edit.status).toBe(200);
      expect((await (await t.req(`/api/agreements/${party.id}`)).json()).note).toBe('checked by the agency');

      const { items } = await (await t.req('/api/agreements?limit=200')).json();
      const unrelated = items.find(
        (a: { parties: { code: string }[] }) =>
          !a.parties.some((p) => p.code === KANAGAWA || p.code === 'JP-14' || p.code.startsWith('JP-14-')),
      );
      const denied = await t.req(`/api/agreements/${unrelated.id}`, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': `"${unrelated.version}"` },
        body: { note: 'not mine' },
      });
      expect(denied.status).toBe(403);
      // Nor may it create an organisation: its scope is one organisation, not a locality.
      expect((await create(editor.headers, { ...newOrg, localityCode: 'JP-14' })).status).toBe(403);
    });
  });

  describe('CSV export', () => {
    it('defuses names a spreadsheet would run as formulas', async () => {
      const names = ['=HYPERLINK("http://evil.example")', '+84 Hanoi', '-1 Co', '@SUM(A1)'];
      for (const en of names) {
        const res = await create(admin.headers, { ...newOrg, name: { en }, localityCode: 'VN-HUE' });
        expect(res.status, en).toBe(201);
      }
      const text = await (await t.req('/api/organizations?format=csv&locality=VN-HUE')).text();
      const cells = text
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[2]);
      expect(cells).toHaveLength(names.length);
      for (const cell of cells) expect(cell, cell).toMatch(/^"?'[=+\-@]/);
    });

    it('exports the filtered list, one row per organisation', async () => {
      const res = await t.req('/api/organizations?format=csv&locality=JP-42');
      expect(res.headers.get('content-type')).toContain('text/csv');
      const text = new TextDecoder().decode(await res.arrayBuffer());
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines[0].startsWith('id,kind,name_en')).toBe(true);
      expect(lines).toHaveLength(3);
      expect(text).toContain('長崎県議会');
    });
  });
});
