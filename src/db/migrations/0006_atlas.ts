import type { Kysely } from 'kysely';

/**
 * The atlas as its readers meet it:
 * - `agreements.status_stated`: 1 when the status was stated (by a source or an editor); 0 when
 *   it is derived from the end date and renewals. Every status written before was the form's or
 *   the import's default `in_force` unless it said otherwise, so only the others count as stated.
 * - `agreements.renews_id` indexed: "renewed by a later agreement" is asked for every status.
 * - `localities.admin_center_vi`, `admin_center_ja`: the administrative centre in the reader's
 *   script (`admin_center` is the English name).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agreements')
    .addColumn('status_stated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('agreements').set({ status_stated: 1 }).where('status', '!=', 'in_force').execute();
  await db.schema.createIndex('agreements_renews').on('agreements').column('renews_id').execute();
  await db.schema.alterTable('localities').addColumn('admin_center_vi', 'text').execute();
  await db.schema.alterTable('localities').addColumn('admin_center_ja', 'text').execute();
}
