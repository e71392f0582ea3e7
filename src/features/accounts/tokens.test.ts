import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { buildAccount, login, problemCode } from '../../../test/support/factories.ts';
import { createApp } from '../../app.ts';
import { TOKEN_DAYS } from './tokens.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('API tokens and account changes on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  /** An editor signed in with a known password (the one-time password already changed). */
  async function editor(scopes = ['VN-HANOI']) {
    const account = await buildAccount(t, 'editor', scopes);
    const { cookie } = await login(t.req, account.email, account.password);
    const headers = { cookie: cookie!, origin: ORIGIN };
    const password = 'the-first-real-password';
    const changed = await t.req('/api/auth/password', {
      method: 'POST',
      headers,
      body: { currentPassword: account.password, newPassword: password },
    });
    expect(changed.status).toBe(200);
    return { ...account, password, headers };
  }
  const newToken = async (headers: Record<string, string>, body: Record<string, unknown> = {}) => {
    const res = await t.req('/api/tokens', { method: 'POST', headers, body: { name: 'script', ...body } });
    expect(res.status).toBe(201);
    return res.json();
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = async (headers: Record<string, string>) => t.req('/api/auth/me', { headers });
  const versionOf = async (id: string) =>
    (await (await t.req('/api/users', { headers: admin.headers })).json()).items.find(
      (u: { id: string }) => u.id === id,
    ).version as number;
  const patchUser = async (id: string, body: unknown, ifMatch?: string) =>
    t.req(`/api/users/${id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': ifMatch ?? `"${await versionOf(id)}"` },
      body,
    });

  it('answers a visitor on /auth/me with { user: null }, not an error', async () => {
    const res = await t.req('/api/auth/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: null });
    expect((await (await me(admin.headers)).json()).user.role).toBe('admin');
  });

  it(`expire: after ${TOKEN_DAYS} days by default, sooner when asked, never later than the server allows`, async () => {
    const e = await editor();
    const made = await newToken(e.headers);
    expect(Math.abs(Date.parse(made.expiresAt) - Date.now() - TOKEN_DAYS * DAY)).toBeLessThan(60_000);
    expect(made.scope).toBe('write');
    const short = await newToken(e.headers, { expiresInDays: 2 });
    expect(Math.abs(Date.parse(short.expiresAt) - Date.now() - 2 * DAY)).toBeLessThan(60_000);
    expect((await me(bearer(short.token))).status).toBe(200);
    await t.db.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', short.id)
      .execute();
    const expired = await me(bearer(short.token));
    expect(expired.status).toBe(401);
    expect(await problemCode(expired)).toBe('auth.unauthenticated');
    const listed = (await (await t.req('/api/tokens', { headers: e.headers })).json()).items;
    expect(listed.map((x: { id: string }) => x.id).sort()).toEqual([made.id, short.id].sort());
    expect(
      listed.every((x: Record<string, unknown>) => !('token' in x) && typeof x.expiresAt === 'string'),
    ).toBe(true);

    // A server configured for 7 days (KIZUNA_TOKEN_DAYS=7) gives 7 days, and 7 to one who asks 30.
    const strict = createApp({
      db: t.db,
      logger: pino({ level: 'silent' }),
      trustProxy: false,
      tokenDays: 7,
    });
    for (const body of [{ name: 'a' }, { name: 'b', expiresInDays: 30 }]) {
      const res = await strict.request(`${ORIGIN}/api/tokens`, {
        method: 'POST',
        headers: { ...e.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(Math.abs(Date.parse((await res.json()).expiresAt) - Date.now() - 7 * DAY)).toBeLessThan(60_000);
    }
  });

  it('carry a scope: a read token reads, and may not write', async () => {
    const e = await editor();
    const { token } = await newToken(e.headers, { scope: 'read' });
    expect((await t.req('/api/organizations?limit=1', { headers: bearer(token) })).status).toBe(200);
    expect((await me(bearer(token))).status).toBe(200);
    for (const [method, path, body] of [
      [
        'POST',
        '/api/organizations',
        { kind: 'company', name: { en: 'Read-only Co.' }, localityCode: 'VN-HANOI' },
      ],
      ['POST', '/api/tokens', { name: 'escalate', scope: 'write' }],
    ] as const) {
      const res = await t.req(path, { method, headers: bearer(token), body });
      expect(res.status, path).toBe(403);
      expect(await problemCode(res)).toBe('auth.forbidden');
    }
    const write = await newToken(e.headers);
    const created = await t.req('/api/organizations', {
      method: 'POST',
      headers: bearer(write.token),
      body: { kind: 'company', name: { en: 'Write Co.' }, localityCode: 'VN-HANOI' },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await t.req('/api/tokens', {
          method: 'POST',
          headers: e.headers,
          body: { name: 'x', scope: 'admin' },
        })
      ).status,
    ).toBe(400);
  });

  it('die when the password changes, and stay dead when a disabled account is enabled again', async () => {
    const e = await editor();
    const before = await newToken(e.headers);
    expect((await me(bearer(before.token))).status).toBe(200);
    const changed = await t.req('/api/auth/password', {
      method: 'POST',
      headers: e.headers,
      body: { currentPassword: e.password, newPassword: 'the-second-real-password' },
    });
    expect(changed.status).toBe(200);
    expect((await me(bearer(before.token))).status).toBe(401);
    const listed = (await (await t.req('/api/tokens', { headers: e.headers })).json()).items;
    expect(listed.find((x: { id: string }) => x.id === before.id).revokedAt).not.toBeNull();

    const after = await newToken(e.headers);
    expect((await me(bearer(after.token))).status).toBe(200);
    expect((await patchUser(e.id, { disabled: true })).status).toBe(200);
    expect((await me(bearer(after.token))).status).toBe(401);
    expect((await patchUser(e.id, { disabled: false })).status).toBe(200);
    expect((await me(bearer(after.token))).status).toBe(401);
    expect((await login(t.req, e.email, 'the-second-real-password')).res.status).toBe(200);
  });

  it('PATCH /api/users/{id} takes If-Match: missing 428, stale 412, garbage 400, current 200 with the new ETag', async () => {
    const e = await buildAccount(t, 'editor', ['VN-HANOI']);
    const patch = (ifMatch: string | null) =>
      t.req(`/api/users/${e.id}`, {
        method: 'PATCH',
        headers: { ...admin.headers, ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
        body: { scopes: ['VN-DA-NANG'] },
      });
    const missing = await patch(null);
    expect(missing.status).toBe(428);
    expect(await problemCode(missing)).toBe('request.precondition_required');
    const version = await versionOf(e.id);
    const stale = await patch(`"${version - 1}"`);
    expect(stale.status).toBe(412);
    expect(await problemCode(stale)).toBe('user.version_conflict');
    expect((await patch('garbage')).status).toBe(400);
    expect(await versionOf(e.id)).toBe(version);
    const ok = await patch(`"${version}"`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${version + 1}"`);
    expect((await ok.json()).scopes).toEqual(['VN-DA-NANG']);
    expect((await patch(`"${version}"`)).status).toBe(412);
  });

  it('keeps one enabled admin: the last one can neither demote nor disable itself', async () => {
    // Only admins made here: disable every other one first, so this one is the last.
    const others = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('id', '!=', admin.id)
      .execute();
    for (const o of others) expect((await patchUser(o.id, { disabled: true })).status).toBe(200);
    const demote = await patchUser(admin.id, { role: 'editor', scopes: ['VN-HANOI'] });
    expect(demote.status).toBe(409);
    expect(await problemCode(demote)).toBe('user.last_admin');
    // Disabling oneself is refused to every admin, the last one included.
    const disable = await patchUser(admin.id, { disabled: true });
    expect(disable.status).toBe(400);
    expect(((await disable.json()) as { errors: Array<{ code: string }> }).errors[0].code).toBe(
      'self_disable',
    );
    expect((await (await me(admin.headers)).json()).user).toMatchObject({ role: 'admin', disabled: false });
    // Another admin who is not the last may be demoted.
    const second = await buildAccount(t, 'admin', []);
    expect((await patchUser(second.id, { role: 'editor', scopes: ['VN-HANOI'] })).status).toBe(200);
    // The two last admins removed at the same moment (one steps down, the other is disabled):
    // one change is refused and one admin stays (5 rounds).
    for (let round = 0; round < 5; round++) {
      const other = await buildAccount(t, 'admin', []);
      const [a, b] = [await versionOf(admin.id), await versionOf(other.id)];
      const answers = await Promise.all([
        patchUser(admin.id, { role: 'editor', scopes: ['VN-HANOI'] }, `"${a}"`),
        patchUser(other.id, { disabled: true }, `"${b}"`),
      ]);
      expect(answers.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 409]);
      const enabled = await t.db.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .execute();
      expect(enabled.length).toBe(1);
      // Leave `admin` the one enabled admin for the next round and the next tests.
      await t.db.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.id).execute();
      await t.db.db.deleteFrom('grants').where('user_id', '=', admin.id).execute();
      await t.db.db.updateTable('users').set({ disabled: 1 }).where('id', '=', other.id).execute();
    }
  });

  it('gives a demoted admin no old scopes when promoted and demoted again, and refuses unknown scopes', async () => {
    const e = await buildAccount(t, 'editor', ['VN-HANOI']);
    const promoted = await patchUser(e.id, { role: 'admin' });
    expect((await promoted.json()).scopes).toEqual([]);
    const demotedBare = await patchUser(e.id, { role: 'editor' });
    expect(demotedBare.status).toBe(400);
    const demoted = await patchUser(e.id, { role: 'editor', scopes: ['VN-DA-NANG'] });
    expect((await demoted.json()).scopes).toEqual(['VN-DA-NANG']);
    const unknown = await patchUser(e.id, { scopes: ['VN-DA-NANG', 'VN-ATLANTIS'] });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors.map((x: { path: string }) => x.path)).toEqual(['scopes.1']);
    const created = await t.req('/api/users', {
      method: 'POST',
      headers: admin.headers,
      body: { email: `ghost-${Date.now()}@example.org`, role: 'editor', scopes: ['org-nowhere'] },
    });
    expect(created.status).toBe(422);
    expect(await problemCode(created)).toBe('reference.unknown');
  });
});
