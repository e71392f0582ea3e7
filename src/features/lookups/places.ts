import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { LocalitySummary } from '../localities/schemas.ts';
import { localized } from '../shared/json.ts';
import { resolveRecordName } from './names.ts';

/**
 * The locality tree and where organisations are, as every feature needs them: read-only
 * lookups over the localities and organisations tables, importing no feature's service, so
 * that any service may use them without a cycle (agreements filter by a locality and its
 * cities; organisations present their locality; the policy needs a record's parent).
 */

type Q = Kysely<Database>;

const toSummary = (r: {
  code: string;
  country: string;
  kind: string;
  name_vi: string | null;
  name_ja: string | null;
  name_en: string | null;
}): LocalitySummary => ({
  code: r.code,
  country: r.country as LocalitySummary['country'],
  kind: r.kind as LocalitySummary['kind'],
  name: localized({ vi: r.name_vi, ja: r.name_ja, en: r.name_en }),
});

const SUMMARY = ['code', 'country', 'kind', 'name_vi', 'name_ja', 'name_en'] as const;

/** Summaries (code, country, kind, name) of these localities, by code; unknown codes are absent. */
export async function localitySummaries(db: Q, codes: string[]): Promise<Map<string, LocalitySummary>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('localities').select(SUMMARY).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, toSummary(r)]));
}

/** The localities directly below one (a prefecture's cities), by code. */
export async function localityChildren(db: Q, code: string): Promise<LocalitySummary[]> {
  const rows = await db
    .selectFrom('localities')
    .select(SUMMARY)
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
  return rows.map(toSummary);
}

/** Each of these localities with its parent's code (null for a province or prefecture). */
export async function localityParents(
  db: Q,
  codes: string[],
): Promise<{ code: string; parentCode: string | null }[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('localities')
    .select(['code', 'parent_code'])
    .where('code', 'in', codes)
    .execute();
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code }));
}

/** Each of these organisations with the locality it is based in. */
export async function organizationPlaces(
  db: Q,
  ids: string[],
): Promise<{ id: string; localityCode: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'locality_code'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({ id: r.id, localityCode: r.locality_code }));
}

/** The code and the codes of the localities below it: a prefecture's page includes its cities. */
export async function localityWithChildren(db: Q, given: string): Promise<string[]> {
  // A filter may name the locality ("滋賀", "quang ninh") rather than give its code.
  let code = given;
  if ((await localityParents(db, [given])).length === 0) {
    const r = await resolveRecordName(db, given);
    if ('found' in r && r.found.type === 'locality') code = r.found.code;
  }
  const children = await db
    .selectFrom('localities')
    .select('code')
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
  return [code, ...children.map((c) => c.code)];
}

/**
 * Every locality and every organisation that is not synthetic, with the English name: what the
 * agreements CSV import matches its party columns against, read once per import.
 */
export async function placeDirectory(db: Q) {
  const [localities, organizations] = await Promise.all([
    db.selectFrom('localities').select(['code', 'parent_code', 'name_en']).execute(),
    db
      .selectFrom('organizations')
      .select(['id', 'locality_code', 'name_en'])
      .where('synthetic', '=', 0)
      .execute(),
  ]);
  return {
    localities: localities.map((l) => ({ code: l.code, parentCode: l.parent_code, nameEn: l.name_en })),
    organizations: organizations.map((o) => ({ id: o.id, localityCode: o.locality_code, nameEn: o.name_en })),
  };
}
