import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { nowIso } from '../shared/json.ts';
import { hashPassword, newSecret, oneTimePassword, secretHash, verifyPassword } from './passwords.ts';
import { attemptsRepo, sessionsRepo, tokensRepo, toUser, usersRepo } from './repository.ts';
import type { PasswordChange, User, UserCreate, UserUpdate } from './schemas.ts';

type Q = Kysely<Database>;

export const SESSION_DAYS = 14;
/** Failed sign-ins allowed per window before refusing: per account, and per client address. */
export const RATE_LIMIT = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

// A real argon2id hash of a random string nobody knows: verifying against it costs the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$UScRAgxrwWLaxGzMymvDig$VI0iO1nM/bQIIBfeoXBx/MX2Z6TaoUj7oj4CLJ9h+Do';

const publicActor = (u: User): Actor => ({ id: u.id, email: u.email });
const auditUser = (u: User) => ({ email: u.email, role: u.role, scopes: u.scopes, disabled: u.disabled });

export async function createUser(db: Q, input: z.infer<typeof UserCreate>, actor: Actor | null) {
  if (await usersRepo.byEmail(db, input.email)) {
    throw new AppError('user.email_taken', `an account for ${input.email} exists already`, [
      { path: 'email', message: 'already in use', code: 'taken' },
    ]);
  }
  const password = oneTimePassword();
  const now = nowIso();
  const row = {
    id: randomUUID(),
    email: input.email,
    password_hash: await hashPassword(password),
    role: input.role,
    scopes: JSON.stringify(input.role === 'admin' ? [] : input.scopes),
    must_change_password: 1,
    disabled: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const user = toUser(row);
  await db.transaction().execute(async (tx) => {
    await usersRepo.insert(tx, row);
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      before: null,
      after: auditUser(user),
    });
  });
  return { user, password };
}

