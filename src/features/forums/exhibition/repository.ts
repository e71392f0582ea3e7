/** The queries of halls, booths, products and check-ins. Rules live in the use cases beside. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ForumBoothsTable, ForumHallsTable, ForumProductsTable } from '../../../db/types.ts';

type Q = Kysely<Database>;
export type HallRow = Selectable<ForumHallsTable>;
export type BoothRow = Selectable<ForumBoothsTable>;
export type ProductRow = Selectable<ForumProductsTable>;

export const hallsRepo = {
  ofForum: (db: Q, forumId: string) =>
    db.selectFrom('forum_halls').selectAll().where('forum_id', '=', forumId).orderBy('sort').execute(),
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('forum_halls')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '=', id)
      .executeTakeFirst(),
};

export const boothsRepo = {
  ofForum: (db: Q, forumId: string) =>
    db.selectFrom('forum_booths').selectAll().where('forum_id', '=', forumId).orderBy('code').execute(),
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('forum_booths')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '=', id)
      .executeTakeFirst(),
  countOf: async (db: Q, delegationId: string) =>
    Number(
      (
        await db
          .selectFrom('forum_booths')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('delegation_id', '=', delegationId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};

export const productsRepo = {
  ofDelegations: (db: Q, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('forum_products')
          .selectAll()
          .where('delegation_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as ProductRow[]),
  get: (db: Q, forumId: string, id: string) =>
    db
      .selectFrom('forum_products')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('id', '=', id)
      .executeTakeFirst(),
  count: async (db: Q, delegationId: string) =>
    Number(
      (
        await db
          .selectFrom('forum_products')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('delegation_id', '=', delegationId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};
