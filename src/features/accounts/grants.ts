import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { nowIso } from '../shared/json.ts';
import { hashPassword, oneTimePassword } from './passwords.ts';
import { canGrant, type RecordRef } from './policy.ts';
import { recordRefs } from './records.ts';
import { grantsRepo, toGrant, usersRepo } from './repository.ts';
import type { Grant, GrantCreate, RecordType, User } from './schemas.ts';

type Q = Kysely<Database>;
type GrantInput = z.infer<typeof GrantCreate>;

/** A grant's id says what it is, so that giving the same role twice is the same row. */
export const grantId = (userId: string, g: { role: string; recordType: string; recordId: string }) =>
  `${userId}:${g.role}:${g.recordType}:${g.recordId}`;

const TABLE: Record<
  RecordType,
  { table: 'localities' | 'organizations' | 'forums' | 'forum_delegations'; key: 'code' | 'id' }
> = {
  locality: { table: 'localities', key: 'code' },
  organization: { table: 'organizations', key: 'id' },
  forum: { table: 'forums', key: 'id' },
  delegation: { table: 'forum_delegations', key: 'id' },
};

/**
 * Every record a list of grants names must exist: one that names nothing is refused (422) with the
 * path of each (`grants.2.recordId`), as scopes are.
 */
export async function assertGrantRecordsExist(db: Q, grants: GrantInput[], path = 'grants') {
  const errors: FieldError[] = [];
  for (const type of Object.keys(TABLE) as RecordType[]) {
    const ids = [...new Set(grants.filter((g) => g.recordType === type).map((g) => g.recordId))];
    if (!ids.length) continue;
    const { table, key } = TABLE[type];
    const found = new Set(
      (
        (await db
          .selectFrom(table)
          .select(`${key} as k` as 'code')
          .where(key as 'code', 'in', ids)
          .execute()) as unknown as { k: string }[]
      ).map((r) => r.k),
    );
    grants.forEach((g, i) => {
      if (g.recordType === type && !found.has(g.recordId))
        errors.push({
          path: `${path}.${i}.recordId`,
          message: `no ${type} ${g.recordId}`,
          code: 'unknown_reference',
        });
    });
  }
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/**
 * The policy's view of the record a grant is on, read as every record's is (`recordRefs`). A
 * record that does not exist still gets a view (no parent, no forum), so that the authorisation
 * answer comes first and the missing record is named by `assertGrantRecordsExist` after it.
 */
export async function recordRefOf(
  db: Q,
  g: { recordType: RecordType; recordId: string },
): Promise<RecordRef> {
  const found = (await recordRefs(db, g.recordType, [g.recordId])).get(g.recordId);
  if (found) return found;
  if (g.recordType === 'forum') return { type: 'forum', id: g.recordId };
  if (g.recordType === 'delegation') return { type: 'delegation', id: g.recordId, forumId: '' };
  if (g.recordType === 'locality') return { type: 'locality', code: g.recordId, parentCode: null };
  return { type: 'organization', id: g.recordId, localityCode: '' };
}

const grantAudit = (email: string, g: Pick<Grant, 'role' | 'recordType' | 'recordId'>) => ({
  account: email,
  role: g.role,
  recordType: g.recordType,
  recordId: g.recordId,
});

/**
 * Gives an account a role on one record. Admins give every role; a forum's organiser gives the
 * forum's roles (organiser, interpreter). An admin already does everything, so a grant to one is
 * refused rather than kept unused; a disabled account gets none.
 */
export async function addGrant(
  db: Q,
  { userId, input, by }: { userId: string; input: GrantInput; by: User },
) {
  const row = await usersRepo.byId(db, userId);
  if (!row) throw new AppError('not_found', `user ${userId} does not exist`);
  if (!canGrant(by, await recordRefOf(db, input)))
    throw new AppError(
      'auth.forbidden',
      `your account may not give roles on ${input.recordType} ${input.recordId}`,
    );
  if (row.role === 'admin')
    throw new AppError('validation.invalid', 'an admin holds every role already', [
      { path: 'role', message: 'the account is an admin', code: 'admin' },
    ]);
  if (row.disabled)
    throw new AppError('validation.invalid', 'the account is disabled', [
      { path: 'userId', message: 'the account is disabled', code: 'disabled' },
    ]);
  await assertGrantRecordsExist(db, [input], 'grant');
  const id = grantId(userId, input);
  if (await grantsRepo.byId(db, id))
    throw new AppError(
      'grant.exists',
      `${row.email} is ${input.role} of ${input.recordType} ${input.recordId} already`,
    );
  const grant = {
    id,
    user_id: userId,
    role: input.role,
    record_type: input.recordType,
    record_id: input.recordId,
    granted_by: by.id,
    created_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await grantsRepo.insert(tx, grant);
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor: actorOf(by),
        action: 'create',
        entityType: 'grant',
        entityId: id,
        before: null,
        after: grantAudit(row.email, input),
      },
    });
  });
  return toGrant(grant);
}

