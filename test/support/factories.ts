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
