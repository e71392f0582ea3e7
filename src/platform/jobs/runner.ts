import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { JobRow } from '../../db/types.ts';
import { type Clock, isoAfter, isoNow } from '../clock.ts';
import { type AnyJob, backoffMs, DEFAULT_LEASE_MS, type JobContext, PermanentJobError } from './define.ts';
import { enqueueRecurring, periodKey, type Recurring } from './queue.ts';
import { jobsRepo } from './repository.ts';

export interface RunnerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: AnyJob[];
  recurring?: Recurring[];
  /** Jobs run at once by this runner (default 2: the machine has two cores and a worker thread takes one). */
  concurrency?: number;
  /** How often it looks for due jobs (default 1 s). */
  pollMs?: number;
  /** How often it extends its leases and looks for cancellations (default 2 s). */
  heartbeatMs?: number;
  /** Names this runner in the lease column (default host, pid and a random part). */
  owner?: string;
}

type StopReason = 'cancel' | 'lost' | 'shutdown';

interface Running {
  row: JobRow;
  controller: AbortController;
  done: Promise<void>;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/**
 * Runs due jobs from the job table. Start one per server process (`start()`); with several
 * servers on one PostgreSQL each job still runs once, because a claim is a leased row lock.
 * `runDue()` and `heartbeat()` are also callable directly, which is how tests drive it with a
 * clock they move instead of timers.
 */
export class JobRunner {
  readonly owner: string;
  private readonly defs = new Map<string, AnyJob>();
  private readonly running = new Map<string, Running>();
  private readonly concurrency: number;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private ticking: Promise<unknown> | null = null;
  /** The period key each recurring kind was last enqueued under by this runner. */
  private readonly enqueued = new Map<string, string>();

  constructor(private readonly opts: RunnerOptions) {
    for (const def of opts.jobs) {
      if (this.defs.has(def.kind)) throw new Error(`job kind ${def.kind} is defined twice`);
      this.defs.set(def.kind, def);
    }
    for (const r of opts.recurring ?? []) {
      if (!this.defs.has(r.job.kind))
        throw new Error(`recurring job ${r.job.kind} is not among the runner's jobs`);
    }
    this.concurrency = opts.concurrency ?? 2;
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Polls for due jobs and keeps the leases of running ones until `stop()`. */
  start(): void {
    this.stopped = false;
    const poll = () => {
      if (this.stopped || this.ticking) return;
      this.ticking = this.tick()
        .catch((err) => this.opts.logger.error({ err }, 'job runner: poll failed'))
        .finally(() => {
          this.ticking = null;
        });
    };
    this.timers.push(setInterval(poll, this.opts.pollMs ?? 1000));
    this.timers.push(
      setInterval(() => {
        this.heartbeat().catch((err) => this.opts.logger.error({ err }, 'job runner: heartbeat failed'));
      }, this.opts.heartbeatMs ?? 2000),
    );
    // The first poll comes one interval after start, not during it: a server starting (or
    // several starting together) answers its first requests before its first jobs run.
    for (const t of this.timers) t.unref();
  }

  /**
   * Stops taking jobs, aborts the running ones and gives them back (due at once, the interrupted
   * run not counted), so that another server, or this one when it starts again, picks them up.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    // A claim under way finishes first, so that the jobs it takes are aborted and given back too.
    await this.ticking;
    for (const r of this.running.values()) r.controller.abort('shutdown' satisfies StopReason);
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  /** Enqueues recurring work and starts due jobs up to the free slots; answers the started runs. */
  async tick(): Promise<Promise<void>[]> {
    const { db, clock } = this.opts;
    await this.enqueueRecurring();
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.stopped) return [];
    const leaseMs = Math.max(...[...this.defs.values()].map((d) => d.leaseMs ?? DEFAULT_LEASE_MS));
    const rows = await jobsRepo.claim(db.db, db.engine, {
      owner: this.owner,
      now: isoNow(clock),
      leaseUntil: isoAfter(clock, leaseMs),
      kinds: [...this.defs.keys()],
      limit: free,
    });
    return rows.map((row) => this.launch(row));
  }

  /**
   * Enqueues the current period's job of each recurring kind, asking the database only when the
   * period changed since this runner last did (another server may have enqueued it: that is
   * what the unique key settles).
   */
  private async enqueueRecurring(): Promise<void> {
    const now = this.opts.clock.now();
    for (const r of this.opts.recurring ?? []) {
      const { key } = periodKey(r, now);
      if (this.enqueued.get(r.job.kind) === key) continue;
      await enqueueRecurring(this.opts.db.db, this.opts.clock, [r]);
      this.enqueued.set(r.job.kind, key);
    }
  }

