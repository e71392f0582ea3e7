/** A project side's calendar of due dates: renewing its secret address, and the feed itself. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, clockOf, type Deps, publicUrlOf, requireUser, signedIn } from '../../http/context.ts';
import { json, readErrors, writeErrors } from '../shared/http.ts';
import { dueCalendar, renewDueCalendar } from './due-calendar.ts';

const tags = ['Follow-through'];

export function dueCalendarRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/sides/{side}/calendar',
      tags,
      middleware: [signedIn] as const,
      summary: "A new secret address for the side's calendar of due dates; the old one stops working",
      request: { params: z.object({ id: z.string().min(1).max(100), side: z.enum(['vn', 'jp']) }) },
      responses: { 201: json(z.object({ url: z.string() }), 'The new address'), ...writeErrors },
    }),
    async (c) => {
      const { id, side } = c.req.valid('param');
      c.header('cache-control', 'private, no-store');
      return c.json(
        await renewDueCalendar(db.db, clock, {
          user: requireUser(c),
          projectId: id,
          side,
          publicUrl: publicUrlOf(deps),
        }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/due/{file}',
      tags,
      summary:
        "A project side's due dates (milestones, reporting period closes) as iCalendar, at a secret address",
      request: {
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{1,200}\.ics$/, 'must be <token>.ics') }),
        query: z.object({ lang: z.enum(['vi', 'ja', 'en']).optional() }),
      },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...readErrors,
      },
    }),
    async (c) => {
      const { body, name } = await dueCalendar(db.db, c.req.valid('param').file, c.req.valid('query').lang);
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="${name}.ics"`,
        'cache-control': 'private, no-store',
      }) as never;
    },
  );

  return app;
}
