import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors.ts';
import type { AppEnv, Deps } from '../../http/context.ts';
import { userForSession, userForToken } from './service.ts';

export const SESSION_COOKIE = 'kizuna_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a Bearer token or the session cookie. A state-changing request that
 * relies on the cookie must come from our own origin (CSRF defence beside SameSite=Lax).
 */
export const authenticate = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', null);
    c.set('via', null);
    const auth = c.req.header('authorization');
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const found = m ? await userForToken(deps.db.db, m[1]) : null;
      if (!found)
        throw new AppError('auth.unauthenticated', 'the Bearer token is unknown, expired or revoked');
      if (found.scope === 'read' && !SAFE_METHODS.has(c.req.method))
        throw new AppError('auth.forbidden', 'this API token may only read (its scope is read)');
      c.set('user', found.user);
      c.set('via', 'token');
      return next();
    }
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) {
      if (!SAFE_METHODS.has(c.req.method))
        assertSameOrigin(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url);
      const user = await userForSession(deps.db.db, sessionId);
      if (user) {
        c.set('user', user);
        c.set('via', 'cookie');
      }
    }
    return next();
  });

function assertSameOrigin(origin: string | undefined, fetchSite: string | undefined, url: string) {
  if (fetchSite === 'cross-site') throw foreign();
  if (!origin) return; // non-browser clients send no Origin; browsers always do on POST/PATCH/DELETE
  if (origin === 'null' || new URL(url).host !== safeHost(origin)) throw foreign();
}

const safeHost = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
};

const foreign = () =>
  new AppError('auth.foreign_origin', 'a state-changing request from another site was refused');
