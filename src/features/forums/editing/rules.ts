/**
 * The programme's rules applied to the tables: the pure checks of domain/programme (room and
 * speaker overlaps, forum days) on the forum's sessions with one session as it would be after a
 * change, turned into field problems that name the other session, room or speaker.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import { type Conflict, findConflicts, type TimedSession } from '../../../domain/programme/conflicts.ts';
import { isSectorCode } from '../../../domain/sectors.ts';
import type { FieldError } from '../../../errors.ts';
import { parseJson } from '../../shared/json.ts';
import { forumsRepo, sessionsRepo } from '../repository.ts';

type Q = Kysely<Database>;

export interface Candidate extends TimedSession {
  interpretation: readonly string[];
  themes: readonly string[];
}

export interface ProgrammeProblem extends FieldError {
  /** The rule broken, without its prefix: `room_overlap`, `speaker_overlap`, `outside_days` … */
  code: string;
}

const describeConflict = (c: Conflict, self: string | null): ProgrammeProblem => {
  switch (c.code) {
    case 'programme.end_before_start':
      return {
        path: 'end',
        code: 'end_before_start',
        message: `session ${c.sessionId} ends before it starts`,
      };
    case 'programme.outside_days':
      return {
        path: 'start',
        code: 'outside_days',
        message: `session ${c.sessionId} is outside the forum's days`,
      };
    case 'programme.room_overlap': {
      const other = c.sessionIds.find((s) => s !== self) ?? c.sessionIds[1];
      return {
        path: 'roomId',
        code: 'room_overlap',
        message: `room ${c.roomId} holds session ${other} at the same time`,
      };
    }
    case 'programme.speaker_overlap': {
      const other = c.sessionIds.find((s) => s !== self) ?? c.sessionIds[1];
      return {
        path: 'speakerIds',
        code: 'speaker_overlap',
        message: `speaker ${c.speakerId} speaks in session ${other} at the same time`,
      };
    }
  }
};

/**
 * The broken rules of the forum's programme, with `candidate` in place of the session of its id
 * (or added); with a candidate, only the problems that involve it (older ones are not its fault).
 */
export async function programmeProblems(
  db: Q,
  forumId: string,
  candidate: Candidate | null,
): Promise<ProgrammeProblem[]> {
  const forum = await forumsRepo.get(db, forumId);
  if (!forum) return [];
  const rows = await sessionsRepo.ofForum(db, forumId);
  const sessions: TimedSession[] = rows
    .filter((r) => r.id !== candidate?.id)
    .map((r) => ({
      id: r.id,
      start: new Date(r.start_at),
      end: new Date(r.end_at),
      roomId: r.room_id,
      speakerIds: parseJson<string[]>(r.speaker_ids, []),
      precision: r.precision as TimedSession['precision'],
      cancelled: r.cancelled === 1,
    }));
  if (candidate) sessions.push(candidate);
  const conflicts = findConflicts(sessions, {
    zone: forum.zone,
    firstDay: forum.first_day,
    lastDay: forum.last_day,
  });
  const mine = candidate
    ? conflicts.filter((c) =>
        'sessionIds' in c ? c.sessionIds.includes(candidate.id) : c.sessionId === candidate.id,
      )
    : conflicts;
  const problems = mine.map((c) => describeConflict(c, candidate?.id ?? null));
  if (candidate) {
    for (const p of problems) if (p.code === 'speaker_overlap') p.path = speakerPath(p, candidate);
  }
  return problems;
}

const speakerPath = (p: ProgrammeProblem, c: Candidate) => {
  const i = c.speakerIds.findIndex((s) => p.message.startsWith(`speaker ${s} `));
  return i >= 0 ? `speakerIds.${i}` : 'speakerIds';
};

/**
 * What a session refers to must exist in its forum: its room, its speakers, its themes (sector
 * codes), and a booth in its room for each interpretation it offers.
 */
export async function referenceProblems(db: Q, forumId: string, c: Candidate): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  let booths: string[] = [];
  if (c.roomId) {
    const room = await db
      .selectFrom('forum_rooms')
      .select(['booths'])
      .where('id', '=', c.roomId)
      .where('forum_id', '=', forumId)
      .executeTakeFirst();
    if (!room)
      errors.push({
        path: 'roomId',
        message: `no room ${c.roomId} in this forum`,
        code: 'unknown_reference',
      });
    else booths = parseJson<string[]>(room.booths, []);
  }
  if (c.speakerIds.length) {
    const found = new Set(
      (
        await db
          .selectFrom('forum_people')
          .select('id')
          .where('forum_id', '=', forumId)
          .where('delegation_id', 'is', null)
          .where('id', 'in', [...c.speakerIds])
          .execute()
      ).map((r) => r.id),
    );
    c.speakerIds.forEach((s, i) => {
      if (!found.has(s))
        errors.push({
          path: `speakerIds.${i}`,
          message: `no speaker ${s} in this forum`,
          code: 'unknown_reference',
        });
    });
  }
  c.themes.forEach((t, i) => {
    if (!isSectorCode(t))
      errors.push({
        path: `themes.${i}`,
        message: `${t} is not a sector of the taxonomy`,
        code: 'unknown_sector',
      });
  });
  if (c.roomId && errors.every((e) => e.path !== 'roomId'))
    c.interpretation.forEach((pair, i) => {
      if (!booths.includes(pair))
        errors.push({
          path: `interpretation.${i}`,
          message: `room ${c.roomId} has no booth for ${pair}`,
          code: 'no_booth',
        });
    });
  return errors;
}
