import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { problemCode } from '../../../test/support/factories.ts';

/** Scope rules that an editor of one record could use to take another's (beside those in tokens.test.ts). */
describe.each(ENGINES)('scope takeovers on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const write = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
    ifMatch?: string,
  ) => t.req(path, { method, headers: { ...headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body });

  it('an editor of one party may not replace or remove the other party of a shared agreement', async () => {
    const created = await write('POST', '/api/agreements', admin.headers, {
      kind: 'mou',
      signedOn: '2025-02',
      parties: [
        { type: 'locality', code: 'VN-SON-LA' },
        { type: 'locality', code: 'JP-06' },
      ],
      sources: [{ url: 'https://example.org/shared', note: 'shared' }],
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const vnEditor = await t.signIn('editor', ['VN-SON-LA']);
    const replaced = await write(
      'PATCH',
      `/api/agreements/${id}`,
      vnEditor.headers,
      {
        parties: [
          { type: 'locality', code: 'VN-SON-LA' },
          { type: 'locality', code: 'JP-27' },
        ],
      },
      '"1"',
    );
    expect(replaced.status).toBe(403);
    expect(await problemCode(replaced)).toBe('auth.forbidden');
    const removed = await write(
      'PATCH',
      `/api/agreements/${id}`,
      vnEditor.headers,
      {
        parties: [
          { type: 'locality', code: 'VN-SON-LA' },
          { type: 'locality', code: 'VN-HANOI' },
        ],
      },
      '"1"',
    );
    expect(removed.status).toBe(403);
    const stored = await (await t.req(`/api/agreements/${id}`)).json();
    expect(stored.parties.map((p: { code: string }) => p.code).sort()).toEqual(['JP-06', 'VN-SON-LA']);
    // Adding a party (as at creation) and editing the rest stay allowed.
    const added = await write(
      'PATCH',
      `/api/agreements/${id}`,
      vnEditor.headers,
      {
        parties: [
          { type: 'locality', code: 'VN-SON-LA' },
          { type: 'locality', code: 'JP-06' },
          { type: 'locality', code: 'JP-27' },
        ],
        note: 'a third party joined',
      },
      '"1"',
    );
    expect(added.status).toBe(200);
    // The same holds the other way: the JP-06 editor may not drop JP-27 or VN-SON-LA.
    const jpEditor = await t.signIn('editor', ['JP-06']);
    const other = await write(
      'PATCH',
      `/api/agreements/${id}`,
      jpEditor.headers,
      {
        parties: [
          { type: 'locality', code: 'JP-06' },
          { type: 'locality', code: 'VN-HANOI' },
        ],
      },
      '"2"',
    );
    expect(other.status).toBe(403);
    const own = await write(
      'PATCH',
      `/api/agreements/${id}`,
      jpEditor.headers,
      { note: 'JP-06 edits the shared agreement' },
      '"2"',
    );
    expect(own.status).toBe(200);
  });

  it("an organisation's editor may not move it into a locality outside their scope", async () => {
    const created = await write('POST', '/api/organizations', admin.headers, {
      kind: 'company',
      name: { en: 'Moving Co.' },
      localityCode: 'VN-DA-NANG',
    });
    const org = await created.json();
    const editor = await t.signIn('editor', [org.id]);
    const toJapan = await write(
      'PATCH',
      `/api/organizations/${org.id}`,
      editor.headers,
      { localityCode: 'JP-27' },
      '"1"',
    );
    expect(toJapan.status).toBe(403);
    expect(await problemCode(toJapan)).toBe('auth.forbidden');
    const renamed = await write(
      'PATCH',
      `/api/organizations/${org.id}`,
      editor.headers,
      { name: { en: 'Still Here Co.' } },
      '"1"',
    );
    expect(renamed.status).toBe(200);
    const localEditor = await t.signIn('editor', ['VN-DA-NANG', 'VN-HUE']);
    const within = await write(
      'PATCH',
      `/api/organizations/${org.id}`,
      localEditor.headers,
      { localityCode: 'VN-HUE' },
      '"2"',
    );
    expect(within.status).toBe(200);
    expect((await (await t.req(`/api/organizations/${org.id}`)).json()).localityCode).toBe('VN-HUE');
  });
});
