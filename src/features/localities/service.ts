import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, LocalityRow } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCanEditLocality } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { listAgreements, partnersOf, toAgreementSummary } from '../agreements/service.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import { listOrganizations, toOrganizationSummary } from '../organizations/service.ts';
import { indexRecord, matchingIds } from '../search/service.ts';
import { nowIso, parseJson } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { exactlyNamed } from './names.ts';
import { localitiesRepo, toLocality, toSummary } from './repository.ts';
import type { Locality, LocalityCreate, LocalityQuery, LocalitySummary, LocalityUpdate } from './schemas.ts';

type Q = Kysely<Database>;

export async function listLocalities(db: Q, query: z.infer<typeof LocalityQuery>) {
  const after = decodeCursor(query.cursor, 1);
  const filter = { ...query, ids: query.q ? await matchingIds(db, 'locality', query.q) : null };
  const [rows, total] = await Promise.all([
    localitiesRepo.list(db, filter, after ? String(after[0]) : null, query.limit + 1),
    localitiesRepo.count(db, filter),
  ]);
  return toPage(rows, query.limit, total, (r) => [r.code], toLocality);
}

export async function getLocality(db: Q, code: string): Promise<Locality> {
  const row = await localitiesRepo.get(db, code);
  if (!row) throw notFound('locality', code);
  return toLocality(row);
}

/** How many agreements and organisations a locality's detail embeds; the list endpoints page on. */
export const DETAIL_ITEMS = 10;

/**
 * A locality with what its page shows: parent, children, partners, and summaries of its newest
 * agreements and first organisations, with their totals and the cursors that continue them in
 * `/api/agreements?locality=CODE` and `/api/organizations?locality=CODE`. (Embedding 50 and 100
 * full records made the answer 110 KB, most of it never shown.)
 */
export async function getLocalityDetail(db: Q, code: string) {
  const locality = await getLocality(db, code);
  const [parent, children, partners, agreements, organizations] = await Promise.all([
    locality.parentCode ? localitiesRepo.get(db, locality.parentCode) : undefined,
    localitiesRepo.children(db, code),
    partnersOf(db, code),
    listAgreements(db, { locality: code, limit: DETAIL_ITEMS, format: 'json' }),
    listOrganizations(db, { locality: code, limit: DETAIL_ITEMS, format: 'json' }),
  ]);
  return {
    ...locality,
    parent: parent ? toSummary(parent) : null,
    children: children.map(toSummary),
    partners,
    agreements: agreements.items.map(toAgreementSummary),
    agreementsTotal: agreements.total,
    agreementsNextCursor: agreements.nextCursor,
    organizations: organizations.items.map(toOrganizationSummary),
    organizationsTotal: organizations.total,
    organizationsNextCursor: organizations.nextCursor,
  };
}

export async function localitySummaries(db: Q, codes: string[]): Promise<Map<string, LocalitySummary>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('localities')
    .select(['code', 'country', 'kind', 'name_vi', 'name_ja', 'name_en'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, toSummary(r)]));
}

/** The code and the codes of the localities below it: a prefecture's page includes its cities. */
export async function localityWithChildren(db: Q, given: string): Promise<string[]> {
  // A filter may name the locality ("滋賀", "quang ninh") rather than give its code.
  let code = given;
  if (!(await localitiesRepo.get(db, given))) {
    const r = await resolveRecordName(db, given);
    if ('found' in r && r.found.type === 'locality') code = r.found.code;
  }
  const children = await localitiesRepo.children(db, code);
  return [code, ...children.map((c) => c.code)];
}

/** What finds a locality: its names, its code, and the former provinces merged into it. */
const indexLocality = (
  db: Q,
  r: Pick<LocalityRow, 'code' | 'name_vi' | 'name_ja' | 'name_en'>,
  mergedFrom: string[],
) => indexRecord(db, 'locality', r.code, [r.name_vi, r.name_ja, r.name_en, r.code, ...mergedFrom]);

export async function createLocality(
  db: Q,
  { input, user }: { input: z.infer<typeof LocalityCreate>; user: User },
) {
  assertCanEditLocality(user, input.code, input.parentCode);
  const parent = await localitiesRepo.get(db, input.parentCode);
  if (parent?.kind !== 'prefecture') {
    throw new AppError('reference.unknown', `prefecture ${input.parentCode} does not exist`, [
      { path: 'parentCode', message: 'unknown prefecture', code: 'unknown_reference' },
    ]);
  }
  if (await localitiesRepo.get(db, input.code)) {
    throw new AppError('conflict', `locality ${input.code} exists already`, [
      { path: 'code', message: 'already in use', code: 'taken' },
    ]);
  }
  const now = nowIso();
  const row: LocalityRow = {
    code: input.code,
    country: 'JP',
    kind: 'municipality',
    parent_code: input.parentCode,
    name_vi: input.name.vi ?? null,
    name_ja: input.name.ja ?? null,
    name_en: input.name.en ?? null,
    admin_center: input.adminCenter,
    admin_center_vi: null,
    admin_center_ja: null,
    lat: input.lat,
    lon: input.lon,
    merged_from: '[]',
    sources: JSON.stringify(input.sources),
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return db.transaction().execute(async (tx) => {
    await localitiesRepo.insert(tx, row);
    await indexLocality(tx, row, []);
    const created = toLocality(row);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'create',
      entityType: 'locality',
      entityId: row.code,
      before: null,
      after: created,
    });
    return created;
  });
}

