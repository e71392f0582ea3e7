/**
 * Scheduler runs as background jobs. Starting one freezes the problem built from the records
 * (the file the organiser can download and give to `kizuna schedule`), and enqueues the job in
 * the same transaction. The job solves it in a worker thread with the run's seed (the same
 * schedule on SQLite and PostgreSQL) and writes the result to the working schedule; the
 * published schedule is never touched by a run, so a server killed during one leaves it as it
 * was (the job is retried on another server once its lease runs out, or fails).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import type { KeptSchedule, Problem, Schedule } from '../../domain/scheduling/types.ts';
import { validateProblem } from '../../domain/scheduling/validate.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { cancelJob, enqueue, getJob } from '../../platform/jobs/queue.ts';
import { runInWorker } from '../../platform/jobs/worker.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../audit/service.ts';
import { parseJson } from '../shared/json.ts';
import { forumToEdit } from './access.ts';
import { loadProblem } from './problem.ts';
import { type RunRow, runsRepo, schedulesRepo } from './repository.ts';
import { settingsOf } from './requests.ts';
import type { SolveInput } from './solve-worker.ts';

type Q = Kysely<Database>;

const RunPayload = z.object({ runId: z.string().min(1) });

/** How good a schedule is, in the words the page shows: "optimal" or "holds x% of what is possible". */
export function quality(s: Schedule): { label: 'optimal' | 'partial' | 'unknown'; percent: number | null } {
  if (s.status === 'optimal') return { label: 'optimal', percent: 100 };
  const bound = s.bound?.weight;
  if (!bound)
    return { label: s.objective.weight === 0 && bound === 0 ? 'optimal' : 'unknown', percent: null };
  return { label: 'partial', percent: Math.floor((s.objective.weight / bound) * 1000) / 10 };
}

const summaryOf = (s: Schedule) => ({
  status: s.status,
  quality: quality(s),
  meetings: s.objective.meetings,
  weight: s.objective.weight,
  bound: s.bound?.weight ?? null,
  unscheduled: s.unscheduled.length,
  moved: s.moved?.length ?? 0,
});

/** The job: solve the run's frozen problem and make the result the working schedule. */
export const meetingsScheduleJob = defineJob({
  kind: 'meetings.schedule',
  payload: RunPayload,
  maxAttempts: 3,
  run: async ({ runId }, ctx) => {
    const run = await runsRepo.byId(ctx.db, runId);
    if (!run) return { skipped: 'no such run' };
    // A repeated attempt after a crash between writing the result and finishing the job: done.
    if (run.result) return summaryOf(JSON.parse(run.result) as Schedule);
    const input: SolveInput = {
      problem: JSON.parse(run.problem) as Problem,
      seed: run.seed,
      timeLimitS: run.time_limit_s,
      ...(run.keep ? { keep: JSON.parse(run.keep) as KeptSchedule } : {}),
    };
    await ctx.progress(0, JSON.stringify({ weight: 0, bound: null, breaks: 0 }));
    const schedule = await runInWorker<SolveInput, Schedule>(
      new URL('./solve-worker.ts', import.meta.url),
      input,
      {
        signal: ctx.signal,
        onProgress: (f, note) => void ctx.progress(f, note).catch(() => {}),
      },
    );
    const now = isoNow(ctx.clock);
    await ctx.db.transaction().execute(async (tx) => {
      await runsRepo.finish(tx, run.id, JSON.stringify(schedule), now);
      // The result becomes the working schedule only if no later run was started meanwhile.
      const latest = await runsRepo.latest(tx, run.forum_id);
      if (latest?.id !== run.id) return;
      const draft = await schedulesRepo.get(tx, run.forum_id, 'draft');
      const meetings = new Set(schedule.assignments.map((a) => a.meeting));
      const locked = parseJson(draft?.locked ?? null, [] as string[]).filter((m) => meetings.has(m));
      await schedulesRepo.put(tx, {
        forum_id: run.forum_id,
        stage: 'draft',
        run_id: run.id,
        assignments: JSON.stringify(schedule.assignments),
        locked: JSON.stringify(locked),
        updated_at: now,
        published_at: null,
      });
      await recordChange(tx, {
        scopes: [forumScope(run.forum_id)],
        audit: {
          actor: null,
          action: 'update',
          entityType: 'meeting',
          entityId: `${run.forum_id}/schedule`,
          before: null,
          after: { run: run.id, ...summaryOf(schedule) },
        },
      });
    });
    await ctx.progress(
      1,
      JSON.stringify({
        weight: schedule.objective.weight,
        bound: schedule.bound?.weight ?? null,
        breaks: schedule.objective.breaks,
      }),
    );
    return summaryOf(schedule);
  },
});

