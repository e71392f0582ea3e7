import type { Kysely } from 'kysely';

/**
 * The data version per scope instead of one global row: `atlas` (localities, organisations,
 * agreements, profiles), `accounts` (users, tokens), and `forum:<id>` (one forum; its row is made
 * by its first change). A cached answer or an index is valid while the versions of the scopes it
 * was built from are unchanged, so a token created no longer throws away the atlas cache. The
 * atlas starts at the old `data_version`, so an entry cached before the migration is not taken
 * for one computed after it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_scopes')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const old = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  await db
    .insertInto('change_scopes')
    .values([
      { scope: 'atlas', version: Number(old?.version ?? 0) },
      { scope: 'accounts', version: 0 },
    ])
    .execute();
  await db.schema.dropTable('data_version').execute();
}
