import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { type Actor, recordChange } from '../audit/service.ts';
import { nowIso } from '../shared/json.ts';
import { assertGrantRecordsExist, grantId } from './grants.ts';
import { hashPassword, oneTimePassword, secretHash, verifyPassword } from './passwords.ts';
import {
  grantsRepo,
  loadUser,
  loadUsers,
  sessionsRepo,
  tokensRepo,
  toUser,
  usersRepo,
} from './repository.ts';
import type { PasswordChange, User, UserCreate, UserUpdate } from './schemas.ts';
import { takeAttempt } from './signin.ts';

export { RATE_LIMIT, SESSION_DAYS, signIn, signOut, userForSession } from './signin.ts';
export { createToken, listTokens, revokeToken, userForToken } from './tokens.ts';

type Q = Kysely<Database>;

const publicActor = (u: User): Actor => ({ id: u.id, email: u.email });
const auditUser = (u: User) => ({
  email: u.email,
  role: u.role,
  scopes: u.scopes,
  ...(u.grants.some((g) => g.role !== 'editor')
    ? {
        grants: u.grants
          .filter((g) => g.role !== 'editor')
          .map((g) => `${g.role} ${g.recordType} ${g.recordId}`),
      }
    : {}),
  disabled: u.disabled,
});

const scopeType = (known: Set<string>, scope: string) =>
  known.has(scope) || /^(VN|JP)-/.test(scope) ? ('locality' as const) : ('organization' as const);

/** The editor grants of a list of scopes (locality codes or organisation ids). */
async function editorGrants(db: Q, userId: string, scopes: string[], by: string | null, at: string) {
  if (!scopes.length) return [];
  const localities = new Set(
    (await db.selectFrom('localities').select('code').where('code', 'in', scopes).execute()).map(
      (l) => l.code,
    ),
  );
  return [...new Set(scopes)].map((s) => {
    const g = { role: 'editor', recordType: scopeType(localities, s), recordId: s };
    return {
      id: grantId(userId, g),
      user_id: userId,
      role: g.role,
      record_type: g.recordType,
      record_id: s,
      granted_by: by,
      created_at: at,
    };
  });
}

/** A new account: `scopes` become editor grants, `grants` the other roles (none for an admin). */
export type NewAccount = Omit<z.infer<typeof UserCreate>, 'grants'> & {
  grants?: z.infer<typeof UserCreate>['grants'];
};

export async function createUser(db: Q, input: NewAccount, actor: Actor | null) {
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
    must_change_password: 1,
    disabled: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const grants =
    input.role === 'admin'
      ? []
      : [
          ...(await editorGrants(db, row.id, input.scopes, actor?.id ?? null, now)),
          ...(input.grants ?? []).map((g) => ({
            id: grantId(row.id, g),
            user_id: row.id,
            role: g.role,
            record_type: g.recordType,
            record_id: g.recordId,
            granted_by: actor?.id ?? null,
            created_at: now,
          })),
        ].filter((g, i, all) => all.findIndex((o) => o.id === g.id) === i);
  const user = toUser(row, grants);
  await db.transaction().execute(async (tx) => {
    await usersRepo.insert(tx, row);
    for (const g of grants) await grantsRepo.insert(tx, g);
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor,
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: auditUser(user),
      },
    });
  });
  return { user, password };
}

/** An admin adds an account through the API: its scopes must name records that exist. */
export async function addUser(db: Q, input: z.infer<typeof UserCreate>, admin: User) {
  if (input.role === 'editor') {
    await assertScopesExist(db, input.scopes);
    await assertGrantRecordsExist(db, input.grants ?? []);
  }
  return createUser(db, input, publicActor(admin));
}

