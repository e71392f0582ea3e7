/** Wall times of the forum's zone in the organiser's forms, with the other country's time beside. */
import {
  counterpartZone,
  instantAt,
  localClock,
  localDate,
  zoneAbbreviation,
} from '../../../../../src/domain/calendar/zones.ts';

/** The forum's days, `YYYY-MM-DD`, first to last (at most 60). */
export function forumDays(first: string, last: string): string[] {
  const out: string[] = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end && out.length < 60) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** The instant a day and an `HH:MM` show in the zone, as ISO 8601 (UTC); null when incomplete. */
export function toInstant(day: string, clock: string, zone: string): string | null {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || !d) return null;
  return instantAt(
    { year: +d[1], month: +d[2], day: +d[3], hour: +m[1], minute: +m[2], second: 0 },
    zone,
  ).toISOString();
}

export function wallOf(iso: string, zone: string): { day: string; clock: string } {
  const at = new Date(iso);
  return { day: localDate(at, zone), clock: localClock(at, zone) };
}

/** `(11:00 JST)`: the same instant on the other country's clock, its date when another day there. */
export function OtherTime({ iso, zone }: { iso: string | null; zone: string }) {
  if (!iso) return null;
  const at = new Date(iso);
  const other = counterpartZone(zone);
  const otherDay = localDate(at, other) !== localDate(at, zone) ? `${localDate(at, other)} ` : '';
  return (
    <span className="muted other-time">
      ({otherDay}
      {localClock(at, other)} {zoneAbbreviation(other, at)})
    </span>
  );
}

/** `2027-05-10 09:00–10:30 ICT (11:00–12:30 JST)`. */
export function Span({ start, end, zone }: { start: string; end: string; zone: string }) {
  const s = new Date(start);
  const e = new Date(end);
  const other = counterpartZone(zone);
  return (
    <span className="session-span">
      <time dateTime={start}>
        {localDate(s, zone)} {localClock(s, zone)}
      </time>
      –<time dateTime={end}>{localClock(e, zone)}</time> {zoneAbbreviation(zone, s)}{' '}
      <span className="muted">
        ({localClock(s, other)}–{localClock(e, other)} {zoneAbbreviation(other, s)})
      </span>
    </span>
  );
}
