import type { Kysely } from 'kysely';

/**
 * Free text per language with its status (original, official or unofficial translation):
 * - `agreements.title_marks`: which of `title_vi`, `title_ja`, `title_en` are translations
 *   (JSON `{ "ja": "unofficial" }`); a language not marked is an original.
 * - `profiles.lang`: the language the profile's offers and needs were written in (null: not known;
 *   each text's language is detected anyway), and `profiles.translations`: the offers and needs in
 *   other languages, each with its status (JSON `{ "ja": { "offers": [], "needs": [], "status":
 *   "unofficial" } }`).
 * Source summaries per language live in the sources' JSON, which needs no column.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agreements')
    .addColumn('title_marks', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('profiles').addColumn('lang', 'text').execute();
  await db.schema
    .alterTable('profiles')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