export async function updateUser(db: Q, id: string, patch: z.infer<typeof UserUpdate>, actor: Actor) {
  const row = await usersRepo.byId(db, id);
  if (!row) throw new AppError('not_found', `user ${id} does not exist`);
  const before = toUser(row);
  // An admin who disables their own account locks themselves out, and maybe everyone out.
  if (patch.disabled && actor.id === id) {
    throw new AppError('validation.invalid', 'an admin cannot disable their own account', [
      { path: 'disabled', message: 'you cannot disable your own account', code: 'self_disable' },
    ]);
  }
  // The rule of UserCreate, on the account as it will be: emptying an editor's scopes breaks it too.
  if ((patch.role ?? before.role) === 'editor' && (patch.scopes ?? before.scopes).length === 0) {
    throw new AppError('validation.invalid', 'an editor needs at least one scope', [
      { path: 'scopes', message: 'an editor needs at least one scope', code: 'too_small' },
    ]);
  }
  const set = {
    ...(patch.role ? { role: patch.role } : {}),
    ...(patch.scopes ? { scopes: JSON.stringify(patch.scopes) } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
    updated_at: nowIso(),
  };
  return db.transaction().execute(async (tx) => {
    const res = await usersRepo.update(tx, id, row.version, set);
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('user.version_conflict', 'the account changed meanwhile; reload');
    if (patch.disabled) await sessionsRepo.deleteForUser(tx, id);
    const after = toUser((await usersRepo.byId(tx, id))!);
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
}

export async function listUsers(db: Q) {
  return (await usersRepo.list(db)).map(toUser);
}

/**
 * Signs in with email and password. Failed attempts are counted in the database (so every
 * server behind a balancer sees them) per account and per client address.
 */
export async function signIn(
  db: Q,
  { email, password, address }: { email: string; password: string; address: string },
) {
  const since = new Date(Date.now() - RATE_LIMIT.windowMinutes * 60_000).toISOString();
  // Attempts older than the window and expired sessions count for nothing: without this the
  // tables would keep every address and email ever tried, forever.
  await attemptsRepo.prune(db, since);
  await sessionsRepo.deleteExpired(db, nowIso());
  const failures = await attemptsRepo.failuresSince(db, email, address, since);
  if (failures.account >= RATE_LIMIT.perAccount || failures.address >= RATE_LIMIT.perAddress) {
    throw new AppError(
      'auth.rate_limited',
      `too many failed sign-ins; try again in ${RATE_LIMIT.windowMinutes} minutes`,
    );
  }
  const row = await usersRepo.byEmail(db, email);
  // Verify against a hash even for unknown accounts, so timing does not reveal which exist.
  const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
  await attemptsRepo.record(db, {
    account_key: email,
    address_key: address,
    at: nowIso(),
    success: ok && row ? 1 : 0,
  });
  if (!row || !ok) throw new AppError('auth.invalid_credentials', 'email or password is wrong');
  if (row.disabled) throw new AppError('auth.account_disabled', 'this account is disabled');
  await attemptsRepo.clearAccountFailures(db, email);
  const sessionId = newSecret('ks');
  const now = new Date();
  await sessionsRepo.insert(db, {
    id_hash: secretHash(sessionId),
    user_id: row.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  return { user: toUser(row), sessionId };
}

export const signOut = (db: Q, sessionId: string) => sessionsRepo.delete(db, secretHash(sessionId));

export async function userForSession(db: Q, sessionId: string): Promise<User | null> {
  const row = await sessionsRepo.userFor(db, secretHash(sessionId), nowIso());
  return row && !row.disabled ? toUser(row) : null;
}

export async function userForToken(db: Q, token: string): Promise<User | null> {
  const row = await tokensRepo.userFor(db, secretHash(token));
  if (!row || row.disabled) return null;
  await tokensRepo.touch(db, row.token_id, nowIso());
  return toUser(row);
}

/**
 * Changes the password and ends every other session of the account, so a session someone else
 * holds does not survive the change; `currentSessionId` (the caller's cookie) stays valid.
 */
export async function changePassword(
  db: Q,
  user: User,
  input: z.infer<typeof PasswordChange>,
  currentSessionId: string | null = null,
) {
  const row = await usersRepo.byId(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError('auth.invalid_credentials', 'the current password is wrong', [
      { path: 'currentPassword', message: 'wrong password', code: 'invalid' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await usersRepo.update(tx, user.id, row.version, {
      password_hash: hash,
      must_change_password: 0,
      updated_at: nowIso(),
    });
    await sessionsRepo.deleteOthers(tx, user.id, currentSessionId ? secretHash(currentSessionId) : null);
    await recordAudit(tx, {
      actor: publicActor(user),
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      before: { password: 'changed' },
      after: { password: 'changed' },
    });
  });
  return toUser((await usersRepo.byId(db, user.id))!);
}

export async function createToken(db: Q, user: User, name: string) {
  const token = newSecret('kz');
  const row = {
    id: randomUUID(),
    user_id: user.id,
    name,
    token_hash: secretHash(token),
    created_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await tokensRepo.insert(tx, row);
    await recordAudit(tx, {
      actor: publicActor(user),
      action: 'create',
      entityType: 'token',
      entityId: row.id,
      before: null,
      after: { name },
    });
  });
  return { token, id: row.id, name, createdAt: row.created_at, lastUsedAt: null, revokedAt: null };
}

export async function listTokens(db: Q, user: User) {
  return (await tokensRepo.listFor(db, user.id)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  }));
}

export async function revokeToken(db: Q, user: User, id: string) {
  await db.transaction().execute(async (tx) => {
    const res = await tokensRepo.revoke(tx, id, user.id, nowIso());
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('not_found', `token ${id} does not exist or is revoked`);
    await recordAudit(tx, {
      actor: publicActor(user),
      action: 'delete',
      entityType: 'token',
      entityId: id,
      before: null,
      after: null,
    });
  });
}
