import type { Kysely } from 'kysely';

/**
 * The forum: editions, rooms, people (speakers now; members with delegations), programme
 * sessions, and the frozen releases the public reads. Texts per language are JSON `Texts`
 * (`{ vi, ja, en, translation }`); instants are ISO text in UTC, as everywhere.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forums')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('acronym', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('host_code', 'text', (c) => c.references('localities.code'))
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    // 1 for a forum known from its sourced record (times may be known only to the day).
    .addColumn('historical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('organisers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('forum_rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('booths', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_rooms_forum').on('forum_rooms').columns(['forum_id', 'sort']).execute();

  await db.schema
    .createTable('forum_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('name_native', 'text')
    .addColumn('name_latin', 'text')
    .addColumn('position', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('party', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_people_forum').on('forum_people').column('forum_id').execute();

  await db.schema
    .createTable('forum_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('room_id', 'text', (c) => c.references('forum_rooms.id'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('part_of_day', 'text')
    .addColumn('floor_language', 'text')
    .addColumn('interpretation', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('speaker_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_sessions_slug')
    .on('forum_sessions')
    .columns(['forum_id', 'slug'])
    .unique()
    .execute();
  await db.schema
    .createIndex('forum_sessions_time')
    .on('forum_sessions')
    .columns(['forum_id', 'start_at'])
    .execute();

  await db.schema
    .createTable('forum_releases')
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo('{}'))
    // The frozen programme (the exporters' read model) and what changed against the previous release.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('forum_releases_pk', ['forum_id', 'number'])
    .execute();
}
