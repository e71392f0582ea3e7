/**
 * A person's own agenda as a calendar feed: `GET /api/calendar/{token}.ics`, where the token is a
 * secret only its holder knows (stored as a hash). Renewing it makes a new one and ends the old.
 * The agenda is the latest published release's sessions that concern the person: the ones they
 * speak in, the ones they chose, and (for a member of a registered delegation) the plenary and
 * ceremony sessions. Cancelled ones stay, marked cancelled, so subscribed calendars remove them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { buildCalendar } from '../../../domain/calendar/ics.ts';
import { sessionUid } from '../../../domain/forum/calendar.ts';
import { describeSession, personName } from '../../../domain/forum/describe.ts';
import type { Lang } from '../../../domain/forum/model.ts';
import { textIn } from '../../../domain/forum/texts.ts';
import { AppError, notFound } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { newSecret, secretHash } from '../../accounts/passwords.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { meetingEventsFor } from '../../meetings/service.ts';
import { parseJson } from '../../shared/json.ts';
import { agendaSessions } from '../agenda/agenda.ts';
import { REGISTERED } from '../editing/publish.ts';
import { programmeForFiles } from '../service.ts';
import { delegationToEdit } from './members.ts';
import { membersRepo } from './repository.ts';

type Q = Kysely<Database>;

const TOKEN = /^cal_[A-Za-z0-9_-]{20,100}$/;

/** A new secret address for a member's feed (the head of the delegation or an organiser). */
export async function renewCalendar(
  db: Q,
  clock: Clock,
  {
    user,
    forumId,
    delegationId,
    memberId,
    publicUrl,
  }: { user: User; forumId: string; delegationId: string; memberId: string; publicUrl: string },
) {
  const d = await delegationToEdit(db, user, forumId, delegationId);
  if (!(await membersRepo.get(db, d.id, memberId))) throw notFound('member', memberId);
  const token = newSecret('cal');
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('forum_people')
      .set({ calendar_token_hash: secretHash(token), updated_at: isoNow(clock) })
      .where('id', '=', memberId)
      .execute();
    await recordChange(tx, {
      scopes: [forumScope(d.forum_id)],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'delegation',
        entityId: d.id,
        before: null,
        after: { member: memberId, calendar: 'renewed' },
      },
    });
  });
  return { url: `${publicUrl}/api/calendar/${token}.ics` };
}

// The token is the permission: the feed reads the forum as an organiser would (a draft's release too).
const FEED_READER = { role: 'admin' as const, grants: [] };

export async function personalCalendar(db: Q, file: string): Promise<{ body: string; name: string }> {
  const token = file.replace(/\.ics$/, '');
  const person = TOKEN.test(token)
    ? await db
        .selectFrom('forum_people')
        .selectAll()
        .where('calendar_token_hash', '=', secretHash(token))
        .executeTakeFirst()
    : undefined;
  if (!person) throw new AppError('not_found', 'no such calendar (it may have been renewed)');
  const delegation = person.delegation_id
    ? await db
        .selectFrom('forum_delegations')
        .select('state')
        .where('id', '=', person.delegation_id)
        .executeTakeFirst()
    : undefined;
  const attends = Boolean(delegation && (REGISTERED as readonly string[]).includes(delegation.state));
  const chosen = new Set(parseJson<string[]>(person.agenda, []));
  let p: Awaited<ReturnType<typeof programmeForFiles>> | null = null;
  try {
    p = await programmeForFiles(db, person.forum_id, FEED_READER);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  const lang = (['vi', 'ja', 'en'].includes(person.language ?? '') ? person.language : 'en') as Lang;
  const name = personName({
    ...(person.name_native ? { native: person.name_native } : {}),
    ...(person.name_latin ? { latin: person.name_latin } : {}),
  });
  // The same sessions as the member's agenda page and PDF.
  const sessions = agendaSessions(p?.sessions ?? [], { personId: person.id, chosen, registered: attends });
  // The member's bilateral meetings (issue #12), once a schedule is published.
  const meetings =
    attends && person.delegation_id
      ? await meetingEventsFor(db, person.forum_id, person.delegation_id, lang)
      : [];
  const body = buildCalendar({
    prodId: '-//Kizuna//Personal agenda//EN',
    name: p ? `${textIn(p.forum.title, lang)}: ${name}` : name,
    zone: p?.forum.zone ?? 'Asia/Ho_Chi_Minh',
    lang,
    stamp: new Date(p?.release.publishedAt ?? 0),
    refreshMinutes: 60,
    events: [
      ...meetings,
      ...(p
        ? sessions.map((s) => {
            const d = describeSession(p, s, lang);
            return {
              uid: sessionUid(p.forum.id, s.id),
              start: new Date(s.start),
              end: new Date(s.end),
              precision: s.precision === 'exact' ? ('exact' as const) : ('day' as const),
              summary: d.title,
              description: d.lines.join('\n') || undefined,
              location: d.room || undefined,
              categories: [d.kind],
              status: s.cancelled ? ('CANCELLED' as const) : ('CONFIRMED' as const),
              sequence: s.sequence ?? 0,
            };
          })
        : []),
    ],
  });
  return { body, name: person.id };
}
