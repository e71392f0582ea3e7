import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/support/app.ts';
import { ENGINES } from '../../test/support/db.ts';
import { TestClock } from './clock.ts';
import { JobRunner } from './jobs/runner.ts';
import { sendMailJob } from './mail/send.ts';

// The outbox tests read the mail the previous ones queued: they run in order, even shuffled.
describe.each(ENGINES)('platform routes on %s', (engine) => {
  describe('in order', { shuffle: false }, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['signIn']>>;
    beforeAll(async () => {
      t = await testApp(engine, { seed: false });
      admin = await t.signIn('admin');
    });
    afterAll(async () => {
      await t.close();
    });

    const runJobs = () =>
      new JobRunner({
        db: t.db,
        clock: new TestClock(new Date()),
        logger: pino({ level: 'silent' }),
        jobs: [sendMailJob(null)],
      }).runDue();

    it('the outbox is for admins only', async () => {
      expect((await t.req('/api/admin/outbox')).status).toBe(401);
      const editor = await t.signIn('editor', ['VN-HANOI']);
      expect((await t.req('/api/admin/outbox', { headers: editor.headers })).status).toBe(403);
      const test = await t.req('/api/admin/outbox/test', {
        method: 'POST',
        headers: editor.headers,
        body: { to: 'x@example.org', language: 'en' },
      });
      expect(test.status).toBe(403);
    });

    it('without SMTP an admin reads held mail in the outbox, each in its language', async () => {
      for (const [to, language] of [
        ['vi@example.org', 'vi'],
        ['ja@example.org', 'ja'],
        ['en@example.org', 'en'],
      ]) {
        const res = await t.req('/api/admin/outbox/test', {
          method: 'POST',
          headers: admin.headers,
          body: { to, language },
        });
        expect(res.status).toBe(202);
      }
      await runJobs();
      const list = await t.req('/api/admin/outbox?limit=2', { headers: admin.headers });
      expect(list.status).toBe(200);
      const page = await list.json();
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      expect(page.items.every((m: { status: string }) => m.status === 'held')).toBe(true);
      const rest = await (
        await t.req(`/api/admin/outbox?limit=2&cursor=${page.nextCursor}`, { headers: admin.headers })
      ).json();
      expect(rest.nextCursor).toBeNull();
      const all = [...page.items, ...rest.items];
      expect(all.map((m) => m.subject).sort()).toEqual(
        ['Kizuna: test mail', 'Kizuna: thư thử nghiệm', 'Kizuna：テストメール'].sort(),
      );
      const ja = all.find((m) => m.language === 'ja');
      const detail = await (await t.req(`/api/admin/outbox/${ja.id}`, { headers: admin.headers })).json();
      expect(detail.text).toContain(admin.email);
      expect(detail.html).toContain('<html lang="ja">');
      expect(detail.lastError).toMatch(/SMTP_URL is not set/);
      expect(detail.deliveries).toEqual([]);
      const held = await (await t.req('/api/admin/outbox?status=sent', { headers: admin.headers })).json();
      expect(held.total).toBe(0);
    });

    it('admins read jobs (held mail sent by its job) and cancel a queued one', async () => {
      expect((await t.req('/api/admin/jobs')).status).toBe(401);
      const page = await (
        await t.req('/api/admin/jobs?kind=mail.send&status=done', { headers: admin.headers })
      ).json();
      expect(page.total).toBeGreaterThanOrEqual(3);
      expect(page.items[0]).toMatchObject({
        kind: 'mail.send',
        status: 'done',
        result: { outcome: 'held' },
        progress: 1,
      });
      expect(page.items[0]).not.toHaveProperty('payload');
      const queued = await t.req('/api/admin/outbox/test', {
        method: 'POST',
        headers: admin.headers,
        body: { to: 'later@example.org', language: 'en' },
      });
      const { id: mailId } = await queued.json();
      const job = await t.db.db
        .selectFrom('jobs')
        .select('id')
        .where('unique_key', '=', `mail:${mailId}`)
        .executeTakeFirstOrThrow();
      const cancel = await t.req(`/api/admin/jobs/${job.id}/cancel`, {
        method: 'POST',
        headers: admin.headers,
      });
      expect(cancel.status).toBe(200);
      expect(await cancel.json()).toMatchObject({ status: 'cancelled' });
      expect(
        await (await t.req(`/api/admin/jobs/${job.id}`, { headers: admin.headers })).json(),
      ).toMatchObject({ status: 'cancelled' });
      await runJobs();
      const mail = await (await t.req(`/api/admin/outbox/${mailId}`, { headers: admin.headers })).json();
      expect(mail.status).toBe('pending');
      expect((await t.req('/api/admin/jobs/nope', { headers: admin.headers })).status).toBe(404);
      expect(
        (await t.req('/api/admin/jobs/nope/cancel', { method: 'POST', headers: admin.headers })).status,
      ).toBe(404);
      expect((await t.req('/api/admin/jobs?status=stuck', { headers: admin.headers })).status).toBe(400);
    });

    it('bad input gets problem details naming what is wrong', async () => {
      const bad = await t.req('/api/admin/outbox/test', {
        method: 'POST',
        headers: admin.headers,
        body: { to: 'not-an-address', language: 'fr' },
      });
      expect(bad.status).toBe(400);
      const paths = (await bad.json()).errors.map((e: { path: string }) => e.path).sort();
      expect(paths).toEqual(['language', 'to']);
      expect((await t.req('/api/admin/outbox?cursor=garbage', { headers: admin.headers })).status).toBe(400);
      expect((await t.req('/api/admin/outbox?status=lost', { headers: admin.headers })).status).toBe(400);
      expect((await t.req('/api/admin/outbox/nope', { headers: admin.headers })).status).toBe(404);
    });

    it('an upload route is not held to the 1 MB JSON limit, and a JSON body still is', async () => {
      const big = new Uint8Array(1_100_000);
      // No feature takes uploads yet: past the limit the request reaches routing (404), not 413.
      const upload = await t.req('/api/things/1/files', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'image/jpeg' },
        body: big as unknown as string,
      });
      expect(upload.status).toBe(404);
      const json = await t.req('/api/things/1/files', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: `"${'a'.repeat(1_100_000)}"`,
      });
      expect(json.status).toBe(413);
      const other = await t.req('/api/things/1/photos', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'image/jpeg' },
        body: big as unknown as string,
      });
      expect(other.status).toBe(413);
    });
  });
});
