/**
 * The rules a forum programme must keep, as pure checks: no two sessions in one room at once,
 * no speaker in two places at once, every session inside the forum's days (its own zone's days),
 * and every session ending after it starts. Each broken rule is named with the sessions and the
 * room or speaker involved, so the organiser's form can say exactly what is wrong.
 *
 * Sessions whose time is known only to the part of a day or the day (historical records) are
 * checked for their days but not for overlaps: an invented hour would create false conflicts.
 */
import { localDate } from '../calendar/zones.ts';

export type TimePrecision = 'exact' | 'part-of-day' | 'day';

export interface TimedSession {
  id: string;
  start: Date;
  end: Date;
  roomId: string | null;
  speakerIds: readonly string[];
  precision?: TimePrecision;
  cancelled?: boolean;
}

export interface ForumDays {
  zone: string;
  /** `YYYY-MM-DD`, the forum's first and last day in its zone. */
  firstDay: string;
  lastDay: string;
}

export type Conflict =
  | { code: 'programme.end_before_start'; sessionId: string }
  | { code: 'programme.outside_days'; sessionId: string }
  | { code: 'programme.room_overlap'; roomId: string; sessionIds: [string, string] }
  | { code: 'programme.speaker_overlap'; speakerId: string; sessionIds: [string, string] };

/** True when two half-open intervals [start, end) share a moment: back-to-back is allowed. */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * Every pair that shares a key (a room, a speaker) and overlaps in time, by a sweep over the
 * sessions of each key sorted by start: O(n log n + conflicts).
 */
function overlapsByKey(
  sessions: readonly TimedSession[],
  keysOf: (s: TimedSession) => readonly string[],
): Array<{ key: string; pair: [string, string] }> {
  const byKey = new Map<string, TimedSession[]>();
  for (const s of sessions) {
    for (const k of new Set(keysOf(s))) {
      const list = byKey.get(k);
      if (list) list.push(s);
      else byKey.set(k, [s]);
    }
  }
  const out: Array<{ key: string; pair: [string, string] }> = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
    const open: TimedSession[] = [];
    for (const s of list) {
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].end.getTime() <= s.start.getTime()) open.splice(i, 1);
      }
      for (const o of open) out.push({ key, pair: o.id < s.id ? [o.id, s.id] : [s.id, o.id] });
      open.push(s);
    }
  }
  return out;
}

/**
 * The broken rules of a programme, in a stable order (by rule, then session ids).
 * @example findConflicts([a, b], days) // [{ code: 'programme.room_overlap', roomId: 'hall-a', sessionIds: ['a', 'b'] }]
 */
export function findConflicts(sessions: readonly TimedSession[], days: ForumDays): Conflict[] {
  const live = sessions.filter((s) => !s.cancelled);
  const out: Conflict[] = [];
  const valid: TimedSession[] = [];
  for (const s of live) {
    if (s.end.getTime() <= s.start.getTime()) {
      out.push({ code: 'programme.end_before_start', sessionId: s.id });
      continue;
    }
    const first = localDate(s.start, days.zone);
    const last = localDate(new Date(s.end.getTime() - 1), days.zone);
    if (first < days.firstDay || last > days.lastDay)
      out.push({ code: 'programme.outside_days', sessionId: s.id });
    valid.push(s);
  }
  const exact = valid.filter((s) => (s.precision ?? 'exact') === 'exact');
  for (const { key, pair } of overlapsByKey(exact, (s) => (s.roomId ? [s.roomId] : []))) {
    out.push({ code: 'programme.room_overlap', roomId: key, sessionIds: pair });
  }
  for (const { key, pair } of overlapsByKey(exact, (s) => s.speakerIds)) {
    out.push({ code: 'programme.speaker_overlap', speakerId: key, sessionIds: pair });
  }
  const order = [
    'programme.end_before_start',
    'programme.outside_days',
    'programme.room_overlap',
    'programme.speaker_overlap',
  ];
  const sortKey = (c: Conflict) =>
    `${order.indexOf(c.code)}|${'sessionIds' in c ? c.sessionIds.join('|') : c.sessionId}|${
      'roomId' in c ? c.roomId : 'speakerId' in c ? c.speakerId : ''
    }`;
  return out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}
