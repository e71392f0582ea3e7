/**
 * The ceremony's queries. Its read queries join the forum's sessions and the agreements for
 * display columns keyed by ids the items hold (titles, start, zone), which keeps each one query.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CeremonyItemsTable, Database } from '../../db/types.ts';

type Q = Kysely<Database>;
export type ItemRow = Selectable<CeremonyItemsTable>;

export const ceremonyRepo = {
  items: (db: Q, forumId: string) =>
    db
      .selectFrom('ceremony_items as c')
      .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
      .selectAll('c')
      .select([
        'a.title_vi',
        'a.title_ja',
        'a.title_en',
        'a.title_marks',
        'a.signed_on as agreement_signed_on',
      ])
      .where('c.forum_id', '=', forumId)
      .orderBy('c.position')
      .orderBy('c.id')
      .execute(),
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('ceremony_items')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '=', id)
      .executeTakeFirst(),
  count: async (db: Q, forumId: string) =>
    Number(
      (
        await db
          .selectFrom('ceremony_items')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('forum_id', '=', forumId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  byAgreement: (db: Q, forumId: string, agreementId: string) =>
    db
      .selectFrom('ceremony_items')
      .select('id')
      .where('forum_id', '=', forumId)
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst(),
  /** The forum's ceremony sessions (kind `ceremony`), in time order. */
  sessions: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_sessions')
      .select(['id', 'title', 'start_at', 'precision', 'note', 'sources', 'cancelled'])
      .where('forum_id', '=', forumId)
      .where('kind', '=', 'ceremony')
      .orderBy('start_at')
      .orderBy('id')
      .execute(),
  insert: (db: Q, row: ItemRow) => db.insertInto('ceremony_items').values(row).execute(),
  update: (db: Q, id: string, version: number, set: Partial<ItemRow>) =>
    db
      .updateTable('ceremony_items')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  setPosition: (db: Q, id: string, position: number) =>
    db.updateTable('ceremony_items').set({ position }).where('id', '=', id).execute(),
  delete: (db: Q, id: string, version: number) =>
    db.deleteFrom('ceremony_items').where('id', '=', id).where('version', '=', version).executeTakeFirst(),
};
