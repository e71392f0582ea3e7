import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { json, readErrors, writeErrors } from '../../features/shared/http.ts';
import { decodeCursor, invalidCursor, toPage } from '../../features/shared/pagination.ts';
import { pageOf } from '../../features/shared/schemas.ts';
import { type AppEnv, adminOnly, clockOf, type Deps } from '../../http/context.ts';
import { cancelJob, getJob, toJobView } from './queue.ts';
import { Job, JobStatus } from './schemas.ts';

const JobQuery = z.object({
  status: JobStatus.optional(),
  kind: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

const tags = ['Admin'];
const adminErrors = {
  ...readErrors,
  401: { description: 'Not signed in' },
  403: { description: 'Not an admin' },
};
const IdParam = z.object({ id: z.string().min(1).max(100) });

async function listJobs(db: Kysely<Database>, q: z.infer<typeof JobQuery>) {
  const key = decodeCursor(q.cursor, 2);
  if (key && !key.every((k) => typeof k === 'string')) throw invalidCursor();
  const filtered = db
    .selectFrom('jobs')
    .$if(q.status !== undefined, (b) => b.where('status', '=', q.status!))
    .$if(q.kind !== undefined, (b) => b.where('kind', '=', q.kind!));
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .$if(key !== null, (b) =>
        b.where((eb) =>
          eb.or([
            eb('created_at', '<', String(key![0])),
            eb.and([eb('created_at', '=', String(key![0])), eb('id', '<', String(key![1]))]),
          ]),
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows, q.limit, Number(count.n), (r) => [r.created_at, r.id], toJobView);
}

/**
 * Background jobs for admins: what ran, what failed and why, what is waiting; cancel one. A
 * feature that shows its own job's progress to its users (a scheduler run) answers from
 * `getJob` in its own route, with its own permission check.
 */
export function jobRoutes(deps: Deps) {
  const { db } = deps;
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/jobs',
      tags,
      middleware: [adminOnly] as const,
      summary: 'Background jobs, newest first (payloads are not shown)',
      request: { query: JobQuery },
      responses: { 200: json(pageOf(Job, 'JobPage'), 'Jobs'), ...adminErrors },
    }),
    async (c) => c.json((await listJobs(db.db, c.req.valid('query'))) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/jobs/{id}',
      tags,
      middleware: [adminOnly] as const,
      summary: 'One job: status, progress, result or error',
      request: { params: IdParam },
      responses: { 200: json(Job, 'The job'), ...adminErrors },
    }),
    async (c) => {
      const job = await getJob(db.db, c.req.valid('param').id);
      if (!job) throw new AppError('not_found', `job ${c.req.valid('param').id} does not exist`);
      return c.json(job as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/jobs/{id}/cancel',
      tags,
      middleware: [adminOnly] as const,
      summary: 'Cancel a job: a queued one at once, a running one at its next heartbeat',
      request: { params: IdParam },
      responses: { 200: json(Job, 'The job after the request'), ...writeErrors },
    }),
    async (c) => {
      const job = await cancelJob(db.db, clockOf(deps), c.req.valid('param').id);
      if (!job) throw new AppError('not_found', `job ${c.req.valid('param').id} does not exist`);
      return c.json(job as never, 200);
    },
  );

  return app;
}
