/**
 * Reads the forum's records and builds the scheduler's problem (domain/forum/meetings.ts):
 * accepted requests between registered delegations, the blocks, the interpreters, each
 * delegation's languages (its members') and availability (its presence, its members' talks),
 * and the meetings locked in the working schedule.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { buildProblem, type DelegationIn } from '../../domain/forum/meetings.ts';
import type { Texts } from '../../domain/forum/model.ts';
import { textIn } from '../../domain/forum/texts.ts';
import type { Problem } from '../../domain/scheduling/types.ts';
import { membersRepo } from '../forums/delegations/repository.ts';
import { parseJson } from '../shared/json.ts';
import { partiesOf, REGISTERED } from './access.ts';
import {
  blocksRepo,
  forumRead,
  interpretersRepo,
  presenceRepo,
  requestsRepo,
  schedulesRepo,
  sessionsRead,
} from './repository.ts';
import { settingsOf } from './requests.ts';
import { toBlock, toInterpreter } from './setup.ts';

type Q = Kysely<Database>;

/** The meetings locked in the working schedule, with their slots. */
export async function lockedOf(db: Q, forumId: string): Promise<Record<string, string>> {
  const draft = await schedulesRepo.get(db, forumId, 'draft');
  if (!draft) return {};
  const locked = new Set(parseJson(draft.locked, [] as string[]));
  const out: Record<string, string> = {};
  for (const a of parseJson(draft.assignments, [] as { meeting: string; slot: string }[]))
    if (locked.has(a.meeting)) out[a.meeting] = a.slot;
  return out;
}

export async function loadProblem(db: Q, forumId: string): Promise<{ problem: Problem; zone: string }> {
  const forum = (await forumRead.get(db, forumId))!;
  const [parties, settings, blocks, interpreters, presence, sessions, accepted, locked] = await Promise.all([
    partiesOf(db, forumId),
    settingsOf(db, forumId),
    blocksRepo.ofForum(db, forumId),
    interpretersRepo.ofForum(db, forumId),
    presenceRepo.ofForum(db, forumId),
    sessionsRead.ofForum(db, forumId),
    requestsRepo.accepted(db, forumId),
    lockedOf(db, forumId),
  ]);
  const meetings = accepted.filter(
    (r) =>
      REGISTERED.has(parties.get(r.from_delegation_id)?.state ?? '') &&
      REGISTERED.has(parties.get(r.to_delegation_id)?.state ?? ''),
  );
  const ids = [...new Set(meetings.flatMap((r) => [r.from_delegation_id, r.to_delegation_id]))];
  const members = await membersRepo.ofDelegations(db, ids);
  const live = sessions.filter((s) => !s.cancelled);
  const delegations: DelegationIn[] = ids.map((id) => {
    const mine = members.filter((m) => m.delegation_id === id);
    const memberIds = new Set(mine.map((m) => m.id));
    const p = presence.find((x) => x.delegation_id === id);
    const languages = mine.flatMap((m) => parseJson(m.languages, [] as string[]));
    const party = parties.get(id)!;
    return {
      id,
      sortKey: party.partyId,
      name: textIn(party.name as Texts, 'en') || party.partyId,
      // Without members' languages, the delegation's own language (that of its mail) stands for them.
      languages: languages.length ? languages : [party.language],
      arrivesAt: p?.arrives_at ?? null,
      leavesAt: p?.leaves_at ?? null,
      speaking: live
        .filter((s) => parseJson(s.speaker_ids, [] as string[]).some((sp) => memberIds.has(sp)))
        .map((s) => ({ from: s.start_at, to: s.end_at })),
    };
  });
  const problem = buildProblem({
    zone: forum.zone,
    blocks: blocks.map(toBlock),
    delegations,
    interpreters: interpreters.map(toInterpreter).map((i) => ({
      id: i.id,
      sortKey: i.name,
      name: i.name,
      languages: i.languages,
      unavailable: i.unavailable,
    })),
    meetings: meetings.map((r) => ({
      id: r.id,
      sortKey: `${parties.get(r.from_delegation_id)!.partyId}>${parties.get(r.to_delegation_id)!.partyId}`,
      from: r.from_delegation_id,
      to: r.to_delegation_id,
      priority: r.priority as 'must' | 'would_like',
      required: r.required === 1,
      fixedSlot: r.fixed_slot,
    })),
    maxMeetings: settings.maxMeetings,
    locked,
  });
  return { problem, zone: forum.zone };
}
