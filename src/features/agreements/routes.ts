import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, type Deps, ifMatchVersion, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, listOrCsv, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { pageOf } from '../shared/schemas.ts';
import { agreementColumns } from './csv.ts';
import { Agreement, AgreementCreate, AgreementDetail, AgreementQuery, AgreementUpdate } from './schemas.ts';
import {
  createAgreement,
  deleteAgreement,
  getAgreementDetail,
  listAgreements,
  updateAgreement,
} from './service.ts';

const tags = ['Agreements'];
const IdParam = z.object({ id: z.string().min(1).max(100) });

export function agreementRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/agreements',
      tags,
      summary: 'List agreements (filters, search in any language, CSV with format=csv)',
      request: { query: AgreementQuery },
      responses: { 200: json(pageOf(Agreement, 'AgreementPage'), 'A page of agreements'), ...readErrors },
    }),
    (c) => {
      const query = c.req.valid('query');
      // The CSV alternative is a plain Response, outside the typed JSON answers.
      return listOrCsv(c, query, (cursor, limit) => listAgreements(db.db, { ...query, cursor, limit }), {
        columns: agreementColumns,
        filename: 'agreements',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/agreements/{id}',
      tags,
      summary: 'One agreement, with what it renews and what renewed it',
      request: { params: IdParam },
      responses: { 200: json(AgreementDetail, 'The agreement'), ...readErrors },
    }),
    async (c) => {
      const agreement = await getAgreementDetail(db.db, c.req.valid('param').id);
      withEtag(c, agreement.version);
      return c.json(agreement, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/agreements',
      tags,
      middleware: [signedIn] as const,
      summary: 'Create an agreement (editor of one of its parties, or admin)',
      request: { body: jsonBody(AgreementCreate) },
      responses: { 201: json(Agreement, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = requireUser(c);
      const created = await createAgreement(db.db, { input, user });
      withEtag(c, created.version);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/agreements/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change an agreement (If-Match required)',
      request: { params: IdParam, body: jsonBody(AgreementUpdate) },
      responses: { 200: json(Agreement, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const user = requireUser(c);
      const version = ifMatchVersion(c);
      const updated = await updateAgreement(db.db, { id: c.req.valid('param').id, version, patch, user });
      withEtag(c, updated.version);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/agreements/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Delete an agreement (If-Match required)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      const user = requireUser(c);
      const version = ifMatchVersion(c);
      await deleteAgreement(db.db, { id: c.req.valid('param').id, version, user });
      return c.body(null, 204);
    },
  );

  return app;
}
