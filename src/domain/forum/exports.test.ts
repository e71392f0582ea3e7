import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import formats from 'ajv-formats';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { programmeCalendar, sessionUid } from './calendar.ts';
import { sessionTitle } from './describe.ts';
import { sampleProgramme } from './fixture.test-support.ts';
import { scheduleJson } from './schedule-json.ts';
import { pickText } from './texts.ts';
import { uuidV5 } from './uuid.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../../vendor/c3voc-schedule/schema2.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  // ajv-formats is CommonJS: its function is the default export's default.
  (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{3,8}$/);
  return ajv.compile(schema);
}

describe('texts', () => {
  it('gives the reader their language, else the original, and says which', () => {
    const t = { vi: 'Hạ Long', en: 'Ha Long', translation: { en: 'unofficial' as const } };
    expect(pickText(t, 'en')).toEqual({ text: 'Ha Long', lang: 'en', status: 'unofficial', fallback: false });
    expect(pickText(t, 'ja')).toEqual({ text: 'Hạ Long', lang: 'vi', status: 'original', fallback: true });
    expect(pickText({}, 'ja')).toBeNull();
  });

  it('marks translations and imprecise times in a session title', () => {
    const p = sampleProgramme();
    expect(sessionTitle(p.sessions[0], 'ja')).toBe('開会全体会合 [非公式訳]');
    expect(sessionTitle(p.sessions[0], 'vi')).toBe('Phiên toàn thể khai mạc');
    expect(sessionTitle(p.sessions[1], 'vi')).toBe(
      'Trade and investment, high-quality agriculture, human resources [Tiếng Anh] (buổi chiều)',
    );
  });
});

describe('programme.ics', () => {
  it('has one event per session with a stable UID, the asked language, and the right instants', () => {
    const p = sampleProgramme();
    const comp = new ICAL.Component(ICAL.parse(programmeCalendar(p, 'ja')));
    for (const tz of comp.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(p.sessions.map((s) => sessionUid(p.forum.id, s.id)));
    const [opening, theme, visit] = events;
    expect(opening.summary).toBe('開会全体会合 [非公式訳]');
    expect(opening.location).toBe('ハロン・ホール');
    expect(opening.startDate.toJSDate().toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(opening.description).toContain('登壇者: Nguyễn Thị Hương (Nguyen Thi Huong)');
    expect(opening.description).toContain('通訳: ベトナム語 → 日本語, 日本語 → ベトナム語');
    // Known only as "in the afternoon": a whole-day event, never an invented hour.
    expect(theme.startDate.isDate).toBe(true);
    expect(theme.summary).toContain('(午後)');
    expect(visit.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(comp.getFirstPropertyValue('x-wr-calname')).toContain('合成データ');
  });
});

describe('schedule.json', () => {
  it('is valid against version 2 of the c3voc schema', () => {
    const validate = validator();
    for (const lang of ['vi', 'ja', 'en'] as const) {
      const doc = scheduleJson(sampleProgramme(), lang, 'https://kizuna.example');
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema catches a broken document (the validation is real)', () => {
    const validate = validator();
    const doc = scheduleJson(sampleProgramme(), 'en', 'https://kizuna.example') as {
      schedule: { events: Array<Record<string, unknown>> };
    };
    doc.schedule.events[0].type = 'keynote';
    delete doc.schedule.events[0].guid;
    expect(validate(doc)).toBe(false);
  });

  it('keeps ids stable across releases and leaves cancelled sessions out', () => {
    const a = scheduleJson(sampleProgramme(), 'vi', 'https://kizuna.example') as {
      schedule: { events: Array<{ guid: string; start: string; title: string }> };
    };
    const p = sampleProgramme();
    p.release = { number: 3, publishedAt: '2026-11-10T00:00:00Z' };
    const b = scheduleJson(p, 'vi', 'https://kizuna.example') as typeof a;
    expect(b.schedule.events.map((e) => e.guid)).toEqual(a.schedule.events.map((e) => e.guid));
    expect(a.schedule.events).toHaveLength(2);
    expect(a.schedule.events[0].start).toBe('2026-11-24T09:00:00+07:00');
  });

  it('makes name-based UUIDs as RFC 4122 does', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
