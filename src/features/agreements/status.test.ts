import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStatus } from './status.ts';

const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const partial = day.chain((d) => fc.constantFrom(d, d.slice(0, 7), d.slice(0, 4)));

describe('deriveStatus', () => {
  it('a partial end date runs to the end of its month or year', () => {
    const until = { stated: null, renewedByLater: false };
    expect(deriveStatus({ ...until, validUntil: '2026-04' }, '2026-04-30')).toBe('in_force');
    expect(deriveStatus({ ...until, validUntil: '2026-04' }, '2026-05-01')).toBe('expired');
    expect(deriveStatus({ ...until, validUntil: '2026' }, '2026-12-31')).toBe('in_force');
    expect(deriveStatus({ ...until, validUntil: '2019-10-30' }, '2019-10-31')).toBe('expired');
  });

  it('renewed by a later agreement beats everything; a stated status beats the dates', () => {
    fc.assert(
      fc.property(
        partial,
        day,
        fc.constantFrom(null, 'in_force', 'expired', 'planned', 'renewed' as const),
        (validUntil, today, stated) => {
          expect(deriveStatus({ stated, validUntil, renewedByLater: true }, today)).toBe('renewed');
          const s = deriveStatus({ stated, validUntil, renewedByLater: false }, today);
          if (stated) expect(s).toBe(stated);
          else expect(s).toBe(validUntil < today.slice(0, validUntil.length) ? 'expired' : 'in_force');
        },
      ),
    );
  });

  it('an agreement without an end date or statement is in force', () => {
    fc.assert(
      fc.property(day, (today) => {
        expect(deriveStatus({ stated: null, validUntil: null, renewedByLater: false }, today)).toBe(
          'in_force',
        );
      }),
    );
  });
});
