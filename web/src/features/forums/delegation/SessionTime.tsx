import { useTranslation } from 'react-i18next';
import { counterpartZone, localClock, zoneAbbreviation } from '../../../../../src/domain/calendar/zones.ts';

interface Timed {
  start: string;
  end: string;
  precision: 'exact' | 'part-of-day' | 'day';
  partOfDay?: 'morning' | 'afternoon' | 'evening' | null;
}

/** `09:00–11:00 ICT (11:00–13:00 JST)`: the forum's zone, the other country's beside it; a part of the day when only that is known. */
export function SessionTime({ s, zone }: { s: Timed; zone: string }) {
  const { t } = useTranslation('forums');
  if (s.precision === 'part-of-day' && s.partOfDay) return <>{t(`part.${s.partOfDay}`)}</>;
  if (s.precision !== 'exact') return <>{t('allDay')}</>;
  const start = new Date(s.start);
  const end = new Date(s.end);
  const other = counterpartZone(zone);
  return (
    <span className="session-times">
      <time dateTime={s.start}>{localClock(start, zone)}</time>–
      <time dateTime={s.end}>{localClock(end, zone)}</time> {zoneAbbreviation(zone, start)}{' '}
      <span className="muted">
        ({localClock(start, other)}–{localClock(end, other)} {zoneAbbreviation(other, start)})
      </span>
    </span>
  );
}
