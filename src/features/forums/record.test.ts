import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { programmeCalendar } from '../../domain/forum/calendar.ts';
import { sessionTitle } from '../../domain/forum/describe.ts';
import { SECTORS } from '../../domain/sectors.ts';
import { ForumRecord, recordProgramme } from './record.ts';

const RECORD = new URL('../../../data/seed/forums/vjlcf-2025.json', import.meta.url);
const raw = (): unknown => JSON.parse(readFileSync(RECORD, 'utf8'));

describe('the record of the 1st forum', () => {
  it('parses, and every fact names sources the record lists', () => {
    const r = ForumRecord.parse(raw());
    const { sourcesOf, sources } = recordProgramme(r);
    for (const ids of Object.values(sourcesOf)) {
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(sources[id]).toBeDefined();
    }
  });

  it('uses only sector codes of the taxonomy', () => {
    const codes = new Set<string>(SECTORS.map((s) => s.code));
    for (const s of recordProgramme(ForumRecord.parse(raw())).programme.sessions) {
      for (const t of s.themes) expect(codes.has(t), t).toBe(true);
    }
  });

  it('keeps the precision of its times: "in the afternoon" stays so, never an invented hour', () => {
    const { programme } = recordProgramme(ForumRecord.parse(raw()));
    const handover = programme.sessions.find((s) => s.id === 'handover')!;
    expect(handover.precision).toBe('part-of-day');
    expect(sessionTitle(handover, 'vi')).toMatch(/\(buổi chiều\)$/);
    expect(sessionTitle(handover, 'vi')).toContain('bản dịch không chính thức');
    const ics = programmeCalendar(programme, 'ja');
    const comp = new ICAL.Component(ICAL.parse(ics));
    for (const v of comp.getAllSubcomponents('vevent')) {
      const e = new ICAL.Event(v);
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe('2025-11-25');
    }
  });

  it('names what is wrong in a broken record, path and reason', () => {
    const r = raw() as { programme: Array<Record<string, unknown>> };
    r.programme[0].sources = ['nowhere'];
    delete r.programme[1].precision;
    const result = ForumRecord.safeParse(r);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues.some((i) => i.startsWith('programme.1.precision'))).toBe(true);
    const unknown = ForumRecord.safeParse({
      ...(raw() as object),
      programme: [{ ...(raw() as { programme: object[] }).programme[0], sources: ['nowhere'] }],
    });
    expect(unknown.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain(
      'programme.0.sources.0: unknown source "nowhere"',
    );
  });
});
