import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import {
  adminHeaders,
  auditOf,
  buildAgreement,
  buildLocality,
  buildOrganization,
  buildProfile,
} from '../../../test/support/factories.ts';

/**
 * The rules of the services that write, through the API: references, dates, versions, what an
 * update keeps, the audit entry and the search index each write leaves, and refusals that name
 * what is wrong. Every test makes its own records.
 */
describe.each(ENGINES)('write rules on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await adminHeaders(t);
  });
  afterAll(() => t.close());

  const send = (method: string, path: string, body?: unknown, version?: number, headers = admin) =>
    t.req(path, {
      method,
      headers: { ...headers, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
      body,
    });
  const problem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    return (await res.json()) as {
      code: string;
      detail: string;
      errors?: { path: string; code: string; message: string }[];
    };
  };
  const indexed = async (type: string, id: string) =>
    (
      await t.db.db
        .selectFrom('search_terms')
        .select('term')
        .where('entity_type', '=', type)
        .where('entity_id', '=', id)
        .execute()
    ).length;

  describe('agreements', () => {
    it('names an unknown party, renewed or superseded agreement, and refuses to renew itself', async () => {
      const unknown = await problem(
        await send('POST', '/api/agreements', {
          kind: 'mou',
          parties: [
            { type: 'locality', code: 'VN-HUE' },
            { type: 'organization', code: 'org-nowhere' },
          ],
        }),
        422,
      );
      expect(unknown.code).toBe('reference.unknown');
      // Parties are resolved by code or by name (in any script): the answer says neither matched.
      const message = 'no locality or organisation is named or coded "org-nowhere"';
      expect(unknown.errors).toEqual([{ path: 'parties.1.code', code: 'unknown_reference', message }]);
      expect(unknown.detail).toContain(`parties.1.code: ${message}`);

      const a = await buildAgreement(t);
      for (const field of ['renewsId', 'supersedesId']) {
        const created = await problem(
          await send('POST', '/api/agreements', { ...base(), [field]: 'agr-nope' }),
          422,
        );
        expect(created.errors).toEqual([
          { path: field, code: 'unknown_reference', message: 'unknown agreement agr-nope' },
        ]);
        const self = await problem(await send('PATCH', `/api/agreements/${a.id}`, { [field]: a.id }, 1), 422);
        expect(self.errors).toEqual([
          { path: field, code: 'unknown_reference', message: 'an agreement cannot renew itself' },
        ]);
      }
      const other = await buildAgreement(t);
      const renews = await send('PATCH', `/api/agreements/${a.id}`, { renewsId: other.id }, 1);
      expect(renews.status).toBe(200);
      expect((await auditOf(t, a.id)).map((e) => e.action)).toEqual(['create', 'update']);
    });

    it('refuses an end date before the signing date; the same day is fine', async () => {
      const a = await buildAgreement(t, { signedOn: '2025-04-10' });
      const before = await problem(
        await send('PATCH', `/api/agreements/${a.id}`, { validUntil: '2025-04-09' }, 1),
        400,
      );
      expect(before.errors).toEqual([
        { path: 'validUntil', code: 'invalid', message: 'must not be before the signing date' },
      ]);
      expect(before.detail).toBe('validUntil is before the signing date');
      expect((await send('PATCH', `/api/agreements/${a.id}`, { validUntil: '2025-04-10' }, 1)).status).toBe(
        200,
      );
      // Without a signing date any end date goes.
      const undated = await buildAgreement(t, { signedOn: null });
      expect(
        (await send('PATCH', `/api/agreements/${undated.id}`, { validUntil: '1990-01' }, 1)).status,
      ).toBe(200);
    });

    it('creates an agreement that is not synthetic, with no party notes unless given, findable by its words', async () => {
      const a = await buildAgreement(t, { kindDetail: 'memorandum on zygomorphic orchids' });
      expect(a.synthetic).toBe(false);
      expect(a.parties.map((p) => (p as { note?: string | null }).note ?? null)).toEqual([null, null]);
      const found = await (await t.req(`/api/agreements?q=${encodeURIComponent('zygomorphic')}`)).json();
      expect(found.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      const audit = await auditOf(t, a.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'create', entity_type: 'agreement' })]);
    });

    it('an update changes fields and search words; a stale delete is refused; a delete leaves nothing behind', async () => {
      const a = await buildAgreement(t, { fields: ['culture'] });
      const updated = await send(
        'PATCH',
        `/api/agreements/${a.id}`,
        { fields: ['tourism'], title: { en: 'Quixotic lanterns accord' } },
        1,
      );
      expect(updated.status).toBe(200);
      expect((await updated.json()).fields).toEqual(['tourism']);
      const found = await (await t.req(`/api/agreements?q=${encodeURIComponent('quixotic')}`)).json();
      expect(found.items.map((x: { id: string }) => x.id)).toEqual([a.id]);

      const stale = await problem(await send('DELETE', `/api/agreements/${a.id}`, undefined, 1), 412);
      expect(stale.code).toBe('agreement.version_conflict');
      expect(stale.detail).toContain(a.id);
      expect((await t.req(`/api/agreements/${a.id}`)).status).toBe(200);

      expect((await send('DELETE', `/api/agreements/${a.id}`, undefined, 2)).status).toBe(204);
      expect(await indexed('agreement', a.id)).toBe(0);
      const audit = await auditOf(t, a.id);
      expect(audit.map((e) => [e.action, e.entity_type])).toEqual([
        ['create', 'agreement'],
        ['update', 'agreement'],
        ['delete', 'agreement'],
      ]);
    });

    it('an editor of a prefecture may edit an agreement whose party is one of its cities', async () => {
      const a = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-27-SAKAI' },
        ],
      });
      const editor = await t.signIn('editor', ['JP-27']);
      expect(
        (await send('PATCH', `/api/agreements/${a.id}`, { note: 'Osaka' }, 1, editor.headers)).status,
      ).toBe(200);
    });
  });

  describe('organisations', () => {
    it('an update keeps what it does not send, and replaces the name as a whole', async () => {
      const org = await buildOrganization(t, {
        kind: 'university',
        name: { en: 'Hue Test University', vi: 'Đại học Thử Huế', ja: 'フエ試験大学' },
        website: 'https://example.org/hue',
        localityCode: 'VN-HUE',
      });
      const res = await send('PATCH', `/api/organizations/${org.id}`, { sectors: ['education'] }, 1);
      expect(res.status).toBe(200);
      const kept = await res.json();
      expect(kept).toMatchObject({
        kind: 'university',
        website: 'https://example.org/hue',
        name: { en: 'Hue Test University', vi: 'Đại học Thử Huế', ja: 'フエ試験大学' },
      });
      const renamed = await (
        await send('PATCH', `/api/organizations/${org.id}`, { name: { en: 'Hue U' } }, 2)
      ).json();
      expect(renamed.name).toEqual({ en: 'Hue U' });
      expect(renamed.website).toBe('https://example.org/hue');
      expect((await auditOf(t, org.id)).map((e) => [e.action, e.entity_type])).toEqual([
        ['create', 'organization'],
        ['update', 'organization'],
        ['update', 'organization'],
      ]);
    });

    it('an editor of its locality may edit it and move it within their scope', async () => {
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      const editor = await t.signIn('editor', ['VN-HUE', 'VN-HANOI']);
      const edit = await send(
        'PATCH',
        `/api/organizations/${org.id}`,
        { website: 'https://example.org/x' },
        1,
        editor.headers,
      );
      expect(edit.status).toBe(200);
      const moved = await send(
        'PATCH',
        `/api/organizations/${org.id}`,
        { localityCode: 'VN-HANOI' },
        2,
        editor.headers,
      );
      expect(moved.status).toBe(200);
      expect((await moved.json()).localityCode).toBe('VN-HANOI');
    });

    it('refusals name the organisation; a delete leaves nothing in the search index', async () => {
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      const stale = await problem(
        await send('PATCH', `/api/organizations/${org.id}`, { website: null }, 7),
        412,
      );
      expect(stale.detail).toContain(org.id);
      await buildAgreement(t, {
        parties: [
          { type: 'organization', code: org.id },
          { type: 'locality', code: 'JP-13' },
        ],
      });
      const inUse = await problem(await send('DELETE', `/api/organizations/${org.id}`, undefined, 1), 409);
      expect(inUse.code).toBe('reference.in_use');
      expect(inUse.detail).toContain(org.id);
      const unused = await buildOrganization(t);
      expect(await indexed('organization', unused.id)).toBeGreaterThan(0);
      expect((await send('DELETE', `/api/organizations/${unused.id}`, undefined, 1)).status).toBe(204);
      expect(await indexed('organization', unused.id)).toBe(0);
    });
  });

  describe('localities', () => {
    it('refuses an unknown prefecture or a taken code, naming them', async () => {
      const noParent = await problem(
        await send('POST', '/api/localities', { code: 'JP-48-XX', parentCode: 'JP-48', name: { en: 'X' } }),
        422,
      );
      expect(noParent.errors).toEqual([
        { path: 'parentCode', code: 'unknown_reference', message: 'unknown prefecture' },
      ]);
      expect(noParent.detail).toContain('JP-48');
      const city = await buildLocality(t);
      const taken = await problem(
        await send('POST', '/api/localities', {
          code: city.code,
          parentCode: 'JP-27',
          name: { en: 'Again' },
        }),
        409,
      );
      expect(taken.errors).toEqual([{ path: 'code', code: 'taken', message: 'already in use' }]);
      expect(taken.detail).toContain(city.code);
    });

    it('a new city has no former units and an audit entry; an update keeps what it does not send', async () => {
      const city = await buildLocality(t, { adminCenter: 'old town', lat: 34.5, lon: 135.5 });
      expect((await (await t.req(`/api/localities/${city.code}`)).json()).mergedFrom).toEqual([]);
      for (const [patch, version] of [
        [{ adminCenter: 'new town' }, 1],
        [{ lat: 34.6 }, 2],
        [{ lon: 135.6 }, 3],
      ] as const) {
        const res = await send('PATCH', `/api/localities/${city.code}`, patch, version);
        expect(res.status).toBe(200);
      }
      const after = await (await t.req(`/api/localities/${city.code}`)).json();
      expect(after).toMatchObject({ adminCenter: 'new town', lat: 34.6, lon: 135.6 });
      expect(after.name.ja).toBe(city.name && (city.name as { ja: string }).ja);
      expect((await auditOf(t, city.code)).map((e) => [e.action, e.entity_type])).toEqual([
        ['create', 'locality'],
        ['update', 'locality'],
        ['update', 'locality'],
        ['update', 'locality'],
      ]);
      const stale = await problem(await send('PATCH', `/api/localities/${city.code}`, { lat: 1 }, 1), 412);
      expect(stale.detail).toContain(city.code);
    });

    it('leaves reference provinces and prefectures to admins, saying so', async () => {
      const editor = await t.signIn('editor', ['JP-27']);
      const current = await (await t.req('/api/localities/JP-27')).json();
      const refused = await problem(
        await send('PATCH', '/api/localities/JP-27', { adminCenter: 'x' }, current.version, editor.headers),
        403,
      );
      expect(refused.detail).toContain('admin');
    });
  });

  describe('profiles', () => {
    it('answers 404 naming an unknown owner; an editor of an organisation writes its profile', async () => {
      const unknown = await problem(
        await send('PUT', '/api/profiles/org-nobody', { offers: ['x'], needs: [], priorities: [] }),
        404,
      );
      expect(unknown.detail).toContain('org-nobody');
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      const editor = await t.signIn('editor', [org.id]);
      const res = await send(
        'PUT',
        `/api/profiles/${org.id}`,
        { offers: ['rice'], needs: [], priorities: [] },
        undefined,
        editor.headers,
      );
      expect(res.status).toBe(200);
    });

    it('asks for If-Match to replace a profile, names it on a stale one, and audits create then update', async () => {
      const org = await buildOrganization(t);
      const first = await buildProfile(t, org.id);
      const body = { offers: ['water treatment'], needs: [], priorities: [] };
      const missing = await problem(await send('PUT', `/api/profiles/${org.id}`, body), 428);
      expect(missing.detail).toContain('If-Match');
      const stale = await problem(await send('PUT', `/api/profiles/${org.id}`, body, first.version + 5), 412);
      expect(stale.detail).toContain(org.id);
      expect((await send('PUT', `/api/profiles/${org.id}`, body, first.version)).status).toBe(200);
      const audit = (await auditOf(t, org.id))
        .filter((e) => e.entity_type === 'profile')
        .map((e) => e.action);
      expect(audit).toEqual(['create', 'update']);
    });
  });

  const base = () => ({
    kind: 'mou',
    parties: [
      { type: 'locality', code: 'VN-HUE' },
      { type: 'locality', code: 'JP-13' },
    ],
  });
});
