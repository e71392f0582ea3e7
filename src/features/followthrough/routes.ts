import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  type AppEnv,
  clockOf,
  type Deps,
  ifMatchVersion,
  requireUser,
  signedIn,
} from '../../http/context.ts';
import { json, jsonBody, readErrors, withEtag, writeErrors } from '../shared/http.ts';
import { annualReportRoutes } from './annual-report-routes.ts';
import { createCycle, listCycles, savePriorityFields } from './cycles.ts';
import { cycleDashboard, projectPage } from './dashboard.ts';
import { addEvidenceFile, serveEvidenceFile } from './documents.ts';
import { dueCalendarRoutes } from './due-calendar-routes.ts';
import { exchangeRoutes } from './exchange-routes.ts';
import { addEvidence, createMilestone, createProject, updateMilestone, updateProject } from './projects.ts';
import { addNote, listNotes, listReports, saveReport } from './reports.ts';
import {
  Cycle,
  CycleInput,
  CycleList,
  CycleRecord,
  EvidenceInput,
  Milestone,
  MilestoneInput,
  Note,
  NoteInput,
  NoteList,
  PeriodQuery,
  PriorityFieldsInput,
  Project,
  ProjectInput,
  ReportInput,
  ReportList,
  SavedReport,
} from './schemas.ts';

const tags = ['Follow-through'];
const IdParam = z.object({ id: z.string().min(1).max(100) });
const Loose = z.record(z.string(), z.unknown());

