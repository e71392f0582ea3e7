import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { buildCycleWithProject } from './fixtures.ts';

type H = Record<string, string>;

describe.each(ENGINES)('the calendar of due dates on %s', (engine) => {
  let t: TestApp;
  let hanoi: H;
  let shiga: H;
  let projectId: string;
  let milestones: { id: string; version: number }[];

  beforeAll(async () => {
    t = await testApp(engine);
    const admin = (await t.signIn('admin')).headers;
    hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
    shiga = (await t.signIn('editor', ['JP-25'])).headers;
    ({ projectId, milestones } = await buildCycleWithProject(t.req, admin, hanoi));
  });
  afterAll(() => t.close());

  const renew = (side: string, headers: H) =>
    t.req(`/api/projects/${projectId}/sides/${side}/calendar`, { method: 'POST', headers });
  const feed = async (url: string, query = '') => t.req(`${new URL(url).pathname}${query}`);

  // The second test moves and cancels the milestones the first reads as the fixture made them:
  // they run in order, even shuffled.
  describe('in order', { shuffle: false }, () => {
    it('gives each side a secret, renewable address with its due dates in its language and zone', async () => {
      expect((await renew('jp', hanoi)).status).toBe(403);
      const first = await renew('vn', hanoi);
      expect(first.status).toBe(201);
      const { url } = await first.json();
      expect(url).toMatch(/\/api\/calendar\/due\/due_[A-Za-z0-9_-]+\.ics$/);
      const res = await feed(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const ics = await res.text();
      expect(ics).toContain(`UID:milestone-${milestones[0]!.id}@kizuna`);
      expect(ics).toContain('DTSTART;VALUE=DATE:20261130');
      expect(ics).toContain('SUMMARY;LANGUAGE=vi:Hạn mốc: =Survey');
      expect(ics).toContain('DTSTART;VALUE=DATE:20261231'); // the close of period 2026-H2
      expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
      const jp = await (await feed((await (await renew('jp', shiga)).json()).url)).text();
      expect(jp).toContain('SUMMARY;LANGUAGE=ja:マイルストーン期限: =Survey');
      const en = await (await feed(url, '?lang=en')).text();
      expect(en).toContain('SUMMARY;LANGUAGE=en:Milestone due: =Survey');
      const renewed = await (await renew('vn', hanoi)).json();
      expect((await feed(url)).status).toBe(404);
      expect((await feed(renewed.url)).status).toBe(200);
      expect((await t.req('/api/calendar/due/due_guess.ics')).status).toBe(404);
    });

    it('moves an event when its due date moves and drops a cancelled milestone', async () => {
      const { url } = await (await renew('vn', hanoi)).json();
      const [m1, m2] = milestones;
      const moved = await t.req(`/api/milestones/${m1!.id}`, {
        method: 'PUT',
        headers: { ...hanoi, 'if-match': `"${m1!.version}"` },
        body: { title: { en: '=Survey' }, dueOn: '2026-12-15', weight: 2 },
      });
      expect(moved.status).toBe(200);
      const cancelled = await t.req(`/api/milestones/${m2!.id}`, {
        method: 'PUT',
        headers: { ...hanoi, 'if-match': `"${m2!.version}"` },
        body: { title: { en: 'Pilot plant' }, dueOn: '2027-03-31', weight: 1, status: 'cancelled' },
      });
      expect(cancelled.status).toBe(200);
      const ics = await (await feed(url)).text();
      const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`milestone-${m1!.id}`))!;
      expect(event).toContain('DTSTART;VALUE=DATE:20261215');
      expect(ics).not.toContain(`milestone-${m2!.id}`);
    });
  });
});
