import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { programmeCalendar } from '../../domain/forum/calendar.ts';
import { scheduleJson } from '../../domain/forum/schedule-json.ts';
import { type AppEnv, type Deps, publicUrlOf } from '../../http/context.ts';
import { json, readErrors, withEtag } from '../shared/http.ts';
import { exhibitionRoutes } from './exhibition/routes.ts';
import { programmePdf } from './files/programme-pdf.ts';
import { Forum, ForumList, LangQuery, Programme } from './schemas.ts';
import { getForum, listForums, programmeForFiles, publishedProgramme } from './service.ts';

const tags = ['Forum'];
const IdParam = z.object({ id: z.string().min(1).max(100) });
const file = (type: string, description: string) => ({
  description,
  content: {
    [type]: { schema: z.string().meta({ format: type === 'application/pdf' ? 'binary' : undefined }) },
  },
});

export function forumRoutes(deps: Deps) {
  const { db } = deps;
  // The addresses in schedule.json start with PUBLIC_URL, not the request's Host: the read cache
  // keeps one answer for every visitor, and a Host header is the caller's to choose.
  const base = publicUrlOf(deps).replace(/\/+$/, '');
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums',
      tags,
      summary: 'The forums (drafts only for those who organise them)',
      responses: { 200: json(ForumList, 'The forums, newest first'), ...readErrors },
    }),
    async (c) => c.json(await listForums(db.db, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}',
      tags,
      summary: 'One forum: its theme, days, zone, organisers, sourced facts',
      request: { params: IdParam },
      responses: { 200: json(Forum, 'The forum'), ...readErrors },
    }),
    async (c) => {
      const forum = await getForum(db.db, c.req.valid('param').id, c.get('user'));
      // The version an organiser's PATCH sends back in If-Match.
      withEtag(c, forum.version);
      return c.json(forum, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/programme',
      tags,
      summary: 'The latest published release of the programme, with the sources of each fact',
      request: { params: IdParam },
      responses: { 200: json(Programme, 'The programme'), ...readErrors },
    }),
    async (c) => c.json(await publishedProgramme(db.db, c.req.valid('param').id, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/programme.ics',
      tags,
      summary: 'The published programme as iCalendar (RFC 5545), texts in the asked language',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: file('text/calendar', 'iCalendar'), ...readErrors },
    }),
    async (c) => {
      const p = await programmeForFiles(db.db, c.req.valid('param').id, c.get('user'));
      const { lang } = c.req.valid('query');
      return c.body(programmeCalendar(p, lang), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="${p.forum.id}-${lang}.ics"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/schedule.json',
      tags,
      summary:
        'The published programme in the c3voc conference schedule format (version 2), for programme apps',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: json(z.record(z.string(), z.unknown()), 'schedule.json'), ...readErrors },
    }),
    async (c) => {
      const p = await programmeForFiles(db.db, c.req.valid('param').id, c.get('user'));
      return c.json(scheduleJson(p, c.req.valid('query').lang, base), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/programme.pdf',
      tags,
      summary: 'The printable programme (A4) in one language, fonts embedded',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: file('application/pdf', 'PDF'), ...readErrors },
    }),
    async (c) => {
      const p = await programmeForFiles(db.db, c.req.valid('param').id, c.get('user'));
      const { lang } = c.req.valid('query');
      const bytes = await programmePdf(p, lang);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${p.forum.id}-programme-${lang}.pdf"`,
      });
    },
  );

  app.route('/', exhibitionRoutes(deps));
  return app;
}
