import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { ORIGIN, type TestApp } from './app.ts';

let counter = 0;

/** A fresh email address no other test uses. */
export const uniqueEmail = (prefix = 'person') => `${prefix}${++counter}-${Date.now()}@example.org`;

/** An account straight in the database (not signed in): its email, one-time password and id. */
export async function buildAccount(t: TestApp, role: 'admin' | 'editor' = 'editor', scopes = ['VN-HANOI']) {
  const email = uniqueEmail(role);
  const { user, password } = await createUser(t.db.db, { email, role, scopes }, null);
  return { email, password, id: user.id };
}

type Req = TestApp['req'];

/**
 * The same application and database, deployed behind a trusted HTTPS proxy (trustProxy: true):
 * X-Forwarded-For names the client and X-Forwarded-Proto the scheme.
 */
export function behindProxy(t: TestApp): Req {
  const app = createApp({ db: t.db, logger: pino({ level: 'silent' }), trustProxy: true });
  return (path, init = {}) =>
    Promise.resolve(
      app.request(`${ORIGIN}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
}

/** POST /api/auth/login; the session cookie (name=value) when one was set. */
export async function login(req: Req, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await req('/api/auth/login', { method: 'POST', body: { email, password }, headers });
  const setCookie = res.headers.get('set-cookie');
  return { res, setCookie, cookie: setCookie ? setCookie.split(';')[0] : null };
}

/** The problem `code` of an error answer, checking it is RFC 9457 problem JSON. */
export async function problemCode(res: Response): Promise<string> {
  if (!res.headers.get('content-type')?.includes('application/problem+json'))
    throw new Error(`not a problem answer: ${res.status} ${res.headers.get('content-type')}`);
  return (await res.json()).code;
}

/** The field paths named by a 400/422 problem answer, sorted. */
export async function problemPaths(res: Response): Promise<string[]> {
  const body = await res.json();
  return (body.errors ?? []).map((e: { path: string }) => e.path).sort();
}

/**
 * Factories for every entity, through the API as an admin of the same app (one admin per app,
 * signed in on first use): each returns what the API answered (with `version` for If-Match).
 * Overrides replace the defaults field by field.
 */
const admins = new WeakMap<TestApp, Promise<Record<string, string>>>();
export function adminHeaders(t: TestApp): Promise<Record<string, string>> {
  let headers = admins.get(t);
  if (!headers) {
    headers = t.signIn('admin').then((a) => a.headers);
    admins.set(t, headers);
  }
  return headers;
}

type Json = Record<string, unknown>;

async function created<T>(t: TestApp, path: string, body: unknown, method = 'POST'): Promise<T> {
  const headers = await adminHeaders(t);
  const res = await t.req(path, { method, headers, body });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

let serial = 0;
/** A short unique suffix (letters only, for codes). */
const tag = () =>
  (++serial * 7919 + Date.now())
    .toString(26)
    .replace(/\d/g, (d) => 'QRSTUVWXYZ'[Number(d)])
    .toUpperCase();

/** A city under a prefecture (JP-27 unless told). Needs the reference prefectures (a seeded app). */
export const buildLocality = (t: TestApp, overrides: Json = {}) => {
  const parentCode = (overrides.parentCode as string | undefined) ?? 'JP-27';
  const code = `${parentCode}-${tag()}`;
  return created<{ code: string; version: number; parentCode: string } & Json>(t, '/api/localities', {
    code,
    parentCode,
    name: { en: `Test city ${code}`, ja: `テスト市${code}`, vi: `Thành phố thử ${code}` },
    ...overrides,
  });
};

/** An organisation (in VN-HANOI unless told). */
export const buildOrganization = (t: TestApp, overrides: Json = {}) =>
  created<{ id: string; version: number; localityCode: string } & Json>(t, '/api/organizations', {
    kind: 'company',
    name: { en: `Test company ${tag()}` },
    localityCode: 'VN-HANOI',
    sectors: ['tourism'],
    ...overrides,
  });

/** An agreement between two localities (VN-HANOI and JP-27 unless told). */
export const buildAgreement = (t: TestApp, overrides: Json = {}) =>
  created<{ id: string; version: number; parties: { type: string; code: string }[] } & Json>(
    t,
    '/api/agreements',
    {
      kind: 'mou',
      kindDetail: `memorandum ${tag()}`,
      fields: ['culture'],
      signedOn: '2025-04',
      parties: [
        { type: 'locality', code: 'VN-HANOI' },
        { type: 'locality', code: 'JP-27' },
      ],
      sources: [{ url: 'https://example.org/news/factory', note: 'made by a test' }],
      ...overrides,
    },
  );

/** The needs/offers profile of a locality or organisation, created or replaced. */
export async function buildProfile(t: TestApp, ownerId: string, overrides: Json = {}) {
  const headers = await adminHeaders(t);
  const current = await t.req(`/api/profiles/${encodeURIComponent(ownerId)}`);
  const etag = current.status === 200 ? current.headers.get('etag') : null;
  const res = await t.req(`/api/profiles/${encodeURIComponent(ownerId)}`, {
    method: 'PUT',
    headers: { ...headers, ...(etag ? { 'if-match': etag } : {}) },
    body: { offers: ['rice farming technology'], needs: ['tourism promotion'], priorities: [], ...overrides },
  });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`PUT /api/profiles/${ownerId} failed: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ version: number } & Json>;
}

/** An API token of a signed-in account: its id and the secret (shown once). */
export async function buildToken(t: TestApp, headers: Record<string, string>, name = `token ${tag()}`) {
  const res = await t.req('/api/tokens', { method: 'POST', headers, body: { name } });
  if (res.status !== 201) throw new Error(`POST /api/tokens failed: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ id: string; token: string; name: string }>;
}

/** The audit entries of one record, oldest first (straight from the table: nothing filtered). */
export const auditOf = (t: TestApp, entityId: string) =>
  t.db.db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'actor_email'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
