import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, LocalityRow } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCanEditLocality } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { indexRecord, matchingIds } from '../search/service.ts';
import { nowIso, parseJson } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { localitiesRepo, toLocality } from './repository.ts';
import type { Locality, LocalityCreate, LocalityQuery, LocalityUpdate } from './schemas.ts';

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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'locality',
        entityId: row.code,
        before: null,
        after: created,
      },
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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'locality',
        entityId: code,
        before,
        after,
      },
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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'locality',
        entityId: ref.code,
        before: null,
        after: toLocality(row),
      },
    });
  });
  return true;
}

/**
 * Gives reference localities loaded before admin-centres.csv existed their centre's names in
 * Vietnamese and Japanese script; a name already there (an editor's) is kept. Returns how many changed.
 */
export async function fillAdminCentreNames(db: Q, refs: ReferenceLocality[]): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let changed = 0;
    for (const ref of refs) {
      const { vi, ja } = ref.adminCenterName ?? {};
      if (!vi && !ja) continue;
      const res = await tx
        .updateTable('localities')
        .set({ admin_center_vi: vi ?? null, admin_center_ja: ja ?? null })
        .where('code', '=', ref.code)
        .where('admin_center_vi', 'is', null)
        .where('admin_center_ja', 'is', null)
        .executeTakeFirst();
      changed += Number(res.numUpdatedRows);
    }
    if (changed) await recordChange(tx, { scopes: ['atlas'] });
    return changed;
  });
}

// What the first reference data wrote as the source note of cities: a phrase about our own files
// ("Party of an agreement in agreements-seed.csv"), not about the city.
const INTERNAL_NOTE = /^Party of (an agreement|agreements) in agreements-seed\.csv/;

/** Replaces that internal phrase in the sources of reference cities by the notes the data now gives. */
export async function replaceInternalSourceNotes(db: Q, refs: ReferenceLocality[]): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let changed = 0;
    for (const ref of refs) {
      const row = await localitiesRepo.get(tx, ref.code);
      if (!row) continue;
      const sources = parseJson<{ url: string | null; note: string | null }[]>(row.sources, []);
      if (!sources.some((s) => s.note && INTERNAL_NOTE.test(s.note))) continue;
      await tx
        .updateTable('localities')
        .set({ sources: JSON.stringify(ref.sources) })
        .where('code', '=', ref.code)
        .execute();
      changed++;
    }
    if (changed) await recordChange(tx, { scopes: ['atlas'] });
    return changed;
  });
}
