import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import {
  behindProxy,
  buildAccount,
  login,
  problemCode,
  problemPaths,
  uniqueEmail,
} from '../../../test/support/factories.ts';
import { RATE_LIMIT } from './service.ts';

const org = { kind: 'association', name: { en: 'Hanoi test association' }, localityCode: 'VN-HANOI' };

let address = 0;
/** A client address of its own, so that failed sign-ins of one test never rate-limit another. */
const freshAddress = () => `198.51.100.${++address}`;

describe.each(ENGINES)('accounts on %s', (engine) => {
  let t: TestApp;
  let proxied: TestApp['req'];
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine, { seed: false });
    await t.db.db
      .insertInto('localities')
      .values({
        code: 'VN-HANOI',
        country: 'VN',
        kind: 'city',
        parent_code: null,
        name_vi: 'Hà Nội',
        name_ja: 'ハノイ市',
        name_en: 'Hanoi',
        admin_center: null,
        lat: null,
        lon: null,
        merged_from: '[]',
        sources: '[]',
        version: 1,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    proxied = behindProxy(t);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  /** PATCH /api/users/ID as the admin, from the version the admin reads first. */
  const patchUser = async (id: string, body: unknown) => {
    const users = await (await t.req('/api/users', { headers: admin.headers })).json();
    const version = users.items.find((u: { id: string }) => u.id === id)?.version ?? 1;
    return t.req(`/api/users/${id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'if-match': `"${version}"` },
      body,
    });
  };

  describe('signing in', () => {
    it('answers a session cookie that is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
      const account = await buildAccount(t);
      const { res, setCookie } = await login(t.req, account.email, account.password);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.user).toMatchObject({ email: account.email, role: 'editor', mustChangePassword: true });
      expect(JSON.stringify(body)).not.toMatch(/argon2|password_hash|passwordHash/);
      const attrs = setCookie!.split(';').map((s) => s.trim().toLowerCase());
      expect(attrs[0]).toMatch(/^kizuna_session=ks_[\w-]{20,}$/);
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('samesite=lax');
      expect(attrs).toContain('path=/');
      expect(attrs).not.toContain('secure');
      // Without trustProxy, a client's own X-Forwarded-Proto decides nothing.
      const spoofed = await login(t.req, account.email, account.password, { 'x-forwarded-proto': 'https' });
      expect(spoofed.setCookie!.toLowerCase()).not.toContain('secure');
    });

    it('marks the cookie Secure behind a trusted HTTPS proxy', async () => {
      const account = await buildAccount(t);
      const https = await login(proxied, account.email, account.password, {
        'x-forwarded-proto': 'https',
        'x-forwarded-for': freshAddress(),
      });
      expect(https.res.status).toBe(200);
      expect(https.setCookie!.split(';').map((s) => s.trim().toLowerCase())).toContain('secure');
      const http = await login(proxied, account.email, account.password, {
        'x-forwarded-proto': 'http',
        'x-forwarded-for': freshAddress(),
      });
      expect(http.setCookie!.toLowerCase()).not.toContain('secure');
    });

    it('answers the same 401 for a wrong password and an unknown email, and sets no cookie', async () => {
      const account = await buildAccount(t);
      const headers = { 'x-forwarded-for': freshAddress() };
      const wrong = await login(proxied, account.email, 'not-the-password', headers);
      const unknown = await login(proxied, uniqueEmail('nobody'), 'not-the-password', headers);
      for (const { res, setCookie } of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(setCookie).toBeNull();
      }
      const [a, b] = [await wrong.res.json(), await unknown.res.json()];
      expect(a.code).toBe('auth.invalid_credentials');
      expect(b.code).toBe('auth.invalid_credentials');
      expect(a.detail).toBe(b.detail);
    });

    it('treats the email case-insensitively', async () => {
      const account = await buildAccount(t);
      const { res } = await login(t.req, account.email.toUpperCase(), account.password);
      expect(res.status).toBe(200);
    });

    it('refuses a malformed sign-in body with 400 naming the fields', async () => {
      const res = await t.req('/api/auth/login', { method: 'POST', body: { email: '', extra: 1 } });
      expect(res.status).toBe(400);
      expect(await problemPaths(res)).toEqual(expect.arrayContaining(['email', 'password']));
    });
  });

  describe('the one-time password', () => {
    it('must be changed before any other write, to at least 12 characters', async () => {
      const account = await buildAccount(t);
      const { cookie } = await login(t.req, account.email, account.password);
      const headers = { cookie: cookie!, origin: ORIGIN };

      const me = await t.req('/api/auth/me', { headers });
      expect(me.status).toBe(200);
      expect((await me.json()).user.mustChangePassword).toBe(true);

      const rows = async () => ({
        organizations: await t.db.db.selectFrom('organizations').select('id').orderBy('id').execute(),
        tokens: await t.db.db.selectFrom('api_tokens').select('id').orderBy('id').execute(),
      });
      const before = await rows();
      for (const [path, body] of [
        ['/api/tokens', { name: 'script' }],
        ['/api/organizations', org],
      ] as const) {
        const res = await t.req(path, { method: 'POST', headers, body });
        expect(res.status, path).toBe(403);
        expect(await problemCode(res)).toBe('auth.password_change_required');
      }
      expect(await rows()).toEqual(before);

      const change = (currentPassword: string, newPassword: string) =>
        t.req('/api/auth/password', { method: 'POST', headers, body: { currentPassword, newPassword } });
      const short = await change(account.password, 'elevenchars');
      expect(short.status).toBe(400);
      expect(await problemPaths(short)).toEqual(['newPassword']);
      const same = await change(account.password, account.password);
      expect(same.status).toBe(400);
      expect(await problemPaths(same)).toEqual(['newPassword']);
      const wrong = await change('not-my-password', 'twelve-chars');
      expect(wrong.status).toBe(401);
      expect(await problemCode(wrong)).toBe('auth.invalid_credentials');

      const ok = await change(account.password, 'twelve-chars');
      expect(ok.status).toBe(200);
      expect((await ok.json()).user.mustChangePassword).toBe(false);

      const created = await t.req('/api/tokens', { method: 'POST', headers, body: { name: 'script' } });
      expect(created.status).toBe(201);
      expect((await login(t.req, account.email, account.password)).res.status).toBe(401);
      expect((await login(t.req, account.email, 'twelve-chars')).res.status).toBe(200);
    });
  });

  describe('rate limiting', () => {
    it(`refuses an account after ${RATE_LIMIT.perAccount} failed sign-ins, even with the right password`, async () => {
      const account = await buildAccount(t);
      for (let i = 0; i < RATE_LIMIT.perAccount; i++) {
        // From a new address each time: the account's own count must trip.
        const { res } = await login(proxied, account.email, `wrong-${i}`, {
          'x-forwarded-for': freshAddress(),
        });
        expect(res.status).toBe(401);
      }
      const right = await login(proxied, account.email, account.password, {
        'x-forwarded-for': freshAddress(),
      });
      expect(right.res.status).toBe(429);
      expect(await problemCode(right.res)).toBe('auth.rate_limited');
      expect(right.setCookie).toBeNull();
      // Another account is not affected.
      const other = await buildAccount(t);
      expect(
        (await login(proxied, other.email, other.password, { 'x-forwarded-for': freshAddress() })).res.status,
      ).toBe(200);
    });

    it(`refuses an address after ${RATE_LIMIT.perAddress} failed sign-ins, whatever the account`, async () => {
      const attacker = freshAddress();
      const failures = await Promise.all(
        Array.from({ length: RATE_LIMIT.perAddress }, () =>
          login(proxied, uniqueEmail('guess'), 'wrong-password', { 'x-forwarded-for': attacker }),
        ),
      );
      expect(failures.map((f) => f.res.status)).toEqual(failures.map(() => 401));
      const account = await buildAccount(t);
      const blocked = await login(proxied, account.email, account.password, { 'x-forwarded-for': attacker });
      expect(blocked.res.status).toBe(429);
      expect(await problemCode(blocked.res)).toBe('auth.rate_limited');
      const elsewhere = await login(proxied, account.email, account.password, {
        'x-forwarded-for': freshAddress(),
      });
      expect(elsewhere.res.status).toBe(200);
    });

    it('counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
      // The proxy appends the address it saw; whatever comes before it is the client's own text.
      const real = freshAddress();
      const failures = await Promise.all(
        Array.from({ length: RATE_LIMIT.perAddress }, (_, i) =>
          login(proxied, uniqueEmail('guess'), 'wrong-password', {
            'x-forwarded-for': `10.0.${i}.1, ${real}`,
          }),
        ),
      );
      expect(failures.map((f) => f.res.status)).toEqual(failures.map(() => 401));
      const account = await buildAccount(t);
      const blocked = await login(proxied, account.email, account.password, {
        'x-forwarded-for': `10.99.99.99, ${real}`,
      });
      expect(blocked.res.status).toBe(429);
    });
  });

  describe('cross-site requests', () => {
    let user: Awaited<ReturnType<TestApp['signIn']>>;
    beforeAll(async () => {
      user = await t.signIn('editor', ['VN-HANOI']);
    });
    const tokenCount = async () =>
      (await t.db.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).length;

    it('refuses a cookie write from a foreign Origin and accepts it from ours', async () => {
      const before = await tokenCount();
      const foreign = await t.req('/api/tokens', {
        method: 'POST',
        headers: { cookie: user.headers.cookie, origin: 'https://evil.example' },
        body: { name: 'csrf' },
      });
      expect(foreign.status).toBe(403);
      expect(await problemCode(foreign)).toBe('auth.foreign_origin');
      expect(await tokenCount()).toBe(before);

      const ours = await t.req('/api/tokens', {
        method: 'POST',
        headers: user.headers,
        body: { name: 'ok' },
      });
      expect(ours.status).toBe(201);
      expect(await tokenCount()).toBe(before + 1);
    });

    it('takes no form or text body as JSON, so no cross-site form can post one', async () => {
      const before = await tokenCount();
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await t.app.request(`${ORIGIN}/api/tokens`, {
          method: 'POST',
          headers: { cookie: user.headers.cookie, 'content-type': type },
          body: JSON.stringify({ name: 'form' }),
        });
        expect(res.status, type).toBe(415);
        expect(await problemCode(res)).toBe('request.unsupported_media_type');
      }
      expect(await tokenCount()).toBe(before);
    });

    it('refuses Sec-Fetch-Site: cross-site and Origin: null, but not a safe GET', async () => {
      const refused: Record<string, string>[] = [
        { cookie: user.headers.cookie, origin: ORIGIN, 'sec-fetch-site': 'cross-site' },
        { cookie: user.headers.cookie, 'sec-fetch-site': 'cross-site' },
        { cookie: user.headers.cookie, origin: 'null' },
        { cookie: user.headers.cookie, origin: 'http://localhost.evil.example' },
        { cookie: user.headers.cookie, origin: 'http://localhost:8080' },
      ];
      for (const headers of refused) {
        const res = await t.req('/api/tokens', { method: 'POST', headers, body: { name: 'csrf' } });
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(await problemCode(res)).toBe('auth.foreign_origin');
      }
      const read = await t.req('/api/tokens', {
        headers: {
          cookie: user.headers.cookie,
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        },
      });
      expect(read.status).toBe(200);
    });

    it('refuses every foreign origin (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.webUrl({ withQueryParameters: false, withFragments: false }), async (url) => {
          const origin = new URL(url).origin;
          fc.pre(new URL(origin).host !== 'localhost');
          const res = await t.req('/api/auth/logout', {
            method: 'POST',
            headers: { cookie: user.headers.cookie, origin },
          });
          expect(res.status).toBe(403);
        }),
        { numRuns: 15 },
      );
      expect((await t.req('/api/auth/me', { headers: user.headers })).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('ends at logout: the cookie is cleared and no longer signs in', async () => {
      const user = await t.signIn('editor', ['VN-HANOI']);
      const sessions = () =>
        t.db.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      expect(await sessions()).toHaveLength(1);
      const out = await t.req('/api/auth/logout', { method: 'POST', headers: user.headers });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/kizuna_session=;.*Max-Age=0/i);
      expect(await sessions()).toHaveLength(0);
      // A visitor is not an error for /auth/me (every page asks it): the account is null.
      const me = await t.req('/api/auth/me', { headers: user.headers });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ user: null });
      const write = await t.req('/api/tokens', {
        method: 'POST',
        headers: user.headers,
        body: { name: 'x' },
      });
      expect(write.status).toBe(401);
    });

    it('stores only a hash of the session id', async () => {
      const account = await buildAccount(t);
      const { cookie } = await login(t.req, account.email, account.password);
      const secret = cookie!.split('=')[1];
      const rows = await t.db.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', account.id)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });
  });

  describe('API tokens', () => {
    it('are shown once, act as Bearer, are listed without the secret, and stop working when revoked', async () => {
      const user = await t.signIn('editor', ['VN-HANOI']);
      const created = await t.req('/api/tokens', {
        method: 'POST',
        headers: user.headers,
        body: { name: 'import script' },
      });
      expect(created.status).toBe(201);
      const { token, id } = await created.json();
      expect(token).toMatch(/^kz_[\w-]{30,}$/);
      const bearer = { authorization: `Bearer ${token}` };

      const me = await t.req('/api/auth/me', { headers: bearer });
      expect(me.status).toBe(200);
      expect((await me.json()).user.id).toBe(user.id);
      // A token is no ambient credential: a script's write needs no Origin and is not CSRF-checked.
      const write = await t.req('/api/organizations', { method: 'POST', headers: bearer, body: org });
      expect(write.status).toBe(201);

      const list = await t.req('/api/tokens', { headers: user.headers });
      const { items } = await list.json();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ id, name: 'import script', revokedAt: null });
      expect(items[0].lastUsedAt).not.toBeNull();
      expect(JSON.stringify(items)).not.toContain(token);
      const stored = await t.db.db.selectFrom('api_tokens').selectAll().where('id', '=', id).execute();
      expect(JSON.stringify(stored)).not.toContain(token);

      // Another account can neither see nor revoke it.
      const other = await t.signIn('editor', ['VN-HANOI']);
      expect((await (await t.req('/api/tokens', { headers: other.headers })).json()).items).toEqual([]);
      const foreignRevoke = await t.req(`/api/tokens/${id}`, { method: 'DELETE', headers: other.headers });
      expect(foreignRevoke.status).toBe(404);
      expect((await t.req('/api/auth/me', { headers: bearer })).status).toBe(200);

      const revoke = await t.req(`/api/tokens/${id}`, { method: 'DELETE', headers: user.headers });
      expect(revoke.status).toBe(204);
      const after = await t.req('/api/auth/me', { headers: bearer });
      expect(after.status).toBe(401);
      expect(await problemCode(after)).toBe('auth.unauthenticated');
      expect((await t.req(`/api/tokens/${id}`, { method: 'DELETE', headers: user.headers })).status).toBe(
        404,
      );
      const listed = (await (await t.req('/api/tokens', { headers: user.headers })).json()).items;
      expect(listed[0].revokedAt).not.toBeNull();
    });

    it('answers 401 to an unknown or malformed Bearer token, even on a public read', async () => {
      for (const authorization of ['Bearer kz_not-a-real-token', 'Bearer', 'Basic dXNlcjpwYXNz']) {
        const res = await t.req('/api/auth/me', { headers: { authorization } });
        expect(res.status, authorization).toBe(401);
        expect(await problemCode(res)).toBe('auth.unauthenticated');
      }
      expect(
        (await t.req('/api/organizations', { headers: { authorization: 'Bearer kz_nope' } })).status,
      ).toBe(401);
    });
  });

  describe('administration', () => {
    it('answers 401 to anonymous callers and 403 to editors on /api/users and /api/audit', async () => {
      const editor = await t.signIn('editor', ['VN-HANOI']);
      for (const path of ['/api/users', '/api/audit']) {
        const anon = await t.req(path);
        expect(anon.status, path).toBe(401);
        expect(await problemCode(anon)).toBe('auth.unauthenticated');
        const denied = await t.req(path, { headers: editor.headers });
        expect(denied.status, path).toBe(403);
        expect(await problemCode(denied)).toBe('auth.forbidden');
        expect((await t.req(path, { headers: admin.headers })).status, path).toBe(200);
      }
      const create = await t.req('/api/users', {
        method: 'POST',
        headers: editor.headers,
        body: { email: uniqueEmail(), role: 'admin' },
      });
      expect(create.status).toBe(403);
    });

    it('creates an account with a one-time password that signs in once', async () => {
      const email = uniqueEmail('New.Person');
      const res = await t.req('/api/users', {
        method: 'POST',
        headers: admin.headers,
        body: { email: `  ${email.toUpperCase()} `, role: 'editor', scopes: ['VN-HANOI'] },
      });
      expect(res.status).toBe(201);
      const { user, password } = await res.json();
      expect(user).toMatchObject({ email: email.toLowerCase(), role: 'editor', scopes: ['VN-HANOI'] });
      expect(user.mustChangePassword).toBe(true);
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      const { res: signedIn } = await login(t.req, email, password);
      expect(signedIn.status).toBe(200);

      const listed = (await (await t.req('/api/users', { headers: admin.headers })).json()).items;
      expect(listed.map((u: { email: string }) => u.email)).toContain(email.toLowerCase());
      expect(JSON.stringify(listed)).not.toMatch(/argon2|password_?hash/i);

      const again = await t.req('/api/users', {
        method: 'POST',
        headers: admin.headers,
        body: { email, role: 'editor', scopes: ['VN-HANOI'] },
      });
      expect(again.status).toBe(409);
      expect(await problemCode(again)).toBe('user.email_taken');
    });

    it('names the bad fields of an account', async () => {
      const res = await t.req('/api/users', {
        method: 'POST',
        headers: admin.headers,
        body: { email: 'not-an-email', role: 'editor', scopes: ['VN-HANOI'] },
      });
      expect(res.status).toBe(400);
      expect(await problemPaths(res)).toEqual(['email']);
      const noScope = await t.req('/api/users', {
        method: 'POST',
        headers: admin.headers,
        body: { email: uniqueEmail(), role: 'editor', scopes: [] },
      });
      expect(noScope.status).toBe(400);
      expect(await problemPaths(noScope)).toEqual(['scopes']);
      const badScope = await t.req('/api/users', {
        method: 'POST',
        headers: admin.headers,
        body: { email: uniqueEmail(), role: 'superuser', scopes: ['VN HANOI'] },
      });
      expect(await problemPaths(badScope)).toEqual(['role', 'scopes.0']);
    });

    it('keeps at least one scope on an editor when an admin changes the account', async () => {
      const account = await buildAccount(t, 'editor', ['VN-HANOI']);
      const patch = (body: unknown) => patchUser(account.id, body);
      const emptied = await patch({ scopes: [] });
      expect(emptied.status).toBe(400);
      expect(await problemPaths(emptied)).toEqual(['scopes']);
      const demoted = await (await t.req('/api/users', { headers: admin.headers })).json();
      expect(demoted.items.find((u: { id: string }) => u.id === account.id).scopes).toEqual(['VN-HANOI']);
      const made = await t.req('/api/organizations', { method: 'POST', headers: admin.headers, body: org });
      const orgId = (await made.json()).id;
      const rescoped = await patch({ scopes: ['VN-HANOI', orgId] });
      expect(rescoped.status).toBe(200);
      expect((await rescoped.json()).scopes).toEqual(['VN-HANOI', orgId]);
      const promoted = await patch({ role: 'admin', scopes: [] });
      expect(promoted.status).toBe(200);
      expect((await patch({ role: 'editor' })).status).toBe(400);
      expect(
        (
          await t.req('/api/users/no-such-user', {
            method: 'PATCH',
            headers: { ...admin.headers, 'if-match': '"1"' },
            body: {},
          })
        ).status,
      ).toBe(404);
    });

    it('disabling an account ends its sessions and its tokens, and it cannot sign in', async () => {
      const account = await buildAccount(t);
      const { cookie } = await login(t.req, account.email, account.password);
      const headers = { cookie: cookie!, origin: ORIGIN };
      await t.req('/api/auth/password', {
        method: 'POST',
        headers,
        body: { currentPassword: account.password, newPassword: 'a-long-new-password' },
      });
      const { token } = await (
        await t.req('/api/tokens', { method: 'POST', headers, body: { name: 'cron' } })
      ).json();
      expect((await t.req('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );

      const disable = await patchUser(account.id, { disabled: true });
      expect(disable.status).toBe(200);
      expect((await disable.json()).disabled).toBe(true);
      expect(
        await t.db.db.selectFrom('sessions').select('id_hash').where('user_id', '=', account.id).execute(),
      ).toEqual([]);
      expect(await (await t.req('/api/auth/me', { headers })).json()).toEqual({ user: null });
      expect((await t.req('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        401,
      );
      const again = await login(t.req, account.email, 'a-long-new-password');
      expect(again.res.status).toBe(403);
      expect(await problemCode(again.res)).toBe('auth.account_disabled');
      expect(again.setCookie).toBeNull();
    });

    it('audits account and token creation, and never stores a password, its hash or a secret', async () => {
      const email = uniqueEmail('audited');
      const created = await (
        await t.req('/api/users', { method: 'POST', headers: admin.headers, body: { email, role: 'admin' } })
      ).json();
      const { token, id: tokenId } = await (
        await t.req('/api/tokens', {
          method: 'POST',
          headers: admin.headers,
          body: { name: 'audited token' },
        })
      ).json();

      const userEntries = await (
        await t.req(`/api/audit?entityType=user&entityId=${created.user.id}`, { headers: admin.headers })
      ).json();
      expect(userEntries.items).toHaveLength(1);
      expect(userEntries.items[0]).toMatchObject({
        action: 'create',
        entityType: 'user',
        actor: { email: admin.email },
        before: null,
        after: { email, role: 'admin' },
      });
      const tokenEntries = await (
        await t.req(`/api/audit?entityType=token&entityId=${tokenId}`, { headers: admin.headers })
      ).json();
      expect(tokenEntries.items).toHaveLength(1);
      expect(tokenEntries.items[0]).toMatchObject({ action: 'create', after: { name: 'audited token' } });

      const everything = await t.db.db.selectFrom('audit_log').selectAll().execute();
      const text = JSON.stringify(everything);
      expect(text).not.toMatch(/\$argon2|password_hash|passwordHash/);
      expect(text).not.toContain(created.password);
      expect(text).not.toContain(token);
      const hashes = await t.db.db.selectFrom('users').select('password_hash').execute();
      for (const { password_hash } of hashes) expect(text).not.toContain(password_hash);
    });

    it('pages through the audit log, every entry exactly once', async () => {
      const total = (await (await t.req('/api/audit?limit=1', { headers: admin.headers })).json()).total;
      expect(total).toBeGreaterThan(5);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 7 }), async (limit) => {
          const seen: number[] = [];
          let cursor: string | null = '';
          while (cursor !== null) {
            const page = await (
              await t.req(`/api/audit?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
                headers: admin.headers,
              })
            ).json();
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((e: { id: number }) => e.id));
            cursor = page.nextCursor;
          }
          expect(new Set(seen).size).toBe(seen.length);
          expect(seen.length).toBe(total);
        }),
        { numRuns: 5 },
      );
    });

    it('refuses an audit cursor it did not give out with 400, never a server error (property)', async () => {
      const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const key = fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.double(),
        fc.integer({ min: -5, max: 0 }),
        fc.constantFrom(2 ** 31, 2 ** 53, 1e308, 1.5),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            key.map((k) => encode([k])),
            fc.string({ minLength: 1, maxLength: 20 }),
          ),
          async (cursor) => {
            const res = await t.req(`/api/audit?cursor=${encodeURIComponent(cursor)}`, {
              headers: admin.headers,
            });
            expect(res.status, cursor).toBe(400);
            expect(await problemPaths(res)).toEqual(['cursor']);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});
