/** The signing ceremony's routes: a public read, and the organisers' writes. */
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
import { Ceremony, CeremonyItem, CeremonyItemInput, CeremonyItemUpdate, CeremonyOrder } from './schemas.ts';
import { addItem, getCeremony, markDone, removeItem, reorder, undoDone, updateItem } from './service.ts';

const tags = ['Ceremony'];
const ForumParam = z.object({ id: z.string().min(1).max(120) });
const ItemParam = ForumParam.extend({ itemId: z.string().min(1).max(120) });

export function ceremonyRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const app = new OpenAPIHono<AppEnv>();
  const ctx = (c: Parameters<typeof requireUser>[0], forumId: string) => ({
    db: db.db,
    clock,
    user: requireUser(c),
    forumId,
    publicUrl: publicUrlOf(deps),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/ceremony',
      tags,
      summary:
        "The forum's ceremony: its ceremony sessions, each with the agreements signed or handed over, in order",
      request: { params: ForumParam },
      responses: { 200: json(Ceremony, 'The ceremony'), ...readErrors },
    }),
    async (c) => c.json(await getCeremony(db.db, c.req.valid('param').id, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/ceremony/items',
      tags,
      middleware: [signedIn] as const,
      summary: 'Add an agreement of the atlas to a ceremony session (organisers)',
      request: { params: ForumParam, body: jsonBody(CeremonyItemInput) },
      responses: { 201: json(CeremonyItem, 'Added'), ...writeErrors },
    }),
    async (c) => {
      const item = await addItem(ctx(c, c.req.valid('param').id), c.req.valid('json'));
      withEtag(c, item.version);
      return c.json(item, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}/ceremony/items/{itemId}',
      tags,
      middleware: [signedIn] as const,
      summary: "Change an item's kind, session, signatories or note (If-Match: its version)",
      request: { params: ItemParam, body: jsonBody(CeremonyItemUpdate) },
      responses: { 200: json(CeremonyItem, 'Changed'), ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const item = await updateItem(ctx(c, id), itemId, ifMatchVersion(c), c.req.valid('json'));
      withEtag(c, item.version);
      return c.json(item, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/ceremony/items/{itemId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Take an item out of the ceremony (the agreement stays as it is; a done item is undone first)',
      request: { params: ItemParam },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Taken out'), ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      await removeItem(ctx(c, id), itemId, ifMatchVersion(c));
      return c.json({ deleted: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forums/{id}/ceremony/order',
      tags,
      middleware: [signedIn] as const,
      summary: 'Put the items in a new order (every item once)',
      request: { params: ForumParam, body: jsonBody(CeremonyOrder) },
      responses: { 200: json(Ceremony, 'The ceremony in its new order'), ...writeErrors },
    }),
    async (c) => c.json(await reorder(ctx(c, c.req.valid('param').id), c.req.valid('json').ids), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/ceremony/items/{itemId}/done',
      tags,
      middleware: [signedIn] as const,
      summary:
        "Mark an item done: the agreement is in force, signed on the session's date, with the forum among its sources (If-Match)",
      request: { params: ItemParam },
      responses: { 200: json(CeremonyItem, 'Done'), ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const item = await markDone(ctx(c, id), itemId, ifMatchVersion(c));
      withEtag(c, item.version);
      return c.json(item, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/ceremony/items/{itemId}/done',
      tags,
      middleware: [signedIn] as const,
      summary:
        "Undo an item's done mark: the agreement's status, signing date and sources as they were before (If-Match)",
      request: { params: ItemParam },
      responses: { 200: json(CeremonyItem, 'Undone'), ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const item = await undoDone(ctx(c, id), itemId, ifMatchVersion(c));
      withEtag(c, item.version);
      return c.json(item, 200);
    },
  );

  return app;
}
