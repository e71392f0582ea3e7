import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, JobRow } from '../../db/types.ts';
import { type Clock, isoNow } from '../clock.ts';
import { type AnyJob, DEFAULT_MAX_ATTEMPTS, type JobKind } from './define.ts';
import { type JobStatus, jobsRepo } from './repository.ts';

type Q = Kysely<Database>;

export interface EnqueueOptions {
  /** When it may run first (default now). */
  runAt?: Date;
  /** A second enqueue under this key adds nothing (and answers the first job's id). */
  uniqueKey?: string;
}

/**
 * Adds a job. Pass the transaction of the change that calls for the work, so that the job
 * exists exactly when the change does. The payload is checked here too: a wrong payload is
 * a programming error and throws before anything is written.
 */
export async function enqueue<S extends z.ZodType>(
  db: Q,
  clock: Clock,
  def: JobKind<S>,
  payload: z.input<S>,
  { runAt, uniqueKey }: EnqueueOptions = {},
): Promise<{ id: string; created: boolean }> {
  const checked = def.payload.safeParse(payload);
  if (!checked.success)
    throw new Error(`job ${def.kind}: payload does not match its schema: ${checked.error.message}`);
  const now = isoNow(clock);
  const row: JobRow = {
    id: randomUUID(),
    kind: def.kind,
    payload: JSON.stringify(checked.data),
    unique_key: uniqueKey ?? null,
    status: 'queued',
    run_at: (runAt ?? clock.now()).toISOString(),
    attempts: 0,
    max_attempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    lease_owner: null,
    lease_until: null,
    progress: null,
    progress_note: null,
    cancel_requested: 0,
    result: null,
    error: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  if (await jobsRepo.insert(db, row)) return { id: row.id, created: true };
  const existing = uniqueKey ? await jobsRepo.byUniqueKey(db, uniqueKey) : undefined;
  if (!existing) throw new Error(`job ${def.kind}: not inserted and no job holds key ${uniqueKey}`);
  return { id: existing.id, created: false };
}

/** Work that recurs: one job per period, under the key `kind@periodStart`, whatever the number of servers. */
export interface Recurring {
  job: AnyJob;
  everyMs: number;
  payload: unknown;
}

export const periodKey = (r: Recurring, now: Date): { key: string; start: Date } => {
  const start = new Date(Math.floor(now.getTime() / r.everyMs) * r.everyMs);
  return { key: `${r.job.kind}@${start.toISOString()}`, start };
};

/** Enqueues the current period's job of each recurring kind, unless a server did already. */
export async function enqueueRecurring(db: Q, clock: Clock, recurring: Recurring[]): Promise<number> {
  let created = 0;
  for (const r of recurring) {
    const { key, start } = periodKey(r, clock.now());
    if ((await enqueue(db, clock, r.job, r.payload, { uniqueKey: key, runAt: start })).created) created++;
  }
  return created;
}

/** What a caller may see of a job (its payload may hold private data, so it is left out). */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  progress: number | null;
  progressNote: string | null;
  cancelRequested: boolean;
  result: unknown;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const toJobView = (row: JobRow): JobView => ({
  id: row.id,
  kind: row.kind,
  status: row.status as JobStatus,
  runAt: row.run_at,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  progress: row.progress,
  progressNote: row.progress_note,
  cancelRequested: row.cancel_requested === 1,
  result: row.result === null ? null : JSON.parse(row.result),
  error: row.error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

export async function getJob(db: Q, id: string): Promise<JobView | null> {
  const row = await jobsRepo.get(db, id);
  return row ? toJobView(row) : null;
}

/**
 * Cancels a job: a queued one at once; a running one is asked to stop, and its runner aborts
 * it at its next heartbeat (a job in a worker thread is terminated). Finished jobs stay as they are.
 */
export async function cancelJob(db: Q, clock: Clock, id: string): Promise<JobView | null> {
  const now = isoNow(clock);
  if (!(await jobsRepo.cancelQueued(db, id, now))) await jobsRepo.requestCancel(db, id, now);
  return getJob(db, id);
}
