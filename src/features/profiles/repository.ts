import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database>;

/** Profiles with what the matcher needs of their owners, locality or organisation. */
const withOwners = (db: Q) =>
  db
    .selectFrom('profiles as p')
    .leftJoin('localities as l', 'l.code', 'p.owner_id')
    .leftJoin('organizations as o', 'o.id', 'p.owner_id')
    .selectAll('p')
    .select([
      'l.kind as l_kind',
      'l.country as l_country',
      'l.parent_code as l_parent',
      'l.name_vi as l_vi',
      'l.name_ja as l_ja',
      'l.name_en as l_en',
      'o.kind as o_kind',
      'o.country as o_country',
      'o.locality_code as o_locality',
      'o.name_vi as o_vi',
      'o.name_ja as o_ja',
      'o.name_en as o_en',
    ]);

export type ProfileRow = Awaited<ReturnType<typeof profilesRepo.all>>[number];

export const profilesRepo = {
  get: (db: Q, id: string) => withOwners(db).where('p.owner_id', '=', id).executeTakeFirst(),
  all: (db: Q) => withOwners(db).orderBy('p.owner_id').execute(),
  insert: (db: Q, row: Database['profiles']) => db.insertInto('profiles').values(row).execute(),
  update: (db: Q, id: string, version: number, set: Partial<Database['profiles']>) =>
    db
      .updateTable('profiles')
      .set({ ...set, version: version + 1 })
      .where('owner_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  /** Every (agreement, party) pair: who already cooperates with whom. */
  parties: (db: Q) =>
    db.selectFrom('agreement_parties').select(['agreement_id', 'locality_code', 'organization_id']).execute(),
  /** The sectors of every organisation (the matcher's index), or of these only. */
  sectorsOf: (db: Q, ids?: string[]) => {
    const q = db.selectFrom('organization_sectors').selectAll();
    return (ids ? q.where('organization_id', 'in', ids) : q).orderBy('code').execute();
  },
};
