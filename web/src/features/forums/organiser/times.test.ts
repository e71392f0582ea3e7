import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forumDays, toInstant, wallOf } from './times.tsx';

// The forums' zones (no clock changes there: every wall time exists exactly once).
const ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Tokyo', 'Asia/Bangkok'];

describe('the wall times of the organiser’s forms', () => {
  it('gives back the day and clock it was given, in the forums’ zones, whatever the process’s TZ', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...ZONES),
        (d, h, m, zone) => {
          const day = d.toISOString().slice(0, 10);
          const clock = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const iso = toInstant(day, clock, zone);
          expect(iso).not.toBeNull();
          expect(wallOf(iso as string, zone)).toEqual({ day, clock });
        },
      ),
    );
  });

  it('reads 09:00 in Vietnam as 02:00 UTC and 09:00 in Japan as 00:00 UTC', () => {
    expect(toInstant('2027-05-10', '09:00', 'Asia/Ho_Chi_Minh')).toBe('2027-05-10T02:00:00.000Z');
    expect(toInstant('2027-05-10', '09:00', 'Asia/Tokyo')).toBe('2027-05-10T00:00:00.000Z');
    expect(toInstant('2027-05-10', '', 'Asia/Tokyo')).toBeNull();
  });

  it('lists the forum’s days, first to last, across a month’s end', () => {
    expect(forumDays('2027-04-29', '2027-05-02')).toEqual([
      '2027-04-29',
      '2027-04-30',
      '2027-05-01',
      '2027-05-02',
    ]);
    expect(forumDays('2027-05-02', '2027-05-01')).toEqual([]);
  });
});
