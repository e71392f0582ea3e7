import type { Kysely } from 'kysely';

/**
 * Bilateral meetings at a forum (issue #12): the forum's meeting settings, requests between
 * delegations and their answers, each delegation's presence (late arrival, early departure),
 * the organiser's meeting blocks and interpreters, scheduler runs (the problem as it was given,
 * the schedule it gave), the working (`draft`) and `published` schedules, and each side's
 * outcome of each meeting. JSON columns are text, instants ISO UTC text, as everywhere.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_settings')
    .addColumn('forum_id', 'text', (c) => c.primaryKey().references('forums.id').onDelete('cascade'))
    .addColumn('request_limit', 'integer', (c) => c.notNull())
    .addColumn('cross_country_only', 'integer', (c) => c.notNull())
    .addColumn('max_meetings', 'integer')
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('time_limit_s', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('from_delegation_id', 'text', (c) =>
      c.notNull().references('forum_delegations.id').onDelete('cascade'),
    )
    .addColumn('to_delegation_id', 'text', (c) =>
      c.notNull().references('forum_delegations.id').onDelete('cascade'),
    )
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answer_reason', 'text')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fixed_slot', 'text')
    .addColumn('created_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_requests_forum').on('meeting_requests').column('forum_id').execute();
  await db.schema
    .createIndex('meeting_requests_from')
    .on('meeting_requests')
    .column('from_delegation_id')
    .execute();
  await db.schema
    .createIndex('meeting_requests_to')
    .on('meeting_requests')
    .column('to_delegation_id')
    .execute();

  await db.schema
    .createTable('meeting_presence')
    .addColumn('delegation_id', 'text', (c) =>
      c.primaryKey().references('forum_delegations.id').onDelete('cascade'),
    )
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('arrives_at', 'text')
    .addColumn('leaves_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('slots', 'integer', (c) => c.notNull())
    .addColumn('tables', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_blocks_forum').on('meeting_blocks').column('forum_id').execute();

  await db.schema
    .createTable('meeting_interpreters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('unavailable', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_interpreters_forum')
    .on('meeting_interpreters')
    .column('forum_id')
    .execute();

  await db.schema
    .createTable('meeting_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('keep', 'text')
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('time_limit_s', 'integer', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('meeting_runs_forum').on('meeting_runs').column('forum_id').execute();

  await db.schema
    .createTable('meeting_schedules')
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('assignments', 'text', (c) => c.notNull())
    .addColumn('locked', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('meeting_schedules_pk', ['forum_id', 'stage'])
    .execute();

  await db.schema
    .createTable('meeting_outcomes')
    .addColumn('request_id', 'text', (c) => c.notNull().references('meeting_requests.id').onDelete('cascade'))
    .addColumn('delegation_id', 'text', (c) => c.notNull())
    .addColumn('forum_id', 'text', (c) => c.notNull())
    .addColumn('held', 'integer', (c) => c.notNull())
    .addColumn('next_step', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_outcomes_pk', ['request_id', 'delegation_id'])
    .execute();
}
