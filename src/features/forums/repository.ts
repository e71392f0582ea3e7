/** The forum's queries: forums, rooms, people, sessions and releases. Rules live in the service. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  ForumPeopleTable,
  ForumReleasesTable,
  ForumRoomsTable,
  ForumSessionsTable,
  ForumsTable,
} from '../../db/types.ts';

type Q = Kysely<Database>;
export type ForumRow = Selectable<ForumsTable>;
export type SessionRow = Selectable<ForumSessionsTable>;
export type RoomRow = Selectable<ForumRoomsTable>;
export type PersonRow = Selectable<ForumPeopleTable>;
export type ReleaseRow = Selectable<ForumReleasesTable>;

export const forumsRepo = {
  get: (db: Q, id: string) => db.selectFrom('forums').selectAll().where('id', '=', id).executeTakeFirst(),
  list: (db: Q) => db.selectFrom('forums').selectAll().orderBy('first_day', 'desc').orderBy('id').execute(),
  insert: (db: Q, row: Insertable<ForumsTable>) => db.insertInto('forums').values(row).execute(),
};

export const roomsRepo = {
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_rooms')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
  insert: (db: Q, row: Insertable<ForumRoomsTable>) => db.insertInto('forum_rooms').values(row).execute(),
};

export const peopleRepo = {
  /** The forum's speakers: people without a delegation (members are not in a programme). */
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_people')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('delegation_id', 'is', null)
      .orderBy('id')
      .execute(),
  insert: (db: Q, row: Insertable<ForumPeopleTable>) => db.insertInto('forum_people').values(row).execute(),
};

export const sessionsRepo = {
  ofForum: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_sessions')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('start_at')
      .orderBy('slug')
      .execute(),
  insert: (db: Q, row: Insertable<ForumSessionsTable>) =>
    db.insertInto('forum_sessions').values(row).execute(),
};

export const releasesRepo = {
  latest: (db: Q, forumId: string) =>
    db
      .selectFrom('forum_releases')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst(),
  latestNumbers: (db: Q) =>
    db
      .selectFrom('forum_releases')
      .select(['forum_id', (eb) => eb.fn.max('number').as('number')])
      .groupBy('forum_id')
      .execute(),
  insert: (db: Q, row: Insertable<ForumReleasesTable>) =>
    db.insertInto('forum_releases').values(row).execute(),
};
