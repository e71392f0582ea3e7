import type { Kysely, Selectable } from 'kysely';
import type { Database, NewsItemsTable } from '../../db/types.ts';

type Q = Kysely<Database>;
export type NewsRow = Selectable<NewsItemsTable>;

export interface NewsFilter {
  lang?: string;
  forumId?: string;
  cycleId?: string;
  projectId?: string;
  /** Only items published by then (the public's view); all when absent. */
  publishedBy?: string;
}

const filtered = (db: Q, f: NewsFilter) => {
  let q = db.selectFrom('news_items');
  if (f.publishedBy) q = q.where('published_at', '<=', f.publishedBy);
  if (f.forumId) q = q.where('forum_id', '=', f.forumId);
  if (f.cycleId) q = q.where('cycle_id', '=', f.cycleId);
  if (f.projectId) q = q.where('project_id', '=', f.projectId);
  // The languages an item has are the keys of its texts: '"vi":{' is written only for a version in vi.
  if (f.lang) q = q.where('texts', 'like', `%"${f.lang}":{%`);
  return q;
};

export const newsRepo = {
  page: (db: Q, f: NewsFilter, after: [string, string] | null, limit: number) => {
    let q = filtered(db, f).selectAll();
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('published_at', '<', after[0]),
          eb.and([eb('published_at', '=', after[0]), eb('id', '<', after[1])]),
        ]),
      );
    return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },
  count: async (db: Q, f: NewsFilter) =>
    Number(
      (
        await filtered(db, f)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  get: (db: Q, id: string) => db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst(),
  insert: (db: Q, row: NewsRow) => db.insertInto('news_items').values(row).execute(),
  update: (db: Q, id: string, version: number, set: Partial<NewsRow>) =>
    db
      .updateTable('news_items')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  delete: (db: Q, id: string, version: number) =>
    db.deleteFrom('news_items').where('id', '=', id).where('version', '=', version).executeTakeFirst(),
};
