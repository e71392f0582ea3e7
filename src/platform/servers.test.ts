import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, ENGINES, freshDb, type TestDb } from '../../test/support/db.ts';
import { adminSession, call, killAllServers, startServerProcess } from '../../test/support/process.ts';
import { filesDir, loadConfig } from '../config.ts';

/**
 * The wiring, with real server processes: `kizuna serve` starts the job runner with the SMTP
 * transport from SMTP_URL, and two servers on one database send each mail exactly once.
 */

const opened: TestDb[] = [];
const smtps: SMTPServer[] = [];
afterAll(async () => {
  await killAllServers();
  for (const s of smtps) await new Promise<void>((r) => s.close(() => r()));
  for (const t of opened) await t.drop();
});

async function smtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      simpleParser(stream).then((m) => {
        received.push(m);
        cb();
      }, cb);
    },
  });
  smtps.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received };
}

describe.each(ENGINES)('two server processes on one %s database', (engine) => {
  it('send every queued mail exactly once, through SMTP_URL', async () => {
    const t = await freshDb(engine);
    opened.push(t);
    const mail = await smtp();
    const env = { ...childEnv(t), SMTP_URL: mail.url, MAIL_FROM: 'Kizuna <kizuna@example.org>' };
    const a = await startServerProcess(env);
    const b = await startServerProcess(env);
    const { cookie } = await adminSession(env, a.url);
    const queued: string[] = [];
    for (let i = 0; i < 12; i++) {
      const server = i % 2 ? b.url : a.url;
      const res = await call(server, '/api/admin/outbox/test', {
        method: 'POST',
        headers: { cookie },
        body: { to: `r${i}@example.org`, language: (['vi', 'ja', 'en'] as const)[i % 3] },
      });
      expect(res.status).toBe(202);
      queued.push((await res.json()).id);
    }
    // Both runners poll every second; wait for the SMTP server to have them all and for the outbox to
    // have recorded each delivery (it does so just after the server accepted the mail).
    const deadline = Date.now() + 60_000;
    const readOutbox = async () =>
      (await call(a.url, '/api/admin/outbox?limit=50', { headers: { cookie } })).json();
    let outbox = await readOutbox();
    const sent = () => outbox.items.filter((m: { status: string }) => m.status === 'sent').length;
    while ((mail.received.length < queued.length || sent() < queued.length) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      outbox = await readOutbox();
    }
    expect(outbox.items.filter((m: { status: string }) => m.status === 'sent')).toHaveLength(queued.length);
    const ids = mail.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(outbox.items.map((m: { messageId: string }) => m.messageId).sort());
    expect(
      mail.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'r1@example.org')?.subject,
    ).toBe('Kizuna：テストメール');
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
  }, 120_000);
});

describe('platform configuration', () => {
  it('names a bad SMTP_URL, and keeps files beside the SQLite database by default', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '12' })).toThrow(/UPLOAD_MAX_BYTES/);
    const c = loadConfig({ DATABASE_URL: 'file:/srv/kizuna/db.sqlite' });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.KIZUNA_JOBS).toBe(true);
    expect(filesDir(c)).toBe('/srv/kizuna/files');
    expect(filesDir(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }))).toMatch(/\/data\/files$/);
    expect(filesDir(loadConfig({ FILES_DIR: '/var/kizuna-files' }))).toBe('/var/kizuna-files');
  });
});
