import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, type Deps, ifMatchVersion, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, listOrCsv, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { pageOf } from '../shared/schemas.ts';
import { localityColumns } from './csv.ts';
import { Locality, LocalityCreate, LocalityQuery, LocalityUpdate } from './schemas.ts';
import { createLocality, listLocalities, updateLocality } from './service.ts';

const tags = ['Localities'];
const CodeParam = z.object({ code: z.string().min(1).max(100) });

export function localityRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/localities',
      tags,
      summary: 'List localities: provinces, prefectures and cities (a former province finds its new unit)',
      request: { query: LocalityQuery },
      responses: { 200: json(pageOf(Locality, 'LocalityPage'), 'A page of localities'), ...readErrors },
    }),
    (c) => {
      const query = c.req.valid('query');
      // The CSV alternative is a plain Response, outside the typed JSON answers.
      return listOrCsv(c, query, (cursor, limit) => listLocalities(db.db, { ...query, cursor, limit }), {
        columns: localityColumns,
        filename: 'localities',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/localities',
      tags,
      middleware: [signedIn] as const,
      summary: 'Add a city or town below a Japanese prefecture',
      request: { body: jsonBody(LocalityCreate) },
      responses: { 201: json(Locality, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const created = await createLocality(db.db, { input, user: requireUser(c) });
      withEtag(c, created.version);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/localities/{code}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a locality (cities by their editors; provinces and prefectures by admins)',
      request: { params: CodeParam, body: jsonBody(LocalityUpdate) },
      responses: { 200: json(Locality, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const user = requireUser(c);
      const version = ifMatchVersion(c);
      const updated = await updateLocality(db.db, { code: c.req.valid('param').code, version, patch, user });
      withEtag(c, updated.version);
      return c.json(updated, 200);
    },
  );

  return app;
}
