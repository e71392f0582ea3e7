import type { Kysely } from 'kysely';
import type { Database, GrantRow, UserRow } from '../../db/types.ts';
import type { Grant, User } from './schemas.ts';

type Q = Kysely<Database>;

export const toGrant = (row: GrantRow): Grant => ({
  id: row.id,
  role: row.role as Grant['role'],
  recordType: row.record_type as Grant['recordType'],
  recordId: row.record_id,
  grantedBy: row.granted_by,
  createdAt: row.created_at,
});

const GRANT_ORDER = (a: Grant, b: Grant) =>
  a.recordType.localeCompare(b.recordType) ||
  a.recordId.localeCompare(b.recordId) ||
  a.role.localeCompare(b.role);

/** An account as the API shows it: `grants` are its rows of the grants table (any order). */
export const toUser = (row: UserRow, grantRows: GrantRow[]): User => {
  const grants = grantRows.map(toGrant).sort(GRANT_ORDER);
  return {
    id: row.id,
    email: row.email,
    role: row.role as User['role'],
    scopes: grants.filter((g) => g.role === 'editor').map((g) => g.recordId),
    grants,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    version: row.version,
    createdAt: row.created_at,
  };
};

export const grantsRepo = {
  forUsers: (db: Q, userIds: string[]) =>
    userIds.length
      ? db.selectFrom('grants').selectAll().where('user_id', 'in', userIds).execute()
      : Promise.resolve([]),
  byId: (db: Q, id: string) => db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst(),
  insert: (db: Q, row: GrantRow) => db.insertInto('grants').values(row).execute(),
  delete: (db: Q, id: string) => db.deleteFrom('grants').where('id', '=', id).executeTakeFirst(),
  deleteForUserRole: (db: Q, userId: string, role: string) =>
    db.deleteFrom('grants').where('user_id', '=', userId).where('role', '=', role).execute(),
  /** Who holds a role on one record (a forum's organisers). */
  holders: (db: Q, recordType: string, recordId: string) =>
    db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['grants.id', 'grants.role', 'grants.user_id', 'users.email', 'grants.created_at'])
      .where('grants.record_type', '=', recordType)
      .where('grants.record_id', '=', recordId)
      .orderBy('users.email')
      .execute(),
};

/** The account of a row, with its grants (one more query). */
export const loadUser = async (db: Q, row: UserRow): Promise<User> =>
  toUser(row, await grantsRepo.forUsers(db, [row.id]));

/** Accounts of many rows, their grants read in one query. */
export const loadUsers = async (db: Q, rows: UserRow[]): Promise<User[]> => {
  const grants = await grantsRepo.forUsers(
    db,
    rows.map((r) => r.id),
  );
  const by = new Map<string, GrantRow[]>();
  for (const g of grants) by.set(g.user_id, [...(by.get(g.user_id) ?? []), g]);
  return rows.map((r) => toUser(r, by.get(r.id) ?? []));
};

export const usersRepo = {
  byEmail: (db: Q, email: string) =>
    db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
  byId: (db: Q, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  list: (db: Q) => db.selectFrom('users').selectAll().orderBy('email').execute(),
  /** Enabled admins, but `exceptId`. */
  otherActiveAdmins: async (db: Q, exceptId: string) =>
    Number(
      (
        await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('role', '=', 'admin')
          .where('disabled', '=', 0)
          .where('id', '!=', exceptId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  insert: (db: Q, row: UserRow) => db.insertInto('users').values(row).execute(),
  update: (db: Q, id: string, version: number, patch: Partial<UserRow>) =>
    db
      .updateTable('users')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
};

export const sessionsRepo = {
  insert: (db: Q, row: { id_hash: string; user_id: string; created_at: string; expires_at: string }) =>
    db.insertInto('sessions').values(row).execute(),
  userFor: (db: Q, idHash: string, now: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst(),
  delete: (db: Q, idHash: string) => db.deleteFrom('sessions').where('id_hash', '=', idHash).execute(),
  deleteForUser: (db: Q, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute(),
  /** Every session of a user but one (the one changing the password stays signed in). */
  deleteOthers: (db: Q, userId: string, keepIdHash: string | null) =>
    db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(keepIdHash !== null, (q) => q.where('id_hash', '!=', keepIdHash!))
      .execute(),
  deleteExpired: (db: Q, now: string) => db.deleteFrom('sessions').where('expires_at', '<=', now).execute(),
};

export const tokensRepo = {
  insert: (
    db: Q,
    row: {
      id: string;
      user_id: string;
      name: string;
      token_hash: string;
      created_at: string;
      expires_at: string;
      scope: string;
    },
  ) => db.insertInto('api_tokens').values(row).execute(),
  /** The account of a live token (not revoked, not expired), with the token's id and scope. */
  userFor: (db: Q, tokenHash: string, now: string) =>
    db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.scope as token_scope'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
      .executeTakeFirst(),
  /** Every live token of an account (a password change, disabling the account). */
  revokeAllFor: (db: Q, userId: string, at: string) =>
    db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute(),
  touch: (db: Q, id: string, at: string) =>
    db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),
  listFor: (db: Q, userId: string) =>
    db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute(),
  revoke: (db: Q, id: string, userId: string, at: string) =>
    db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
};

export const attemptsRepo = {
  /** Records an attempt (as a failure until it is known to succeed); its id. */
  record: async (db: Q, row: { account_key: string; address_key: string; at: string; success: number }) =>
    Number((await db.insertInto('login_attempts').values(row).returning('id').executeTakeFirstOrThrow()).id),
  succeeded: (db: Q, id: number) =>
    db.updateTable('login_attempts').set({ success: 1 }).where('id', '=', id).execute(),
  forget: (db: Q, id: number) => db.deleteFrom('login_attempts').where('id', '=', id).execute(),
  /** The oldest failure since `since` of an account or an address: when its window ends, one more try is allowed. */
  oldestFailure: async (db: Q, col: 'account_key' | 'address_key', key: string, since: string) =>
    (
      await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.min('at').as('at'))
        .where(col, '=', key)
        .where('at', '>', since)
        .where('success', '=', 0)
        .executeTakeFirst()
    )?.at ?? null,
  /** Failed attempts since `since` for an account and for an address. */
  failuresSince: async (db: Q, accountKey: string, addressKey: string, since: string) => {
    const count = (col: 'account_key' | 'address_key', key: string) =>
      db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(col, '=', key)
        .where('at', '>', since)
        .where('success', '=', 0)
        .executeTakeFirstOrThrow();
    const [account, address] = await Promise.all([
      count('account_key', accountKey),
      count('address_key', addressKey),
    ]);
    return { account: Number(account.n), address: Number(address.n) };
  },
  prune: (db: Q, before: string) => db.deleteFrom('login_attempts').where('at', '<', before).execute(),
  /** A successful sign-in forgives the account's earlier typos (the per-address count stays). */
  clearAccountFailures: (db: Q, accountKey: string) =>
    db.deleteFrom('login_attempts').where('account_key', '=', accountKey).where('success', '=', 0).execute(),
};
