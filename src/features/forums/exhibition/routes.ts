/** The exhibition: floor plan, booths and their exhibitors, products and photos, badges, check-in. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  type AppEnv,
  clockOf,
  type Deps,
  ifMatchVersion,
  requireUser,
  signedIn,
} from '../../../http/context.ts';
import { json, jsonBody, readErrors, withEtag, writeErrors } from '../../shared/http.ts';
import { badgesFile, renewBadge } from './badges.ts';
import { checkIn } from './checkin.ts';
import { assignBooth, createBooth, createHall, deleteBooth, deleteHall, updateBooth } from './floor.ts';
import { addPhoto, needStore, removePhoto, servePhoto } from './photos.ts';
import { createProduct, deleteProduct, listProducts, updateProduct } from './products.ts';
import { exhibition } from './read.ts';
import {
  BadgeQuery,
  Booth,
  BoothAssignment,
  BoothInput,
  BoothUpdate,
  Checkin,
  CheckinInput,
  Exhibition,
  Hall,
  HallInput,
  Product,
  ProductInput,
  ProductUpdate,
} from './schemas.ts';

const tags = ['Forum exhibition'];
const Id = z.string().min(1).max(160);
const ForumParam = z.object({ id: Id });
const HallParam = z.object({ id: Id, hallId: Id });
const BoothParam = z.object({ id: Id, boothId: Id });
const DelegationParam = z.object({ id: Id, delegationId: Id });
const ProductParam = z.object({ id: Id, productId: Id });
const PhotoParam = z.object({ id: Id, productId: Id, fileId: Id });
const FileParam = z.object({ id: Id, fileId: Id });
const Deleted = json(z.object({ deleted: z.literal(true) }), 'Deleted');
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
});

export function exhibitionRoutes(deps: Deps) {
  const { db } = deps;
  const app = new OpenAPIHono<AppEnv>();
  const clock = clockOf(deps);
  const ctx = (c: Parameters<typeof requireUser>[0], forumId: string) => ({
    db: db.db,
    clock,
    user: requireUser(c),
    forumId,
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/exhibition',
      tags,
      summary: 'The floor plan (halls, booths) and the exhibitors with their products and photos',
      request: { params: ForumParam },
      responses: { 200: json(Exhibition, 'The exhibition'), ...readErrors },
    }),
    async (c) => c.json(await exhibition(db.db, c.req.valid('param').id, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/exhibition/halls',
      tags,
      middleware: [signedIn] as const,
      summary: 'Add a hall: a grid of columns × rows cells (organisers)',
      request: { params: ForumParam, body: jsonBody(HallInput) },
      responses: { 201: json(Hall, 'Added'), ...writeErrors },
    }),
    async (c) => c.json(await createHall(ctx(c, c.req.valid('param').id), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/exhibition/halls/{hallId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a hall that holds no booth (organisers)',
      request: { params: HallParam },
      responses: { 200: Deleted, ...writeErrors },
    }),
    async (c) => {
      const { id, hallId } = c.req.valid('param');
      await deleteHall(ctx(c, id), hallId);
      return c.json({ deleted: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/exhibition/booths',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Place a booth on a hall’s grid: inside it, overlapping no other, its code unique (organisers)',
      request: { params: ForumParam, body: jsonBody(BoothInput) },
      responses: { 201: json(Booth, 'Placed'), ...writeErrors },
    }),
    async (c) => {
      const b = await createBooth(ctx(c, c.req.valid('param').id), c.req.valid('json'));
      withEtag(c, b.version);
      return c.json(b, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}/exhibition/booths/{boothId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Move, resize or rename a booth (organisers; If-Match)',
      request: { params: BoothParam, body: jsonBody(BoothUpdate) },
      responses: { 200: json(Booth, 'Changed'), ...writeErrors },
    }),
    async (c) => {
      const { id, boothId } = c.req.valid('param');
      const b = await updateBooth(ctx(c, id), boothId, c.req.valid('json'), ifMatchVersion(c));
      withEtag(c, b.version);
      return c.json(b, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/exhibition/booths/{boothId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a booth (organisers; If-Match)',
      request: { params: BoothParam },
      responses: { 200: Deleted, ...writeErrors },
    }),
    async (c) => {
      const { id, boothId } = c.req.valid('param');
      await deleteBooth(ctx(c, id), boothId, ifMatchVersion(c));
      return c.json({ deleted: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forums/{id}/exhibition/booths/{boothId}/exhibitor',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Give the booth to a delegation, or free it (organisers; If-Match). One booth per delegation unless `additional`',
      request: { params: BoothParam, body: jsonBody(BoothAssignment) },
      responses: { 200: json(Booth, 'Assigned'), ...writeErrors },
    }),
    async (c) => {
      const { id, boothId } = c.req.valid('param');
      const b = await assignBooth(ctx(c, id), boothId, c.req.valid('json'), ifMatchVersion(c));
      withEtag(c, b.version);
      return c.json(b, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/delegations/{delegationId}/products',
      tags,
      middleware: [signedIn] as const,
      summary: 'The products a delegation presents (its head and the organisers)',
      request: { params: DelegationParam },
      responses: { 200: json(z.object({ items: z.array(Product) }), 'Products'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      return c.json(await listProducts({ db: db.db, user: requireUser(c), forumId: id }, delegationId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/delegations/{delegationId}/products',
      tags,
      middleware: [signedIn] as const,
      summary: 'Present a product (its head or the organisers)',
      request: { params: DelegationParam, body: jsonBody(ProductInput) },
      responses: { 201: json(Product, 'Added'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      const p = await createProduct(ctx(c, id), delegationId, c.req.valid('json'));
      withEtag(c, p.version);
      return c.json(p, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}/exhibition/products/{productId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a product (If-Match)',
      request: { params: ProductParam, body: jsonBody(ProductUpdate) },
      responses: { 200: json(Product, 'Changed'), ...writeErrors },
    }),
    async (c) => {
      const { id, productId } = c.req.valid('param');
      const p = await updateProduct(ctx(c, id), productId, c.req.valid('json'), ifMatchVersion(c));
      withEtag(c, p.version);
      return c.json(p, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/exhibition/products/{productId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a product and its photos (If-Match)',
      request: { params: ProductParam },
      responses: { 200: Deleted, ...writeErrors },
    }),
    async (c) => {
      const { id, productId } = c.req.valid('param');
      await deleteProduct(ctx(c, id), deps.files, productId, ifMatchVersion(c));
      return c.json({ deleted: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/exhibition/products/{productId}/files',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Add a photo: the image is the raw body (JPEG, PNG or WebP, decided by its bytes), re-encoded without its metadata, with a thumbnail',
      request: { params: ProductParam },
      responses: {
        201: json(
          z.object({
            id: z.string(),
            mime: z.string(),
            width: z.number().nullable(),
            height: z.number().nullable(),
            size: z.number(),
          }),
          'Stored',
        ),
        ...writeErrors,
        413: json(z.object({}), 'Too large'),
        415: json(z.object({}), 'Not a JPEG, PNG or WebP image'),
      },
    }),
    async (c) => {
      const { id, productId } = c.req.valid('param');
      const out = await addPhoto({ ...ctx(c, id), store: needStore(deps.files) }, productId, c.req.raw);
      return c.json(out, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/exhibition/products/{productId}/photos/{fileId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a photo of a product',
      request: { params: PhotoParam },
      responses: { 200: Deleted, ...writeErrors },
    }),
    async (c) => {
      const { id, productId, fileId } = c.req.valid('param');
      await removePhoto({ ...ctx(c, id), store: needStore(deps.files) }, productId, fileId);
      return c.json({ deleted: true as const }, 200);
    },
  );

  for (const variant of ['original', 'thumb'] as const)
    app.openapi(
      createRoute({
        method: 'get',
        path: `/forums/{id}/exhibition/photos/{fileId}${variant === 'thumb' ? '/thumb' : ''}`,
        tags,
        summary: variant === 'thumb' ? 'A product photo’s thumbnail (WebP, 320 px)' : 'A product photo',
        request: { params: FileParam },
        responses: { 200: binary('image/*', 'The image'), ...readErrors },
      }),
      async (c) => {
        const { id, fileId } = c.req.valid('param');
        return servePhoto(db.db, needStore(deps.files), id, fileId, variant, c.get('user')) as never;
      },
    );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/badges.pdf',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Badges (A6, QR code) of one person, a delegation or the whole forum, in one PDF (organisers; a head for its delegation)',
      request: { params: ForumParam, query: BadgeQuery },
      responses: { 200: binary('application/pdf', 'PDF'), ...writeErrors },
    }),
    async (c) => {
      const { bytes, filename } = await badgesFile(
        db.db,
        clock,
        requireUser(c),
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${filename}"`,
        'cache-control': 'private, no-store',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/people/{personId}/badge',
      tags,
      middleware: [signedIn] as const,
      summary: 'A new badge code for a person (a lost badge): the old code stops working',
      request: { params: z.object({ id: Id, personId: Id }) },
      responses: {
        201: json(z.object({ personId: z.string(), code: z.string() }), 'Renewed'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      c.header('cache-control', 'private, no-store');
      return c.json(await renewBadge(db.db, clock, requireUser(c), id, personId), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/checkins',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Check a person in by the code of their badge (scanned or typed); again answers when they came (organisers)',
      request: { params: ForumParam, body: jsonBody(CheckinInput) },
      responses: { 200: json(Checkin, 'Checked in'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await checkIn(db.db, clock, requireUser(c), c.req.valid('param').id, c.req.valid('json').code),
        200,
      ),
  );

  return app;
}