  /** Runs every due job (and those they make due) until none is left; for tests and the CLI. */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const started = await this.tick();
      if (started.length === 0 && this.running.size === 0) return count;
      count += started.length;
      await Promise.race([...this.running.values()].map((r) => r.done));
    }
  }

  /** Extends the leases of running jobs, and aborts those asked to cancel or taken over by another runner. */
  async heartbeat(): Promise<void> {
    if (this.running.size === 0) return;
    const ids = [...this.running.keys()];
    const leaseMs = Math.max(
      ...[...this.running.values()].map((r) => this.defs.get(r.row.kind)?.leaseMs ?? DEFAULT_LEASE_MS),
    );
    const held = await jobsRepo.heartbeat(this.opts.db.db, {
      ids,
      owner: this.owner,
      leaseUntil: isoAfter(this.opts.clock, leaseMs),
    });
    const still = new Map(held.map((h) => [h.id, h.cancel_requested === 1]));
    for (const id of ids) {
      const r = this.running.get(id);
      if (!r || r.controller.signal.aborted) continue;
      if (!still.has(id)) r.controller.abort('lost' satisfies StopReason);
      else if (still.get(id)) r.controller.abort('cancel' satisfies StopReason);
    }
  }

  private launch(row: JobRow): Promise<void> {
    const controller = new AbortController();
    const done = this.execute(row, controller).finally(() => {
      this.running.delete(row.id);
      // A finished job frees a slot: look for the next one without waiting for the poll.
      if (!this.stopped && this.timers.length && !this.ticking) {
        this.ticking = this.tick()
          .catch((err) => this.opts.logger.error({ err }, 'job runner: poll failed'))
          .finally(() => {
            this.ticking = null;
          });
      }
    });
    this.running.set(row.id, { row, controller, done });
    return done;
  }

  private async execute(row: JobRow, controller: AbortController): Promise<void> {
    const { db, clock, logger } = this.opts;
    const def = this.defs.get(row.kind)!;
    const log = logger.child({ job: row.id, kind: row.kind, attempt: row.attempts });
    const finish = async (
      status: 'done' | 'failed' | 'cancelled',
      fields: { result?: string; error?: string },
    ) => {
      const ok = await jobsRepo.finish(db.db, row.id, this.owner, { status, ...fields, now: isoNow(clock) });
      if (!ok)
        log.warn('job runner: the lease was lost before the job finished; its outcome is not recorded');
      if (status === 'failed') log.warn({ error: fields.error }, 'job failed');
    };
    if (row.attempts > row.max_attempts) {
      // Only a job whose lease expired on its last attempt gets here: its server stopped mid-run.
      await finish('failed', {
        error: `its lease expired on each of ${row.max_attempts} attempts (server stopped during the run?)`,
      });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch (err) {
      await finish('failed', { error: `payload is not JSON: ${describe(err)}` });
      return;
    }
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      const reasons = parsed.error.issues
        .map((i: z.core.$ZodIssue) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      await finish('failed', { error: `payload does not match ${row.kind}: ${reasons}` });
      return;
    }
    const ctx: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      signal: controller.signal,
      clock,
      db: db.db,
      logger: log,
      progress: async (fraction, note) => {
        const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
        await jobsRepo.progress(db.db, row.id, this.owner, {
          progress,
          note: note?.slice(0, 500) ?? null,
          now: isoNow(clock),
        });
      },
    };
    let result: unknown;
    try {
      result = await def.run(parsed.data, ctx);
    } catch (err) {
      const reason = controller.signal.aborted ? (controller.signal.reason as StopReason) : null;
      if (reason === 'cancel') await finish('cancelled', { error: 'cancelled while running' });
      else if (reason === 'shutdown') await jobsRepo.release(db.db, row.id, this.owner, isoNow(clock));
      else if (reason === 'lost') log.warn('job runner: lease lost; another runner has the job');
      else if (err instanceof PermanentJobError || row.attempts >= row.max_attempts)
        await finish('failed', { error: describe(err) });
      else {
        const retried = await jobsRepo.retry(db.db, row.id, this.owner, {
          runAt: isoAfter(clock, backoffMs(row.attempts)),
          error: describe(err),
          now: isoNow(clock),
        });
        if (retried) log.info({ err: describe(err) }, 'job will be retried');
      }
      return;
    }
    // The work is done, even if a stop or a cancellation came meanwhile: record it, unless
    // another runner has the job now.
    if (controller.signal.reason === 'lost') log.warn('job runner: lease lost; another runner has the job');
    else await finish('done', { result: JSON.stringify(result ?? null) });
  }
}
