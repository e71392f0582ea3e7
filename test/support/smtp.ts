import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/db/connection.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';
import { sendMailJob, smtpMailer } from '../../src/platform/mail/send.ts';

/** A real SMTP server on a free local port that keeps what it receives, parsed. */
export async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
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
  const url = `smtp://127.0.0.1:${port}`;
  return {
    url,
    received,
    /** The mail one address received. */
    to: (address: string) =>
      received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address)),
    /** Sends every due mail of the database's outbox through this server. */
    deliver: (db: Db) =>
      new JobRunner({
        db,
        clock: systemClock,
        logger: pino({ level: 'silent' }),
        jobs: [sendMailJob(smtpMailer(url, 'Kizuna <no-reply@kizuna.test>'))],
      }).runDue(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
