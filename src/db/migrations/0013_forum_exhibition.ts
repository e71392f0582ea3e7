import type { Kysely } from 'kysely';

/**
 * The forum's exhibition: halls (a grid of cells), booths placed on a hall's grid and given to a
 * delegation, the products a delegation presents (texts per language, sector, OCOP stars or
 * Geographical Indication, photos as stored files, the offers of the party's profile they
 * illustrate), each person's badge code (random, printed as a QR code, renewable) and the
 * check-ins made with it (one per person: the first scan is the check-in).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forum_halls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull()) // JSON Texts
    .addColumn('columns', 'integer', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_halls_forum').on('forum_halls').column('forum_id').execute();

  await db.schema
    .createTable('forum_booths')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('forum_halls.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('x', 'integer', (c) => c.notNull())
    .addColumn('y', 'integer', (c) => c.notNull())
    .addColumn('w', 'integer', (c) => c.notNull())
    .addColumn('h', 'integer', (c) => c.notNull())
    .addColumn('delegation_id', 'text', (c) => c.references('forum_delegations.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forum_booths_code', ['forum_id', 'code'])
    .execute();
  await db.schema.createIndex('forum_booths_delegation').on('forum_booths').column('delegation_id').execute();

  await db.schema
    .createTable('forum_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('delegation_id', 'text', (c) =>
      c.notNull().references('forum_delegations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull()) // JSON Texts
    .addColumn('description', 'text', (c) => c.notNull()) // JSON Texts
    .addColumn('sector', 'text')
    .addColumn('origin_code', 'text')
    .addColumn('ocop_stars', 'integer')
    .addColumn('gi', 'text') // JSON Texts: the Geographical Indication's registered name
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo('[]')) // JSON indexes of the profile's offers
    .addColumn('photos', 'text', (c) => c.notNull().defaultTo('[]')) // JSON file ids, in order
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_products_delegation')
    .on('forum_products')
    .column('delegation_id')
    .execute();

  await db.schema.alterTable('forum_people').addColumn('badge_code', 'text').execute();
  await db.schema
    .createIndex('forum_people_badge')
    .on('forum_people')
    .column('badge_code')
    .unique()
    .execute();

  await db.schema
    .createTable('forum_checkins')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('forum_people.id').onDelete('cascade'))
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .execute();
  await db.schema.createIndex('forum_checkins_forum').on('forum_checkins').column('forum_id').execute();
}
