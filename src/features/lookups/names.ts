import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { exactlyNamed } from '../localities/names.ts';
import type { Locality } from '../localities/schemas.ts';
import { matchingIds } from '../search/service.ts';
import { localized } from '../shared/json.ts';

type Q = Kysely<Database>;

export type RecordRef = { type: 'locality' | 'organization'; code: string };
export type NameResolution =
  | { found: RecordRef }
  | { candidates: (RecordRef & { name: Locality['name'] })[] };

/** How many records of each kind a name is compared with: the first by code, or by name. */
const CANDIDATES = 20;

/**
 * What a party, scope or owner given as text stands for: a locality code or organisation id as
 * it is, else the one locality or organisation named so in any language and script, with or
 * without diacritics ("Quảng Ninh", "quang ninh", "滋賀", "Toyama"), else the candidates it
 * could mean (none when nothing is named so).
 */
export async function resolveRecordName(db: Q, text: string): Promise<NameResolution> {
  const raw = text.trim();
  if (!raw) return { candidates: [] };
  const [loc, org] = await Promise.all([
    db.selectFrom('localities').select('code').where('code', '=', raw).executeTakeFirst(),
    db.selectFrom('organizations').select('id').where('id', '=', raw).executeTakeFirst(),
  ]);
  if (loc) return { found: { type: 'locality', code: loc.code } };
  if (org) return { found: { type: 'organization', code: org.id } };
  const [locIds, orgIds] = await Promise.all([
    matchingIds(db, 'locality', raw),
    matchingIds(db, 'organization', raw),
  ]);
  if (!locIds || !orgIds) return { candidates: [] };
  const names = ['name_vi', 'name_ja', 'name_en'] as const;
  const [locs, orgs] = await Promise.all([
    db
      .selectFrom('localities')
      .select(['code', ...names])
      .where('code', 'in', locIds)
      .orderBy('code')
      .limit(CANDIDATES)
      .execute(),
    db
      .selectFrom('organizations')
      .select(['id', ...names])
      .where('id', 'in', orgIds)
      .orderBy('sort_name')
      .orderBy('id')
      .limit(CANDIDATES)
      .execute(),
  ]);
  const nameOf = (r: { name_vi: string | null; name_ja: string | null; name_en: string | null }) =>
    localized({ vi: r.name_vi, ja: r.name_ja, en: r.name_en });
  const all = [
    ...locs.map((l) => ({ type: 'locality' as const, code: l.code, id: l.code, name: nameOf(l) })),
    ...orgs.map((o) => ({ type: 'organization' as const, code: o.id, id: o.id, name: nameOf(o) })),
  ];
  const named = exactlyNamed(raw, all);
  if (named.length === 1) return { found: { type: named[0].type, code: named[0].code } };
  return { candidates: named.map(({ type, code, name }) => ({ type, code, name })) };
}

/** "Toyama (JP-16), Toyama City (JP-16-TOYAMA)": the candidates in a problem's message. */
export const candidateList = (candidates: { code: string; name: Locality['name'] }[]) =>
  candidates
    .slice(0, 8)
    .map((c) => `${c.name.en ?? c.name.vi ?? c.name.ja ?? c.code} (${c.code})`)
    .join(', ');
