import type { Kysely } from 'kysely';

/** Partner profiles: what a locality or organisation offers and needs, for partner matching. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('profiles')
    .addColumn('owner_id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('needs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('priorities', 'text', (c) => c.notNull().defaultTo('[]'))
    // 1 for a starting profile Kizuna wrote from well-known strengths, until its owner edits it.
    .addColumn('starter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('basis', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