export function followThroughRoutes(deps: Deps) {
  const { db } = deps;
  const clock = clockOf(deps);
  const today = () => clock.now().toISOString().slice(0, 10);
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles',
      tags,
      summary: 'The follow-through cycles',
      responses: { 200: json(CycleList, 'The cycles, newest first'), ...readErrors },
    }),
    async (c) => c.json(await listCycles(db.db), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cycles',
      tags,
      middleware: [signedIn] as const,
      summary: 'Create a cycle (an admin, or an organiser of the forum it follows)',
      request: { body: jsonBody(CycleInput) },
      responses: { 201: json(CycleRecord, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const cycle = await createCycle(db.db, { input: c.req.valid('json'), user: requireUser(c) });
      return c.json(cycle, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}',
      tags,
      summary:
        'One cycle with its figures (the public dashboard): priority fields by locality, projects by field and status, progress and schedule health with coverage and the rule’s version',
      request: { params: IdParam, query: PeriodQuery },
      responses: { 200: json(Cycle, 'The cycle and its figures'), ...readErrors },
    }),
    async (c) =>
      c.json(
        await cycleDashboard(db.db, {
          id: c.req.valid('param').id,
          period: c.req.valid('query').period,
          today: today(),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/cycles/{id}/priorities/{locality}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Name a locality’s priority fields for the cycle (an editor of the locality); rank by order',
      request: {
        params: z.object({ id: z.string().min(1).max(100), locality: z.string().min(1).max(100) }),
        body: jsonBody(PriorityFieldsInput),
      },
      responses: { 200: json(Loose, 'Saved, with warnings when outside the cycle’s rule'), ...writeErrors },
    }),
    async (c) => {
      const { id, locality } = c.req.valid('param');
      const saved = await savePriorityFields(db.db, {
        cycleId: id,
        locality,
        fields: c.req.valid('json').fields,
        user: requireUser(c),
      });
      return c.json(saved as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/projects',
      tags,
      middleware: [signedIn] as const,
      summary: 'Create a project in the cycle (an editor of one of its parties)',
      request: { params: IdParam, body: jsonBody(ProjectInput) },
      responses: { 201: json(Project, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const p = await createProject(db.db, {
        cycleId: c.req.valid('param').id,
        input: c.req.valid('json'),
        user: requireUser(c),
      });
      withEtag(c, p.version);
      return c.json(await projectPage(db.db, { id: p.id, user: requireUser(c), today: today() }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}',
      tags,
      summary:
        'A project’s page: parties, where it comes from, milestones with evidence, each period’s figure with disputes, reports',
      request: { params: IdParam },
      responses: { 200: json(Project, 'The project'), ...readErrors },
    }),
    async (c) => {
      const p = await projectPage(db.db, {
        id: c.req.valid('param').id,
        user: c.get('user'),
        today: today(),
      });
      withEtag(c, p.version);
      return c.json(p, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/projects/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Replace a project’s fields, parties, origins and contacts (an editor of a party; If-Match)',
      request: { params: IdParam, body: jsonBody(ProjectInput) },
      responses: { 200: json(Project, 'Saved'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = requireUser(c);
      const p = await updateProject(db.db, {
        id: c.req.valid('param').id,
        version: ifMatchVersion(c),
        input,
        user,
      });
      withEtag(c, p.version);
      return c.json(await projectPage(db.db, { id: p.id, user, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/milestones',
      tags,
      middleware: [signedIn] as const,
      summary: 'Add a milestone to a project (an editor of a party)',
      request: { params: IdParam, body: jsonBody(MilestoneInput) },
      responses: { 201: json(Milestone, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const m = await createMilestone(db.db, {
        projectId: c.req.valid('param').id,
        input: c.req.valid('json'),
        user: requireUser(c),
      });
      withEtag(c, m.version);
      return c.json(m, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/milestones/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a milestone: due date, weight, status (cancelled rather than deleted); If-Match',
      request: { params: IdParam, body: jsonBody(MilestoneInput) },
      responses: { 200: json(Milestone, 'Saved'), ...writeErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = requireUser(c);
      const m = await updateMilestone(db.db, {
        id: c.req.valid('param').id,
        version: ifMatchVersion(c),
        input,
        user,
      });
      withEtag(c, m.version);
      return c.json(m, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/milestones/{id}/evidence',
      tags,
      middleware: [signedIn] as const,
      summary: 'Add a link as evidence of a milestone',
      request: { params: IdParam, body: jsonBody(EvidenceInput) },
      responses: { 201: json(Milestone, 'The milestone with its evidence'), ...writeErrors },
    }),
    async (c) => {
      const m = await addEvidence(db.db, {
        milestoneId: c.req.valid('param').id,
        input: c.req.valid('json'),
        user: requireUser(c),
      });
      return c.json(m, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/milestones/{id}/files',
      tags,
      middleware: [signedIn] as const,
      summary: 'Upload a document (PDF) or photo as evidence of a milestone (raw body; ?name= for its name)',
      request: {
        params: IdParam,
        body: {
          required: true,
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      responses: { 201: json(Milestone, 'The milestone with its evidence'), ...writeErrors },
    }),
    async (c) => {
      if (!deps.files) throw new AppError('internal', 'this server keeps no files');
      const m = await addEvidenceFile(db.db, {
        milestoneId: c.req.valid('param').id,
        request: c.req.raw,
        user: requireUser(c),
        store: deps.files,
        clock,
      });
      return c.json(m, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evidence/files/{id}',
      tags,
      summary: 'A document or photo given as evidence (a download, sandboxed)',
      request: { params: IdParam },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } },
        ...readErrors,
      },
    }),
    async (c) => {
      if (!deps.files) throw new AppError('not_found', 'this server keeps no files');
      return serveEvidenceFile(db.db, deps.files, c.req.valid('param').id);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/reports',
      tags,
      summary: 'Every submitted version of the sides’ reports (drafts for their side’s editors only)',
      request: { params: IdParam, query: PeriodQuery },
      responses: { 200: json(ReportList, 'The reports'), ...readErrors },
    }),
    async (c) =>
      c.json(
        await listReports(db.db, {
          projectId: c.req.valid('param').id,
          user: c.get('user'),
          period: c.req.valid('query').period,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/reports',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Save one side’s report for a period (an editor of that side): a draft is replaced until submitted; a correction of a submitted report is a new version',
      request: { params: IdParam, body: jsonBody(ReportInput) },
      responses: {
        201: json(SavedReport, 'Saved, with the period’s joint figure'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const saved = await saveReport(db.db, {
        projectId: c.req.valid('param').id,
        input: c.req.valid('json'),
        user: requireUser(c),
      });
      return c.json(saved, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/notes',
      tags,
      middleware: [signedIn] as const,
      summary: 'The notes between the two sides (the project’s editors)',
      request: { params: IdParam },
      responses: { 200: json(NoteList, 'The notes, oldest first'), ...writeErrors },
    }),
    async (c) =>
      c.json(await listNotes(db.db, { projectId: c.req.valid('param').id, user: requireUser(c) }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/notes',
      tags,
      middleware: [signedIn] as const,
      summary: 'Write a note to the other side (an editor of the side that writes)',
      request: { params: IdParam, body: jsonBody(NoteInput) },
      responses: { 201: json(Note, 'Written'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await addNote(db.db, {
          projectId: c.req.valid('param').id,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        201,
      ),
  );

  app.route('/', exchangeRoutes(deps));
  app.route('/', annualReportRoutes(deps));
  app.route('/', dueCalendarRoutes(deps));
  return app;
}
