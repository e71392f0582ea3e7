import type { Kysely } from 'kysely';

/**
 * The atlas as its readers meet it:
 * - `agreements.status_stated`: 1 when the status was stated (by a source or an editor); 0 when
 *   it is derived from the end date and renewals. Every status written before was the form's or
 *   the import's default `in_force` unless it said otherwise, so only the others count as stated.
 * - `agreements.renews_id` indexed: "renewed by a later agreement" is asked for every status.
 * - `agreements.text_status`, `profiles.texts`: the language and status (original, official or
 *   unofficial translation) of free texts, per language (JSON).
 * - `localities.admin_center_i18n`: the administrative centre in each script (JSON).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agreements')
    .addColumn('status_stated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.updateTable('agreements').set({ status_stated: 1 }).where('status', '!=', 'in_force').execute();
  await db.schema.createIndex('agreements_renews').on('agreements').column('renews_id').execute();
}