/** Scopes are locality codes or organisation ids: one that names nothing is refused (422). */
async function assertScopesExist(db: Q, scopes: string[]) {
  if (!scopes.length) return;
  const [localities, organizations] = await Promise.all([
    db.selectFrom('localities').select('code').where('code', 'in', scopes).execute(),
    db.selectFrom('organizations').select('id').where('id', 'in', scopes).execute(),
  ]);
  const known = new Set([...localities.map((l) => l.code), ...organizations.map((o) => o.id)]);
  const errors: FieldError[] = scopes.flatMap((s, i) =>
    known.has(s)
      ? []
      : [
          {
            path: `scopes.${i}`,
            message: `${s} is neither a locality code nor an organisation id`,
            code: 'unknown_reference',
          },
        ],
  );
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

const versionConflict = (id: string, sent: number) =>
  new AppError('user.version_conflict', `account ${id} changed since version ${sent}; reload it`);

/**
 * An admin changes an account's role, scopes or state, from the version it last read (If-Match).
 * An admin has no scopes (promoting clears them; demoting needs new ones), scopes must exist, the
 * last enabled admin cannot be demoted or disabled, and disabling ends the account's sessions and
 * revokes its tokens for good (enabling it again brings none of them back).
 */
export async function updateUser(
  db: Q,
  {
    id,
    version,
    patch,
    actor,
  }: { id: string; version: number; patch: z.infer<typeof UserUpdate>; actor: Actor },
) {
  const row = await usersRepo.byId(db, id);
  if (!row) throw new AppError('not_found', `user ${id} does not exist`);
  if (row.version !== version) throw versionConflict(id, version);
  const before = await loadUser(db, row);
  // An admin who disables their own account locks themselves out, and maybe everyone out.
  if (patch.disabled && actor.id === id) {
    throw new AppError('validation.invalid', 'an admin cannot disable their own account', [
      { path: 'disabled', message: 'you cannot disable your own account', code: 'self_disable' },
    ]);
  }
  const role = patch.role ?? before.role;
  // Scopes kept through a promotion and a demotion would come back unasked: an admin holds none.
  const scopes = role === 'admin' ? [] : (patch.scopes ?? (before.role === 'admin' ? [] : before.scopes));
  const disabled = patch.disabled ?? before.disabled;
  // The rule of UserCreate, on the account as it will be: emptying an editor's scopes breaks it
  // too, unless it holds another role (an organiser of a forum).
  const otherGrants = role === 'admin' ? [] : before.grants.filter((g) => g.role !== 'editor');
  if (role === 'editor' && scopes.length === 0 && otherGrants.length === 0) {
    throw new AppError('validation.invalid', 'an editor needs at least one scope or grant', [
      { path: 'scopes', message: 'an editor needs at least one scope', code: 'too_small' },
    ]);
  }
  if (patch.scopes && role === 'editor') await assertScopesExist(db, patch.scopes);
  const losesAdmin = before.role === 'admin' && !before.disabled && (role !== 'admin' || disabled);
  const now = nowIso();
  const set = { role, disabled: disabled ? 1 : 0, updated_at: now };
  const scopesChanged =
    scopes.length !== before.scopes.length ||
    scopes.some((s, i) => s !== before.scopes[i]) ||
    role === 'admin';
  const newEditorGrants = scopesChanged ? await editorGrants(db, id, scopes, actor.id, now) : [];
  return db.transaction().execute(async (tx) => {
    const res = await usersRepo.update(tx, id, version, set);
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(id, version);
    // An admin holds no grants: promotion clears them all. Scopes sent replace the editor grants.
    if (role === 'admin') await tx.deleteFrom('grants').where('user_id', '=', id).execute();
    else if (scopesChanged) {
      const kept = new Map(before.grants.filter((g) => g.role === 'editor').map((g) => [g.id, g]));
      await grantsRepo.deleteForUserRole(tx, id, 'editor');
      // A scope kept keeps who gave it and when.
      for (const g of newEditorGrants) {
        const old = kept.get(g.id);
        await grantsRepo.insert(tx, old ? { ...g, granted_by: old.grantedBy, created_at: old.createdAt } : g);
      }
    }
    if (disabled && !before.disabled) {
      await sessionsRepo.deleteForUser(tx, id);
      await tokensRepo.revokeAllFor(tx, id, nowIso());
    }
    const after = await loadUser(tx, (await usersRepo.byId(tx, id))!);
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor,
        action: 'update',
        entityType: 'user',
        entityId: id,
        before: auditUser(before),
        after: auditUser(after),
      },
    });
    // Counted last: recording the change bumped the `accounts` scope's row, which a concurrent
    // write holds until it commits (PostgreSQL) or which only one writer reaches at a time
    // (SQLite), so two admins demoting each other at once see each other's change: one is refused.
    if (losesAdmin && (await usersRepo.otherActiveAdmins(tx, id)) === 0)
      throw new AppError('user.last_admin', 'this is the last enabled admin: make another admin first');
    return after;
  });
}

export async function listUsers(db: Q) {
  return loadUsers(db, await usersRepo.list(db));
}

const wrongPassword = () =>
  new AppError('auth.invalid_credentials', 'the current password is wrong', [
    { path: 'currentPassword', message: 'wrong password', code: 'invalid' },
  ]);

/**
 * Changes the password, ends every other session of the account and revokes its API tokens, so
 * that nothing someone else holds survives the change; `currentSessionId` (the caller's cookie)
 * stays valid. The current password is an attempt like a sign-in (same limits). The new hash is
 * stored only on the version that was checked: if the account changed meanwhile (an admin changed
 * its scopes), it is read again and the change retried, and if the password itself changed the
 * current one is checked again. Nothing answers 200 unless the new password was stored.
 */
export async function changePassword(
  db: Q,
  user: User,
  input: z.infer<typeof PasswordChange>,
  {
    currentSessionId = null,
    address = 'unknown',
  }: { currentSessionId?: string | null; address?: string } = {},
) {
  const attempt = await takeAttempt(db, user.email, address);
  let row = await usersRepo.byId(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) throw wrongPassword();
  await attempt.succeeded();
  const hash = await hashPassword(input.newPassword);
  for (let tries = 0; ; tries++) {
    const checked = row;
    const stored = await db.transaction().execute(async (tx) => {
      const res = await usersRepo.update(tx, user.id, checked.version, {
        password_hash: hash,
        must_change_password: 0,
        updated_at: nowIso(),
      });
      if (Number(res.numUpdatedRows) !== 1) return false;
      await sessionsRepo.deleteOthers(tx, user.id, currentSessionId ? secretHash(currentSessionId) : null);
      await tokensRepo.revokeAllFor(tx, user.id, nowIso());
      await recordChange(tx, {
        scopes: ['accounts'],
        audit: {
          actor: publicActor(user),
          action: 'update',
          entityType: 'user',
          entityId: user.id,
          before: { password: 'changed' },
          after: { password: 'changed' },
        },
      });
      return true;
    });
    if (stored) break;
    const fresh = await usersRepo.byId(db, user.id);
    if (!fresh) throw new AppError('not_found', `user ${user.id} does not exist`);
    if (fresh.disabled) throw new AppError('auth.account_disabled', 'this account is disabled');
    if (
      fresh.password_hash !== checked.password_hash &&
      !(await verifyPassword(fresh.password_hash, input.currentPassword))
    )
      throw wrongPassword();
    if (tries >= 4)
      throw new AppError('conflict', 'the account keeps changing while the password is changed; try again');
    row = fresh;
  }
  return loadUser(db, (await usersRepo.byId(db, user.id))!);
}
