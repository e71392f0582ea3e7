import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  type AppEnv,
  adminOnly,
  type Ctx,
  type Deps,
  etag,
  ifMatchVersion,
  requireUser,
  signedIn,
} from '../../http/context.ts';
import { AuditEntry, AuditQuery, listAudit } from '../audit/service.ts';
import { json, jsonBody, readErrors, writeErrors } from '../shared/http.ts';
import { pageOf } from '../shared/schemas.ts';
import { SESSION_COOKIE } from './middleware.ts';
import { ApiToken, PasswordChange, SignIn, TokenCreate, User, UserCreate, UserUpdate } from './schemas.ts';
import {
  addUser,
  changePassword,
  createToken,
  listTokens,
  listUsers,
  revokeToken,
  SESSION_DAYS,
  signIn,
  signOut,
  updateUser,
} from './service.ts';

const Me = z.object({ user: User }).meta({ id: 'Me' });
/** What /auth/me answers: the account, or null for a visitor (not an error: every page asks). */
const MaybeMe = z.object({ user: User.nullable() }).meta({ id: 'MaybeMe' });
const IdParam = z.object({ id: z.string().min(1).max(100) });
const auth = ['Accounts'];

/**
 * The client address for rate limiting: the socket's, or behind a trusted proxy the last hop of
 * X-Forwarded-For, the one that proxy appended. Earlier hops are whatever the client sent, so
 * trusting the first would let anyone escape the per-address limit by writing a new one each time.
 */
function clientAddress(c: Ctx, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

const isHttps = (c: Ctx, trustProxy: boolean) =>
  new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');

export function accountRoutes({ db, trustProxy, tokenDays }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: auth,
      summary: 'Sign in; sets an HttpOnly session cookie',
      request: { body: jsonBody(SignIn) },
      responses: {
        200: json(Me, 'Signed in'),
        ...writeErrors,
        429: { description: 'Too many failed attempts' },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { user, sessionId } = await signIn(db.db, {
        email,
        password,
        address: clientAddress(c, trustProxy),
      });
      setCookie(c, SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isHttps(c, trustProxy),
        maxAge: SESSION_DAYS * 86_400,
      });
      return c.json({ user }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: auth,
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await signOut(db.db, sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: auth,
      summary: 'The signed-in account, or `{ user: null }` for a visitor',
      responses: { 200: json(MaybeMe, 'The account, or null'), ...writeErrors },
    }),
    (c) => c.json({ user: c.get('user') }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: auth,
      middleware: [signedIn] as const,
      summary: 'Change the password (required after the first sign-in)',
      request: { body: jsonBody(PasswordChange) },
      responses: { 200: json(Me, 'Changed'), ...writeErrors },
    }),
    async (c) => {
      const user = await changePassword(db.db, requireUser(c), c.req.valid('json'), {
        currentSessionId: getCookie(c, SESSION_COOKIE) ?? null,
        address: clientAddress(c, trustProxy),
      });
      return c.json({ user }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: auth,
      middleware: [signedIn] as const,
      summary: 'My API tokens',
      responses: { 200: json(z.object({ items: z.array(ApiToken) }), 'Tokens'), ...writeErrors },
    }),
    async (c) => c.json({ items: await listTokens(db.db, requireUser(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: auth,
      middleware: [signedIn] as const,
      summary: 'Create an API token (shown once) for scripts: Authorization: Bearer …',
      request: { body: jsonBody(TokenCreate) },
      responses: { 201: json(ApiToken.extend({ token: z.string() }), 'Created'), ...writeErrors },
    }),
    async (c) => c.json(await createToken(db.db, requireUser(c), c.req.valid('json'), tokenDays), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: auth,
      middleware: [signedIn] as const,
      summary: 'Revoke one of my tokens',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...writeErrors },
    }),
    async (c) => {
      await revokeToken(db.db, requireUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['Admin'],
      middleware: [adminOnly] as const,
      summary: 'All accounts',
      responses: { 200: json(z.object({ items: z.array(User) }), 'Accounts'), ...writeErrors },
    }),
    async (c) => c.json({ items: await listUsers(db.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['Admin'],
      middleware: [adminOnly] as const,
      summary: 'Create an account; answers a one-time password',
      request: { body: jsonBody(UserCreate) },
      responses: { 201: json(z.object({ user: User, password: z.string() }), 'Created'), ...writeErrors },
    }),
    async (c) => c.json(await addUser(db.db, c.req.valid('json'), requireUser(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: ['Admin'],
      middleware: [adminOnly] as const,
      summary: 'Change an account: role, scopes, disabled (If-Match: the version last read)',
      request: { params: IdParam, body: jsonBody(UserUpdate) },
      responses: { 200: json(User, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const admin = requireUser(c);
      const user = await updateUser(db.db, {
        id: c.req.valid('param').id,
        version: ifMatchVersion(c),
        patch: c.req.valid('json'),
        actor: { id: admin.id, email: admin.email },
      });
      return c.json(user, 200, { etag: etag(user.version) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['Admin'],
      middleware: [adminOnly] as const,
      summary: 'The audit log of every change, newest first',
      request: { query: AuditQuery },
      responses: {
        200: json(pageOf(AuditEntry, 'AuditPage'), 'Audit entries'),
        ...readErrors,
        401: { description: 'Not signed in' },
        403: { description: 'Not an admin' },
      },
    }),
    async (c) => c.json(await listAudit(db.db, c.req.valid('query')), 200),
  );

  return app;
}
