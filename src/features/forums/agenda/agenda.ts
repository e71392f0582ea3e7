/**
 * A member's own agenda (`GET /api/forums/{id}/agenda/{personId}` and `….pdf`): the sessions of
 * the latest published release that concern them (the ones they speak in, the ones they chose,
 * and, their delegation registered, the plenaries and ceremonies), in their language. The same
 * choice as the personal calendar feed (`delegations/calendar.ts`).
 *
 * Who may read it: the forum's organisers and the delegation's head (signed in), and the member
 * through the secret of their calendar address (`?token=cal_…`). To anyone else the person is
 * not there: the same 404 as an unknown id.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { Lang, PublishedProgramme, SessionInfo, Texts } from '../../../domain/forum/model.ts';
import { AppError } from '../../../errors.ts';
import { secretHash } from '../../accounts/passwords.ts';
import { can } from '../../accounts/policy.ts';
import type { User } from '../../accounts/schemas.ts';
import { parseJson } from '../../shared/json.ts';
import { partyNames } from '../delegations/repository.ts';
import { EVERYONE_ATTENDS, REGISTERED } from '../editing/publish.ts';
import { programmeForFiles } from '../service.ts';

type Q = Kysely<Database>;

const TOKEN = /^cal_[A-Za-z0-9_-]{20,100}$/;
// The member's secret or the head's grant is the permission: the programme is read as an
// organiser would (a draft forum's release too).
const AGENDA_READER = { role: 'admin' as const, grants: [] };

export interface MemberAgenda {
  programme: PublishedProgramme | null;
  person: { id: string; delegationId: string; name: { native: string | null; latin: string | null } };
  party: { id: string; name: Texts };
  language: Lang;
  /** The member's sessions, in time order. */
  sessions: SessionInfo[];
}

const noSuchPerson = () => new AppError('not_found', 'no such agenda');

/** The member if the caller may read their agenda (organiser, head, or the holder of their secret). */
async function personToRead(
  db: Q,
  { forumId, personId, user, token }: { forumId: string; personId: string; user?: User; token?: string },
) {
  const person = await db
    .selectFrom('forum_people')
    .selectAll()
    .where('id', '=', personId)
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  if (!person?.delegation_id) throw noSuchPerson();
  const byToken = Boolean(token && TOKEN.test(token) && person.calendar_token_hash === secretHash(token));
  const byGrant = Boolean(
    user && can(user, 'update', { type: 'delegation', id: person.delegation_id, forumId }),
  );
  if (!byToken && !byGrant) throw noSuchPerson();
  return { ...person, delegation_id: person.delegation_id };
}

/** Which sessions of a release are a member's (pure; shared by the page and the PDF). */
export function agendaSessions(
  sessions: readonly SessionInfo[],
  { personId, chosen, registered }: { personId: string; chosen: ReadonlySet<string>; registered: boolean },
): SessionInfo[] {
  return sessions
    .filter(
      (s) =>
        s.speakerIds.includes(personId) || (registered && (chosen.has(s.id) || EVERYONE_ATTENDS.has(s.kind))),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export async function memberAgenda(
  db: Q,
  args: { forumId: string; personId: string; user?: User; token?: string; lang?: Lang },
): Promise<MemberAgenda> {
  const person = await personToRead(db, args);
  const delegation = await db
    .selectFrom('forum_delegations')
    .select(['state', 'party_id'])
    .where('id', '=', person.delegation_id)
    .executeTakeFirstOrThrow();
  let programme: PublishedProgramme | null = null;
  try {
    programme = await programmeForFiles(db, args.forumId, AGENDA_READER);
  } catch (e) {
    // No release published yet: an empty agenda, not an error.
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  const party = (await partyNames(db, [delegation.party_id])).get(delegation.party_id);
  const own = (['vi', 'ja', 'en'] as const).find((l) => l === person.language);
  return {
    programme,
    person: {
      id: person.id,
      delegationId: person.delegation_id,
      name: { native: person.name_native, latin: person.name_latin },
    },
    party: { id: delegation.party_id, name: party?.name ?? {} },
    language: args.lang ?? own ?? 'en',
    sessions: agendaSessions(programme?.sessions ?? [], {
      personId: person.id,
      chosen: new Set(parseJson<string[]>(person.agenda, [])),
      registered: (REGISTERED as readonly string[]).includes(delegation.state),
    }),
  };
}

/** The agenda as the API answers it: each session with its room's name, ready to show. */
export function presentAgenda(a: MemberAgenda) {
  const p = a.programme;
  const rooms = new Map((p?.rooms ?? []).map((r) => [r.id, r.name]));
  return {
    forum: p
      ? { id: p.forum.id, title: p.forum.title, zone: p.forum.zone, synthetic: Boolean(p.forum.synthetic) }
      : null,
    release: p ? { number: p.release.number, publishedAt: p.release.publishedAt } : null,
    member: { ...a.person, party: a.party, language: a.language },
    sessions: a.sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      start: s.start,
      end: s.end,
      precision: s.precision,
      partOfDay: s.partOfDay ?? null,
      room: (s.roomId ? rooms.get(s.roomId) : undefined) ?? (null as Texts | null),
      cancelled: Boolean(s.cancelled),
    })),
  };
}