export async function updateLocality(
  db: Q,
  {
    code,
    version,
    patch,
    user,
  }: { code: string; version: number; patch: z.infer<typeof LocalityUpdate>; user: User },
) {
  const before = await getLocality(db, code);
  if (before.kind !== 'municipality' && user.role !== 'admin') {
    throw new AppError('auth.forbidden', 'reference provinces and prefectures are changed by an admin only');
  }
  assertCanEditLocality(user, code, before.parentCode);
  const name = patch.name ?? before.name;
  const set: Partial<LocalityRow> = {
    name_vi: name.vi ?? null,
    name_ja: name.ja ?? null,
    name_en: name.en ?? null,
    admin_center: patch.adminCenter === undefined ? before.adminCenter : patch.adminCenter,
    lat: patch.lat === undefined ? before.lat : patch.lat,
    lon: patch.lon === undefined ? before.lon : patch.lon,
    sources: JSON.stringify(patch.sources ?? before.sources),
    updated_at: nowIso(),
  };
  return db.transaction().execute(async (tx) => {
    const res = await localitiesRepo.update(tx, code, version, set);
    if (Number(res.numUpdatedRows) !== 1) {
      throw new AppError(
        'locality.version_conflict',
        `locality ${code} was changed by someone else (you sent version ${version}); reload it`,
      );
    }
    const after = await getLocality(tx, code);
    await indexLocality(
      tx,
      { code, name_vi: set.name_vi ?? null, name_ja: set.name_ja ?? null, name_en: set.name_en ?? null },
      after.mergedFrom,
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'update',
      entityType: 'locality',
      entityId: code,
      before,
      after,
    });
    return after;
  });
}

export interface ReferenceLocality {
  code: string;
  country: 'VN' | 'JP';
  kind: Locality['kind'];
  parentCode: string | null;
  name: { vi?: string; ja?: string; en?: string };
  adminCenter: string | null;
  /** The centre in Vietnamese and Japanese script (data/seed/admin-centres.csv). */
  adminCenterName?: { vi?: string; ja?: string };
  lat: number | null;
  lon: number | null;
  mergedFrom: string[];
  sources: { url: string | null; note: string | null }[];
}

/** Adds a reference locality unless its code exists already (seeding is idempotent). */
export async function insertReferenceLocality(db: Q, ref: ReferenceLocality): Promise<boolean> {
  if (await localitiesRepo.get(db, ref.code)) return false;
  const now = nowIso();
  const row: LocalityRow = {
    code: ref.code,
    country: ref.country,
    kind: ref.kind,
    parent_code: ref.parentCode,
    name_vi: ref.name.vi ?? null,
    name_ja: ref.name.ja ?? null,
    name_en: ref.name.en ?? null,
    admin_center: ref.adminCenter,
    admin_center_vi: ref.adminCenterName?.vi ?? null,
    admin_center_ja: ref.adminCenterName?.ja ?? null,
    lat: ref.lat,
    lon: ref.lon,
    merged_from: JSON.stringify(ref.mergedFrom),
    sources: JSON.stringify(ref.sources),
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await localitiesRepo.insert(tx, row);
    await indexLocality(tx, row, ref.mergedFrom);
    await recordAudit(tx, {
      actor: null,
      action: 'create',
      entityType: 'locality',
      entityId: ref.code,
      before: null,
      after: toLocality(row),
    });
  });
  return true;
}

export type RecordRef = { type: 'locality' | 'organization'; code: string };
export type NameResolution =
  | { found: RecordRef }
  | { candidates: (RecordRef & { name: Locality['name'] })[] };

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
    localitiesRepo.get(db, raw),
    db.selectFrom('organizations').select('id').where('id', '=', raw).executeTakeFirst(),
  ]);
  if (loc) return { found: { type: 'locality', code: loc.code } };
  if (org) return { found: { type: 'organization', code: org.id } };
  const [locs, orgs] = await Promise.all([
    listLocalities(db, { q: raw, limit: 20, format: 'json' }),
    listOrganizations(db, { q: raw, limit: 20, format: 'json' }),
  ]);
  const all = [
    ...locs.items.map((l) => ({ type: 'locality' as const, code: l.code, id: l.code, name: l.name })),
    ...orgs.items.map((o) => ({ type: 'organization' as const, code: o.id, id: o.id, name: o.name })),
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

/**
 * Gives reference localities loaded before admin-centres.csv existed their centre's names in
 * Vietnamese and Japanese script; a name already there (an editor's) is kept. Returns how many changed.
 */
export async function fillAdminCentreNames(db: Q, refs: ReferenceLocality[]): Promise<number> {
  let changed = 0;
  for (const ref of refs) {
    const { vi, ja } = ref.adminCenterName ?? {};
    if (!vi && !ja) continue;
    const res = await db
      .updateTable('localities')
      .set({ admin_center_vi: vi ?? null, admin_center_ja: ja ?? null })
      .where('code', '=', ref.code)
      .where('admin_center_vi', 'is', null)
      .where('admin_center_ja', 'is', null)
      .executeTakeFirst();
    changed += Number(res.numUpdatedRows);
  }
  return changed;
}

// What the first reference data wrote as the source note of cities: a phrase about our own files
// ("Party of an agreement in agreements-seed.csv"), not about the city.
const INTERNAL_NOTE = /^Party of (an agreement|agreements) in agreements-seed\.csv/;

/** Replaces that internal phrase in the sources of reference cities by the notes the data now gives. */
export async function replaceInternalSourceNotes(db: Q, refs: ReferenceLocality[]): Promise<number> {
  let changed = 0;
  for (const ref of refs) {
    const row = await localitiesRepo.get(db, ref.code);
    if (!row) continue;
    const sources = parseJson<{ url: string | null; note: string | null }[]>(row.sources, []);
    if (!sources.some((s) => s.note && INTERNAL_NOTE.test(s.note))) continue;
    await db
      .updateTable('localities')
      .set({ sources: JSON.stringify(ref.sources) })
      .where('code', '=', ref.code)
      .execute();
    changed++;
  }
  return changed;
}
