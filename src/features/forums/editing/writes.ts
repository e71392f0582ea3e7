/**
 * What the programme's writers share (rooms.ts, speakers.ts, sessions.ts): the context of a
 * write, the limits per forum, the audit entry with the forum's scope, and the count check.
 * Every change is refused whole, every broken rule named by its field; nothing is half-written.
 * All of it is the draft: the public sees it only once a release freezes it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { AppError } from '../../../errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';

export type Q = Kysely<Database>;
export type Ctx = { db: Q; clock: Clock; user: User; forumId: string };

/** At most this many rooms, speakers and sessions per forum: what an organiser's account could grow. */
export const LIMITS = { rooms: 100, speakers: 2000, sessions: 1000 } as const;

export const audit = (
  tx: Q,
  user: User,
  forumId: string,
  what: string,
  action: 'create' | 'update' | 'delete',
  before: unknown,
  after: unknown,
) =>
  recordChange(tx, {
    scopes: [forumScope(forumId)],
    audit: {
      actor: actorOf(user),
      action,
      entityType: 'forum',
      entityId: `${forumId}:${what}`,
      before,
      after,
    },
  });

export async function assertRoomFor(
  db: Q,
  forumId: string,
  table: 'forum_rooms' | 'forum_people' | 'forum_sessions',
  limit: number,
) {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('forum_id', '=', forumId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= limit)
    throw new AppError('validation.invalid', `a forum holds at most ${limit} of these`, [
      { path: '(root)', message: `at most ${limit}`, code: 'too_many' },
    ]);
}
