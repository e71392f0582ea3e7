import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, type Deps, ifMatchVersion, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { Matches, MatchQuery, Profile, ProfileInput } from './schemas.ts';
import { getProfile, matchesFor, saveProfile } from './service.ts';

const tags = ['Partner matching'];
const IdParam = z.object({ id: z.string().min(1).max(100) });

export function profileRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/profiles/{id}',
      tags,
      summary: 'The partner profile of a locality or organisation: what it offers and needs',
      request: { params: IdParam },
      responses: { 200: json(Profile, 'The profile'), ...readErrors },
    }),
    async (c) => {
      const profile = await getProfile(db.db, c.req.valid('param').id);
      withEtag(c, profile.version);
      return c.json(profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/profiles/{id}',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Create or replace a profile (editor of its locality or organisation; If-Match when replacing)',
      request: { params: IdParam, body: jsonBody(ProfileInput) },
      responses: { 200: json(Profile, 'Saved'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = requireUser(c);
      const version = c.req.header('if-match') ? ifMatchVersion(c) : null;
      const saved = await saveProfile(db.db, { id: c.req.valid('param').id, version, input, user });
      withEtag(c, saved.version);
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/matches',
      tags,
      summary: 'Recommended partners for a profile, best first, each with the reasons that link them',
      request: { query: MatchQuery },
      responses: { 200: json(Matches, 'Ranked partners'), ...readErrors },
    }),
    async (c) => c.json(await matchesFor(db.db, c.req.valid('query')), 200),
  );

  return app;
}
