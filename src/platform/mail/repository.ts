import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../../db/types.ts';

type Q = Kysely<Database>;

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'held' | 'failed';
export type DeliveryOutcome = 'sent' | 'temporary' | 'permanent' | 'unknown';

export const outboxRepo = {
  insert: (db: Q, row: OutboxRow) => db.insertInto('mail_outbox').values(row).execute(),
  get: (db: Q, id: string) =>
    db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst(),
  setStatus: (
    db: Q,
    id: string,
    set: { status: OutboxStatus; now: string; error?: string | null; sentAt?: string },
  ) =>
    db
      .updateTable('mail_outbox')
      .set({
        status: set.status,
        updated_at: set.now,
        ...(set.error !== undefined ? { last_error: set.error } : {}),
        ...(set.sentAt ? { sent_at: set.sentAt } : {}),
      })
      .where('id', '=', id)
      .execute(),
  /** Newest first, keyset on (created_at, id). */
  list: (db: Q, f: { status?: OutboxStatus; before?: [string, string]; limit: number }) =>
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
      .$if(f.before !== undefined, (q) =>
        q.where((eb) =>
          eb.or([
            eb('created_at', '<', f.before![0]),
            eb.and([eb('created_at', '=', f.before![0]), eb('id', '<', f.before![1])]),
          ]),
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .execute(),
  count: async (db: Q, f: { status?: OutboxStatus }) =>
    Number(
      (
        await db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  pruneSent: (db: Q, before: string) =>
    db
      .deleteFrom('mail_outbox')
      .where('status', 'in', ['sent', 'failed', 'held'])
      .where('updated_at', '<', before)
      .executeTakeFirst(),
};

export const deliveriesRepo = {
  list: (db: Q, outboxId: string) =>
    db
      .selectFrom('mail_deliveries')
      .selectAll()
      .where('outbox_id', '=', outboxId)
      .orderBy('attempt')
      .execute(),
  start: (db: Q, row: { outbox_id: string; attempt: number; started_at: string }) =>
    db
      .insertInto('mail_deliveries')
      .values({ ...row, finished_at: null, outcome: null, response: null })
      .execute(),
  finish: (
    db: Q,
    outboxId: string,
    attempt: number,
    set: { outcome: DeliveryOutcome; response: string | null; now: string },
  ) =>
    db
      .updateTable('mail_deliveries')
      .set({ outcome: set.outcome, response: set.response?.slice(0, 1000) ?? null, finished_at: set.now })
      .where('outbox_id', '=', outboxId)
      .where('attempt', '=', attempt)
      .execute(),
};
