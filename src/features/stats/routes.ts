import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { SECTORS } from '../../domain/sectors.ts';
import type { AppEnv, Deps } from '../../http/context.ts';
import { Agreement } from '../agreements/schemas.ts';
import { json } from '../shared/http.ts';
import { atlasStats } from './service.ts';

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

export function statsRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();
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
