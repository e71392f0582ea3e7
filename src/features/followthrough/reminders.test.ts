import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { TestClock } from '../../platform/clock.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { buildCycleWithProject } from './fixtures.ts';
import { followThroughReminders, localDate, REMINDERS_EVERY_MS } from './reminders.ts';

const logger = pino({ level: 'silent' });
type Headers = Record<string, string>;

// Each test moves the clock on from where the one before left it: they run in order, even shuffled.
describe.each(ENGINES)('follow-through reminders on %s', (engine) => {
  describe('in order', { shuffle: false }, () => {
    let t: TestApp;
    let hanoi: Headers;
    let milestones: { id: string; version: number }[];
    const clock = new TestClock('2026-10-30T18:00:00Z'); // 31 Oct 01:00 in Hanoi, 03:00 in Tokyo
    // Two servers, each with its own runner on the same database.
    const runners = () =>
      [1, 2].map(
        (n) =>
          new JobRunner({
            db: t.db,
            clock,
            logger,
            jobs: [followThroughReminders],
            recurring: [{ job: followThroughReminders, everyMs: REMINDERS_EVERY_MS, payload: {} }],
            owner: `server-${n}`,
          }),
      );
    const runAll = async () => {
      for (const r of runners()) await r.runDue();
    };
    const outbox = () =>
      t.db.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'language', 'subject', 'text_body'])
        .orderBy('created_at')
        .orderBy('language', 'desc')
        .execute();

    beforeAll(async () => {
      t = await testApp(engine);
      const admin = (await t.signIn('admin')).headers;
      hanoi = (await t.signIn('editor', ['VN-HANOI'])).headers;
      ({ milestones } = await buildCycleWithProject(t.req, admin, hanoi));
    });
    afterAll(() => t.close());

    it('counts days in each side’s own time zone', () => {
      expect(localDate(new Date('2026-10-30T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-10-31');
      expect(localDate(new Date('2026-10-30T14:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-10-30');
      expect(localDate(new Date('2026-10-30T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-10-31');
    });

    it('sends each reminder once in the recipient’s language, whatever the servers, runs and moved dates', async () => {
      // 30 days before the survey's due date (2026-11-30): one mail to each side's contact.
      await runAll();
      let mails = await outbox();
      expect(mails.map((m) => `${m.to_address} ${m.language}`)).toEqual([
        'vn-contact@example.org vi',
        'jp-contact@example.org ja',
      ]);
      expect(mails[0].subject).toBe('Nhắc việc: “=Survey” đến hạn ngày 2026-11-30');
      expect(mails[1].subject).toBe('リマインダー：「=Survey」の期日は 2026-11-30 です');
      // Later the same day, the next hour, both servers again: nothing new.
      clock.advance(REMINDERS_EVERY_MS);
      await runAll();
      expect(await outbox()).toHaveLength(2);
      // A week before: the 7-day reminder.
      clock.set('2026-11-23T02:00:00Z');
      await runAll();
      mails = await outbox();
      expect(mails).toHaveLength(4);
      expect(mails[2].text_body).toContain('còn 7 ngày');
      // The due date moves two days later: the 7-day reminder is not sent again.
      const m = milestones[0];
      const moved = await t.req(`/api/milestones/${m.id}`, {
        method: 'PUT',
        headers: { ...hanoi, 'if-match': `"${m.version}"` },
        body: { title: { en: '=Survey' }, dueOn: '2026-12-02', weight: 2, status: 'scheduled' },
      });
      expect(moved.status).toBe(200);
      clock.set('2026-11-26T02:00:00Z');
      await runAll();
      expect(await outbox()).toHaveLength(4);
    });

    it('nags weekly while late and stops once the milestone is met', async () => {
      const before = (await outbox()).length;
      clock.set('2026-12-04T02:00:00Z'); // two days late; the period closes in 27 days
      await runAll();
      const late = (await outbox()).slice(before);
      expect(late.map((m) => m.subject)).toEqual([
        'Trễ hạn: “=Survey” (hạn 2026-12-02)',
        '期日超過：「=Survey」（期日 2026-12-02）',
      ]);
      clock.set('2026-12-06T02:00:00Z'); // same week of lateness
      await runAll();
      expect(await outbox()).toHaveLength(before + 2);
      const current = await (
        await t.req(
          `/api/projects/${(await t.db.db.selectFrom('ft_milestones').select('project_id').where('id', '=', milestones[0].id).executeTakeFirstOrThrow()).project_id}`,
        )
      ).json();
      const ms = current.milestones[0];
      expect(
        (
          await t.req(`/api/milestones/${ms.id}`, {
            method: 'PUT',
            headers: { ...hanoi, 'if-match': `"${ms.version}"` },
            body: {
              title: { en: '=Survey' },
              dueOn: '2026-12-02',
              weight: 2,
              status: 'met',
              metOn: '2026-12-05',
            },
          })
        ).status,
      ).toBe(200);
      clock.set('2026-12-12T02:00:00Z'); // a week later: met, so nothing
      await runAll();
      expect(await outbox()).toHaveLength(before + 2);
    });

    it('reminds a side that has not reported before the period closes', async () => {
      const before = (await outbox()).length;
      clock.set('2026-12-25T02:00:00Z'); // 2026-H2 closes on 2026-12-31
      await runAll();
      const mails = (await outbox()).slice(before);
      expect(mails.map((m) => m.subject)).toEqual([
        'Kỳ báo cáo 2026-H2 kết thúc ngày 2026-12-31',
        '報告期間 2026-H2 は 2026-12-31 に締め切られます',
      ]);
    });
  });
});
