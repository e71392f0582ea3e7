import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { validationError } from '../../errors.ts';
import { type Clock, isoNow } from '../clock.ts';
import { enqueue } from '../jobs/queue.ts';
import { LANGUAGES, type Lang, type MailTemplate, renderMail } from './render.ts';
import { sendMail } from './send.ts';

const Recipient = z.object({ to: z.email().max(254), language: z.enum(LANGUAGES) });

/** The right-hand side of every Message-ID: the id itself is the outbox row's, so it never changes. */
export const MESSAGE_ID_DOMAIN = 'outbox.kizuna';

/**
 * Writes a mail to the outbox, rendered now in the recipient's language, and the job that will
 * send it. Call it with the transaction of the change that causes the mail: if that change rolls
 * back, there is no mail; if it commits, the mail will go out (or be kept for admins to read
 * when no SMTP server is configured).
 */
export async function queueMail<P>(
  tx: Kysely<Database>,
  clock: Clock,
  { to, language, template, params }: { to: string; language: Lang; template: MailTemplate<P>; params: P },
): Promise<{ id: string; messageId: string }> {
  const checked = Recipient.safeParse({ to, language });
  if (!checked.success)
    throw validationError(
      checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
      'mail',
    );
  const rendered = renderMail(template, language, params);
  const id = randomUUID();
  const messageId = `<${id}@${MESSAGE_ID_DOMAIN}>`;
  const now = isoNow(clock);
  await tx
    .insertInto('mail_outbox')
    .values({
      id,
      message_id: messageId,
      to_address: to,
      language,
      template: template.name,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      status: 'pending',
      last_error: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    })
    .execute();
  await enqueue(tx, clock, sendMail, { outboxId: id }, { uniqueKey: `mail:${id}` });
  return { id, messageId };
}
