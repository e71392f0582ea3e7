/**
 * Wall times in IANA zones, from the runtime's own time-zone database (Intl), so that nothing
 * depends on the server's `TZ`. A forum shows every time in its own zone and, beside it, in the
 * other country's zone: `09:00 (11:00 JST)` in Vietnam, `11:00 (09:00 ICT)` in Japan.
 */

/** The fields of a wall-clock time in one zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the zone (an IANA name such as `Asia/Ho_Chi_Minh`). */
export function isKnownZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall time of an instant in a zone.
 * @example wallTime(new Date('2025-11-25T02:00:00Z'), 'Asia/Ho_Chi_Minh') // { …, hour: 9, minute: 0 }
 */
export function wallTime(instant: Date, zone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Tokyo: 540). */
export function offsetMinutes(instant: Date, zone: string): number {
  const w = wallTime(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant at which a zone's clocks show a wall time. A wall time skipped by a clock change
 * resolves to the instant after the gap; one shown twice resolves to the earlier instant.
 */
export function instantAt(w: WallTime, zone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // The zone's offsets a day either side cover any clock change near this wall time: of the
  // instants they give, the earliest that shows this wall time is the answer (in the autumn hour
  // shown twice, the first of the two).
  const candidates = [-86_400_000, 0, 86_400_000]
    .map((d) => asUtc - offsetMinutes(new Date(asUtc + d), zone) * 60_000)
    .sort((a, b) => a - b);
  const exact = candidates.find((c) => sameWall(new Date(c), w, zone));
  if (exact !== undefined) return new Date(exact);
  // A wall time in the spring gap does not exist. Two passes settle every real zone: the offset
  // at the guess, then at the corrected guess.
  let guess = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(guess), zone) * 60_000;
  if (second !== guess) {
    const earlier = Math.min(second, guess);
    guess = sameWall(new Date(earlier), w, zone) ? earlier : Math.max(second, guess);
  }
  return new Date(guess);
}

function sameWall(instant: Date, w: WallTime, zone: string): boolean {
  const x = wallTime(instant, zone);
  return (
    x.year === w.year && x.month === w.month && x.day === w.day && x.hour === w.hour && x.minute === w.minute
  );
}

/** `YYYY-MM-DD` of the instant's day in the zone (the forum's day boundaries are its zone's). */
export function localDate(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` in the zone. */
export function localClock(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The short names people in both countries read; other zones show as `UTC+7`. */
const ABBREVIATIONS: Record<string, string> = {
  'Asia/Ho_Chi_Minh': 'ICT',
  'Asia/Saigon': 'ICT',
  'Asia/Bangkok': 'ICT',
  'Asia/Tokyo': 'JST',
};

export function zoneAbbreviation(zone: string, instant: Date): string {
  const known = ABBREVIATIONS[zone];
  if (known) return known;
  const m = offsetMinutes(instant, zone);
  const sign = m < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(m) / 60);
  const mm = Math.abs(m) % 60;
  return `UTC${sign}${h}${mm ? `:${pad(mm)}` : ''}`;
}

/** The zone of the other country: a forum in Vietnam shows Japan time beside its own, and back. */
export function counterpartZone(zone: string): string {
  return zone === 'Asia/Tokyo' ? 'Asia/Ho_Chi_Minh' : 'Asia/Tokyo';
}

/**
 * A time in the forum's zone with the other country's time beside it.
 * @example dualClock(new Date('2025-11-25T02:00:00Z'), 'Asia/Ho_Chi_Minh') // '09:00 (11:00 JST)'
 */
export function dualClock(instant: Date, zone: string, other = counterpartZone(zone)): string {
  const here = localClock(instant, zone);
  const there = localClock(instant, other);
  const otherDay = localDate(instant, other) !== localDate(instant, zone);
  const dayMark = otherDay ? ` ${localDate(instant, other).slice(5)}` : '';
  return `${here} (${there}${dayMark} ${zoneAbbreviation(other, instant)})`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
