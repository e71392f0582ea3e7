import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, type Deps, ifMatchVersion, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, listOrCsv, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { pageOf } from '../shared/schemas.ts';
import { organizationColumns } from './csv.ts';
import { Organization, OrganizationCreate, OrganizationQuery, OrganizationUpdate } from './schemas.ts';
import { createOrganization, deleteOrganization, listOrganizations, updateOrganization } from './service.ts';

const tags = ['Organizations'];
const IdParam = z.object({ id: z.string().min(1).max(100) });

export function organizationRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      tags,
      summary: 'List organisations (filters, search, CSV with format=csv)',
      request: { query: OrganizationQuery },
      responses: {
        200: json(pageOf(Organization, 'OrganizationPage'), 'A page of organisations'),
        ...readErrors,
      },
    }),
    (c) => {
      const query = c.req.valid('query');
      // The CSV alternative is a plain Response, outside the typed JSON answers.
      return listOrCsv(c, query, (cursor, limit) => listOrganizations(db.db, { ...query, cursor, limit }), {
        columns: organizationColumns,
        filename: 'organizations',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organizations',
      tags,
      middleware: [signedIn] as const,
      summary: 'Create an organisation (editor of its locality, or admin)',
      request: { body: jsonBody(OrganizationCreate) },
      responses: { 201: json(Organization, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = requireUser(c);
      const created = await createOrganization(db.db, { input, user });
      withEtag(c, created.version);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/organizations/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change an organisation (If-Match required)',
      request: { params: IdParam, body: jsonBody(OrganizationUpdate) },
      responses: { 200: json(Organization, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const user = requireUser(c);
      const version = ifMatchVersion(c);
      const updated = await updateOrganization(db.db, { id: c.req.valid('param').id, version, patch, user });
      withEtag(c, updated.version);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/organizations/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Delete an organisation that is no party to any agreement',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      const user = requireUser(c);
      const version = ifMatchVersion(c);
      await deleteOrganization(db.db, { id: c.req.valid('param').id, version, user });
      return c.body(null, 204);
    },
  );

  return app;
}
