import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { readSeedFile } from '../seed/reference.ts';
import { parseCsv } from '../shared/csv.ts';
import type { Agreement } from './schemas.ts';
import { deriveStatus, todayIso } from './status.ts';

const STATUSES = ['in_force', 'expired', 'renewed', 'planned'] as const;

/** The rows of agreements-terms.csv, as the data file states them. */
const terms = () => {
  const [header, ...rows] = parseCsv(readSeedFile('agreements-terms.csv'));
  return rows.map((r) => Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i]])));
};

describe.each(ENGINES)('agreement statuses and parties by name on %s', (engine) => {
  let t: TestApp;
  let all: Agreement[];
  let editor: { headers: Record<string, string> };
  beforeAll(async () => {
    t = await testApp(engine);
    all = (await (await t.req('/api/agreements?limit=200')).json()).items;
    editor = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const find = (vn: string, jp: string, signed: string) =>
    all.filter(
      (a) =>
        a.signedOn === signed && a.parties.some((p) => p.code === vn) && a.parties.some((p) => p.code === jp),
    );

  it('records the end dates and statuses the sources state, with the source', async () => {
    for (const row of terms()) {
      const matches = all.filter(
        (a) =>
          a.signedOn === row.signed &&
          a.parties.some((p) => p.code === row.vn_party) &&
          a.sources.some((s) => s.url === row.source_url && s.note === row.source_note),
      );
      expect(matches, `${row.vn_party} ${row.signed}`).toHaveLength(1);
      expect(matches[0].validUntil).toBe(row.valid_until || null);
      expect(matches[0].statusStated).toBe(row.status);
      expect(matches[0].status).toBe(row.status);
    }
    const shiga = find('VN-QUANG-NINH', 'JP-25', '2017-10-20')[0];
    expect(shiga).toMatchObject({ status: 'expired', validUntil: '2019-10-30' });
  });

  it('an agreement renewed by a later one shows renewed, and the later one names it', async () => {
    const kobe = find('VN-AN-GIANG', 'JP-28-KOBE', '2011');
    expect(kobe).toHaveLength(1);
    expect(kobe[0].status).toBe('renewed');
    const renewal = find('VN-AN-GIANG', 'JP-28-KOBE', '2017-10-03')[0];
    expect(renewal.renewsId).toBe(kobe[0].id);
    const detail = await (await t.req(`/api/agreements/${kobe[0].id}`)).json();
    expect(detail.renewedBy.map((a: Agreement) => a.id)).toEqual([renewal.id]);
  });

  it('every status filter returns exactly the agreements shown with that status', async () => {
    // Read now: other tests of this file add agreements, in whatever order they run.
    const current: Agreement[] = (await (await t.req('/api/agreements?limit=200')).json()).items;
    const shown = new Map(
      STATUSES.map((s) => [
        s,
        current
          .filter((a) => a.status === s)
          .map((a) => a.id)
          .sort(),
      ]),
    );
    for (const s of ['in_force', 'expired', 'renewed'] as const)
      expect(shown.get(s)!.length, s).toBeGreaterThan(0);
    for (const s of STATUSES) {
      const { items, total } = await (await t.req(`/api/agreements?status=${s}&limit=200`)).json();
      expect(total, s).toBe(shown.get(s)!.length);
      expect(items.map((a: Agreement) => a.id).sort(), s).toEqual(shown.get(s));
    }
  });

  it('derives the status from the end date unless one is stated; an update keeps what was stated', async () => {
    const base = {
      kind: 'mou',
      signedOn: '2020-01-10',
      parties: [
        { type: 'locality', code: 'VN-SON-LA' },
        { type: 'locality', code: 'JP-06' },
      ],
    };
    const create = (body: object) =>
      t.req('/api/agreements', { method: 'POST', headers: editor.headers, body: { ...base, ...body } });
    const ended = await (await create({ validUntil: '2021-01-09' })).json();
    expect(ended).toMatchObject({ status: 'expired', statusStated: null });
    const running = await (await create({ validUntil: '2100-01', kindDetail: 'a' })).json();
    expect(running).toMatchObject({ status: 'in_force', statusStated: null });
    const stated = await (
      await create({ validUntil: '2021-01-09', status: 'in_force', kindDetail: 'b' })
    ).json();
    expect(stated).toMatchObject({ status: 'in_force', statusStated: 'in_force' });
    const res = await t.req(`/api/agreements/${stated.id}`, {
      method: 'PATCH',
      headers: { ...editor.headers, 'if-match': `"${stated.version}"` },
      body: { note: 'checked' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'in_force', statusStated: 'in_force' });
    const derived = await t.req(`/api/agreements/${stated.id}`, {
      method: 'PATCH',
      headers: { ...editor.headers, 'if-match': `"${stated.version + 1}"` },
      body: { status: null },
    });
    expect(await derived.json()).toMatchObject({ status: 'expired', statusStated: null });
    expect(deriveStatus({ stated: null, validUntil: '2021-01-09', renewedByLater: false }, todayIso())).toBe(
      'expired',
    );
  });

  it('takes parties by name in any script, with or without diacritics', async () => {
    const cases: [string, string, string][] = [
      ['Quảng Ninh', 'Toyama', 'VN-QUANG-NINH|JP-16'],
      ['quang ninh', '滋賀', 'VN-QUANG-NINH|JP-25'],
      ['クアンニン省', 'shiga', 'VN-QUANG-NINH|JP-25'],
    ];
    for (const [i, [vn, jp, want]] of cases.entries()) {
      const res = await t.req('/api/agreements', {
        method: 'POST',
        headers: editor.headers,
        body: {
          kind: 'mou',
          kindDetail: `by name ${i}`,
          parties: [
            { type: 'locality', code: vn },
            { type: 'locality', code: jp },
          ],
        },
      });
      expect(res.status, `${vn} ${jp}`).toBe(201);
      const created = await res.json();
      expect(created.parties.map((p: { code: string }) => p.code).join('|')).toBe(want);
    }
  });

  it('says which records a name could mean, and that an unknown name names nothing', async () => {
    const res = await t.req('/api/agreements', {
      method: 'POST',
      headers: editor.headers,
      body: {
        kind: 'mou',
        parties: [
          { type: 'locality', code: 'Osaka' },
          { type: 'locality', code: 'Nowhere-at-all' },
        ],
      },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    const [osaka, nowhere] = body.errors;
    expect(osaka).toMatchObject({ path: 'parties.0.code', code: 'ambiguous_reference' });
    expect(osaka.message).toContain('JP-27');
    expect(osaka.message).toContain('JP-27-OSAKA');
    expect(nowhere).toMatchObject({ path: 'parties.1.code', code: 'unknown_reference' });
  });
});
