import type { Kysely } from 'kysely';

/**
 * The signing ceremony, news and the annual report (issue 13):
 * - `ceremony_items`: an agreement of the atlas signed or handed over in a ceremony session of a
 *   forum, its order, its signatories per side, and when marked done the agreement's state
 *   before (`prior`, JSON), so that undoing restores exactly that;
 * - `news_items`: title and body per language, each with its translation status (JSON), linked
 *   to a forum, a cycle or a project;
 * - `annual_reports`: a cycle's published, frozen snapshots (every version kept) and their files
 *   (`annual_report_files`: PDF per language, CSV, JSON, as text: base64 for the PDFs);
 * - `due_calendars`: the secret (hashed) address of a project side's calendar of due dates.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ceremony_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('forum_sessions.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signatories', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('done_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('prior', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ceremony_items_agreement', ['forum_id', 'agreement_id'])
    .execute();
  await db.schema
    .createIndex('ceremony_items_forum')
    .on('ceremony_items')
    .columns(['forum_id', 'position'])
    .execute();

  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('forum_id', 'text', (c) => c.references('forums.id'))
    .addColumn('cycle_id', 'text', (c) => c.references('ft_cycles.id'))
    .addColumn('project_id', 'text', (c) => c.references('ft_projects.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('news_items_published')
    .on('news_items')
    .columns(['published_at', 'id'])
    .execute();

  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('ft_cycles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addUniqueConstraint('annual_reports_number', ['cycle_id', 'number'])
    .execute();

  await db.schema
    .createTable('annual_report_files')
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('annual_report_files_pk', ['report_id', 'name'])
    .execute();

  await db.schema
    .createTable('due_calendars')
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('due_calendars_pk', ['project_id', 'side'])
    .execute();
}
