import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type Calendar, escapeText, foldLine, offsetTransitions } from './ics.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

function calendar(over: Partial<Calendar> = {}): Calendar {
  return {
    prodId: '-//Kizuna//Forum programme//EN',
    name: 'Diễn đàn Hợp tác địa phương Việt Nam – Nhật Bản',
    zone: ZONE,
    lang: 'vi',
    stamp: new Date('2025-11-01T00:00:00Z'),
    events: [
      {
        uid: 'session-1@kizuna',
        start: new Date('2025-11-25T02:00:00Z'),
        end: new Date('2025-11-25T04:30:00Z'),
        summary: 'Phiên toàn thể khai mạc; hợp tác, phát triển',
        description: 'Dòng một\nDòng hai với dấu \\ gạch',
        location: 'Hội trường A',
        sequence: 2,
      },
    ],
    ...over,
  };
}

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
  return comp;
}

describe('iCalendar writer', () => {
  it('parses back with each event at the right instant and its texts intact', () => {
    const text = buildCalendar(calendar());
    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('session-1@kizuna');
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-11-25T02:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-11-25T04:30:00.000Z');
    expect(event.summary).toBe('Phiên toàn thể khai mạc; hợp tác, phát triển');
    expect(event.description).toBe('Dòng một\nDòng hai với dấu \\ gạch');
    expect(event.location).toBe('Hội trường A');
    expect(event.sequence).toBe(2);
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20251125T090000');
    expect(text).toContain('SUMMARY;LANGUAGE=vi:');
  });

  it('shows the right wall time in Vietnam and Japan whatever the process TZ', () => {
    const text = buildCalendar(calendar());
    const script = `
      import ICAL from 'ical.js';
      const text = ${JSON.stringify(text)};
      const comp = new ICAL.Component(ICAL.parse(text));
      for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
      const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent'));
      const d = ev.startDate.toJSDate();
      const f = (z) => new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', minute: '2-digit' }).format(d);
      console.log(JSON.stringify([d.toISOString(), f('Asia/Ho_Chi_Minh'), f('Asia/Tokyo')]));
    `;
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual(['2025-11-25T02:00:00.000Z', '09:00', '11:00']);
    }
  });

  it('writes the same bytes whatever the process TZ (no dependence on the server zone)', () => {
    const script = `
      import { buildCalendar } from './src/domain/calendar/ics.ts';
      const cal = ${JSON.stringify(calendar())};
      cal.stamp = new Date(cal.stamp);
      for (const e of cal.events) { e.start = new Date(e.start); e.end = new Date(e.end); }
      process.stdout.write(buildCalendar(cal));
    `;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    expect(run('America/Los_Angeles')).toBe(run('Asia/Tokyo'));
    expect(run('UTC')).toBe(buildCalendar(calendar()));
  });

  it('gives a zone with clock changes one component per offset, and instants survive them', () => {
    const zone = 'Europe/Berlin';
    const events = [
      { uid: 'winter', start: new Date('2026-01-10T08:00:00Z'), end: new Date('2026-01-10T09:00:00Z') },
      { uid: 'summer', start: new Date('2026-07-10T08:00:00Z'), end: new Date('2026-07-10T09:00:00Z') },
    ].map((e) => ({ ...e, summary: e.uid }));
    const text = buildCalendar(calendar({ zone, events }));
    expect(text).toContain('BEGIN:DAYLIGHT');
    expect(text).toContain('TZOFFSETTO:+0200');
    const comp = parse(text);
    const starts = comp
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString());
    expect(starts).toEqual(['2026-01-10T08:00:00.000Z', '2026-07-10T08:00:00.000Z']);
  });

  it('writes a session known only by its day as a whole-day event', () => {
    const text = buildCalendar(
      calendar({
        events: [
          {
            uid: 'afternoon',
            precision: 'day',
            start: new Date('2025-11-25T06:00:00Z'),
            end: new Date('2025-11-25T10:00:00Z'),
            summary: 'Phiên chuyên đề (buổi chiều)',
          },
        ],
      }),
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20251125');
    expect(text).toContain('DTEND;VALUE=DATE:20251126');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
  });

  it('finds the clock changes of a zone, and none in Vietnam or Japan', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    const to = new Date('2027-01-01T00:00:00Z');
    expect(offsetTransitions('Asia/Ho_Chi_Minh', from, to)).toEqual([]);
    expect(offsetTransitions('Asia/Tokyo', from, to)).toEqual([]);
    const berlin = offsetTransitions('Europe/Berlin', from, to);
    expect(berlin.map((t) => t.at.toISOString())).toEqual([
      '2025-03-30T01:00:00.000Z',
      '2025-10-26T01:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
  });

  it('folds every line at 75 octets, CRLF, without cutting a character, and unfolds back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `SUMMARY:${s}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('escapes text so that any summary parses back unchanged', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
          .filter((s) => s.trim() === s && !/\r/.test(s)),
        (summary) => {
          const text = buildCalendar(
            calendar({
              events: [
                {
                  uid: 'x',
                  start: new Date('2025-11-25T02:00:00Z'),
                  end: new Date('2025-11-25T03:00:00Z'),
                  summary,
                },
              ],
            }),
          );
          const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
          expect(event.summary).toBe(summary.normalize('NFC'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('escapes the characters RFC 5545 reserves', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