/** The problem as the records give it now (what a run started now would solve). */
export async function currentProblem(db: Q, user: User, forumId: string) {
  await forumToEdit(db, forumId, user);
  return (await loadProblem(db, forumId)).problem;
}

/**
 * Starts a run (or, with `repair`, a repair of the published schedule that moves as few of its
 * meetings as possible: the scheduler's `keep`). One run at a time per forum.
 */
export async function startRun(
  db: Q,
  clock: Clock,
  {
    forumId,
    user,
    seed,
    timeLimitS,
    repair,
  }: { forumId: string; user: User; seed?: number; timeLimitS?: number; repair: boolean },
) {
  await forumToEdit(db, forumId, user);
  const settings = await settingsOf(db, forumId);
  const { problem } = await loadProblem(db, forumId);
  const problems = validateProblem(problem);
  if (!problem.slots.length)
    problems.unshift({ path: 'blocks', reason: 'no meeting blocks: define the slots first' });
  if (problems.length)
    throw new AppError(
      'meeting.rule',
      `the scheduling problem is not complete: ${problems[0]!.reason}`,
      problems.map((p) => ({ path: p.path, message: p.reason, code: 'problem' })),
    );
  let keep: KeptSchedule | null = null;
  if (repair) {
    const published = await schedulesRepo.get(db, forumId, 'published');
    if (!published)
      throw new AppError('meeting.state', 'nothing is published yet: run the scheduler instead', [
        { path: 'repair', message: 'no published schedule', code: 'unpublished' },
      ]);
    keep = { assignments: parseJson(published.assignments, []) };
  }
  const now = isoNow(clock);
  return db.transaction().execute(async (tx) => {
    const latest = await runsRepo.latest(tx, forumId);
    if (latest && !latest.result) {
      const job = await getJob(tx, latest.job_id);
      if (job && (job.status === 'queued' || job.status === 'running'))
        throw new AppError('meeting.state', `run ${latest.id} is still going: cancel it or wait`, [
          { path: 'run', message: `run ${latest.id} is ${job.status}`, code: 'running' },
        ]);
    }
    const id = `run_${randomUUID()}`;
    const job = await enqueue(
      tx,
      clock,
      meetingsScheduleJob,
      { runId: id },
      { uniqueKey: `meetings.run:${id}` },
    );
    const row: RunRow = {
      id,
      forum_id: forumId,
      job_id: job.id,
      kind: repair ? 'repair' : 'run',
      problem: JSON.stringify(problem),
      keep: keep ? JSON.stringify(keep) : null,
      seed: seed ?? settings.seed,
      time_limit_s: timeLimitS ?? settings.timeLimitS,
      result: null,
      created_by: user.id,
      created_at: now,
      finished_at: null,
    };
    await runsRepo.insert(tx, row);
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'meeting',
        entityId: id,
        before: null,
        after: {
          kind: row.kind,
          seed: row.seed,
          timeLimitS: row.time_limit_s,
          meetings: problem.meetings.length,
        },
      },
    });
    return presentRun(tx, row);
  });
}

async function presentRun(db: Q, run: RunRow) {
  const job = await getJob(db, run.job_id);
  const result = run.result ? (JSON.parse(run.result) as Schedule) : null;
  const progress = job?.progressNote
    ? parseJson(job.progressNote, null as null | { weight: number; bound: number | null })
    : null;
  return {
    id: run.id,
    kind: run.kind as 'run' | 'repair',
    seed: run.seed,
    timeLimitS: run.time_limit_s,
    createdAt: run.created_at,
    finishedAt: run.finished_at,
    job: job
      ? {
          id: job.id,
          status: job.status,
          progress: job.progress,
          attempts: job.attempts,
          error: job.error,
          cancelRequested: job.cancelRequested,
        }
      : null,
    progress,
    summary: result ? summaryOf(result) : null,
    unscheduled: result?.unscheduled ?? [],
    moved: result?.moved ?? [],
  };
}

async function runOf(db: Q, user: User, forumId: string, runId: string) {
  await forumToEdit(db, forumId, user);
  const run = await runsRepo.get(db, forumId, runId);
  if (!run) throw notFound('run', runId);
  return run;
}

export const getRun = async (db: Q, user: User, forumId: string, runId: string) =>
  presentRun(db, await runOf(db, user, forumId, runId));

export async function cancelRun(db: Q, clock: Clock, user: User, forumId: string, runId: string) {
  const run = await runOf(db, user, forumId, runId);
  await cancelJob(db, clock, run.job_id);
  return presentRun(db, run);
}

/** The frozen problem of a run, and its schedule once done: the files `kizuna schedule` reads and writes. */
export async function runFiles(db: Q, user: User, forumId: string, runId: string) {
  const run = await runOf(db, user, forumId, runId);
  return { problem: run.problem, schedule: run.result, seed: run.seed, timeLimitS: run.time_limit_s };
}
