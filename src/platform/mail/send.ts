import nodemailer from 'nodemailer';
import { z } from 'zod';
import { isoNow } from '../clock.ts';
import { defineJob, type JobKind, PermanentJobError } from '../jobs/define.ts';
import { deliveriesRepo, outboxRepo } from './repository.ts';

/** One mail as handed to a transport. */
export interface OutgoingMail {
  messageId: string;
  to: string;
  language: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes out. `send` resolves with the server's answer or rejects with its error. */
export interface Mailer {
  send: (mail: OutgoingMail) => Promise<{ response: string }>;
}

/**
 * An SMTP transport from SMTP_URL (nodemailer): `smtp://` upgrades with STARTTLS when the
 * server offers it, `smtps://` is TLS from the start; user and password in the URL. Bounded
 * timeouts, so that a silent server fails an attempt instead of holding the job forever.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const u = new URL(url);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
    secure: u.protocol === 'smtps:',
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (m) => {
      const info = await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: { 'Content-Language': m.language },
      });
      return { response: String(info.response ?? '') };
    },
  };
}

/** A 5xx answer (550 no such mailbox, 553 bad address) will not change by trying again. */
const isPermanent = (err: unknown) => {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

const describeSmtp = (err: unknown): string => {
  const e = err as { response?: unknown; message?: unknown; code?: unknown };
  const text = typeof e.response === 'string' ? e.response : String(e.message ?? err);
  return `${typeof e.code === 'string' ? `${e.code}: ` : ''}${text}`.slice(0, 1000);
};

/** The kind features enqueue (through queueMail); its handler is built at start with the transport. */
export const sendMail = {
  kind: 'mail.send',
  payload: z.object({ outboxId: z.string().min(1).max(100) }),
  maxAttempts: 8,
} satisfies JobKind;

/**
 * Sends one outbox row, at most once even across servers and crashes:
 * - the job is claimed by one runner at a time (a leased row lock), and the row's status makes a
 *   second job for a sent mail do nothing;
 * - each attempt writes a delivery record *before* talking to the SMTP server and completes it
 *   after. A record still open when the job runs again means the server stopped mid-way: the
 *   mail may or may not have left. It is sent once more, with the same Message-ID (so a
 *   receiver can tell the copies apart); after a second such interruption it is not sent again
 *   but marked failed. So a crash costs at most one duplicate, and never a lost mail.
 * Without a transport (no SMTP_URL) the mail is `held`: kept for admins to read in the web app.
 */
export const sendMailJob = (mailer: Mailer | null) =>
  defineJob({
    ...sendMail,
    run: async ({ outboxId }, ctx) => {
      const { db, clock } = ctx;
      const row = await outboxRepo.get(db, outboxId);
      if (!row) return { outcome: 'gone' };
      if (row.status === 'sent' || row.status === 'failed' || row.status === 'held')
        return { outcome: row.status };
      if (!mailer) {
        await outboxRepo.setStatus(db, outboxId, {
          status: 'held',
          now: isoNow(clock),
          error: 'SMTP_URL is not set: the mail is kept here for admins to read',
        });
        return { outcome: 'held' };
      }
      const deliveries = await deliveriesRepo.list(db, outboxId);
      const interrupted = deliveries.filter((d) => d.outcome === null || d.outcome === 'unknown').length;
      for (const d of deliveries.filter((d) => d.outcome === null)) {
        await deliveriesRepo.finish(db, outboxId, d.attempt, {
          outcome: 'unknown',
          response: 'interrupted between sending and recording (the server stopped)',
          now: isoNow(clock),
        });
      }
      if (interrupted >= 2) {
        const reason = 'delivery was interrupted twice; the mail may have been sent, so it is not sent again';
        await outboxRepo.setStatus(db, outboxId, { status: 'failed', now: isoNow(clock), error: reason });
        throw new PermanentJobError(reason);
      }
      const attempt = (deliveries.at(-1)?.attempt ?? 0) + 1;
      await db.transaction().execute(async (tx) => {
        await deliveriesRepo.start(tx, { outbox_id: outboxId, attempt, started_at: isoNow(clock) });
        await outboxRepo.setStatus(tx, outboxId, { status: 'sending', now: isoNow(clock) });
      });
      try {
        const { response } = await mailer.send({
          messageId: row.message_id,
          to: row.to_address,
          language: row.language,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
        });
        await db.transaction().execute(async (tx) => {
          const now = isoNow(clock);
          await deliveriesRepo.finish(tx, outboxId, attempt, { outcome: 'sent', response, now });
          await outboxRepo.setStatus(tx, outboxId, { status: 'sent', now, error: null, sentAt: now });
        });
        return { outcome: 'sent', delivery: attempt };
      } catch (err) {
        const permanent = isPermanent(err);
        const reason = describeSmtp(err);
        const lastTry = ctx.attempt >= ctx.maxAttempts;
        await db.transaction().execute(async (tx) => {
          const now = isoNow(clock);
          await deliveriesRepo.finish(tx, outboxId, attempt, {
            outcome: permanent ? 'permanent' : 'temporary',
            response: reason,
            now,
          });
          await outboxRepo.setStatus(tx, outboxId, {
            status: permanent || lastTry ? 'failed' : 'pending',
            now,
            error: lastTry && !permanent ? `gave up after ${ctx.attempt} attempts: ${reason}` : reason,
          });
        });
        if (permanent) throw new PermanentJobError(reason);
        throw new Error(reason);
      }
    },
  });

export const KEEP_MAIL_DAYS = 90;

/** Mail that is done with (sent, failed, held) is kept 90 days for admins to read, then removed. */
export const pruneOutbox = defineJob({
  kind: 'mail.prune',
  payload: z.object({}),
  run: async (_p, { db, clock }) => {
    const before = new Date(clock.now().getTime() - KEEP_MAIL_DAYS * 86_400_000).toISOString();
    return { removed: Number((await outboxRepo.pruneSent(db, before)).numDeletedRows) };
  },
});
