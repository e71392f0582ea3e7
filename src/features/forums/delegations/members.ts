/**
 * The head of a delegation (or the forum's organiser) registers its members: names in their own
 * script and in Latin letters, family name first where that is the custom, position, languages,
 * dietary and accessibility needs (private), consent to be listed, the sessions they attend.
 * A delegation holds at most its member limit (the organiser's, else the forum's); an approved
 * delegation cannot grow past the forum's capacity.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { AppError, notFound, validationError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { can } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseJson } from '../../shared/json.ts';
import { versionConflict } from '../editing/access.ts';
import { forumsRepo, type PersonRow } from '../repository.ts';
import { type DelegationRow, delegationsRepo, membersRepo } from './repository.ts';
import { MAX_MEMBERS, type Member, type MemberInput, type MemberName, type MemberUpdate } from './schemas.ts';
import { moveWaitlistUp } from './waitlist.ts';

type Q = Kysely<Database>;
type Ctx = { db: Q; clock: Clock; user: User; forumId: string; delegationId: string };

/**
 * The delegation a caller may change: the forum's organisers and the delegation's head. To anyone
 * else it is not there (the same 404 as an unknown id): a delegation's existence is not public
 * until it is approved.
 */
export async function delegationToEdit(db: Q, user: User, forumId: string, delegationId: string) {
  const d = await delegationsRepo.get(db, forumId, delegationId);
  if (!d || !can(user, 'update', { type: 'delegation', id: d.id, forumId }))
    throw notFound('delegation', delegationId);
  return d;
}

export const memberLimit = (d: DelegationRow, forum: { delegation_size: number }) =>
  Math.min(d.member_limit ?? forum.delegation_size, MAX_MEMBERS);

/** `Nguyễn Văn An` / `Yamada Yuki`: family name first unless the member says otherwise. */
export function composeName(n: z.infer<typeof MemberName>) {
  const join = (family: string | undefined, given: string | undefined) => {
    const parts = n.order === 'given-first' ? [given, family] : [family, given];
    const present = parts.filter((p): p is string => Boolean(p));
    return present.length ? present.join(' ') : null;
  };
  return { native: join(n.family.native, n.given.native), latin: join(n.family.latin, n.given.latin) };
}

export const toMember = (p: PersonRow): z.infer<typeof Member> => ({
  id: p.id,
  name: { native: p.name_native, latin: p.name_latin },
  nameParts: parseJson(p.name_parts, {
    family: { latin: '' },
    given: { latin: '' },
    order: 'family-first' as const,
  }),
  position: parseJson(p.position, {}),
  languages: parseJson(p.languages, []),
  email: p.email,
  language: (p.language as z.infer<typeof Member>['language']) ?? null,
  dietary: p.dietary,
  accessibility: p.accessibility,
  listed: p.listed === 1,
  agenda: parseJson(p.agenda, []),
  version: p.version,
});

async function assertAgenda(db: Q, forumId: string, agenda: readonly string[] | undefined) {
  if (!agenda?.length) return;
  const found = new Set(
    (
      await db
        .selectFrom('forum_sessions')
        .select('id')
        .where('forum_id', '=', forumId)
        .where('id', 'in', [...agenda])
        .execute()
    ).map((r) => r.id),
  );
  const errors = agenda.flatMap((s, i) =>
    found.has(s)
      ? []
      : [{ path: `agenda.${i}`, message: `no session ${s} in this forum`, code: 'unknown_reference' }],
  );
  if (errors.length) throw validationError(errors, 'member');
}

const columns = (input: z.infer<typeof MemberUpdate>) => ({
  ...(input.name !== undefined
    ? {
        name_native: composeName(input.name).native,
        name_latin: composeName(input.name).latin,
        name_parts: JSON.stringify(input.name),
      }
    : {}),
  ...(input.position !== undefined ? { position: JSON.stringify(input.position) } : {}),
  ...(input.languages !== undefined ? { languages: JSON.stringify(input.languages) } : {}),
  ...(input.email !== undefined ? { email: input.email?.toLowerCase() ?? null } : {}),
  ...(input.language !== undefined ? { language: input.language } : {}),
  ...(input.dietary !== undefined ? { dietary: input.dietary || null } : {}),
  ...(input.accessibility !== undefined ? { accessibility: input.accessibility || null } : {}),
  ...(input.listed !== undefined ? { listed: input.listed ? 1 : 0 } : {}),
  ...(input.agenda !== undefined ? { agenda: JSON.stringify(input.agenda) } : {}),
});

