/** Bilateral meetings at a forum: partners and requests, setup, runs, the schedule, outcomes. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type AppEnv, clockOf, type Deps, publicUrlOf, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, writeErrors } from '../shared/http.ts';
import { listOutcomes, outcomesCsv, recordOutcome } from './outcomes.ts';
import {
  answerRequest,
  cancelRequest,
  getRequest,
  listRequests,
  partnersFor,
  requestMeeting,
  updateRequestByOrganiser,
} from './requests.ts';
import { cancelRun, currentProblem, getRun, runFiles, startRun } from './runs.ts';
import { delegationMeetings, lockMeeting, moveMeeting, publishSchedule, readSchedule } from './schedule.ts';
import {
  AnswerInput,
  BlockInput,
  InterpreterInput,
  LockInput,
  MeetingRequest,
  MoveInput,
  OutcomeInput,
  PartnersQuery,
  PresenceInput,
  RequestInput,
  RequestOrganiserUpdate,
  RunInput,
  ScheduleView,
  Settings,
} from './schemas.ts';
import {
  addInterpreter,
  deleteBlock,
  deleteInterpreter,
  listBlocks,
  listInterpreters,
  readSettings,
  saveBlock,
  saveSettings,
  setPresence,
} from './setup.ts';

const tags = ['Forum meetings'];
const Id = z.string().min(1).max(160);
const Forum = z.object({ id: Id });
const WithDelegation = z.object({ id: Id, delegationId: Id });
const WithRequest = z.object({ id: Id, requestId: Id });
const WithRun = z.object({ id: Id, runId: Id });
const WithItem = z.object({ id: Id, itemId: Id });
const Any = z.record(z.string(), z.unknown());
const ok = (description: string) => ({ 200: json(Any, description), ...writeErrors });
const file = (type: string) => ({
  200: { description: 'File', content: { [type]: { schema: z.string() } } },
  ...writeErrors,
});
const M = '/forums/{id}/meetings';

export function meetingRoutes(deps: Deps) {
  const { db: d } = deps;
  const db = d.db;
  const app = new OpenAPIHono<AppEnv>();
  const clock = clockOf(deps);
  const publicUrl = publicUrlOf(deps);

  // --- partners and requests (heads; organisers) ---
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/delegations/{delegationId}/partners',
      tags,
      middleware: [signedIn] as const,
      summary: 'Registered delegations ranked by the partner matcher, with its reasons (the head)',
      request: { params: WithDelegation, query: PartnersQuery },
      responses: ok('Partners'),
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      return c.json(await partnersFor(db, requireUser(c), id, delegationId, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/requests`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Meeting requests: organisers all, a head those of its delegation',
      request: { params: Forum, query: z.object({ delegationId: Id.optional() }) },
      responses: { 200: json(z.object({ items: z.array(MeetingRequest) }), 'Requests'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await listRequests(db, requireUser(c), c.req.valid('param').id, c.req.valid('query').delegationId),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/requests`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Ask another delegation to meet (its head is mailed)',
      request: { params: Forum, body: jsonBody(RequestInput) },
      responses: { 201: json(MeetingRequest, 'Sent'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await requestMeeting(db, clock, {
          forumId: c.req.valid('param').id,
          input: c.req.valid('json'),
          user: requireUser(c),
          publicUrl,
        }),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/requests/{requestId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'One request (both heads, organisers)',
      request: { params: WithRequest },
      responses: { 200: json(MeetingRequest, 'Request'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await getRequest(db, requireUser(c), c.req.valid('param').id, c.req.valid('param').requestId),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/requests/{requestId}/answer`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Accept or decline (with a reason) a request received',
      request: { params: WithRequest, body: jsonBody(AnswerInput) },
      responses: { 200: json(MeetingRequest, 'Answered'), ...writeErrors },
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(
        await answerRequest(db, clock, {
          forumId: id,
          id: requestId,
          input: c.req.valid('json'),
          user: requireUser(c),
          publicUrl,
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/requests/{requestId}/cancel`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Cancel a pending or accepted request (either side, organisers)',
      request: { params: WithRequest },
      responses: { 200: json(MeetingRequest, 'Cancelled'), ...writeErrors },
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(
        await cancelRequest(db, clock, { forumId: id, id: requestId, user: requireUser(c) }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: `${M}/requests/{requestId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Organisers: the meeting must take place; its fixed slot',
      request: { params: WithRequest, body: jsonBody(RequestOrganiserUpdate) },
      responses: { 200: json(MeetingRequest, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(
        await updateRequestByOrganiser(db, {
          forumId: id,
          id: requestId,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/forums/{id}/delegations/{delegationId}/presence',
      tags,
      middleware: [signedIn] as const,
      summary: 'When the delegation arrives and leaves (its head, organisers)',
      request: { params: WithDelegation, body: jsonBody(PresenceInput) },
      responses: ok('Presence'),
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      return c.json(
        await setPresence(db, clock, {
          forumId: id,
          delegationId,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/delegations/{delegationId}/meetings',
      tags,
      middleware: [signedIn] as const,
      summary: "The delegation's published meetings",
      request: { params: WithDelegation },
      responses: ok('Meetings'),
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      return c.json(await delegationMeetings(db, requireUser(c), id, delegationId), 200);
    },
  );

  // --- the organiser's setup ---
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/settings`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Meeting settings (organisers)',
      request: { params: Forum },
      responses: { 200: json(Settings, 'Settings'), ...writeErrors },
    }),
    async (c) => c.json(await readSettings(db, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${M}/settings`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Request limit, countries, meetings per delegation, seed and time limit of runs',
      request: { params: Forum, body: jsonBody(Settings) },
      responses: { 200: json(Settings, 'Saved'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await saveSettings(db, clock, {
          forumId: c.req.valid('param').id,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/blocks`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Meeting blocks',
      request: { params: Forum },
      responses: ok('Blocks'),
    }),
    async (c) => c.json(await listBlocks(db, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/blocks`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Add a block of slots (start, slot length, number of slots, tables)',
      request: { params: Forum, body: jsonBody(BlockInput) },
      responses: { 201: json(Any, 'Added'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await saveBlock(db, clock, {
          forumId: c.req.valid('param').id,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${M}/blocks/{itemId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a block (a table lost: fewer tables)',
      request: { params: WithItem, body: jsonBody(BlockInput) },
      responses: ok('Changed'),
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await saveBlock(db, clock, {
          forumId: id,
          blockId: itemId,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${M}/blocks/{itemId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a block',
      request: { params: WithItem },
      responses: { 204: { description: 'Removed' }, ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      await deleteBlock(db, { forumId: id, blockId: itemId, user: requireUser(c) });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/interpreters`,
      tags,
      middleware: [signedIn] as const,
      summary: 'The interpreters’ pool',
      request: { params: Forum },
      responses: ok('Interpreters'),
    }),
    async (c) => c.json(await listInterpreters(db, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/interpreters`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Add an interpreter (languages, when not available)',
      request: { params: Forum, body: jsonBody(InterpreterInput) },
      responses: { 201: json(Any, 'Added'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await addInterpreter(db, clock, {
          forumId: c.req.valid('param').id,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${M}/interpreters/{itemId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove an interpreter',
      request: { params: WithItem },
      responses: { 204: { description: 'Removed' }, ...writeErrors },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      await deleteInterpreter(db, { forumId: id, id: itemId, user: requireUser(c) });
      return c.body(null, 204);
    },
  );

  // --- the problem and runs ---
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/problem.json`,
      tags,
      middleware: [signedIn] as const,
      summary: 'The scheduling problem the records give now (kizuna.schedule-problem/1)',
      request: { params: Forum },
      responses: file('application/json'),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      return c.body(`${JSON.stringify(await currentProblem(db, requireUser(c), id), null, 2)}\n`, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${id}-problem.json"`,
      }) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/runs`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Run the scheduler as a background job',
      request: { params: Forum, body: jsonBody(RunInput) },
      responses: { 202: json(Any, 'Started'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await startRun(db, clock, {
          forumId: c.req.valid('param').id,
          user: requireUser(c),
          ...c.req.valid('json'),
          repair: false,
        }),
        202,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/repairs`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Repair the published schedule after a change, moving as few meetings as possible',
      request: { params: Forum, body: jsonBody(RunInput) },
      responses: { 202: json(Any, 'Started'), ...writeErrors },
    }),
    async (c) =>
      c.json(
        await startRun(db, clock, {
          forumId: c.req.valid('param').id,
          user: requireUser(c),
          ...c.req.valid('json'),
          repair: true,
        }),
        202,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/runs/{runId}`,
      tags,
      middleware: [signedIn] as const,
      summary: 'A run: its job’s progress, and once done how good the schedule is',
      request: { params: WithRun },
      responses: ok('Run'),
    }),
    async (c) => {
      const { id, runId } = c.req.valid('param');
      c.header('cache-control', 'no-store');
      return c.json(await getRun(db, requireUser(c), id, runId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/runs/{runId}/cancel`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Cancel a run',
      request: { params: WithRun },
      responses: ok('Cancelled'),
    }),
    async (c) => {
      const { id, runId } = c.req.valid('param');
      return c.json(await cancelRun(db, clock, requireUser(c), id, runId), 200);
    },
  );
  for (const which of ['problem', 'schedule'] as const)
    app.openapi(
      createRoute({
        method: 'get',
        path: `${M}/runs/{runId}/${which}.json`,
        tags,
        middleware: [signedIn] as const,
        summary: `The run's ${which} file`,
        request: { params: WithRun },
        responses: file('application/json'),
      }),
      async (c) => {
        const { id, runId } = c.req.valid('param');
        const files = await runFiles(db, requireUser(c), id, runId);
        const body = files[which];
        if (body === null)
          return c.json(
            { type: 'about:blank', title: 'not finished', status: 404, code: 'not_found' },
            404,
          ) as never;
        return c.body(`${JSON.stringify(JSON.parse(body), null, 2)}\n`, 200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${runId}-${which}.json"`,
        }) as never;
      },
    );

  // --- review and publish ---
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/schedule`,
      tags,
      middleware: [signedIn] as const,
      summary: 'The working or published schedule by slot, table, delegation or interpreter',
      request: {
        params: Forum,
        query: z.object({
          stage: z.enum(['draft', 'published']).default('draft'),
          view: ScheduleView.default('slot'),
        }),
      },
      responses: ok('Schedule'),
    }),
    async (c) => {
      const { stage, view } = c.req.valid('query');
      return c.json(await readSchedule(db, requireUser(c), c.req.valid('param').id, stage, view), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/schedule/moves`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Move a meeting by hand (every rule checked; refused with the reasons)',
      request: { params: Forum, body: jsonBody(MoveInput) },
      responses: ok('Moved'),
    }),
    async (c) =>
      c.json(
        {
          assignment: await moveMeeting(db, clock, {
            forumId: c.req.valid('param').id,
            user: requireUser(c),
            move: c.req.valid('json'),
          }),
        },
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/schedule/locks`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Lock a meeting where it is (a new run keeps it), or unlock it',
      request: { params: Forum, body: jsonBody(LockInput) },
      responses: ok('Locked'),
    }),
    async (c) =>
      c.json(
        await lockMeeting(db, clock, {
          forumId: c.req.valid('param').id,
          user: requireUser(c),
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${M}/schedule/publish`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Publish the working schedule once the checker passes; tells the delegations concerned',
      request: { params: Forum },
      responses: ok('Published'),
    }),
    async (c) =>
      c.json(
        await publishSchedule(db, clock, {
          forumId: c.req.valid('param').id,
          user: requireUser(c),
          publicUrl,
        }),
        200,
      ),
  );

  // --- outcomes ---
  app.openapi(
    createRoute({
      method: 'put',
      path: `${M}/{requestId}/outcome`,
      tags,
      middleware: [signedIn] as const,
      summary: "One side's outcome of a meeting",
      request: { params: WithRequest, body: jsonBody(OutcomeInput) },
      responses: ok('Recorded'),
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(
        await recordOutcome(db, clock, {
          forumId: id,
          requestId,
          input: c.req.valid('json'),
          user: requireUser(c),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/outcomes`,
      tags,
      middleware: [signedIn] as const,
      summary: "Both sides' outcomes of every meeting (organisers)",
      request: { params: Forum },
      responses: ok('Outcomes'),
    }),
    async (c) => c.json(await listOutcomes(db, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${M}/outcomes.csv`,
      tags,
      middleware: [signedIn] as const,
      summary: 'Outcomes as CSV (organisers)',
      request: { params: Forum },
      responses: file('text/csv'),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      return c.body(await outcomesCsv(db, requireUser(c), id), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${id}-meeting-outcomes.csv"`,
      }) as never;
    },
  );
  return app;
}
