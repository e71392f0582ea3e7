/** The head or an organiser changes a delegation; only an organiser changes its member limit. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { assertCan } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { versionConflict } from '../editing/access.ts';
import { delegationToEdit } from './members.ts';
import type { DelegationUpdate } from './schemas.ts';

type Q = Kysely<Database>;

export async function updateDelegation(
  db: Q,
  clock: Clock,
  {
    forumId,
    delegationId,
    input,
    user,
    expectedVersion,
  }: {
    forumId: string;
    delegationId: string;
    input: z.infer<typeof DelegationUpdate>;
    user: User;
    expectedVersion: number;
  },
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (input.memberLimit !== undefined)
    assertCan(user, 'update', { type: 'forum', id: forumId }, `the member limit of ${d.id}`);
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forum_delegations')
      .set({
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.note !== undefined ? { note: JSON.stringify(input.note) } : {}),
        ...(input.memberLimit !== undefined ? { member_limit: input.memberLimit } : {}),
        version: expectedVersion + 1,
        updated_at: isoNow(clock),
      })
      .where('id', '=', d.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`delegation ${d.id}`, expectedVersion);
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'delegation',
        entityId: d.id,
        before: { version: d.version },
        after: input,
      },
    });
  });
}
