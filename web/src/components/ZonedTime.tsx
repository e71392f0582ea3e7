import { localClock, localDate, zoneAbbreviation } from '../../../src/domain/calendar/zones.ts';

export const VIETNAM = 'Asia/Ho_Chi_Minh';
export const JAPAN = 'Asia/Tokyo';

/**
 * An instant in both countries' time, the reader's side first: `09:00 ICT (11:00 JST)`. The
 * other side's date is shown when it is another day there. Zones come from the browser's
 * time-zone database, never from the reader's own clock.
 */
export function ZonedTime({ at, first = VIETNAM }: { at: string; first?: typeof VIETNAM | typeof JAPAN }) {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  const second = first === VIETNAM ? JAPAN : VIETNAM;
  const day = localDate(instant, first);
  const otherDay = localDate(instant, second);
  return (
    <time dateTime={instant.toISOString()} className="zoned-time">
      {day} {localClock(instant, first)} {zoneAbbreviation(first, instant)}{' '}
      <span className="muted">
        ({otherDay !== day && `${otherDay} `}
        {localClock(instant, second)} {zoneAbbreviation(second, instant)})
      </span>
    </time>
  );
}
