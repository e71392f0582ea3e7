/**
 * Reading delegations: the organiser reads every registration (private fields included) and
 * exports them as CSV; a head reads their own delegation; the public reads the approved
 * delegations with the members who consented to be listed, and nothing private.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/types.ts';
import { notFound } from '../../../errors.ts';
import { can } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { toCsv } from '../../shared/csv.ts';
import { parseJson } from '../../shared/json.ts';
import { forumToEdit, organises } from '../editing/access.ts';
import { forumsRepo } from '../repository.ts';
import { memberLimit, toMember } from './members.ts';
import { type DelegationRow, delegationsRepo, membersRepo, partyNames } from './repository.ts';
import type { Delegation, PublicParticipants } from './schemas.ts';

type Q = Kysely<Database>;
type DelegationOut = z.infer<typeof Delegation>;

async function present(db: Q, rows: DelegationRow[], delegationSize: number): Promise<DelegationOut[]> {
  const [members, names] = await Promise.all([
    membersRepo.ofDelegations(
      db,
      rows.map((r) => r.id),
    ),
    partyNames(
      db,
      rows.map((r) => r.party_id),
    ),
  ]);
  return rows.map((d) => ({
    id: d.id,
    forumId: d.forum_id,
    party: {
      type: d.party_type as 'locality' | 'organization',
      id: d.party_id,
      name: names.get(d.party_id)?.name ?? {},
    },
    state: d.state as DelegationOut['state'],
    language: d.language as DelegationOut['language'],
    contactEmail: d.contact_email,
    headUserId: d.head_user_id,
    memberLimit: memberLimit(d, { delegation_size: delegationSize }),
    note: parseJson(d.note, {}),
    members: members.filter((m) => m.delegation_id === d.id).map(toMember),
    version: d.version,
  }));
}

/** One delegation, for its head and the forum's organisers. */
export async function getDelegation(db: Q, user: User, forumId: string, id: string) {
  const d = await delegationsRepo.get(db, forumId, id);
  if (!d || !can(user, 'update', { type: 'delegation', id, forumId })) throw notFound('delegation', id);
  const forum = (await forumsRepo.get(db, forumId))!;
  return (await present(db, [d], forum.delegation_size))[0]!;
}

/** Every delegation of the forum (organisers); a head sees the ones they lead. */
export async function listDelegations(db: Q, user: User, forumId: string) {
  const forum = await forumsRepo.get(db, forumId);
  if (!forum) throw notFound('forum', forumId);
  const rows = (await delegationsRepo.ofForum(db, forumId)).filter(
    (d) => organises(user, forumId) || can(user, 'update', { type: 'delegation', id: d.id, forumId }),
  );
  if (!rows.length && forum.state === 'draft' && !organises(user, forumId)) throw notFound('forum', forumId);
  return { items: await present(db, rows, forum.delegation_size) };
}

/** The public list: approved delegations and their members who consented; nothing private. */
export async function publicParticipants(
  db: Q,
  forumId: string,
): Promise<z.infer<typeof PublicParticipants>> {
  const forum = await forumsRepo.get(db, forumId);
  if (!forum || forum.state === 'draft') throw notFound('forum', forumId);
  const rows = (await delegationsRepo.ofForum(db, forumId)).filter((d) => d.state === 'approved');
  const [members, names] = await Promise.all([
    membersRepo.ofDelegations(
      db,
      rows.map((r) => r.id),
    ),
    partyNames(
      db,
      rows.map((r) => r.party_id),
    ),
  ]);
  return {
    items: rows.map((d) => ({
      delegationId: d.id,
      party: { id: d.party_id, name: names.get(d.party_id)?.name ?? {} },
      members: members
        .filter((m) => m.delegation_id === d.id && m.listed === 1)
        .map((m) => ({
          name: { native: m.name_native, latin: m.name_latin },
          position: parseJson(m.position, {}),
        })),
    })),
  };
}

/** Every registration as CSV (UTF-8 with BOM, formulas made inert): one line per member. */
export async function registrationsCsv(db: Q, user: User, forumId: string) {
  const forum = await forumToEdit(db, forumId, user);
  const delegations = await present(db, await delegationsRepo.ofForum(db, forumId), forum.delegation_size);
  const rows = delegations.flatMap((d) =>
    d.members.length
      ? d.members.map((m) => ({ d, m }))
      : [{ d, m: null as DelegationOut['members'][number] | null }],
  );
  return toCsv(
    [
      { header: 'delegation', value: (r) => r.d.id },
      { header: 'party', value: (r) => r.d.party.id },
      {
        header: 'party_name',
        value: (r) => r.d.party.name.en ?? r.d.party.name.vi ?? r.d.party.name.ja ?? '',
      },
      { header: 'state', value: (r) => r.d.state },
      { header: 'member', value: (r) => r.m?.id ?? '' },
      { header: 'name_native', value: (r) => r.m?.name.native ?? '' },
      { header: 'name_latin', value: (r) => r.m?.name.latin ?? '' },
      {
        header: 'position',
        value: (r) => (r.m ? (r.m.position.en ?? r.m.position.vi ?? r.m.position.ja ?? '') : ''),
      },
      { header: 'languages', value: (r) => r.m?.languages ?? [] },
      { header: 'email', value: (r) => r.m?.email ?? '' },
      { header: 'language', value: (r) => r.m?.language ?? '' },
      { header: 'dietary', value: (r) => r.m?.dietary ?? '' },
      { header: 'accessibility', value: (r) => r.m?.accessibility ?? '' },
      { header: 'listed', value: (r) => (r.m ? (r.m.listed ? 'yes' : 'no') : '') },
    ],
    rows,
  );
}
