/**
 * Publishing a release and telling the people concerned, in one transaction: the release, its
 * audit entry and every notice in the outbox commit together or not at all.
 *
 * Who is concerned by a session: its speakers (those with an e-mail), and the members of the
 * registered delegations (submitted, approved or waitlisted) who have it on their agenda: the
 * sessions they chose, and the plenary and ceremony sessions, which every member attends. The head
 * of such a delegation is told too. One mail per address, in that person's language, listing only
 * the changes that concern them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { Texts } from '../../../domain/forum/model.ts';
import { peopleToTell } from '../../../domain/programme/releases.ts';
import { AppError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Lang } from '../../../platform/mail/render.ts';
import type { User } from '../../accounts/schemas.ts';
import { parseJson } from '../../shared/json.ts';
import { type ChangeLine, releaseNotice } from '../mails.ts';
import { type ProgrammeSnapshot, type PublishedRelease, publishRelease } from '../service.ts';
import { forumToEdit } from './access.ts';
import { programmeProblems } from './rules.ts';

type Q = Kysely<Database>;

/** Kinds every registered member attends, whatever they chose. */
export const EVERYONE_ATTENDS = new Set(['plenary', 'ceremony']);
export const REGISTERED = ['submitted', 'approved', 'waitlisted'] as const;

interface Recipient {
  email: string;
  language: Lang;
  /** Who the person is in the release's terms: `speaker:<id>`, `member:<id>`, `head:<delegation>`. */
  keys: string[];
}

const asLang = (l: string | null | undefined, fallback: Lang): Lang =>
  l === 'vi' || l === 'ja' || l === 'en' ? l : fallback;

/** The sessions of a release each person key is concerned by. */
async function recipientsOf(tx: Q, forumId: string, fallback: Lang) {
  const delegations = await tx
    .selectFrom('forum_delegations')
    .leftJoin('users', 'users.id', 'forum_delegations.head_user_id')
    .select(['forum_delegations.id', 'forum_delegations.language', 'users.email as headEmail'])
    .where('forum_id', '=', forumId)
    .where('state', 'in', [...REGISTERED])
    .execute();
  const registered = new Set(delegations.map((d) => d.id));
  const people = await tx
    .selectFrom('forum_people')
    .select(['id', 'email', 'language', 'delegation_id', 'agenda'])
    .where('forum_id', '=', forumId)
    .execute();
  const byEmail = new Map<string, Recipient>();
  const add = (email: string | null, language: Lang, key: string) => {
    if (!email) return;
    const r = byEmail.get(email) ?? { email, language, keys: [] };
    r.keys.push(key);
    byEmail.set(email, r);
  };
  const members = people.filter((p) => p.delegation_id && registered.has(p.delegation_id));
  for (const p of people.filter((p) => !p.delegation_id))
    add(p.email, asLang(p.language, fallback), `speaker:${p.id}`);
  for (const p of members) add(p.email, asLang(p.language, fallback), `member:${p.id}`);
  for (const d of delegations) add(d.headEmail, asLang(d.language, fallback), `head:${d.id}`);
  return {
    recipients: [...byEmail.values()],
    members: members.map((m) => ({
      id: m.id,
      delegation: m.delegation_id!,
      agenda: new Set(parseJson<string[]>(m.agenda, [])),
    })),
  };
}

/** The person keys a session concerns in one release. */
function peopleOfSession(
  p: ProgrammeSnapshot | null,
  members: { id: string; delegation: string; agenda: Set<string> }[],
) {
  const sessions = new Map((p?.sessions ?? []).map((s) => [s.id, s]));
  return (sessionId: string): string[] => {
    const s = sessions.get(sessionId);
    if (!s || s.cancelled) return [];
    const attending = members.filter((m) => EVERYONE_ATTENDS.has(s.kind) || m.agenda.has(sessionId));
    return [
      ...s.speakerIds.map((id) => `speaker:${id}`),
      ...attending.map((m) => `member:${m.id}`),
      ...new Set(attending.map((m) => `head:${m.delegation}`)),
    ];
  };
}

export async function publishAndTell(
  {
    db,
    clock,
    user,
    forumId,
    publicUrl,
  }: { db: Q; clock: Clock; user: User; forumId: string; publicUrl?: string },
  note: Texts,
) {
  const forum = await forumToEdit(db, forumId, user);
  const broken = await programmeProblems(db, forumId, null);
  if (broken.length)
    throw new AppError(
      'programme.conflict',
      `the programme breaks its rules; mend it before publishing: ${broken.map((b) => b.message).join('; ')}`,
      broken.map((b, i) => ({ ...b, path: `conflicts.${i}` })),
    );
  const title = parseJson<Texts>(forum.title, {});
  const fallback = asLang(parseJson<string[]>(forum.languages, [])[0], 'en');
  const url = `${publicUrl ?? 'http://localhost:3000'}/forums/${encodeURIComponent(forumId)}`;
  const tell = async (trx: Q, r: PublishedRelease) => {
    const { recipients, members } = await recipientsOf(trx, forumId, fallback);
    const before = peopleOfSession(r.before, members);
    const after = peopleOfSession(r.snapshot, members);
    const sessions = new Map([...(r.before?.sessions ?? []), ...r.snapshot.sessions].map((s) => [s.id, s]));
    const rooms = new Map([...(r.before?.rooms ?? []), ...r.snapshot.rooms].map((x) => [x.id, x.name]));
    let told = 0;
    for (const person of recipients) {
      const mine = r.changes.filter((c) =>
        peopleToTell([c], (id, which) => (which === 'previous' ? before(id) : after(id))).some((k) =>
          person.keys.includes(k),
        ),
      );
      if (!mine.length) continue;
      const lines: ChangeLine[] = mine.map((c) => {
        const s = sessions.get(c.sessionId)!;
        return {
          type: c.type,
          title: s.title,
          start: s.start,
          room: s.roomId ? (rooms.get(s.roomId) ?? null) : null,
          zone: forum.zone,
        };
      });
      await queueMail(trx, clock, {
        to: person.email,
        language: person.language,
        template: releaseNotice,
        params: { forum: title, release: r.number, changes: lines, url },
      });
      told++;
    }
    return told;
  };
  return publishRelease(db, { forumId, note, publishedAt: isoNow(clock), user, tell });
}
