/** The programme being written, as its organisers read it. */
import { forumToEdit } from './access.ts';
import { toRoom } from './rooms.ts';
import { programmeProblems } from './rules.ts';
import { toDraftSession } from './sessions.ts';
import { toSpeaker } from './speakers.ts';
import type { Ctx } from './writes.ts';

/** The draft as the organiser edits it, with every broken rule (a historical record may have some). */
export async function draftProgramme({ db, user, forumId }: Omit<Ctx, 'clock'>) {
  await forumToEdit(db, forumId, user);
  const [rooms, people, sessions, conflicts] = await Promise.all([
    db
      .selectFrom('forum_rooms')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forum_people')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('delegation_id', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forum_sessions')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('start_at')
      .orderBy('slug')
      .execute(),
    programmeProblems(db, forumId, null),
  ]);
  return {
    forumId,
    rooms: rooms.map(toRoom),
    speakers: people.map(toSpeaker),
    sessions: sessions.map(toDraftSession),
    conflicts: conflicts as unknown as Record<string, unknown>[],
  };
}
