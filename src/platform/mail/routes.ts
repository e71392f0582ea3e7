import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { json, jsonBody, readErrors, writeErrors } from '../../features/shared/http.ts';
import { decodeCursor, invalidCursor, toPage } from '../../features/shared/pagination.ts';
import { pageOf } from '../../features/shared/schemas.ts';
import { type AppEnv, adminOnly, clockOf, type Deps, requireAdmin } from '../../http/context.ts';
import { queueMail } from './outbox.ts';
import type { Lang } from './render.ts';
import { deliveriesRepo, type OutboxStatus, outboxRepo } from './repository.ts';
import { OutboxItem, OutboxMail, OutboxQuery, TestMailRequest } from './schemas.ts';
import { testMail } from './templates.ts';

const tags = ['Admin'];
const adminErrors = {
  ...readErrors,
  401: { description: 'Not signed in' },
  403: { description: 'Not an admin' },
};

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  messageId: r.message_id,
  to: r.to_address,
  language: r.language as Lang,
  template: r.template,
  subject: r.subject,
  status: r.status as OutboxStatus,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

async function listOutbox(db: Kysely<Database>, q: z.infer<typeof OutboxQuery>) {
  const key = decodeCursor(q.cursor, 2);
  if (key && !key.every((k) => typeof k === 'string')) throw invalidCursor();
  const [rows, total] = await Promise.all([
    outboxRepo.list(db, {
      status: q.status,
      before: key ? [String(key[0]), String(key[1])] : undefined,
      limit: q.limit + 1,
    }),
    outboxRepo.count(db, { status: q.status }),
  ]);
  return toPage(rows, q.limit, total, (r) => [r.created_at, r.id], toItem);
}

/**
 * The outbox for admins: every mail Kizuna wrote, whether it went out or is held because no
 * SMTP server is configured (then this is where it is read). Addresses are personal data:
 * admins only.
 */
export function outboxRoutes(deps: Deps) {
  const { db } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/outbox',
      tags,
      middleware: [adminOnly] as const,
      summary: 'Outgoing mail, newest first (held mail when SMTP_URL is not set)',
      request: { query: OutboxQuery },
      responses: { 200: json(pageOf(OutboxItem, 'OutboxPage'), 'Mail'), ...adminErrors },
    }),
    async (c) => c.json(await listOutbox(db.db, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/outbox/{id}',
      tags,
      middleware: [adminOnly] as const,
      summary: 'One mail as it was written: text, HTML and each delivery attempt',
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: json(OutboxMail, 'The mail'), ...adminErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await outboxRepo.get(db.db, id);
      if (!row) throw new AppError('not_found', `mail ${id} does not exist`);
      const deliveries = (await deliveriesRepo.list(db.db, id)).map((d) => ({
        attempt: d.attempt,
        startedAt: d.started_at,
        finishedAt: d.finished_at,
        outcome: d.outcome as 'sent' | 'temporary' | 'permanent' | 'unknown' | null,
        response: d.response,
      }));
      return c.json({ ...toItem(row), text: row.text_body, html: row.html_body, deliveries }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/outbox/test',
      tags,
      middleware: [adminOnly] as const,
      summary: 'Queue a test mail, to check that mail goes out',
      request: { body: jsonBody(TestMailRequest) },
      responses: { 202: json(z.object({ id: z.string() }), 'Queued'), ...writeErrors },
    }),
    async (c) => {
      const admin = requireAdmin(c);
      const { to, language } = c.req.valid('json');
      const { id } = await db.db.transaction().execute((tx) =>
        queueMail(tx, clockOf(deps), {
          to,
          language,
          template: testMail,
          params: { requestedBy: admin.email },
        }),
      );
      return c.json({ id }, 202);
    },
  );

  return app;
}
