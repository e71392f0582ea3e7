/** The annual report's routes: the published versions, publishing a new one, and each version's files. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, clockOf, type Deps, publicUrlOf, requireUser, signedIn } from '../../http/context.ts';
import { json, readErrors, writeErrors } from '../shared/http.ts';
import { annualReportFile, listAnnualReports, publishAnnualReport } from './annual-report.ts';

const tags = ['Follow-through'];
const Lang = z.enum(['vi', 'ja', 'en']);

const AnnualReport = z
  .object({
    id: z.string(),
    number: z.number().int(),
    asOf: z.string(),
    publishedAt: z.string(),
    sha256: z.string(),
    files: z.object({
      pdf: z.record(Lang, z.string().nullable()),
      csv: z.string().nullable(),
      json: z.string().nullable(),
    }),
    job: z
      .object({
        id: z.string(),
        status: z.string(),
        progress: z.number().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'AnnualReport' });

const CycleParam = z.object({ id: z.string().min(1).max(100) });
const FileParam = CycleParam.extend({
  number: z.coerce.number().int().min(1).max(100_000),
  name: z.enum(['report.json', 'report.csv', 'report.vi.pdf', 'report.ja.pdf', 'report.en.pdf']),
});

export function annualReportRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const app = new OpenAPIHono<AppEnv>();
  const base = publicUrlOf(deps).replace(/\/$/, '');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/annual-reports',
      tags,
      summary:
        "The cycle's published annual reports, newest first, each dated, with its PDF per language, CSV and JSON",
      request: { params: CycleParam },
      responses: { 200: json(z.object({ items: z.array(AnnualReport) }), 'The reports'), ...readErrors },
    }),
    async (c) => c.json({ items: await listAnnualReports(db.db, c.req.valid('param').id, base) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/annual-reports',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Publish a new version of the annual report: a frozen, dated snapshot (admins; organisers of the forum the cycle follows). Its PDFs are drawn by a job',
      request: { params: CycleParam },
      responses: { 201: json(AnnualReport, 'Published; `job` shows the PDFs’ progress'), ...writeErrors },
    }),
    async (c) => {
      const r = await publishAnnualReport(db.db, clock, requireUser(c), c.req.valid('param').id);
      const withUrls = (await listAnnualReports(db.db, c.req.valid('param').id, base)).find(
        (x) => x.id === r.id,
      )!;
      return c.json(withUrls, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/annual-reports/{number}/{name}',
      tags,
      summary: 'One file of one version, exactly as published (PDF per language, CSV, JSON)',
      request: { params: FileParam },
      responses: {
        200: {
          description: 'The file',
          content: {
            'application/pdf': { schema: z.string() },
            'text/csv': { schema: z.string() },
            'application/json': { schema: z.string() },
          },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { id, number, name } = c.req.valid('param');
      const f = await annualReportFile(db.db, id, number, name);
      const download = `${id}-annual-report-${number}-${f.asOf}${name.slice('report'.length)}`;
      return c.body(new Uint8Array(f.body), 200, {
        'content-type': f.mediaType,
        'content-disposition': `${name.endsWith('.json') ? 'inline' : 'attachment'}; filename="${download}"`,
        etag: `"${f.sha256}"`,
        'cache-control': 'public, max-age=31536000, immutable',
      }) as never;
    },
  );

  return app;
}
