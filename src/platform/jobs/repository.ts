import type { Kysely } from 'kysely';
import type { Engine } from '../../db/connection.ts';
import type { Database, JobRow } from '../../db/types.ts';

type Q = Kysely<Database>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export const jobsRepo = {
  /** Inserts a job; under a unique key that exists already, inserts nothing. True when inserted. */
  insert: async (db: Q, row: JobRow): Promise<boolean> => {
    const res = await db
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.column('unique_key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  get: (db: Q, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst(),

  byUniqueKey: (db: Q, key: string) =>
    db.selectFrom('jobs').selectAll().where('unique_key', '=', key).executeTakeFirst(),

  /**
   * Takes up to `limit` due jobs of the given kinds for `owner`: queued ones whose time has come,
   * and running ones whose lease ran out (their server stopped or crashed). On PostgreSQL the
   * rows are locked with SKIP LOCKED, so runners on several servers never take the same job; on
   * SQLite the one statement is atomic, which gives the same guarantee.
   */
  claim: (
    db: Q,
    engine: Engine,
    {
      owner,
      now,
      leaseUntil,
      kinds,
      limit,
    }: { owner: string; now: string; leaseUntil: string; kinds: string[]; limit: number },
  ) => {
    const due = db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit)
      .$if(engine === 'postgres', (q) => q.forUpdate().skipLocked());
    return db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        lease_owner: owner,
        lease_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  },

  /** Extends the leases `owner` still holds; answers which of them were asked to cancel. */
  heartbeat: (db: Q, { ids, owner, leaseUntil }: { ids: string[]; owner: string; leaseUntil: string }) =>
    db
      .updateTable('jobs')
      .set({ lease_until: leaseUntil })
      .where('id', 'in', ids)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .returning(['id', 'cancel_requested'])
      .execute(),

  progress: (
    db: Q,
    id: string,
    owner: string,
    { progress, note, now }: { progress: number; note: string | null; now: string },
  ) =>
    db
      .updateTable('jobs')
      .set({ progress, progress_note: note, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst(),

  /** Ends a run; nothing changes when `owner` lost the lease meanwhile (another runner has the job). */
  finish: async (
    db: Q,
    id: string,
    owner: string,
    set: {
      status: 'done' | 'failed' | 'cancelled';
      result?: string | null;
      error?: string | null;
      now: string;
    },
  ): Promise<boolean> => {
    const res = await db
      .updateTable('jobs')
      .set({
        status: set.status,
        result: set.result ?? null,
        error: set.error ?? null,
        lease_owner: null,
        lease_until: null,
        finished_at: set.now,
        updated_at: set.now,
        ...(set.status === 'done' ? { progress: 1 } : {}),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Puts a failed run back in the queue for later. */
  retry: async (
    db: Q,
    id: string,
    owner: string,
    { runAt, error, now }: { runAt: string; error: string; now: string },
  ) => {
    const res = await db
      .updateTable('jobs')
      .set({ status: 'queued', run_at: runAt, error, lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Gives a job back when its server stops: due now, and the interrupted run does not count. */
  release: (db: Q, id: string, owner: string, now: string) =>
    db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        run_at: now,
        attempts: eb('attempts', '-', 1),
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst(),

  cancelQueued: async (db: Q, id: string, now: string) => {
    const res = await db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: now, updated_at: now, error: 'cancelled before it ran' })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  requestCancel: (db: Q, id: string, now: string) =>
    db
      .updateTable('jobs')
      .set({ cancel_requested: 1, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst(),

  /** Finished jobs older than `before` (their unique keys are for past periods, so nothing re-enqueues them). */
  pruneFinished: (db: Q, before: string) =>
    db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed', 'cancelled'])
      .where('finished_at', '<', before)
      .executeTakeFirst(),
};
