/** The organiser's routes: create and edit a forum, its rooms, speakers and sessions; publish a release. */
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
} from '../../../http/context.ts';
import { json, jsonBody, withEtag, writeErrors } from '../../shared/http.ts';
import { Forum } from '../schemas.ts';
import { getForum } from '../service.ts';
import { draftProgramme } from './draft.ts';
import { createForum, updateForum } from './forums.ts';
import { publishAndTell } from './publish.ts';
import { createRoom, deleteRoom, updateRoom } from './rooms.ts';
import {
  DraftProgramme,
  DraftSession,
  ForumCreate,
  ForumUpdate,
  ReleaseInput,
  ReleaseResult,
  Room,
  RoomInput,
  RoomUpdate,
  SessionInput,
  SessionUpdate,
  Speaker,
  SpeakerInput,
  SpeakerUpdate,
} from './schemas.ts';
import { createSession, deleteSession, updateSession } from './sessions.ts';
import { createSpeaker, deleteSpeaker, updateSpeaker } from './speakers.ts';

const tags = ['Forum (organisers)'];
const Id = z.string().min(1).max(120);
const ForumParam = z.object({ id: Id });
const ItemParam = z.object({ id: Id, itemId: Id });
/** The validated input of a route built by the generic `collection` below (its types are the schemas'). */
const valid = (c: unknown, target: 'param' | 'json') =>
  (c as { req: { valid: (t: string) => unknown } }).req.valid(target);
const Deleted = z.object({ deleted: z.literal(true), cancelled: z.boolean().optional() });

/** One route per verb and collection, all behind sign-in and the organiser check of the service. */
export function forumEditingRoutes(deps: Deps) {
  const { db } = deps;
  const app = new OpenAPIHono<AppEnv>();
  const ctx = (c: Parameters<typeof requireUser>[0], forumId: string) => ({
    db: db.db,
    clock: clockOf(deps),
    user: requireUser(c),
    forumId,
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums',
      tags,
      middleware: [signedIn] as const,
      summary: 'Create a forum, as a draft (admins); `organiserIds` names its organisers',
      request: {
        body: jsonBody(
          z.object({ forum: ForumCreate, organiserIds: z.array(z.string().max(100)).max(20).optional() }),
        ),
      },
      responses: { 201: json(Forum, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const user = requireUser(c);
      const { forum, organiserIds } = c.req.valid('json');
      const id = await createForum(db.db, clockOf(deps), {
        input: forum,
        user,
        ...(organiserIds ? { organiserIds } : {}),
      });
      const created = await getForum(db.db, id, user);
      withEtag(c, created.version);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a forum: days, venue, zone, languages, capacity, state (organisers; If-Match)',
      request: { params: ForumParam, body: jsonBody(ForumUpdate) },
      responses: { 200: json(Forum, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const user = requireUser(c);
      const expectedVersion = ifMatchVersion(c);
      await updateForum(db.db, clockOf(deps), { id, input, user, expectedVersion });
      const forum = await getForum(db.db, id, user);
      withEtag(c, forum.version);
      return c.json(forum, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/draft',
      tags,
      middleware: [signedIn] as const,
      summary: 'The programme as it is being written, with every broken rule (organisers)',
      request: { params: ForumParam },
      responses: { 200: json(DraftProgramme, 'The draft'), ...writeErrors },
    }),
    async (c) => c.json(await draftProgramme(ctx(c, c.req.valid('param').id)), 200),
  );

  const collection = <I extends z.ZodType, U extends z.ZodType, O extends z.ZodType>(
    name: 'rooms' | 'speakers' | 'sessions',
    schemas: { input: I; update: U; output: O },
    fns: {
      create: (x: ReturnType<typeof ctx>, input: z.infer<I>) => Promise<z.infer<O>>;
      update: (x: ReturnType<typeof ctx>, id: string, input: z.infer<U>, v: number) => Promise<z.infer<O>>;
      remove: (x: ReturnType<typeof ctx>, id: string, v: number) => Promise<unknown>;
    },
  ) => {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/forums/{id}/${name}`,
        tags,
        middleware: [signedIn] as const,
        summary: `Add to the forum's ${name} (organisers)`,
        request: { params: ForumParam, body: jsonBody(schemas.input) },
        responses: { 201: json(schemas.output, 'Created'), ...writeErrors },
      }),
      async (c) => {
        const { id } = valid(c, 'param') as { id: string };
        const made = (await fns.create(ctx(c, id), valid(c, 'json') as z.infer<I>)) as { version: number };
        withEtag(c, made.version);
        return c.json(made as never, 201);
      },
    );
    app.openapi(
      createRoute({
        method: 'patch',
        path: `/forums/{id}/${name}/{itemId}`,
        tags,
        middleware: [signedIn] as const,
        summary: `Change one of the forum's ${name} (organisers; If-Match)`,
        request: { params: ItemParam, body: jsonBody(schemas.update) },
        responses: { 200: json(schemas.output, 'Updated'), ...writeErrors },
      }),
      async (c) => {
        const { id, itemId } = valid(c, 'param') as { id: string; itemId: string };
        const x = ctx(c, id);
        const v = ifMatchVersion(c);
        const made = (await fns.update(x, itemId, valid(c, 'json') as z.infer<U>, v)) as { version: number };
        withEtag(c, made.version);
        return c.json(made as never, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: `/forums/{id}/${name}/{itemId}`,
        tags,
        middleware: [signedIn] as const,
        summary: `Remove one of the forum's ${name} (organisers; If-Match)`,
        request: { params: ItemParam },
        responses: { 200: json(Deleted, 'Removed'), ...writeErrors },
      }),
      async (c) => {
        const { id, itemId } = valid(c, 'param') as { id: string; itemId: string };
        const x = ctx(c, id);
        const out = (await fns.remove(x, itemId, ifMatchVersion(c))) as { cancelled?: boolean } | undefined;
        return c.json(
          { deleted: true as const, ...(out?.cancelled !== undefined ? { cancelled: out.cancelled } : {}) },
          200,
        );
      },
    );
  };

  collection(
    'rooms',
    { input: RoomInput, update: RoomUpdate, output: Room },
    {
      create: createRoom,
      update: updateRoom,
      remove: deleteRoom,
    },
  );
  collection(
    'speakers',
    { input: SpeakerInput, update: SpeakerUpdate, output: Speaker },
    {
      create: createSpeaker,
      update: updateSpeaker,
      remove: deleteSpeaker,
    },
  );
  collection(
    'sessions',
    { input: SessionInput, update: SessionUpdate, output: DraftSession },
    {
      create: createSession,
      update: updateSession,
      remove: deleteSession,
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/releases',
      tags,
      middleware: [signedIn] as const,
      summary: 'Publish the programme as the next release; the people whose agenda changed are told by mail',
      request: { params: ForumParam, body: jsonBody(ReleaseInput) },
      responses: { 201: json(ReleaseResult, 'Published'), ...writeErrors },
    }),
    async (c) => {
      const x = ctx(c, c.req.valid('param').id);
      return c.json(
        await publishAndTell({ ...x, publicUrl: publicUrlOf(deps) }, c.req.valid('json').note ?? {}),
        201,
      );
    },
  );

  return app;
}
