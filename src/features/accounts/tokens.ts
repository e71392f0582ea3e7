import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { recordChange } from '../audit/service.ts';
import { nowIso } from '../shared/json.ts';
import { newSecret, secretHash } from './passwords.ts';
import { loadUser, tokensRepo } from './repository.ts';
import type { TokenCreate, TokenScope, User } from './schemas.ts';

type Q = Kysely<Database>;

/** A new token's lifetime when neither its creator nor KIZUNA_TOKEN_DAYS says otherwise. */
export const TOKEN_DAYS = 90;

const actorOf = (u: User) => ({ id: u.id, email: u.email });

/**
 * Creates an API token for scripts, shown once. It expires after `expiresInDays` (at most the
 * server's lifetime, `maxDays`) and carries a scope: `read` opens only GET and HEAD.
 */
export async function createToken(
  db: Q,
  user: User,
  { name, scope, expiresInDays }: z.infer<typeof TokenCreate>,
  maxDays = TOKEN_DAYS,
) {
  const token = newSecret('kz');
  const created = new Date();
  const days = Math.min(expiresInDays ?? maxDays, maxDays);
  const row = {
    id: randomUUID(),
    user_id: user.id,
    name,
    token_hash: secretHash(token),
    created_at: created.toISOString(),
    expires_at: new Date(created.getTime() + days * 86_400_000).toISOString(),
    scope,
  };
  await db.transaction().execute(async (tx) => {
    await tokensRepo.insert(tx, row);
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'token',
        entityId: row.id,
        before: null,
        after: { name, scope, expiresAt: row.expires_at },
      },
    });
  });
  return {
    token,
    id: row.id,
    name,
    scope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: null,
    revokedAt: null,
  };
}

export async function listTokens(db: Q, user: User) {
  return (await tokensRepo.listFor(db, user.id)).map((t) => ({
    id: t.id,
    name: t.name,
    scope: t.scope as TokenScope,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  }));
}

export async function revokeToken(db: Q, user: User, id: string) {
  await db.transaction().execute(async (tx) => {
    const res = await tokensRepo.revoke(tx, id, user.id, nowIso());
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('not_found', `token ${id} does not exist or is revoked`);
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'token',
        entityId: id,
        before: null,
        after: null,
      },
    });
  });
}

/** The account a live token acts for, and the token's scope; null for an unknown, revoked or expired one. */
export async function userForToken(db: Q, token: string): Promise<{ user: User; scope: TokenScope } | null> {
  const now = nowIso();
  const row = await tokensRepo.userFor(db, secretHash(token), now);
  if (!row || row.disabled) return null;
  await tokensRepo.touch(db, row.token_id, now);
  return { user: await loadUser(db, row), scope: row.token_scope as TokenScope };
}
