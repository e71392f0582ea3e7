/** News: the public list, one item, the Atom feed per language; the writers' create, update and delete. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  type AppEnv,
  clockOf,
  type Deps,
  ifMatchVersion,
  publicUrlOf,
  requireUser,
  signedIn,
} from '../../http/context.ts';
import { json, jsonBody, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { FeedQuery, NewsInput, NewsItem, NewsList, NewsQuery, NewsUpdate } from './schemas.ts';
import { createNews, deleteNews, getNews, listNews, newsFeed, updateNews } from './service.ts';

const tags = ['News'];
const IdParam = z.object({ id: z.string().min(1).max(120) });

export function newsRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/news/feed.atom',
      tags,
      summary: 'News in one language as an Atom 1.0 feed (xml:lang; entry ids stable tag: URIs)',
      request: { query: FeedQuery },
      responses: {
        200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } },
        ...readErrors,
      },
    }),
    async (c) => {
      const body = await newsFeed(db.db, clock, publicUrlOf(deps), c.req.valid('query').lang);
      return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/news',
      tags,
      summary: 'Published news, newest first (filter by language, forum, cycle or project)',
      request: { query: NewsQuery },
      responses: { 200: json(NewsList, 'A page of news'), ...readErrors },
    }),
    async (c) => c.json(await listNews(db.db, clock, c.get('user'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/news/{id}',
      tags,
      summary: 'One news item with its text in each of its languages and their translation status',
      request: { params: IdParam },
      responses: { 200: json(NewsItem, 'The item'), ...readErrors },
    }),
    async (c) => {
      const item = await getNews(db.db, clock, c.get('user'), c.req.valid('param').id);
      withEtag(c, item.version);
      return c.json(item, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/news',
      tags,
      middleware: [signedIn] as const,
      summary: 'Write a news item (admins; organisers of its forum or cycle; editors of its project)',
      request: { body: jsonBody(NewsInput) },
      responses: { 201: json(NewsItem, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const item = await createNews(db.db, clock, requireUser(c), c.req.valid('json'));
      withEtag(c, item.version);
      return c.json(item, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/news/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a news item (If-Match: its version)',
      request: { params: IdParam, body: jsonBody(NewsUpdate) },
      responses: { 200: json(NewsItem, 'Changed'), ...writeErrors },
    }),
    async (c) => {
      const item = await updateNews(
        db.db,
        clock,
        requireUser(c),
        c.req.valid('param').id,
        ifMatchVersion(c),
        c.req.valid('json'),
      );
      withEtag(c, item.version);
      return c.json(item, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/news/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Delete a news item (If-Match: its version)',
      request: { params: IdParam },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Deleted'), ...writeErrors },
    }),
    async (c) => {
      await deleteNews(db.db, requireUser(c), c.req.valid('param').id, ifMatchVersion(c));
      return c.json({ deleted: true as const }, 200);
    },
  );

  return app;
}
