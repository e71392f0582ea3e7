/**
 * A forum's published programme as iCalendar: one VEVENT per session with a UID that survives
 * releases (the session id), SEQUENCE from the release that last changed it, SUMMARY and
 * DESCRIPTION in the asked language, LOCATION the room; cancelled sessions stay as CANCELLED so
 * that subscribed calendars remove them.
 */
import { buildCalendar } from '../calendar/ics.ts';
import { describeSession } from './describe.ts';
import { WORDS } from './labels.ts';
import type { Lang, PublishedProgramme } from './model.ts';
import { textIn } from './texts.ts';

export function sessionUid(forumId: string, sessionId: string): string {
  return `${sessionId}.${forumId}@kizuna`;
}

export function programmeCalendar(p: PublishedProgramme, lang: Lang): string {
  const forumTitle = textIn(p.forum.title, lang);
  return buildCalendar({
    prodId: '-//Kizuna//Forum programme//EN',
    name: p.forum.synthetic ? `${forumTitle} [${WORDS.synthetic[lang]}]` : forumTitle,
    zone: p.forum.zone,
    lang,
    stamp: new Date(p.release.publishedAt),
    refreshMinutes: 60,
    events: p.sessions.map((s) => {
      const d = describeSession(p, s, lang);
      return {
        uid: sessionUid(p.forum.id, s.id),
        start: new Date(s.start),
        end: new Date(s.end),
        precision: s.precision === 'exact' ? 'exact' : 'day',
        summary: d.title,
        description: d.lines.join('\n') || undefined,
        location: d.room || undefined,
        url: p.forum.url ? `${p.forum.url}#session-${s.id}` : undefined,
        categories: [d.kind],
        status: s.cancelled ? 'CANCELLED' : 'CONFIRMED',
        sequence: s.sequence ?? 0,
      };
    }),
  });
}
