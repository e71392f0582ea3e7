import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { SECTORS } from '../../domain/sectors.ts';
import type { AppEnv, Deps } from '../../http/context.ts';
import { json, readErrors, withEtag } from '../shared/http.ts';
import { LocalityDetail, OrganizationDetail, Sectors, Stats } from './schemas.ts';
import { atlasStats, getLocalityDetail, getOrganizationDetail } from './service.ts';

/** The pages that gather several features (service.ts); read-only. */
export function atlasRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/localities/{code}',
      tags: ['Localities'],
      summary:
        'One locality with its partners, and summaries of its newest agreements and first organisations (the list endpoints continue them)',
      request: { params: z.object({ code: z.string().min(1).max(100) }) },
      responses: { 200: json(LocalityDetail, 'The locality'), ...readErrors },
    }),
    async (c) => {
      const locality = await getLocalityDetail(db.db, c.req.valid('param').code);
      withEtag(c, locality.version);
      return c.json(locality, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}',
      tags: ['Organizations'],
      summary: 'One organisation with its agreements',
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: json(OrganizationDetail, 'The organisation'), ...readErrors },
    }),
    async (c) => {
      const org = await getOrganizationDetail(db.db, c.req.valid('param').id);
      withEtag(c, org.version);
      return c.json(org, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats',
      tags: ['Atlas'],
      summary: 'Counts and charts of the home page',
      responses: { 200: json(Stats, 'Statistics') },
    }),
    async (c) => c.json(await atlasStats(db.db), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sectors',
      tags: ['Atlas'],
      summary: 'The cooperation-sector taxonomy with vi/ja/en labels',
      responses: { 200: json(Sectors, 'Sectors') },
    }),
    (c) => c.json({ items: SECTORS.map((s) => ({ code: s.code, label: { ...s.label } })) }, 200),
  );

  return app;
}