/** What the audit log keeps of a member: never the private fields. */
const audited = (input: z.infer<typeof MemberUpdate>) => ({
  ...(input.name ? { name: composeName(input.name) } : {}),
  ...(input.listed !== undefined ? { listed: input.listed } : {}),
  ...(input.agenda ? { agenda: input.agenda } : {}),
});

export async function addMember(
  { db, clock, user, forumId, delegationId }: Ctx,
  input: z.infer<typeof MemberInput>,
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (d.state === 'declined' || d.state === 'withdrawn')
    throw new AppError('delegation.state', `a ${d.state} delegation takes no members; reopen it first`);
  await assertAgenda(db, forumId, input.agenda);
  const now = isoNow(clock);
  const id = `${delegationId}.m-${randomUUID().slice(0, 8)}`;
  return db.transaction().execute(async (tx) => {
    // The delegation's row is written first: concurrent additions take turns, so the count holds.
    await tx.updateTable('forum_delegations').set({ updated_at: now }).where('id', '=', d.id).execute();
    const forum = (await forumsRepo.get(tx, forumId))!;
    const limit = memberLimit(d, forum);
    const count = await membersRepo.count(tx, d.id);
    if (count + 1 > limit)
      throw new AppError(
        'delegation.member_limit',
        `the delegation may bring ${limit} member(s) and has ${count}`,
        [{ path: 'members', message: `at most ${limit}`, code: 'member_limit' }],
      );
    if (d.state === 'approved' && forum.capacity !== null) {
      const { n } = await tx
        .selectFrom('forum_people')
        .innerJoin('forum_delegations', 'forum_delegations.id', 'forum_people.delegation_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('forum_delegations.forum_id', '=', forumId)
        .where('forum_delegations.state', '=', 'approved')
        .executeTakeFirstOrThrow();
      if (Number(n) + 1 > forum.capacity)
        throw new AppError('delegation.member_limit', `the forum is full (${forum.capacity} places)`, [
          { path: 'members', message: 'the forum is full', code: 'forum_full' },
        ]);
    }
    await tx
      .insertInto('forum_people')
      .values({
        id,
        forum_id: forumId,
        delegation_id: d.id,
        position: '{}',
        party: '{}',
        sources: '[]',
        ...columns(input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'delegation',
        entityId: d.id,
        before: null,
        after: { member: id, ...audited(input) },
      },
    });
    return toMember((await membersRepo.get(tx, d.id, id))!);
  });
}

export async function updateMember(
  { db, clock, user, forumId, delegationId }: Ctx,
  memberId: string,
  input: z.infer<typeof MemberUpdate>,
  expectedVersion: number,
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (!(await membersRepo.get(db, d.id, memberId))) throw notFound('member', memberId);
  await assertAgenda(db, forumId, input.agenda);
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('forum_people')
      .set({ ...columns(input), version: expectedVersion + 1, updated_at: isoNow(clock) })
      .where('id', '=', memberId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(`member ${memberId}`, expectedVersion);
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'delegation',
        entityId: d.id,
        before: null,
        after: { member: memberId, ...audited(input) },
      },
    });
    return toMember((await membersRepo.get(tx, d.id, memberId))!);
  });
}

export async function removeMember(
  { db, clock, user, forumId, delegationId }: Ctx,
  memberId: string,
  expectedVersion: number,
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (!(await membersRepo.get(db, d.id, memberId))) throw notFound('member', memberId);
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .deleteFrom('forum_people')
      .where('id', '=', memberId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw versionConflict(`member ${memberId}`, expectedVersion);
    // A place freed in an approved delegation moves the waitlist up.
    const capacity = (await forumsRepo.get(tx, forumId))?.capacity ?? null;
    const promoted = d.state === 'approved' ? await moveWaitlistUp(tx, forumId, capacity, isoNow(clock)) : [];
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'delegation',
        entityId: d.id,
        before: { member: memberId },
        after: promoted.length ? { promoted } : null,
      },
    });
  });
}
