/** The queries of delegations, invitations and members. Rules live in the use cases beside. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ForumDelegationsTable, ForumInvitationsTable } from '../../../db/types.ts';

type Q = Kysely<Database>;
export type DelegationRow = Selectable<ForumDelegationsTable>;
export type InvitationRow = Selectable<ForumInvitationsTable>;

export const delegationsRepo = {
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('forum_delegations')
      .selectAll()
      .where('id', '=', id)
      .where('forum_id', '=', forumId)
      .executeTakeFirst(),
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_delegations')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('party_id')
      .execute(),
  ofParties: (db: Q, forumId: string, parties: string[]) =>
    parties.length
      ? db
          .selectFrom('forum_delegations')
          .selectAll()
          .where('forum_id', '=', forumId)
          .where('party_id', 'in', parties)
          .execute()
      : Promise.resolve([] as DelegationRow[]),
  insert: (db: Q, row: Insertable<ForumDelegationsTable>) =>
    db.insertInto('forum_delegations').values(row).execute(),
};

export const invitationsRepo = {
  byHash: (db: Q, hash: string) =>
    db.selectFrom('forum_invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
  insert: (db: Q, row: Insertable<ForumInvitationsTable>) =>
    db.insertInto('forum_invitations').values(row).execute(),
};

export const membersRepo = {
  ofDelegations: (db: Q, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('forum_people')
          .selectAll()
          .where('delegation_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  get: (db: Q, delegationId: string, id: string) =>
    db
      .selectFrom('forum_people')
      .selectAll()
      .where('id', '=', id)
      .where('delegation_id', '=', delegationId)
      .executeTakeFirst(),
  count: async (db: Q, delegationId: string) =>
    Number(
      (
        await db
          .selectFrom('forum_people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('delegation_id', '=', delegationId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};

/** Names of parties (localities by code, organisations by id), as `Texts`. */
export async function partyNames(db: Q, ids: string[]) {
  const out = new Map<
    string,
    { type: 'locality' | 'organization'; id: string; name: Record<string, string> }
  >();
  if (!ids.length) return out;
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const [locs, orgs] = await Promise.all([
      db
        .selectFrom('localities')
        .select(['code as id', 'name_vi', 'name_ja', 'name_en'])
        .where('code', 'in', chunk)
        .execute(),
      db
        .selectFrom('organizations')
        .select(['id', 'name_vi', 'name_ja', 'name_en'])
        .where('id', 'in', chunk)
        .execute(),
    ]);
    const name = (r: { name_vi: string | null; name_ja: string | null; name_en: string | null }) =>
      Object.fromEntries(
        (
          [
            ['vi', r.name_vi],
            ['ja', r.name_ja],
            ['en', r.name_en],
          ] as const
        ).filter(([, v]) => v),
      ) as Record<string, string>;
    for (const r of locs) out.set(r.id, { type: 'locality', id: r.id, name: name(r) });
    for (const r of orgs) out.set(r.id, { type: 'organization', id: r.id, name: name(r) });
  }
  return out;
}
