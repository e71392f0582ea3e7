import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../clock.ts';

/** What a running job is given besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job is cancelled, its lease is lost, or the server stops: stop soon. */
  signal: AbortSignal;
  clock: Clock;
  db: Kysely<Database>;
  logger: Logger;
  /** Records how far the job has come (0 to 1) and a short note, for a page that shows it. */
  progress: (fraction: number, note?: string) => Promise<void>;
}

/**
 * One kind of background work. The payload is stored as JSON and checked against `payload`
 * when the job runs (not only when it was enqueued), so that a row written by an older version
 * or by hand fails with its reason instead of running on bad input.
 */
export interface JobKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  payload: S;
  /** Runs before the job fails for good (default 5). */
  maxAttempts?: number;
}

/**
 * A kind with its handler. Enqueueing needs only the kind (`JobKind`), so a feature can enqueue
 * work whose handler is built at start from the configuration (the mail job and its transport).
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType, R = unknown> extends JobKind<S> {
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<R>;
  /**
   * How long a claim holds without a heartbeat before another runner may take the job (default
   * 60 s; a runner claims with the longest lease of its kinds, and heartbeats every 2 s).
   */
  leaseMs?: number;
}

export const defineJob = <S extends z.ZodType, R>(def: JobDefinition<S, R>): JobDefinition<S, R> => def;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type
export type AnyJob = JobDefinition<any, unknown>;

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_LEASE_MS = 60_000;

/** A failure that another attempt will not mend (a mail address that does not exist): no retry. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Wait before attempt `n + 1` after `n` failed: 30 s, 1 min, 2 min, … up to one hour.
 * Deterministic, so that a test can move the clock by exactly this much.
 */
export const backoffMs = (failedAttempts: number): number =>
  Math.min(3_600_000, 30_000 * 2 ** Math.max(0, failedAttempts - 1));
