import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import formats from 'ajv-formats';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { forumsRepo, sessionsRepo } from './repository.ts';
import { referenceForumRecords } from './seed.ts';
import { publishRelease } from './service.ts';

const RECORD = referenceForumRecords().find((r) => r.forum.id === 'vjlcf-2025')!;
const dir = mkdtempSync(join(tmpdir(), 'kizuna-forum-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('the forum on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  it('lists the 1st forum from the reference data, held, with its record as release 1', async () => {
    const res = await t.req('/api/forums');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<Record<string, unknown>> };
    const forum = items.find((f) => f.id === 'vjlcf-2025');
    expect(forum).toMatchObject({ state: 'held', historical: true, release: 1, zone: 'Asia/Ho_Chi_Minh' });
  });

  it('gives the forum with its sourced facts and organisers', async () => {
    const res = await t.req('/api/forums/vjlcf-2025');
    const forum = (await res.json()) as {
      sources: Record<string, unknown>;
      facts: Array<{ sources: string[] }>;
    };
    expect(Object.keys(forum.sources).sort()).toEqual(Object.keys(RECORD.sources).sort());
    expect(forum.facts).toHaveLength(RECORD.forum.background?.length ?? 0);
    for (const f of forum.facts) for (const s of f.sources) expect(forum.sources[s]).toBeDefined();
  });

  it('gives the programme with each session, its precision, and its sources', async () => {
    const res = await t.req('/api/forums/vjlcf-2025/programme');
    expect(res.status).toBe(200);
    const p = (await res.json()) as {
      sessions: Array<{ id: string; precision: string; partOfDay?: string }>;
      sourcesOf: Record<string, string[]>;
    };
    expect(p.sessions).toHaveLength(RECORD.programme.length);
    const handover = p.sessions.find((s) => s.id === 'vjlcf-2025.handover')!;
    expect(handover).toMatchObject({ precision: 'part-of-day', partOfDay: 'afternoon' });
    for (const s of p.sessions) expect(p.sourcesOf[`session:${s.id}`]?.length).toBeGreaterThan(0);
  });

  it('gives programme.ics in the asked language, each session on the forum day and never at an invented hour', async () => {
    const res = await t.req('/api/forums/vjlcf-2025/programme.ics?lang=vi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(RECORD.programme.length);
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(RECORD.forum.date);
    }
    expect(events.find((e) => e.uid.startsWith('vjlcf-2025.plenary'))!.summary).toContain('(buổi sáng)');
  });

  it('gives schedule.json valid against the c3voc schema', async () => {
    const res = await t.req('/api/forums/vjlcf-2025/schedule.json?lang=ja');
    expect(res.status).toBe(200);
    const schema = JSON.parse(
      readFileSync(new URL('../../../vendor/c3voc-schedule/schema2.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft06);
    (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
    ajv.addFormat('color', /^#[0-9a-fA-F]{3,8}$/);
    const validate = ajv.compile(schema);
    expect(validate(await res.json())).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('gives the printed programme whose text copies out exactly', async () => {
    const res = await t.req('/api/forums/vjlcf-2025/programme.pdf?lang=vi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, `${engine}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain(RECORD.forum.title.vi!);
    expect(text).toContain('Phạm Minh Chính (Pham Minh Chinh)');
  });

  it('names a bad language and an unknown forum as problems', async () => {
    const bad = await t.req('/api/forums/vjlcf-2025/programme.ics?lang=fr');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const missing = await t.req('/api/forums/no-such-forum/programme.pdf');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not_found');
  });

  it('shows a draft forum to admins only', async () => {
    const at = new Date().toISOString();
    await forumsRepo.insert(t.db.db, {
      id: `draft-${engine}`,
      acronym: `draft-${engine}`,
      title: JSON.stringify({ en: 'A draft' }),
      theme: '{}',
      description: '{}',
      venue: '{}',
      host_code: null,
      zone: 'Asia/Tokyo',
      first_day: '2027-05-10',
      last_day: '2027-05-11',
      languages: '["ja","vi"]',
      capacity: 300,
      state: 'draft',
      synthetic: 1,
      historical: 0,
      organisers: '[]',
      facts: '[]',
      sources: '{}',
      version: 1,
      created_at: at,
      updated_at: at,
    });
    expect((await t.req(`/api/forums/draft-${engine}`)).status).toBe(404);
    const listed = (await (await t.req('/api/forums')).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((f) => f.id)).not.toContain(`draft-${engine}`);
    const admin = await t.signIn('admin');
    expect((await t.req(`/api/forums/draft-${engine}`, { headers: admin.headers })).status).toBe(200);
  });

  it('publishes release 2 listing what changed, and moves only changed sessions in calendars', async () => {
    // A copy of its own: the other tests read release 1, in whatever order they run.
    const shared = t;
    t = await testApp(engine);
    onTestFinished(async () => {
      await t.close();
      t = shared;
    });
    const before = (await (await t.req('/api/forums/vjlcf-2025/programme')).json()) as {
      sessions: Array<{ id: string; sequence: number }>;
    };
    const at = new Date().toISOString();
    await sessionsRepo.insert(t.db.db, {
      id: 'vjlcf-2025.extra',
      forum_id: 'vjlcf-2025',
      slug: 'extra',
      kind: 'visit',
      title: JSON.stringify({ vi: 'Tham quan (mô phỏng)' }),
      abstract: '{}',
      themes: '[]',
      room_id: null,
      start_at: '2025-11-25T08:00:00.000Z',
      end_at: '2025-11-25T09:00:00.000Z',
      precision: 'exact',
      part_of_day: null,
      floor_language: 'vi',
      interpretation: '[]',
      speaker_ids: '[]',
      capacity: null,
      cancelled: 0,
      sources: '[]',
      note: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    const { number, changes } = await publishRelease(t.db.db, {
      forumId: 'vjlcf-2025',
      publishedAt: '2026-12-01T00:00:00.000Z',
      user: null,
    });
    expect(number).toBe(2);
    expect(changes).toEqual([{ type: 'new', sessionId: 'vjlcf-2025.extra' }]);
    const after = (await (await t.req('/api/forums/vjlcf-2025/programme')).json()) as {
      release: { number: number };
      sessions: Array<{ id: string; sequence: number }>;
    };
    expect(after.release.number).toBe(2);
    const seq = new Map(after.sessions.map((s) => [s.id, s.sequence]));
    expect(seq.get('vjlcf-2025.extra')).toBe(1);
    for (const s of before.sessions) expect(seq.get(s.id)).toBe(s.sequence);
  });
});
