import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { referenceCounts } from '../seed/reference.ts';

const newAgreement = {
  kind: 'mou',
  kindDetail: 'memorandum of understanding on smart agriculture',
  fields: ['agriculture.high_tech'],
  signedOn: '2026-03',
  parties: [
    { type: 'locality', code: 'VN-SON-LA' },
    { type: 'locality', code: 'JP-06' },
  ],
  sources: [{ url: 'https://example.org/news/1', note: 'test record' }],
};

describe.each(ENGINES)('agreements on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('lists the seeded agreements newest first, with pagination', async () => {
    const first = await (await t.req('/api/agreements?limit=10')).json();
    expect(first.total).toBe(referenceCounts().agreements);
    expect(first.items).toHaveLength(10);
    const dates = first.items.map((a: { signedOn: string | null }) => a.signedOn ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const seen = new Set(first.items.map((a: { id: string }) => a.id));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await (await t.req(`/api/agreements?limit=10&cursor=${cursor}`)).json();
      for (const a of page.items) {
        expect(seen.has(a.id)).toBe(false);
        seen.add(a.id);
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(referenceCounts().agreements);
  });

  it('keeps the sources, notes and date precision of the seed', async () => {
    const { items } = await (await t.req('/api/agreements?locality=VN-DA-NANG&limit=50')).json();
    const sakai = items.find(
      (a: { signedOn: string; parties: { code: string }[] }) =>
        a.signedOn === '2009-02' && a.parties.some((p) => p.code === 'JP-27-SAKAI'),
    );
    expect(sakai.signedPrecision).toBe('month');
    expect(sakai.sources[0].url).toMatch(/^https?:\/\//);
    expect(sakai.sources[0].note.length).toBeGreaterThan(20);
  });

  it('finds agreements by a place name in any language and script', async () => {
    for (const q of ['da nang', 'Đà Nẵng', 'ダナン', 'danang']) {
      const { items, total } = await (await t.req(`/api/agreements?q=${encodeURIComponent(q)}`)).json();
      expect(total, q).toBeGreaterThan(0);
      for (const a of items) expect(a.parties.map((p: { code: string }) => p.code)).toContain('VN-DA-NANG');
    }
    const shiga = await (await t.req(`/api/agreements?q=${encodeURIComponent('滋賀')}`)).json();
    expect(
      shiga.items.every((a: { parties: { code: string }[] }) => a.parties.some((p) => p.code === 'JP-25')),
    ).toBe(true);
  });

  it('filters by field, status, kind and year range', async () => {
    const water = await (await t.req('/api/agreements?field=environment.water')).json();
    expect(water.total).toBeGreaterThan(0);
    for (const a of water.items) expect(a.fields).toContain('environment.water');
    const years = await (await t.req('/api/agreements?yearFrom=2023&yearTo=2024&limit=200')).json();
    for (const a of years.items) expect(Number(a.signedOn.slice(0, 4))).toBeGreaterThanOrEqual(2023);
    for (const a of years.items) expect(Number(a.signedOn.slice(0, 4))).toBeLessThanOrEqual(2024);
    const bad = await t.req('/api/agreements?status=signed&yearFrom=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = await bad.json();
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.status',
      'query.yearFrom',
    ]);
  });

  it('exports the filtered list as CSV with a byte-order mark', async () => {
    const res = await t.req('/api/agreements?locality=VN-DA-NANG&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Đà Nẵng');
    expect(text.split('\r\n')[0]).toContain('parties');
  });

  it('refuses anonymous writes with 401 and writes outside the scope with 403', async () => {
    expect((await t.req('/api/agreements', { method: 'POST', body: newAgreement })).status).toBe(401);
    expect((await t.req('/api/agreements', { method: 'POST', body: { junk: true } })).status).toBe(401);
    const outsider = await t.signIn('editor', ['VN-HANOI']);
    const res = await t.req('/api/agreements', {
      method: 'POST',
      headers: outsider.headers,
      body: newAgreement,
    });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('auth.forbidden');
  });

  it('lets an editor in scope create, update with If-Match, and records the audit trail', async () => {
    const editor = await t.signIn('editor', ['VN-SON-LA']);
    const created = await t.req('/api/agreements', {
      method: 'POST',
      headers: editor.headers,
      body: newAgreement,
    });
    expect(created.status).toBe(201);
    const agreement = await created.json();
    expect(created.headers.get('etag')).toBe('"1"');

    const noMatch = await t.req(`/api/agreements/${agreement.id}`, {
      method: 'PATCH',
      headers: editor.headers,
      body: { status: 'planned' },
    });
    expect(noMatch.status).toBe(428);

    const ok = await t.req(`/api/agreements/${agreement.id}`, {
      method: 'PATCH',
      headers: { ...editor.headers, 'if-match': '"1"' },
      body: { status: 'planned', note: 'first edit' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');

    const stale = await t.req(`/api/agreements/${agreement.id}`, {
      method: 'PATCH',
      headers: { ...editor.headers, 'if-match': '"1"' },
      body: { note: 'overwrites the first edit' },
    });
    expect(stale.status).toBe(412);
    expect((await stale.json()).code).toBe('agreement.version_conflict');
    const stored = await (await t.req(`/api/agreements/${agreement.id}`)).json();
    expect(stored.note).toBe('first edit');

    const admin = await t.signIn('admin');
    const audit = await (
      await t.req(`/api/audit?entityType=agreement&entityId=${agreement.id}`, { headers: admin.headers })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0].actor.email).toBe(editor.email);
    expect(audit.items[0].before.note).toBeNull();
    expect(audit.items[0].after.note).toBe('first edit');
  });

  it('an update changes only the fields it sends', async () => {
    const admin = await t.signIn('admin');
    const created = await (
      await t.req('/api/agreements', {
        method: 'POST',
        headers: admin.headers,
        body: { ...newAgreement, note: 'kept' },
      })
    ).json();
    const res = await t.req(`/api/agreements/${created.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': '"1"' },
      body: { status: 'expired' },
    });
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after.status).toBe('expired');
    expect(after.fields).toEqual(created.fields);
    expect(after.kindDetail).toBe(created.kindDetail);
    expect(after.note).toBe('kept');
    expect(after.sources).toEqual(created.sources);
  });

  it('keeps the note of a party through an update of the parties', async () => {
    const admin = await t.signIn('admin');
    const parties = [
      { type: 'locality', code: 'VN-SON-LA', note: 'Department of Agriculture of Sơn La' },
      { type: 'locality', code: 'JP-06' },
    ];
    const created = await (
      await t.req('/api/agreements', {
        method: 'POST',
        headers: admin.headers,
        body: { ...newAgreement, parties },
      })
    ).json();
    expect(created.parties[0].note).toBe('Department of Agriculture of Sơn La');
    const res = await t.req(`/api/agreements/${created.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': '"1"' },
      body: { parties: [...parties, { type: 'locality', code: 'JP-05', note: null }] },
    });
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after.parties.map((p: { note: string | null }) => p.note)).toEqual([
      'Department of Agriculture of Sơn La',
      null,
      null,
    ]);
  });

  it('names every bad field of a create by its path', async () => {
    const admin = await t.signIn('admin');
    const res = await t.req('/api/agreements', {
      method: 'POST',
      headers: admin.headers,
      body: {
        ...newAgreement,
        signedOn: '2025-02-30',
        fields: ['not-a-field'],
        parties: [{ type: 'locality', code: 'VN-SON-LA' }],
      },
    });
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['fields.0', 'parties', 'signedOn']);
    const unknown = await t.req('/api/agreements', {
      method: 'POST',
      headers: admin.headers,
      body: {
        ...newAgreement,
        parties: [
          { type: 'locality', code: 'VN-SON-LA' },
          { type: 'locality', code: 'JP-99' },
        ],
      },
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].path).toBe('parties.1.code');
  });

  it('deletes with If-Match and answers 404 afterwards', async () => {
    const admin = await t.signIn('admin');
    const created = await (
      await t.req('/api/agreements', { method: 'POST', headers: admin.headers, body: newAgreement })
    ).json();
    const del = await t.req(`/api/agreements/${created.id}`, {
      method: 'DELETE',
      headers: { ...admin.headers, 'if-match': '"1"' },
    });
    expect(del.status).toBe(204);
    expect((await t.req(`/api/agreements/${created.id}`)).status).toBe(404);
  });
});
