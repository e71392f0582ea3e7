import type { Kysely } from 'kysely';
import type { Database, LocalityRow } from '../../db/types.ts';
import type { IdQuery } from '../search/service.ts';
import { localized, parseJson } from '../shared/json.ts';
import type { Locality } from './schemas.ts';

type Q = Kysely<Database>;

export interface LocalityFilter {
  country?: string;
  kind?: string;
  parent?: string;
  /** Ids matching a search (from the search feature). */
  ids?: IdQuery | null;
}

export const toLocality = (r: LocalityRow): Locality => ({
  code: r.code,
  country: r.country as Locality['country'],
  kind: r.kind as Locality['kind'],
  name: localized({ vi: r.name_vi, ja: r.name_ja, en: r.name_en }),
  parentCode: r.parent_code,
  lat: r.lat,
  lon: r.lon,
  adminCenter: r.admin_center,
  adminCenterName: localized({ vi: r.admin_center_vi, ja: r.admin_center_ja, en: r.admin_center }),
  mergedFrom: parseJson<string[]>(r.merged_from, []),
  sources: parseJson(r.sources, []),
  version: r.version,
});

const filtered = (db: Q, f: LocalityFilter) => {
  let q = db.selectFrom('localities');
  if (f.country) q = q.where('country', '=', f.country);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.parent) q = q.where('parent_code', '=', f.parent);
  if (f.ids) q = q.where('code', 'in', f.ids);
  return q;
};

export const localitiesRepo = {
  get: (db: Q, code: string) =>
    db.selectFrom('localities').selectAll().where('code', '=', code).executeTakeFirst(),
  list: (db: Q, f: LocalityFilter, after: string | null, limit: number) => {
    let q = filtered(db, f).selectAll();
    if (after !== null) q = q.where('code', '>', after);
    return q.orderBy('code').limit(limit).execute();
  },
  count: async (db: Q, f: LocalityFilter) =>
    Number(
      (
        await filtered(db, f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  insert: (db: Q, row: LocalityRow) => db.insertInto('localities').values(row).execute(),
  update: (db: Q, code: string, version: number, set: Partial<LocalityRow>) =>
    db
      .updateTable('localities')
      .set({ ...set, version: version + 1 })
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst(),
};
