import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dualClock,
  instantAt,
  isKnownZone,
  localDate,
  offsetMinutes,
  wallTime,
  zoneAbbreviation,
} from './zones.ts';

describe('zones', () => {
  it('shows a forum time in Vietnam with Japan time beside it, and the reverse', () => {
    const nine = new Date('2025-11-25T02:00:00Z');
    expect(dualClock(nine, 'Asia/Ho_Chi_Minh')).toBe('09:00 (11:00 JST)');
    expect(dualClock(nine, 'Asia/Tokyo')).toBe('11:00 (09:00 ICT)');
  });

  it('marks the other day when the other zone has crossed midnight', () => {
    const late = new Date('2025-11-25T16:30:00Z'); // 23:30 in Vietnam, 01:30 next day in Japan
    expect(dualClock(late, 'Asia/Ho_Chi_Minh')).toBe('23:30 (01:30 11-26 JST)');
  });

  it('knows the offsets of both countries', () => {
    const t = new Date('2026-06-01T00:00:00Z');
    expect(offsetMinutes(t, 'Asia/Ho_Chi_Minh')).toBe(420);
    expect(offsetMinutes(t, 'Asia/Tokyo')).toBe(540);
    expect(zoneAbbreviation('Europe/Berlin', t)).toBe('UTC+2');
    expect(zoneAbbreviation('Asia/Kolkata', t)).toBe('UTC+5:30');
  });

  it('uses the forum zone for day boundaries', () => {
    const t = new Date('2025-11-24T18:00:00Z');
    expect(localDate(t, 'Asia/Ho_Chi_Minh')).toBe('2025-11-25');
    expect(localDate(t, 'UTC')).toBe('2025-11-24');
  });

  it('tells known zones from unknown ones', () => {
    expect(isKnownZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });

  it('gives the first of the two instants of a wall time shown twice (the autumn hour)', () => {
    // 02:30 in Berlin on 26 October 2025 was shown at 00:30 UTC (summer time) and at 01:30 UTC.
    for (const iso of ['2025-10-26T00:30:00.000Z', '2025-10-26T01:30:00.000Z'])
      expect(instantAt(wallTime(new Date(iso), 'Europe/Berlin'), 'Europe/Berlin').toISOString()).toBe(
        '2025-10-26T00:30:00.000Z',
      );
  });

  it('round-trips every instant through its wall time, in zones with and without clock changes', () => {
    const zones = [
      'Asia/Ho_Chi_Minh',
      'Asia/Tokyo',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Adelaide',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const t = new Date(minute * 60_000);
          const back = instantAt(wallTime(t, zone), zone);
          // A wall time shown twice (autumn) resolves to the earlier instant: same wall time.
          expect(wallTime(back, zone)).toEqual(wallTime(t, zone));
          expect(back.getTime()).toBeLessThanOrEqual(t.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });
});
