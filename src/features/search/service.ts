import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/types.ts';
import { queryWords, searchTerms } from '../../domain/search.ts';

type Q = Kysely<Database>;
export type SearchEntity = 'locality' | 'organization' | 'agreement';

/** A subquery of the ids of records whose names match a search; used as `id in (…)`. */
export type IdQuery = SelectQueryBuilder<Database, 'search_terms', { entity_id: string }>;

// The largest code point: every term that starts with a prefix sorts below prefix + this.
const TOP = '\u{10FFFF}';

/** Replaces the index terms of one record, inside the caller's transaction. */
export async function indexRecord(
  db: Q,
  type: SearchEntity,
  id: string,
  names: (string | null | undefined)[],
) {
  await db.deleteFrom('search_terms').where('entity_type', '=', type).where('entity_id', '=', id).execute();
  await insertTerms(db, type, [{ id, names }]);
}

/** Indexes many new records at once (seeding, synthetic data). */
export async function insertTerms(
  db: Q,
  type: SearchEntity,
  records: { id: string; names: (string | null | undefined)[] }[],
) {
  const rows = records.flatMap(({ id, names }) =>
    searchTerms(names).map((term) => ({ entity_type: type, term, entity_id: id })),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('search_terms')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export const unindexRecord = (db: Q, type: SearchEntity, id: string) =>
  db.deleteFrom('search_terms').where('entity_type', '=', type).where('entity_id', '=', id).execute();

// Counting how many terms a word starts stops here: beyond it a word is simply "common".
const COMMON = 5000;

/**
 * Ids of the records of a type in which every word of the query starts some index term. The
 * rarest word's key range gives the candidates; each other word is checked per candidate
 * through the (type, id) index, so "synthetic foods 00042" costs what "00042" costs, not what
 * "synthetic" does. Null when the query has no words (no filtering).
 */
export async function matchingIds(db: Q, type: SearchEntity, query: string): Promise<IdQuery | null> {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const range = (word: string) =>
    db
      .selectFrom('search_terms')
      .where('entity_type', '=', type)
      .where('term', '>=', word)
      .where('term', '<', word + TOP);
  const sizes = await Promise.all(
    words.map(async (word) => (await range(word).select('entity_id').limit(COMMON).execute()).length),
  );
  const order = words.map((word, i) => ({ word, size: sizes[i] })).sort((a, b) => a.size - b.size);
  let ids = range(order[0].word).select('search_terms.entity_id');
  for (const { word } of order.slice(1)) {
    ids = ids.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('search_terms as t')
          .select('t.entity_id')
          .whereRef('t.entity_id', '=', 'search_terms.entity_id')
          .where('t.entity_type', '=', type)
          .where('t.term', '>=', word)
          .where('t.term', '<', word + TOP),
      ),
    );
  }
  return ids as unknown as IdQuery;
}
