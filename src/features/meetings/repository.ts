/** The queries of the meeting tables (migration 0015_meetings). Rules live in the use cases beside. */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type {
  Database,
  MeetingBlocksTable,
  MeetingInterpretersTable,
  MeetingOutcomesTable,
  MeetingRequestsTable,
  MeetingRunsTable,
  MeetingSchedulesTable,
  MeetingSettingsTable,
} from '../../db/types.ts';

type Q = Kysely<Database>;
export type RequestRow = Selectable<MeetingRequestsTable>;
export type BlockRow = Selectable<MeetingBlocksTable>;
export type InterpreterRow = Selectable<MeetingInterpretersTable>;
export type RunRow = Selectable<MeetingRunsTable>;
export type ScheduleRow = Selectable<MeetingSchedulesTable>;
export type SettingsRow = Selectable<MeetingSettingsTable>;
export type OutcomeRow = Selectable<MeetingOutcomesTable>;

export const settingsRepo = {
  get: (db: Q, forumId: string) =>
    db.selectFrom('meeting_settings').selectAll().where('forum_id', '=', forumId).executeTakeFirst(),
  upsert: async (db: Q, row: Insertable<MeetingSettingsTable>) => {
    const res = await db
      .updateTable('meeting_settings')
      .set({ ...row, version: sql<number>`version + 1` })
      .where('forum_id', '=', row.forum_id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await db.insertInto('meeting_settings').values(row).execute();
  },
};

export const requestsRepo = {
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('meeting_requests')
      .selectAll()
      .where('id', '=', id)
      .where('forum_id', '=', forumId)
      .executeTakeFirst(),
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_requests')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  accepted: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_requests')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('state', '=', 'accepted')
      .orderBy('id')
      .execute(),
  ofDelegation: (db: Q, forumId: string, delegationId: string) =>
    db
      .selectFrom('meeting_requests')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where((eb) =>
        eb.or([eb('from_delegation_id', '=', delegationId), eb('to_delegation_id', '=', delegationId)]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  /** Requests a delegation has sent that count against the forum's limit (not declined or cancelled). */
  countSent: async (db: Q, delegationId: string) =>
    Number(
      (
        await db
          .selectFrom('meeting_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('from_delegation_id', '=', delegationId)
          .where('state', 'in', ['pending', 'accepted'])
          .executeTakeFirstOrThrow()
      ).n,
    ),
  insert: (db: Q, row: Insertable<MeetingRequestsTable>) =>
    db.insertInto('meeting_requests').values(row).execute(),
  /** Compare-and-set on the version: 1 when written, 0 when someone else changed it first. */
  update: async (db: Q, id: string, version: number, set: Updateable<MeetingRequestsTable>) =>
    Number(
      (
        await db
          .updateTable('meeting_requests')
          .set({ ...set, version: version + 1 })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),
};

export const presenceRepo = {
  ofForum: (db: Q, forumId: string) =>
    db.selectFrom('meeting_presence').selectAll().where('forum_id', '=', forumId).execute(),
  upsert: async (db: Q, row: Insertable<Database['meeting_presence']>) => {
    const res = await db
      .updateTable('meeting_presence')
      .set(row)
      .where('delegation_id', '=', row.delegation_id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await db.insertInto('meeting_presence').values(row).execute();
  },
};

export const blocksRepo = {
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_blocks')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('start_at')
      .orderBy('id')
      .execute(),
  insert: (db: Q, row: Insertable<MeetingBlocksTable>) =>
    db.insertInto('meeting_blocks').values(row).execute(),
  update: (db: Q, forumId: string, id: string, set: Updateable<MeetingBlocksTable>) =>
    db
      .updateTable('meeting_blocks')
      .set(set)
      .where('id', '=', id)
      .where('forum_id', '=', forumId)
      .executeTakeFirst(),
  delete: (db: Q, forumId: string, id: string) =>
    db.deleteFrom('meeting_blocks').where('id', '=', id).where('forum_id', '=', forumId).executeTakeFirst(),
};

export const interpretersRepo = {
  ofForum: (db: Q, forumId: string) =>
    db.selectFrom('meeting_interpreters').selectAll().where('forum_id', '=', forumId).orderBy('id').execute(),
  insert: (db: Q, row: Insertable<MeetingInterpretersTable>) =>
    db.insertInto('meeting_interpreters').values(row).execute(),
  delete: (db: Q, forumId: string, id: string) =>
    db
      .deleteFrom('meeting_interpreters')
      .where('id', '=', id)
      .where('forum_id', '=', forumId)
      .executeTakeFirst(),
};

export const runsRepo = {
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('meeting_runs')
      .selectAll()
      .where('id', '=', id)
      .where('forum_id', '=', forumId)
      .executeTakeFirst(),
  byId: (db: Q, id: string) =>
    db.selectFrom('meeting_runs').selectAll().where('id', '=', id).executeTakeFirst(),
  latest: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_runs')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  insert: (db: Q, row: Insertable<MeetingRunsTable>) => db.insertInto('meeting_runs').values(row).execute(),
  finish: (db: Q, id: string, result: string, at: string) =>
    db.updateTable('meeting_runs').set({ result, finished_at: at }).where('id', '=', id).execute(),
};

export const schedulesRepo = {
  get: (db: Q, forumId: string, stage: 'draft' | 'published') =>
    db
      .selectFrom('meeting_schedules')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('stage', '=', stage)
      .executeTakeFirst(),
  /** Writes a stage whole; the version goes up by one on every write. */
  put: async (db: Q, row: Omit<Insertable<MeetingSchedulesTable>, 'version'>) => {
    const res = await db
      .updateTable('meeting_schedules')
      .set({ ...row, version: sql<number>`version + 1` })
      .where('forum_id', '=', row.forum_id)
      .where('stage', '=', row.stage)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await db.insertInto('meeting_schedules').values(row).execute();
  },
  /** Published schedules of every forum holding one of these meetings (for a member's calendar). */
  published: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_schedules')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('stage', '=', 'published')
      .executeTakeFirst(),
};

export const outcomesRepo = {
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('meeting_outcomes')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('request_id')
      .orderBy('delegation_id')
      .execute(),
  upsert: async (db: Q, row: Insertable<MeetingOutcomesTable>) => {
    const res = await db
      .updateTable('meeting_outcomes')
      .set(row)
      .where('request_id', '=', row.request_id)
      .where('delegation_id', '=', row.delegation_id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await db.insertInto('meeting_outcomes').values(row).execute();
  },
};

/** Programme sessions with their speakers (read only: the programme is the forum module's). */
export const sessionsRead = {
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_sessions')
      .select(['id', 'start_at', 'end_at', 'speaker_ids', 'cancelled'])
      .where('forum_id', '=', forumId)
      .execute(),
};

/** The forum's title, zone and state (read only: the forum is the forums module's). */
export const forumRead = {
  get: (db: Q, forumId: string) =>
    db
      .selectFrom('forums')
      .select(['id', 'title', 'zone', 'state'])
      .where('id', '=', forumId)
      .executeTakeFirst(),
};
