import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { buildAccount, login } from '../../../test/support/factories.ts';

describe.each(ENGINES)('sessions and scopes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('a password change ends every other session of the account, not the current one', async () => {
    const { email, password } = await buildAccount(t, 'editor', ['JP-27']);
    const first = await login(t.req, email, password);
    const second = await login(t.req, email, password);
    const headers = (cookie: string | null) => ({ cookie: cookie!, origin: ORIGIN });
    const change = await t.req('/api/auth/password', {
      method: 'POST',
      headers: headers(first.cookie),
      body: { currentPassword: password, newPassword: 'a-much-longer-password-1' },
    });
    expect(change.status).toBe(200);
    expect((await t.req('/api/auth/me', { headers: headers(first.cookie) })).status).toBe(200);
    expect(await (await t.req('/api/auth/me', { headers: headers(second.cookie) })).json()).toEqual({
      user: null,
    });
  });

  it('a successful sign-in forgives earlier typos of the account', async () => {
    const { email, password } = await buildAccount(t);
    for (let i = 0; i < 4; i++) expect((await login(t.req, email, 'wrong password')).res.status).toBe(401);
    expect((await login(t.req, email, password)).res.status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(t.req, email, 'wrong again')).res.status).toBe(401);
    expect((await login(t.req, email, password)).res.status).toBe(200);
  });

  it('an editor of a prefecture may edit the organisations of its cities and their agreements', async () => {
    const editor = await t.signIn('editor', ['JP-27']);
    const bureau = await (await t.req('/api/organizations/org-osaka-city-construction-bureau')).json();
    expect(bureau.localityCode).toBe('JP-27-OSAKA');
    const res = await t.req(`/api/organizations/${bureau.id}`, {
      method: 'PATCH',
      headers: { ...editor.headers, 'if-match': `"${bureau.version}"` },
      body: { website: 'https://www.city.osaka.lg.jp/kensetsu/' },
    });
    expect(res.status).toBe(200);
    const other = await t.signIn('editor', ['JP-13']);
    const refused = await t.req(`/api/organizations/${bureau.id}`, {
      method: 'PATCH',
      headers: { ...other.headers, 'if-match': res.headers.get('etag')! },
      body: { website: null },
    });
    expect(refused.status).toBe(403);
  });
});