/** Takes a role back, with the same rule as giving it. The last organiser of a forum may be removed by an admin only. */
export async function removeGrant(db: Q, { id, by }: { id: string; by: User }) {
  const row = await grantsRepo.byId(db, id);
  if (!row) throw new AppError('not_found', `grant ${id} does not exist`);
  const grant = toGrant(row);
  if (!canGrant(by, await recordRefOf(db, grant)))
    throw new AppError(
      'auth.forbidden',
      `your account may not take roles on ${grant.recordType} ${grant.recordId}`,
    );
  const holder = await usersRepo.byId(db, row.user_id);
  await db.transaction().execute(async (tx) => {
    const res = await grantsRepo.delete(tx, id);
    if (Number(res.numDeletedRows) !== 1) throw new AppError('not_found', `grant ${id} does not exist`);
    // An organiser who takes away the last organiser role of a forum (often their own) leaves it
    // with nobody to run it but the admins: only an admin may do that.
    if (by.role !== 'admin' && grant.role === 'organiser') {
      const left = (await grantsRepo.holders(tx, grant.recordType, grant.recordId)).filter(
        (h) => h.role === 'organiser',
      );
      if (!left.length)
        throw new AppError(
          'grant.last_organiser',
          'this is the forum’s last organiser: name another one first',
        );
    }
    await recordChange(tx, {
      scopes: ['accounts'],
      audit: {
        actor: actorOf(by),
        action: 'delete',
        entityType: 'grant',
        entityId: id,
        before: grantAudit(holder?.email ?? row.user_id, grant),
        after: null,
      },
    });
  });
}

/** The roles held on one record, with their holders' addresses: for the record's admins and organisers. */
export async function listRecordGrants(
  db: Q,
  record: { recordType: RecordType; recordId: string },
  by: User,
) {
  if (!canGrant(by, await recordRefOf(db, record)))
    throw new AppError(
      'auth.forbidden',
      `your account may not see the roles on ${record.recordType} ${record.recordId}`,
    );
  return (await grantsRepo.holders(db, record.recordType, record.recordId)).map((h) => ({
    id: h.id,
    role: h.role as Grant['role'],
    userId: h.user_id,
    email: h.email,
    createdAt: h.created_at,
  }));
}

/**
 * Makes `userId` head of a delegation, inside the caller's transaction (accepting an invitation:
 * the grant, the invitation used and the mail commit together). Giving it twice is one grant.
 */
export async function grantHead(
  tx: Q,
  { userId, delegationId, at }: { userId: string; delegationId: string; at: string },
) {
  const id = grantId(userId, { role: 'head', recordType: 'delegation', recordId: delegationId });
  if (await grantsRepo.byId(tx, id)) return;
  await grantsRepo.insert(tx, {
    id,
    user_id: userId,
    role: 'head',
    record_type: 'delegation',
    record_id: delegationId,
    granted_by: null,
    created_at: at,
  });
}

/**
 * An account for an invited address that has none, in the caller's transaction: an editor
 * without scopes whose one-time password the caller mails (it must be changed at first sign-in).
 */
export async function accountForInvitation(tx: Q, { email, at }: { email: string; at: string }) {
  const password = oneTimePassword();
  const id = randomUUID();
  await usersRepo.insert(tx, {
    id,
    email,
    password_hash: await hashPassword(password),
    role: 'editor',
    must_change_password: 1,
    disabled: 0,
    version: 1,
    created_at: at,
    updated_at: at,
  });
  await recordChange(tx, {
    scopes: ['accounts'],
    audit: {
      actor: null,
      action: 'create',
      entityType: 'user',
      entityId: id,
      before: null,
      after: { email, role: 'editor', via: 'forum invitation' },
    },
  });
  return { id, password };
}
