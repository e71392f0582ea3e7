/**
 * The forum's seats as the capacity rule sees them (each delegation's state and member count),
 * and moving the waitlist up when places free: shared by the decisions and by removing a member.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { type DelegationState, promoteWaitlist, type Seat } from '../../../domain/forum/delegations.ts';

type Q = Kysely<Database>;

export async function seatsOf(tx: Q, forumId: string): Promise<Seat[]> {
  const rows = await tx
    .selectFrom('forum_delegations')
    .leftJoin('forum_people', 'forum_people.delegation_id', 'forum_delegations.id')
    .select([
      'forum_delegations.id',
      'forum_delegations.state',
      'forum_delegations.waitlisted_at',
      (eb) => eb.fn.count<number>('forum_people.id').as('members'),
    ])
    .where('forum_delegations.forum_id', '=', forumId)
    .groupBy(['forum_delegations.id', 'forum_delegations.state', 'forum_delegations.waitlisted_at'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    state: r.state as DelegationState,
    members: Number(r.members),
    waitlistedAt: r.waitlisted_at,
  }));
}

/** Moves the waitlist up after places freed; returns the ids approved. */
export async function moveWaitlistUp(tx: Q, forumId: string, capacity: number | null, now: string) {
  if (capacity === null) return [];
  const { promoted } = promoteWaitlist(await seatsOf(tx, forumId), capacity);
  if (promoted.length)
    await tx
      .updateTable('forum_delegations')
      .set((eb) => ({
        state: 'approved',
        waitlisted_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', 'in', promoted)
      .execute();
  return promoted;
}
