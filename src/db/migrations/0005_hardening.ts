import { type Kysely, sql } from 'kysely';

/**
 * API tokens get an expiry and a scope (read or write). Tokens made before have no expiry: they
 * get the default lifetime from now. Tokens of accounts disabled before this migration are
 * revoked, as disabling now does, so that enabling the account again does not revive them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('write'))
    .execute();
  const now = new Date();
  await db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(now.getTime() + 90 * 86_400_000).toISOString() })
    .where('expires_at', 'is', null)
    .execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', sql`(select id from users where disabled = 1)`)
    .execute();
}
