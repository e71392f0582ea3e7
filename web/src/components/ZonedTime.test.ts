import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JAPAN, type VIETNAM, ZonedTime } from './ZonedTime.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const render = (at: string, first?: typeof VIETNAM | typeof JAPAN) =>
  renderToStaticMarkup(createElement(ZonedTime, { at, first }));

describe('a time in both zones', () => {
  it('shows Vietnam time first, Japan time beside it (two hours later)', () => {
    expect(text(render('2026-11-25T02:00:00Z'))).toBe('2026-11-25 09:00 ICT (11:00 JST)');
    expect(text(render('2026-11-25T02:00:00Z', JAPAN))).toBe('2026-11-25 11:00 JST (09:00 ICT)');
  });

  it('names the other day when it is another day there', () => {
    expect(text(render('2026-11-25T15:30:00Z'))).toBe('2026-11-25 22:30 ICT (2026-11-26 00:30 JST)');
  });

  it('carries the instant in machine form, and shows nothing for a value that is not a time', () => {
    expect(render('2026-11-25T02:00:00Z')).toContain('dateTime="2026-11-25T02:00:00.000Z"');
    expect(render('not a time')).toBe('');
  });

  it('is always two hours apart, whatever the instant (neither country shifts its clocks)', () => {
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const m = /(\d\d:\d\d) ICT \((?:\S+ )?(\d\d:\d\d) JST\)/.exec(text(render(d.toISOString())));
          expect(m).not.toBeNull();
          const diff = (toMinutes(m![2]) - toMinutes(m![1]) + 1440) % 1440;
          expect(diff).toBe(120);
        },
      ),
    );
  });
});
