/**
 * iCalendar (RFC 5545) writer for programmes, personal agendas and due dates.
 *
 * Times are written as local times of the calendar's zone with a VTIMEZONE built from the
 * runtime's zone database (so a reader without that zone still gets the right instants, and
 * nothing depends on the server's `TZ`). Lines are CRLF and folded at 75 octets without ever
 * cutting a UTF-8 character. Output is a pure function of the input: the same programme gives
 * the same bytes (DTSTAMP comes from the caller), which is what ETags and caches rely on.
 */
import { instantAt, offsetMinutes, wallTime } from './zones.ts';

export type CalendarLang = 'vi' | 'ja' | 'en';

export interface CalendarEvent {
  /** Stable across releases: a changed session keeps its UID so calendars move the event. */
  uid: string;
  start: Date;
  end: Date;
  /** `day`: only the day is known (written as a date, the event spans whole days). */
  precision?: 'exact' | 'day';
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Increases each time the event changes (the release number that last changed it). */
  sequence?: number;
  lastModified?: Date;
}

export interface Calendar {
  /** `-//Kizuna//Forum programme//EN` style identifier. */
  prodId: string;
  name: string;
  /** IANA zone the local times are written in. */
  zone: string;
  /** Language of the texts (SUMMARY, DESCRIPTION, LOCATION carry it as LANGUAGE=). */
  lang: CalendarLang;
  /** DTSTAMP of every event: when this calendar's data was last published. */
  stamp: Date;
  events: CalendarEvent[];
  /** Suggested refresh interval for subscribed feeds, in minutes. */
  refreshMinutes?: number;
}

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space,
 * which counts in their 75. A multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      out.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join(CRLF);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(d: Date, zone: string): string {
  const w = wallTime(d, zone);
  return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

function localDateStamp(d: Date, zone: string): string {
  const w = wallTime(d, zone);
  return `${w.year}${pad(w.month)}${pad(w.day)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}${pad(m % 60)}`;
}

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** The zone's offset changes between two instants, found by day steps then bisection. */
export function offsetTransitions(zone: string, from: Date, to: Date): Transition[] {
  const out: Transition[] = [];
  const day = 86_400_000;
  let t = from.getTime();
  let offset = offsetMinutes(new Date(t), zone);
  while (t < to.getTime()) {
    const next = Math.min(t + day, to.getTime());
    const nextOffset = offsetMinutes(new Date(next), zone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetMinutes(new Date(mid), zone) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi - (hi % 60_000)), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

/**
 * VTIMEZONE for the years the events span (one year either side): one component per offset in
 * force, so readers get every instant right without a zone database of their own.
 */
export function vtimezone(zone: string, events: readonly CalendarEvent[]): string[] {
  const times = events.flatMap((e) => [e.start.getTime(), e.end.getTime()]);
  const now = times.length ? Math.min(...times) : Date.UTC(2000, 0, 1);
  const last = times.length ? Math.max(...times) : now;
  const from = new Date(Date.UTC(new Date(now).getUTCFullYear() - 1, 0, 1));
  const to = new Date(Date.UTC(new Date(last).getUTCFullYear() + 2, 0, 1));
  const initial = offsetMinutes(from, zone);
  const transitions = offsetTransitions(zone, from, to);
  const offsets = [initial, ...transitions.map((t) => t.to)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', start: string, fromOff: number, toOff: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetText(fromOff)}`,
    `TZOFFSETTO:${offsetText(toOff)}`,
    `END:${kind}`,
  ];
  // DTSTART of a component is the local time before the change, in the old offset.
  lines.push(
    ...component(initial > standard ? 'DAYLIGHT' : 'STANDARD', localStamp(from, zone), initial, initial),
  );
  for (const t of transitions) {
    const before = new Date(t.at.getTime() + t.from * 60_000);
    const start = `${before.getUTCFullYear()}${pad(before.getUTCMonth() + 1)}${pad(before.getUTCDate())}T${pad(
      before.getUTCHours(),
    )}${pad(before.getUTCMinutes())}00`;
    lines.push(...component(t.to > standard ? 'DAYLIGHT' : 'STANDARD', start, t.from, t.to));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function eventLines(e: CalendarEvent, cal: Calendar): string[] {
  const lang = `;LANGUAGE=${cal.lang}`;
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(cal.stamp)}`];
  if (e.precision === 'day') {
    const startDay = localDateStamp(e.start, cal.zone);
    // An all-day event ends on the day after its last day (DTEND is exclusive).
    const lastDay = wallTime(new Date(Math.max(e.start.getTime(), e.end.getTime() - 1)), cal.zone);
    const after = instantAt({ ...lastDay, hour: 12, minute: 0, second: 0 }, cal.zone);
    const endDay = localDateStamp(new Date(after.getTime() + 86_400_000), cal.zone);
    lines.push(`DTSTART;VALUE=DATE:${startDay}`, `DTEND;VALUE=DATE:${endDay}`);
  } else {
    lines.push(
      `DTSTART;TZID=${cal.zone}:${localStamp(e.start, cal.zone)}`,
      `DTEND;TZID=${cal.zone}:${localStamp(e.end, cal.zone)}`,
    );
  }
  lines.push(`SUMMARY${lang}:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION${lang}:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION${lang}:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * The whole calendar as iCalendar text (CRLF, folded).
 * @example buildCalendar({ prodId: '-//Kizuna//Programme//EN', name: 'VJLCF', zone: 'Asia/Ho_Chi_Minh',
 *   lang: 'en', stamp: new Date(), events: [] }).startsWith('BEGIN:VCALENDAR\r\n')
 */
export function buildCalendar(cal: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${cal.zone}`,
  ];
  if (cal.refreshMinutes) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshMinutes}M`);
    lines.push(`X-PUBLISHED-TTL:PT${cal.refreshMinutes}M`);
  }
  if (cal.events.some((e) => e.precision !== 'day')) lines.push(...vtimezone(cal.zone, cal.events));
  for (const e of cal.events) lines.push(...eventLines(e, cal));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
