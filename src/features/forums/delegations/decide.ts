/**
 * A delegation's state: the head submits or withdraws it; the organiser approves, waitlists,
 * declines or reopens it. The forum's capacity (in members) is never exceeded: approving a
 * delegation that does not fit waitlists it (domain/forum/delegations.ts), and when places free
 * (a withdrawal, a decline, a member removed) the waitlist moves up in the order it was joined.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { approve, type DelegationState, nextState } from '../../../domain/forum/delegations.ts';
import { AppError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { assertCan } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { versionConflict } from '../editing/access.ts';
import { forumsRepo } from '../repository.ts';
import { delegationToEdit } from './members.ts';
import type { DelegationAction } from './schemas.ts';
import { moveWaitlistUp, seatsOf } from './waitlist.ts';

type Q = Kysely<Database>;

/** Actions a head may take on their own delegation; the others are the organiser's. */
const HEAD_ACTIONS = new Set(['submit', 'withdraw']);

export async function changeState(
  db: Q,
  clock: Clock,
  {
    forumId,
    delegationId,
    action,
    user,
    expectedVersion,
  }: {
    forumId: string;
    delegationId: string;
    action: z.infer<typeof DelegationAction>;
    user: User;
    expectedVersion: number;
  },
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (!HEAD_ACTIONS.has(action))
    assertCan(user, 'update', { type: 'forum', id: forumId }, `the state of delegation ${d.id}`);
  const allowed = nextState(d.state as DelegationState, action);
  if (!allowed)
    throw new AppError(
      'delegation.state',
      `a ${d.state} delegation cannot be ${action === 'submit' ? 'submitted' : `${action}d`}`,
      [{ path: 'action', message: `not from ${d.state}`, code: 'transition' }],
    );
  let to: DelegationState = allowed;
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    // Decisions on one forum take turns (the forum's row is the lock), so two approvals at once
    // cannot both take the last places.
    await tx
      .updateTable('forums')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', forumId)
      .execute();
    const forum = (await forumsRepo.get(tx, forumId))!;
    const seats = await seatsOf(tx, forumId);
    const mine = seats.find((s) => s.id === d.id)!;
    if (action === 'submit' && mine.members === 0)
      throw new AppError('delegation.state', 'register at least one member before submitting', [
        { path: 'members', message: 'no members yet', code: 'empty' },
      ]);
    let waitlistedAt = d.waitlisted_at;
    if (to === 'approved' && forum.capacity !== null) to = approve(seats, d.id, forum.capacity, now).state;
    if (to === 'waitlisted') waitlistedAt = waitlistedAt ?? now;
    if (to !== 'waitlisted') waitlistedAt = null;
    const res = await tx
      .updateTable('forum_delegations')
      .set({ state: to, waitlisted_at: waitlistedAt, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', d.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`delegation ${d.id}`, expectedVersion);
    const promoted =
      d.state === 'approved' && to !== 'approved'
        ? await moveWaitlistUp(tx, forumId, forum.capacity, now)
        : [];
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'delegation',
        entityId: d.id,
        before: { state: d.state },
        after: { state: to, action, ...(promoted.length ? { promoted } : {}) },
      },
    });
    return { state: to, promoted };
  });
}
