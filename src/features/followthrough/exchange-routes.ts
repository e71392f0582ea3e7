import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { iatiActivitiesXml } from '../../domain/iati/activities.ts';
import { AppError } from '../../errors.ts';
import { type AppEnv, clockOf, type Deps, requireUser, signedIn } from '../../http/context.ts';
import { json, readErrors, writeErrors } from '../shared/http.ts';
import { exportCsv, iatiProjects, importCsv } from './exchange.ts';
import { ImportResult, PeriodQuery } from './schemas.ts';

const tags = ['Follow-through'];
const IdParam = z.object({ id: z.string().min(1).max(100) });
const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});

/** Kizuna's instance as the publisher of IATI files (its ref starts every iati-identifier). */
const PUBLISHER = {
  ref: 'XM-KIZUNA',
  type: 'other' as const,
  name: { en: 'Kizuna', vi: 'Kizuna', ja: 'Kizuna' },
};

/** The cycle's files: the exchange CSV (both ways) and IATI activity XML 2.03. */
export function exchangeRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const today = () => clock.now().toISOString().slice(0, 10);
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/projects.csv',
      tags,
      summary:
        'Projects and milestones in the exchange format, with the sides’ reports and the published figure of a period (BOM, RFC 4180, inert formula prefixes)',
      request: { params: IdParam, query: PeriodQuery },
      responses: { 200: file('text/csv', 'The exchange CSV'), ...readErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const csv = await exportCsv(db.db, {
        cycleId: id,
        period: c.req.valid('query').period,
        today: today(),
      });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${id}-projects.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/projects.csv',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Import projects and milestones from the exchange CSV (text/csv body): every bad row named, all or nothing; dryRun=true says what would change',
      request: {
        params: IdParam,
        query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: { required: true, content: { 'text/csv': { schema: z.string() } } },
      },
      responses: { 200: json(ImportResult, 'What changed (or would change)'), ...writeErrors },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? ''))
        throw new AppError('request.unsupported_media_type', 'send the file as text/csv');
      const result = await importCsv(db.db, {
        cycleId: c.req.valid('param').id,
        text: await c.req.text(),
        dryRun: c.req.valid('query').dryRun === 'true',
        user,
      });
      return c.json(result as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/iati.xml',
      tags,
      summary: 'The cycle’s projects as IATI activities, version 2.03',
      request: { params: IdParam },
      responses: { 200: file('application/xml', 'IATI activity XML 2.03'), ...readErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const origin = new URL(c.req.url).origin;
      const projects = await iatiProjects(db.db, { cycleId: id, today: today(), baseUrl: origin });
      if (!projects.length) throw new AppError('not_found', `cycle ${id} has no projects to export yet`);
      const xml = iatiActivitiesXml({
        publisher: PUBLISHER,
        generatedAt: clock.now().toISOString(),
        defaultLang: 'en',
        projects,
      });
      return c.body(xml, 200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `inline; filename="${id}-iati.xml"`,
      });
    },
  );

  return app;
}
