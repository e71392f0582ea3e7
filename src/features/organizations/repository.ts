import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../../db/types.ts';
import type { IdQuery } from '../search/service.ts';

type Q = Kysely<Database>;

export interface OrganizationFilter {
  country?: string;
  localityCodes?: string[];
  kind?: string;
  sector?: string;
  synthetic?: boolean;
  ids?: IdQuery | null;
}

const filtered = (db: Q, f: OrganizationFilter) => {
  let q = db.selectFrom('organizations as o');
  if (f.country) q = q.where('o.country', '=', f.country);
  if (f.localityCodes) q = q.where('o.locality_code', 'in', f.localityCodes);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.synthetic !== undefined) q = q.where('o.synthetic', '=', f.synthetic ? 1 : 0);
  if (f.sector) {
    const sector = f.sector;
    q = q.where(
      'o.id',
      'in',
      db.selectFrom('organization_sectors').select('organization_id').where('code', '=', sector),
    );
  }
  if (f.ids) q = q.where('o.id', 'in', f.ids);
  return q;
};

export const organizationsRepo = {
  get: (db: Q, id: string) =>
    db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst(),
  list: (db: Q, f: OrganizationFilter, after: [string, string] | null, limit: number) => {
    let q = filtered(db, f).selectAll('o');
    if (after) {
      const [name, id] = after;
      q = q.where((eb) =>
        eb.or([eb('o.sort_name', '>', name), eb.and([eb('o.sort_name', '=', name), eb('o.id', '>', id)])]),
      );
    }
    return q.orderBy('o.sort_name').orderBy('o.id').limit(limit).execute();
  },
  count: async (db: Q, f: OrganizationFilter) =>
    Number(
      (
        await filtered(db, f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  sectorsOf: async (db: Q, ids: string[]) => {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = await db
      .selectFrom('organization_sectors')
      .selectAll()
      .where('organization_id', 'in', ids)
      .orderBy('code')
      .execute();
    for (const r of rows) map.set(r.organization_id, [...(map.get(r.organization_id) ?? []), r.code]);
    return map;
  },
  insert: async (db: Q, row: OrganizationRow, sectors: string[]) => {
    await db.insertInto('organizations').values(row).execute();
    await organizationsRepo.setSectors(db, row.id, sectors);
  },
  setSectors: async (db: Q, id: string, sectors: string[]) => {
    await db.deleteFrom('organization_sectors').where('organization_id', '=', id).execute();
    if (sectors.length) {
      await db
        .insertInto('organization_sectors')
        .values(sectors.map((code) => ({ organization_id: id, code })))
        .execute();
    }
  },
  update: (db: Q, id: string, version: number, set: Partial<OrganizationRow>) =>
    db
      .updateTable('organizations')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  delete: (db: Q, id: string, version: number) =>
    db.deleteFrom('organizations').where('id', '=', id).where('version', '=', version).executeTakeFirst(),
  isParty: async (db: Q, id: string) =>
    Boolean(
      await db
        .selectFrom('agreement_parties')
        .select('agreement_id')
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
};
