/**
 * Following an invitation's link. The link's secret is the only key: it is stored as a hash,
 * works once, and expires. A signed-in caller becomes head of the delegation; a visitor whose
 * invited address has no account gets one, its one-time password mailed in the invitation's
 * language, in the same transaction as the grant; a visitor whose address has an account is
 * asked to sign in first.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { Texts } from '../../../domain/forum/model.ts';
import { AppError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { accountForInvitation, grantHead } from '../../accounts/grants.ts';
import { secretHash } from '../../accounts/passwords.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import { accountMail } from '../mails.ts';
import { forumsRepo } from '../repository.ts';
import { invitationsRepo, partyNames } from './repository.ts';

type Q = Kysely<Database>;

const TOKEN = /^inv_[A-Za-z0-9_-]{20,100}$/;

async function invitationOf(db: Q, token: string) {
  const row = TOKEN.test(token) ? await invitationsRepo.byHash(db, secretHash(token)) : undefined;
  // An unknown, malformed or foreign secret all answer the same.
  if (!row) throw new AppError('not_found', 'no such invitation (check the link in the mail)');
  return row;
}

const stateOf = (row: { accepted_at: string | null; expires_at: string }, now: string) =>
  row.accepted_at ? 'used' : row.expires_at <= now ? 'expired' : 'open';

export async function viewInvitation(db: Q, clock: Clock, token: string) {
  const row = await invitationOf(db, token);
  const [forum, delegation] = await Promise.all([
    forumsRepo.get(db, row.forum_id),
    db
      .selectFrom('forum_delegations')
      .select('party_id')
      .where('id', '=', row.delegation_id)
      .executeTakeFirstOrThrow(),
  ]);
  const party = (await partyNames(db, [delegation.party_id])).get(delegation.party_id);
  return {
    forumId: row.forum_id,
    forumTitle: parseJson<Texts>(forum?.title ?? '{}', {}),
    party: { id: delegation.party_id, name: party?.name ?? {} },
    email: row.email,
    language: row.language as 'vi' | 'ja' | 'en',
    expiresAt: row.expires_at,
    state: stateOf(row, isoNow(clock)) as 'open' | 'used' | 'expired',
  };
}

export async function acceptInvitation(
  db: Q,
  clock: Clock,
  { token, user, publicUrl }: { token: string; user: User | null; publicUrl: string },
) {
  const row = await invitationOf(db, token);
  const now = isoNow(clock);
  const state = stateOf(row, now);
  if (state === 'used')
    throw new AppError(
      'invitation.used',
      'this invitation has been used already; ask the organiser for a new one',
    );
  if (state === 'expired')
    throw new AppError(
      'invitation.expired',
      `this invitation expired on ${row.expires_at}; ask the organiser for a new one`,
    );
  if (!user) {
    const existing = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', row.email)
      .executeTakeFirst();
    if (existing)
      throw new AppError(
        'auth.unauthenticated',
        `an account for ${row.email} exists: sign in, then follow the link again`,
      );
  }
  return db.transaction().execute(async (tx) => {
    // Used once: the update that marks it used is the claim, so two clicks at once make one head.
    const claimed = await tx
      .updateTable('forum_invitations')
      .set({ accepted_at: now, accepted_by: user?.id ?? row.email })
      .where('id', '=', row.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('invitation.used', 'this invitation has been used already');
    let headId = user?.id;
    if (!headId) {
      const made = await accountForInvitation(tx, { email: row.email, at: now });
      headId = made.id;
      await queueMail(tx, clock, {
        to: row.email,
        language: row.language as 'vi' | 'ja' | 'en',
        template: accountMail,
        params: {
          email: row.email,
          password: made.password,
          url: `${publicUrl}/forums/${encodeURIComponent(row.forum_id)}`,
        },
      });
    }
    await grantHead(tx, { userId: headId, delegationId: row.delegation_id, at: now });
    await tx
      .updateTable('forum_delegations')
      .set((eb) => ({ head_user_id: headId, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', row.delegation_id)
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(row.forum_id)],
      audit: {
        actor: actorOf(user) ?? { id: headId, email: row.email },
        action: 'update',
        entityType: 'delegation',
        entityId: row.delegation_id,
        before: null,
        after: { head: headId, invitation: 'accepted' },
      },
    });
    return {
      forumId: row.forum_id,
      delegationId: row.delegation_id,
      account: user ? ('signed-in' as const) : ('created' as const),
    };
  });
}
