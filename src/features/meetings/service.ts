/**
 * What other features use of the meetings: a member's published meetings as calendar events
 * (the personal feed in forums/delegations/calendar.ts), in the member's language, with the
 * table, the partner, the interpreter and the time in both countries' zones.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { dualClock, localDate } from '../../domain/calendar/zones.ts';
import type { Lang, Texts } from '../../domain/forum/model.ts';
import { textIn } from '../../domain/forum/texts.ts';
import { publishedMeetingsOf } from './schedule.ts';

const WORDS = {
  meeting: { vi: 'Gặp song phương', ja: '個別面談', en: 'Bilateral meeting' },
  table: { vi: 'Bàn', ja: 'テーブル', en: 'Table' },
  interpreter: { vi: 'Phiên dịch', ja: '通訳', en: 'Interpreter' },
} as const;

export interface MeetingEvent {
  uid: string;
  start: Date;
  end: Date;
  precision: 'exact';
  summary: string;
  description: string;
  location: string;
  categories: string[];
  status: 'CONFIRMED';
  sequence: number;
}

/** A delegation's published meetings as calendar events (none before publication). */
export async function meetingEventsFor(
  db: Kysely<Database>,
  forumId: string,
  delegationId: string,
  lang: Lang,
): Promise<MeetingEvent[]> {
  const { version, zone, items } = await publishedMeetingsOf(db, forumId, delegationId);
  return items.map((m) => {
    const partner = (m.from?.delegationId === delegationId ? m.to?.name : m.from?.name) ?? {};
    const start = new Date(m.start!);
    const sep = lang === 'ja' ? '：' : ': ';
    return {
      uid: `meeting-${m.meeting}@kizuna`,
      start,
      end: new Date(m.end!),
      precision: 'exact' as const,
      summary: `${WORDS.meeting[lang]}${sep}${textIn(partner as Texts, lang)}`,
      description: [
        `${localDate(start, zone!)} ${dualClock(start, zone!)}`,
        `${WORDS.table[lang]} ${m.table}`,
        ...(m.interpreter ? [`${WORDS.interpreter[lang]}${sep}${m.interpreter.name}`] : []),
      ].join('\n'),
      location: `${WORDS.table[lang]} ${m.table}`,
      categories: [WORDS.meeting[lang]],
      status: 'CONFIRMED' as const,
      sequence: version,
    };
  });
}
