import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { SECTORS } from '../../domain/sectors.ts';
import type { AppEnv, Deps } from '../../http/context.ts';
import { Agreement, AgreementSummary } from '../agreements/schemas.ts';
import { Locality, LocalitySummary } from '../localities/schemas.ts';
import { Organization, OrganizationSummary } from '../organizations/schemas.ts';
import { json, readErrors, withEtag } from '../shared/http.ts';
import { atlasStats, DETAIL_ITEMS, getLocalityDetail, getOrganizationDetail } from './service.ts';

const nextCursor = (list: string) =>
  z
    .string()
    .nullable()
    .describe(`continues the list with GET ${list}?locality={code}&cursor=…; null when all are here`);
const LocalityDetail = Locality.extend({
  parent: LocalitySummary.nullable(),
  children: z.array(LocalitySummary),
  partners: z.array(z.object({ locality: LocalitySummary, agreements: z.number().int() })),
  agreements: z.array(AgreementSummary).describe(`the newest agreements (up to ${DETAIL_ITEMS})`),
  agreementsTotal: z.number().int(),
  agreementsNextCursor: nextCursor('/api/agreements'),
  organizations: z
    .array(OrganizationSummary)
    .describe(`the first organisations by name (up to ${DETAIL_ITEMS})`),
  organizationsTotal: z.number().int(),
  organizationsNextCursor: nextCursor('/api/organizations'),
}).meta({ id: 'LocalityDetail' });

const OrganizationDetail = Organization.extend({ agreements: z.array(Agreement) }).meta({
  id: 'OrganizationDetail',
});

const Stats = z
  .object({
    agreements: z.number().int(),
    localities: z.number().int(),
    organizations: z.number().int(),
    byField: z.array(z.object({ code: z.string(), count: z.number().int() })),
    byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
    recent: z.array(Agreement),
  })
  .meta({ id: 'Stats' });

const Sectors = z
  .object({
    items: z.array(
      z.object({ code: z.string(), label: z.object({ vi: z.string(), ja: z.string(), en: z.string() }) }),
    ),
  })
  .meta({ id: 'Sectors' });

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
