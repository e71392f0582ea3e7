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
  buildToken,
  problemCode,
} from '../../../test/support/factories.ts';

/**
 * Every authorisation rule, each with a test that fails when the rule is removed: a refused
 * write answers 403 (or 401), changes nothing and records nothing in the audit log. Each test
 * creates the records it needs with the factories.
 */
describe.each(ENGINES)('authorisation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  /** What the API shows of a record, with its audit trail: must be the same after a refused write. */
  const snapshot = async (path: string, id: string) => {
    const res = await t.req(path);
    return { status: res.status, body: await res.json(), audit: await auditOf(t, id) };
  };

  const expectRefused = async (res: Response, status = 403) => {
    expect(res.status).toBe(status);
    expect(await problemCode(res)).toBe(status === 403 ? 'auth.forbidden' : 'auth.unauthenticated');
  };

  describe('agreements', () => {
    it('an editor may not delete an agreement none of whose parties is in scope', async () => {
      const agreement = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-13' },
        ],
      });
      const path = `/api/agreements/${agreement.id}`;
      const before = await snapshot(path, agreement.id);
      const outsider = await t.signIn('editor', ['VN-HANOI', 'JP-27']);
      await expectRefused(
        await t.req(path, { method: 'DELETE', headers: { ...outsider.headers, 'if-match': '"1"' } }),
      );
      expect(await snapshot(path, agreement.id)).toEqual(before);
      // The rule is about scope, not about deleting: an editor of a party may delete it.
      const insider = await t.signIn('editor', ['JP-13']);
      const del = await t.req(path, { method: 'DELETE', headers: { ...insider.headers, 'if-match': '"1"' } });
      expect(del.status).toBe(204);
      expect((await t.req(path)).status).toBe(404);
      expect((await auditOf(t, agreement.id)).map((e) => e.action)).toEqual(['create', 'delete']);
    });

    it('an editor may not move an agreement out of their scope by rewriting its parties', async () => {
      const agreement = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-14' },
        ],
      });
      const path = `/api/agreements/${agreement.id}`;
      const before = await snapshot(path, agreement.id);
      const editor = await t.signIn('editor', ['VN-HUE']);
      const moved = await t.req(path, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': '"1"' },
        body: {
          parties: [
            { type: 'locality', code: 'VN-HANOI' },
            { type: 'locality', code: 'JP-14' },
          ],
        },
      });
      await expectRefused(moved);
      expect(await snapshot(path, agreement.id)).toEqual(before);
      // Keeping their own party does not let them replace the other side's (a takeover): an
      // editor removes only parties in its scope.
      const replaced = await t.req(path, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': '"1"' },
        body: {
          parties: [
            { type: 'locality', code: 'VN-HUE' },
            { type: 'locality', code: 'JP-13' },
          ],
        },
      });
      await expectRefused(replaced);
      expect(await snapshot(path, agreement.id)).toEqual(before);
    });

    it('an editor may not update an agreement none of whose parties is in scope, even to add theirs', async () => {
      const agreement = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-14' },
        ],
      });
      const path = `/api/agreements/${agreement.id}`;
      const before = await snapshot(path, agreement.id);
      const outsider = await t.signIn('editor', ['VN-HANOI']);
      for (const body of [
        { note: 'not mine' },
        {
          parties: [
            { type: 'locality', code: 'VN-HANOI' },
            { type: 'locality', code: 'JP-14' },
          ],
        },
      ]) {
        const res = await t.req(path, {
          method: 'PATCH',
          headers: { ...outsider.headers, 'if-match': '"1"' },
          body,
        });
        await expectRefused(res);
      }
      expect(await snapshot(path, agreement.id)).toEqual(before);
    });

    it('an editor of an organisation may edit the agreements it is a party to, and not others', async () => {
      const org = await buildOrganization(t, { localityCode: 'JP-13' });
      const theirs = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'organization', code: org.id },
        ],
      });
      const editor = await t.signIn('editor', [org.id]);
      const ok = await t.req(`/api/agreements/${theirs.id}`, {
        method: 'PATCH',
        headers: { ...editor.headers, 'if-match': '"1"' },
        body: { note: 'edited by the organisation' },
      });
      expect(ok.status).toBe(200);
      const other = await buildAgreement(t, {
        parties: [
          { type: 'locality', code: 'VN-HUE' },
          { type: 'locality', code: 'JP-13' },
        ],
      });
      await expectRefused(
        await t.req(`/api/agreements/${other.id}`, {
          method: 'PATCH',
          headers: { ...editor.headers, 'if-match': '"1"' },
          body: { note: 'not theirs' },
        }),
      );
    });

    it('an editor may not create an agreement with no party in scope; nothing is stored', async () => {
      const editor = await t.signIn('editor', ['VN-HANOI']);
      const count = async () => (await t.db.db.selectFrom('agreements').select('id').execute()).length;
      const before = await count();
      const res = await t.req('/api/agreements', {
        method: 'POST',
        headers: editor.headers,
        body: {
          kind: 'mou',
          parties: [
            { type: 'locality', code: 'VN-HUE' },
            { type: 'locality', code: 'JP-13' },
          ],
        },
      });
      await expectRefused(res);
      expect(await count()).toBe(before);
    });
  });

  describe('organisations', () => {
    it('an editor may not delete an organisation outside their scope', async () => {
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      const path = `/api/organizations/${org.id}`;
      const before = await snapshot(path, org.id);
      const outsider = await t.signIn('editor', ['VN-HANOI']);
      await expectRefused(
        await t.req(path, { method: 'DELETE', headers: { ...outsider.headers, 'if-match': '"1"' } }),
      );
      expect(await snapshot(path, org.id)).toEqual(before);
      const insider = await t.signIn('editor', ['VN-HUE']);
      const del = await t.req(path, { method: 'DELETE', headers: { ...insider.headers, 'if-match': '"1"' } });
      expect(del.status).toBe(204);
    });

    it('an editor may not edit an organisation outside their scope, nor move theirs out of it', async () => {
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      const path = `/api/organizations/${org.id}`;
      const before = await snapshot(path, org.id);
      const outsider = await t.signIn('editor', ['VN-HANOI']);
      await expectRefused(
        await t.req(path, {
          method: 'PATCH',
          headers: { ...outsider.headers, 'if-match': '"1"' },
          body: { website: 'https://example.org/not-mine' },
        }),
      );
      const insider = await t.signIn('editor', ['VN-HUE']);
      await expectRefused(
        await t.req(path, {
          method: 'PATCH',
          headers: { ...insider.headers, 'if-match': '"1"' },
          body: { localityCode: 'VN-HANOI' },
        }),
      );
      expect(await snapshot(path, org.id)).toEqual(before);
    });

    it('an editor of a prefecture may create in its cities but not in another prefecture', async () => {
      const editor = await t.signIn('editor', ['JP-27']);
      const inCity = await t.req('/api/organizations', {
        method: 'POST',
        headers: editor.headers,
        body: { kind: 'company', name: { en: 'Sakai test works' }, localityCode: 'JP-27-SAKAI' },
      });
      expect(inCity.status).toBe(201);
      const elsewhere = await t.req('/api/organizations', {
        method: 'POST',
        headers: editor.headers,
        body: { kind: 'company', name: { en: 'Tokyo test works' }, localityCode: 'JP-13' },
      });
      await expectRefused(elsewhere);
      const names = await t.db.db.selectFrom('organizations').select('name_en').execute();
      expect(names.map((n) => n.name_en)).not.toContain('Tokyo test works');
    });
  });

  describe('localities and profiles', () => {
    it('an editor may not edit a locality or create a city outside their scope', async () => {
      const city = await buildLocality(t, { parentCode: 'JP-14' });
      const path = `/api/localities/${city.code}`;
      const before = await snapshot(path, city.code);
      const outsider = await t.signIn('editor', ['JP-27']);
      await expectRefused(
        await t.req(path, {
          method: 'PATCH',
          headers: { ...outsider.headers, 'if-match': `"${city.version}"` },
          body: { adminCenter: 'not mine' },
        }),
      );
      expect(await snapshot(path, city.code)).toEqual(before);
      const create = await t.req('/api/localities', {
        method: 'POST',
        headers: outsider.headers,
        body: { code: 'JP-14-NOTMINE', parentCode: 'JP-14', name: { en: 'Not mine' } },
      });
      await expectRefused(create);
      expect((await t.req('/api/localities/JP-14-NOTMINE')).status).toBe(404);
      // The editor of the prefecture may edit its city.
      const insider = await t.signIn('editor', ['JP-14']);
      const ok = await t.req(path, {
        method: 'PATCH',
        headers: { ...insider.headers, 'if-match': `"${city.version}"` },
        body: { adminCenter: 'city hall' },
      });
      expect(ok.status).toBe(200);
    });

    it('an editor may not write the profile of a locality or organisation outside their scope', async () => {
      const org = await buildOrganization(t, { localityCode: 'VN-HUE' });
      await buildProfile(t, org.id);
      for (const id of [org.id, 'VN-HUE']) {
        const path = `/api/profiles/${id}`;
        const before = await snapshot(path, id);
        const outsider = await t.signIn('editor', ['VN-HANOI']);
        const res = await t.req(path, {
          method: 'PUT',
          headers: { ...outsider.headers, 'if-match': `"${before.body.version}"` },
          body: { offers: ['not mine'], needs: [], priorities: [] },
        });
        await expectRefused(res);
        expect(await snapshot(path, id)).toEqual(before);
      }
    });
  });

  describe('accounts', () => {
    it('an expired session signs nobody in: reads that need an account and writes answer 401', async () => {
      const account = await t.signIn('admin');
      const headers = account.headers;
      expect((await t.req('/api/tokens', { headers })).status).toBe(200);
      await t.db.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', account.id)
        .execute();
      await expectRefused(await t.req('/api/tokens', { headers }), 401);
      const before = (await t.db.db.selectFrom('organizations').select('id').execute()).length;
      await expectRefused(
        await t.req('/api/organizations', {
          method: 'POST',
          headers,
          body: { kind: 'company', name: { en: 'After expiry' }, localityCode: 'VN-HANOI' },
        }),
        401,
      );
      expect((await t.db.db.selectFrom('organizations').select('id').execute()).length).toBe(before);
    });

    it('a revoked token signs nobody in', async () => {
      const editor = await t.signIn('editor', ['VN-HANOI']);
      const token = await buildToken(t, editor.headers);
      const bearer = { authorization: `Bearer ${token.token}` };
      expect((await t.req('/api/tokens', { headers: bearer })).status).toBe(200);
      const revoke = await t.req(`/api/tokens/${token.id}`, { method: 'DELETE', headers: editor.headers });
      expect(revoke.status).toBe(204);
      await expectRefused(await t.req('/api/tokens', { headers: bearer }), 401);
    });

    it("nobody revokes another account's token", async () => {
      const owner = await t.signIn('editor', ['VN-HANOI']);
      const token = await buildToken(t, owner.headers);
      const other = await t.signIn('editor', ['VN-HANOI']);
      const res = await t.req(`/api/tokens/${token.id}`, { method: 'DELETE', headers: other.headers });
      expect(res.status).toBe(404);
      expect((await auditOf(t, token.id)).map((e) => e.action)).toEqual(['create']);
      expect(
        (await t.req('/api/tokens', { headers: { authorization: `Bearer ${token.token}` } })).status,
      ).toBe(200);
    });

    it('only an admin manages accounts or reads the audit log', async () => {
      const editor = await t.signIn('editor', ['VN-HANOI']);
      const users = async () =>
        await t.db.db.selectFrom('users').select(['id', 'role']).orderBy('id').execute();
      const before = await users();
      await expectRefused(
        await t.req('/api/users', {
          method: 'POST',
          headers: editor.headers,
          body: { email: 'new-admin@example.org', role: 'admin', scopes: [] },
        }),
      );
      await expectRefused(
        await t.req(`/api/users/${editor.id}`, {
          method: 'PATCH',
          headers: editor.headers,
          body: { role: 'admin', scopes: [] },
        }),
      );
      expect(await users()).toEqual(before);
      await expectRefused(await t.req('/api/users', { headers: editor.headers }));
      await expectRefused(await t.req('/api/audit', { headers: editor.headers }));
      // The same requests from an admin go through: the refusals are about the role.
      const admin = await adminHeaders(t);
      expect((await t.req('/api/users', { headers: admin })).status).toBe(200);
      expect((await t.req('/api/audit', { headers: admin })).status).toBe(200);
    });
  });
});
