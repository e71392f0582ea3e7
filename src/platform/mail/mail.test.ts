import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { openDb } from '../../db/connection.ts';
import { TestClock } from '../clock.ts';
import { getJob } from '../jobs/queue.ts';
import { JobRunner } from '../jobs/runner.ts';
import { queueMail } from './outbox.ts';
import { defineTemplate, type Lang } from './render.ts';
import { type Mailer, sendMailJob, smtpMailer } from './send.ts';

const logger = pino({ level: 'silent' });
const FROM = 'Kizuna <no-reply@kizuna.test>';

/** A real SMTP server on a free local port: mail to nobody@… is refused with 550, to busy@… with 451. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        const err = new Error('5.1.1 no such mailbox here') as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      if (address.address.startsWith('busy@')) {
        const err = new Error('4.2.1 mailbox busy, try later') as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const greeting = defineTemplate<{ name: string; link: string }>('test.greeting', {
  vi: ({ name, link }) => ({
    subject: `Chào ${name}`,
    paragraphs: [`Xin chào ${name},`, 'Đoàn của bạn đã được duyệt.'],
    action: { label: 'Xem đoàn', url: link },
  }),
  ja: ({ name, link }) => ({
    subject: `${name} 様へ`,
    paragraphs: [`${name} 様`, '代表団が承認されました。'],
    action: { label: '代表団を見る', url: link },
  }),
  en: ({ name, link }) => ({
    subject: `Hello ${name}`,
    paragraphs: [`Dear ${name},`, 'Your delegation is approved.'],
    action: { label: 'See the delegation', url: link },
  }),
});

describe.each(ENGINES)('mail on %s', (engine) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    t = await freshDb(engine);
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url, FROM);
  });
  afterAll(async () => {
    await smtp.close();
    await t.drop();
  });

  const runner = (clock: TestClock, m: Mailer | null, owner?: string, db = t) =>
    new JobRunner({ db, clock, logger, jobs: [sendMailJob(m)], ...(owner ? { owner } : {}) });
  const outbox = (id: string) =>
    t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const deliveries = (id: string) =>
    t.db.selectFrom('mail_deliveries').selectAll().where('outbox_id', '=', id).orderBy('attempt').execute();
  const queue = (clock: TestClock, to: string, language: Lang = 'en', name = 'Lan') =>
    t.db.transaction().execute((tx) =>
      queueMail(tx, clock, {
        to,
        language,
        template: greeting,
        params: { name, link: 'https://kizuna.test/d/1' },
      }),
    );
  const receivedBy = (to: string) =>
    smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to);

  it('sends each mail in its recipient language, with a text part and an escaped HTML part', async () => {
    const clock = new TestClock();
    const name = 'Nguyễn <b>Lan</b> & "Co"';
    const sent: Record<string, string> = {};
    for (const lang of ['vi', 'ja', 'en'] as const) {
      sent[lang] = (await queue(clock, `lang-${lang}@example.org`, lang, name)).messageId;
    }
    expect(await runner(clock, mailer).runDue()).toBe(3);
    const vi = receivedBy('lang-vi@example.org')[0]!;
    const ja = receivedBy('lang-ja@example.org')[0]!;
    const en = receivedBy('lang-en@example.org')[0]!;
    expect(vi.subject).toBe(`Chào ${name}`);
    expect(ja.subject).toBe(`${name} 様へ`);
    expect(ja.text).toContain('代表団が承認されました。');
    expect(vi.text).toContain('Đoàn của bạn đã được duyệt.');
    expect(en.text).toContain(`Dear ${name},`);
    expect(en.text).toContain('See the delegation: https://kizuna.test/d/1');
    expect(en.html).toContain('Dear Nguyễn &lt;b&gt;Lan&lt;/b&gt; &amp; &quot;Co&quot;,');
    expect(en.html).not.toContain('<b>Lan</b>');
    expect(en.html).toContain('<html lang="en">');
    expect(en.messageId).toBe(sent.en);
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.from?.value[0]).toMatchObject({ name: 'Kizuna', address: 'no-reply@kizuna.test' });
  });

  it('writes the mail with the change: a rolled-back change leaves neither mail nor job', async () => {
    const clock = new TestClock();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await queueMail(tx, clock, {
          to: 'rollback@example.org',
          language: 'vi',
          template: greeting,
          params: { name: 'X', link: 'https://kizuna.test' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(
      await t.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', 'rollback@example.org')
        .execute(),
    ).toEqual([]);
    expect(await runner(clock, mailer).runDue()).toBe(0);
  });

  it('refuses a malformed address with a field error before writing anything', async () => {
    const clock = new TestClock();
    await expect(queue(clock, 'not an address')).rejects.toMatchObject({
      code: 'validation.invalid',
      errors: [{ path: 'to' }],
    });
  });

  it('never sends a mail twice, whatever the number of runners', async () => {
    const clock = new TestClock();
    const { id } = await queue(clock, 'once@example.org');
    const other = openDb(t.url, { searchPath: t.schema ?? undefined });
    try {
      await Promise.all([
        runner(clock, mailer, 'a').runDue(),
        runner(clock, mailer, 'b', { ...t, ...other }).runDue(),
      ]);
      clock.advance(3_600_000);
      await runner(clock, mailer).runDue();
    } finally {
      await other.close();
    }
    expect(receivedBy('once@example.org')).toHaveLength(1);
    expect(await outbox(id)).toMatchObject({ status: 'sent', last_error: null });
    expect((await deliveries(id)).map((d) => d.outcome)).toEqual(['sent']);
  });

  it('a crash between sending and recording sends it once more with the same Message-ID, never a third time', async () => {
    const clock = new TestClock();
    const { id, messageId } = await queue(clock, 'crash@example.org');
    // A server that hands the mail over, then stops before recording it (its promise never settles).
    const dying: Mailer = {
      send: async (m) => {
        await mailer.send(m);
        return new Promise(() => {});
      },
    };
    void runner(clock, dying, 'dies-1').tick();
    await waitFor(() => receivedBy('crash@example.org').length === 1);
    expect(await outbox(id)).toMatchObject({ status: 'sending' });
    clock.advance(61_000); // its lease runs out
    await runner(clock, mailer, 'survivor').runDue();
    const copies = receivedBy('crash@example.org');
    expect(copies).toHaveLength(2);
    expect(copies.map((m) => m.messageId)).toEqual([messageId, messageId]);
    expect(await outbox(id)).toMatchObject({ status: 'sent' });
    expect((await deliveries(id)).map((d) => d.outcome)).toEqual(['unknown', 'sent']);

    // Twice interrupted: the third runner does not send again.
    const { id: id2 } = await queue(clock, 'crash-twice@example.org');
    void runner(clock, dying, 'dies-2').tick();
    await waitFor(() => receivedBy('crash-twice@example.org').length === 1);
    clock.advance(61_000);
    void runner(clock, dying, 'dies-3').tick();
    await waitFor(() => receivedBy('crash-twice@example.org').length === 2);
    clock.advance(61_000);
    await runner(clock, mailer, 'careful').runDue();
    expect(receivedBy('crash-twice@example.org')).toHaveLength(2);
    expect(await outbox(id2)).toMatchObject({ status: 'failed' });
    expect((await outbox(id2)).last_error).toMatch(/interrupted twice/);
  });

  it('an address the server refuses (550) fails the row with the reason, without retrying', async () => {
    const clock = new TestClock();
    const { id } = await queue(clock, 'nobody@example.org');
    await runner(clock, mailer).runDue();
    const row = await outbox(id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/550.*no such mailbox/);
    const job = await t.db
      .selectFrom('jobs')
      .select('id')
      .where('unique_key', '=', `mail:${id}`)
      .executeTakeFirstOrThrow();
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'failed', attempts: 1 });
    // A day later the refused mail is not tried again (whatever else other tests left to run).
    clock.advance(86_400_000);
    await runner(clock, mailer).runDue();
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await deliveries(id)).map((d) => d.outcome)).toEqual(['permanent']);
  });

  it('a temporary refusal (451) is retried with back-off, and fails for good after the last attempt', async () => {
    const clock = new TestClock();
    const { id } = await queue(clock, 'busy@example.org');
    const r = runner(clock, mailer);
    await r.runDue();
    expect(await outbox(id)).toMatchObject({ status: 'pending' });
    expect((await outbox(id)).last_error).toMatch(/451/);
    for (let i = 0; i < 10; i++) {
      clock.advance(3_600_000);
      await r.runDue();
    }
    const row = await outbox(id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/gave up after 8 attempts: .*451/);
    expect(await deliveries(id)).toHaveLength(8);
  });

  it('an unreachable SMTP server is a temporary failure', async () => {
    const clock = new TestClock();
    const { id } = await queue(clock, 'unreachable@example.org');
    await runner(clock, smtpMailer('smtp://127.0.0.1:1', FROM)).runDue();
    expect(await outbox(id)).toMatchObject({ status: 'pending' });
    expect((await outbox(id)).last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
  });

  it('without SMTP_URL the mail is held in the outbox, readable, and nothing is sent', async () => {
    const clock = new TestClock();
    const { id } = await queue(clock, 'held@example.org', 'ja');
    await runner(clock, null).runDue();
    const row = await outbox(id);
    expect(row).toMatchObject({ status: 'held', language: 'ja', subject: 'Lan 様へ' });
    expect(row.text_body).toContain('代表団が承認されました。');
    expect(receivedBy('held@example.org')).toEqual([]);
  });
});

/** Waits for something another task does (an SMTP server receiving); not a sleep standing in for time. */
async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
