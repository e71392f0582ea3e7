import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { User } from '../features/accounts/schemas.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { FileStore } from '../platform/storage/store.ts';

export interface Deps {
  db: Db;
  logger: Logger;
  /** Behind an HTTPS proxy: Secure cookies, and X-Forwarded-For names the client. */
  trustProxy: boolean;
  /** The lifetime of a new API token, in days (KIZUNA_TOKEN_DAYS; 90 when not given). */
  tokenDays?: number;
  /** Where services take the time from (default the system clock; tests pass a TestClock). */
  clock?: Clock;
  /** The origin links in mail start with (PUBLIC_URL; http://localhost:3000 when not given). */
  publicUrl?: string;
  /** Where uploads are kept, with their size limit (routes that take uploads need it). */
  files?: FileStore;
}

export const clockOf = (deps: Deps): Clock => deps.clock ?? systemClock;
export const publicUrlOf = (deps: Deps): string => deps.publicUrl ?? 'http://localhost:3000';

export type AppEnv = { Variables: { user: User | null; via: 'cookie' | 'token' | null } };

export type Ctx = Context<AppEnv>;

/** The signed-in user, or 401. A user who must still change the one-time password may do nothing else. */
export function requireUser(c: Ctx): User {
  const user = c.get('user');
  if (!user) throw new AppError('auth.unauthenticated', 'sign in first (cookie session or Bearer token)');
  if (user.mustChangePassword && !c.req.path.startsWith('/api/auth/')) {
    throw new AppError(
      'auth.password_change_required',
      'change the one-time password first (POST /api/auth/password)',
    );
  }
  return user;
}

export function requireAdmin(c: Ctx): User {
  const user = requireUser(c);
  if (user.role !== 'admin') throw new AppError('auth.forbidden', 'only an admin may do this');
  return user;
}

/** The version a client last saw, from `If-Match: "N"`. Required on every update and delete. */
export function ifMatchVersion(c: Ctx): number {
  const header = c.req.header('if-match');
  if (!header) {
    throw new AppError(
      'request.precondition_required',
      "send If-Match with the ETag you last read, so that no one else's change is overwritten",
    );
  }
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) {
    throw new AppError('validation.invalid', 'If-Match must be an ETag of this server, like "3"', [
      { path: 'If-Match', message: 'not an ETag of this server', code: 'invalid_etag' },
    ]);
  }
  return Number(m[1]);
}

export const etag = (version: number) => `"${version}"`;

/**
 * Route middleware for writes: the caller must be signed in before the body is even validated,
 * so an anonymous write answers 401 whatever it sends.
 */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireUser(c);
  await next();
});

export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireAdmin(c);
  await next();
});
