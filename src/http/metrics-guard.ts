import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../features/accounts/middleware.ts';
import { type AppEnv, type Deps, requireAdmin } from './context.ts';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who may read /metrics: a scraper sending `Authorization: Bearer METRICS_TOKEN` (when the server
 * has one), or an admin (session cookie or API token). Anyone else gets 401 or 403.
 */
export const metricsGuard = (deps: Deps, token: string | null) => {
  const signedIn = authenticate(deps);
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token && bearer && sameSecret(bearer, token)) return next();
    return signedIn(c, async () => {
      requireAdmin(c);
      await next();
    });
  });
};
