/**
 * Check-in at the door: an organiser scans a badge's QR code (or types its code) and the person
 * is checked in once. Scanning again answers when they came (`already`), and changes nothing.
 * Two lookups by key and one insert: well under 100 ms.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { AppError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import { partyNames } from '../delegations/repository.ts';
import { forumToEdit } from '../editing/access.ts';
import { canonicalCode } from './badges.ts';
import type { Checkin } from './schemas.ts';

type Q = Kysely<Database>;

const unknown = (code: string) =>
  new AppError('checkin.unknown_code', `no badge of this forum has the code ${code.slice(0, 64)}`, [
    { path: 'code', code: 'unknown_code', message: 'no badge of this forum has this code' },
  ]);

export async function checkIn(
  db: Q,
  clock: Clock,
  user: User,
  forumId: string,
  typed: string,
): Promise<z.infer<typeof Checkin>> {
  await forumToEdit(db, forumId, user);
  const code = canonicalCode(typed);
  if (!code) throw unknown(typed);
  const person = await db
    .selectFrom('forum_people')
    .leftJoin('forum_delegations', 'forum_delegations.id', 'forum_people.delegation_id')
    .select([
      'forum_people.id',
      'forum_people.name_native',
      'forum_people.name_latin',
      'forum_people.position',
      'forum_people.dietary',
      'forum_people.accessibility',
      'forum_people.delegation_id',
      'forum_delegations.party_id',
    ])
    .where('forum_people.forum_id', '=', forumId)
    .where('forum_people.badge_code', '=', code)
    .executeTakeFirst();
  if (!person) throw unknown(typed);
  const now = isoNow(clock);
  const first = await db.transaction().execute(async (tx) => {
    const res = await tx
      .insertInto('forum_checkins')
      .values({ person_id: person.id, forum_id: forumId, at: now, by_user_id: user.id })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'forum',
        entityId: forumId,
        before: null,
        after: { checkin: person.id },
      },
    });
    return true;
  });
  const at = first
    ? now
    : (
        await db
          .selectFrom('forum_checkins')
          .select('at')
          .where('person_id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).at;
  const party = person.party_id
    ? ((await partyNames(db, [person.party_id])).get(person.party_id)?.name ?? {})
    : null;
  return {
    personId: person.id,
    name: { native: person.name_native, latin: person.name_latin },
    kind: person.delegation_id ? 'member' : 'speaker',
    delegation: person.delegation_id && party ? { id: person.delegation_id, party } : null,
    position: parseJson(person.position, {}),
    dietary: person.dietary,
    accessibility: person.accessibility,
    checkedInAt: at,
    already: !first,
  };
}
