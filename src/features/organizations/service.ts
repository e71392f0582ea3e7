import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../../db/types.ts';
import { foldForSearch } from '../../domain/search.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCanEditOrganization, assertCanMoveOrganizationTo } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { candidateList, resolveRecordName } from '../lookups/names.ts';
import { localitySummaries, localityWithChildren } from '../lookups/places.ts';
import { indexRecord, insertTerms, matchingIds, unindexRecord } from '../search/service.ts';
import { localized, nowIso, parseJson } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { type OrganizationFilter, organizationsRepo } from './repository.ts';
import type {
  Organization,
  OrganizationCreate,
  OrganizationQuery,
  OrganizationSummary,
  OrganizationUpdate,
} from './schemas.ts';

type Q = Kysely<Database>;

async function present(db: Q, rows: OrganizationRow[]): Promise<Organization[]> {
  const [sectors, localities] = await Promise.all([
    organizationsRepo.sectorsOf(
      db,
      rows.map((r) => r.id),
    ),
    localitySummaries(db, [...new Set(rows.map((r) => r.locality_code))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Organization['kind'],
    name: localized({ vi: r.name_vi, ja: r.name_ja, en: r.name_en }),
    localityCode: r.locality_code,
    locality: localities.get(r.locality_code)!,
    website: r.website,
    sectors: sectors.get(r.id) ?? [],
    description: parseJson(r.description, {}),
    synthetic: r.synthetic === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export const toOrganizationSummary = (o: Organization): OrganizationSummary => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  locality: o.locality,
  sectors: o.sectors,
  synthetic: o.synthetic,
});

async function toFilter(db: Q, q: OrganizationQuery): Promise<OrganizationFilter> {
  return {
    country: q.country,
    localityCodes: q.locality ? await localityWithChildren(db, q.locality) : undefined,
    kind: q.kind,
    sector: q.sector,
    synthetic: q.synthetic === undefined ? undefined : q.synthetic === 'true',
    ids: q.q ? await matchingIds(db, 'organization', q.q) : null,
  };
}

export async function listOrganizations(db: Q, query: OrganizationQuery) {
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const filter = await toFilter(db, query);
  const [rows, total] = await Promise.all([
    organizationsRepo.list(db, filter, after, query.limit + 1),
    organizationsRepo.count(db, filter),
  ]);
  const page = toPage(
    rows,
    query.limit,
    total,
    (r) => [r.sort_name, r.id],
    (r) => r,
  );
  return { ...page, items: await present(db, page.items) };
}

export async function getOrganization(db: Q, id: string): Promise<Organization> {
  const row = await organizationsRepo.get(db, id);
  if (!row) throw notFound('organisation', id);
  return (await present(db, [row]))[0];
}

/** What finds an organisation: its names in each language and its web address. */
const searchNames = (name: { vi?: string; ja?: string; en?: string }, website: string | null) => [
  name.vi,
  name.ja,
  name.en,
  website?.replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, ''),
];

const sortName = (name: { vi?: string; ja?: string; en?: string }) =>
  foldForSearch(name.en ?? name.vi ?? name.ja ?? '');

/**
 * The locality an organisation is based in, given by code or by name in any script ("滋賀",
 * "quang ninh"); one that names no locality, or several, is a named 422.
 */
async function localityOf(db: Q, given: string) {
  const direct = (await localitySummaries(db, [given])).get(given);
  if (direct) return direct;
  const r = await resolveRecordName(db, given);
  if ('found' in r && r.found.type === 'locality') {
    const found = (await localitySummaries(db, [r.found.code])).get(r.found.code);
    if (found) return found;
  }
  const candidates = 'candidates' in r ? r.candidates.filter((c) => c.type === 'locality') : [];
  throw new AppError('reference.unknown', `no single locality is named or coded "${given}"`, [
    candidates.length > 1
      ? {
          path: 'localityCode',
          message: `"${given}" could be ${candidateList(candidates)}: choose one`,
          code: 'ambiguous_reference',
        }
      : { path: 'localityCode', message: 'unknown locality', code: 'unknown_reference' },
  ]);
}

export async function createOrganization(
  db: Q,
  {
    input,
    user,
    id,
    synthetic = false,
  }: { input: OrganizationCreate; user: User | null; id?: string; synthetic?: boolean },
) {
  const locality = await localityOf(db, input.localityCode);
  if (user) assertCanEditOrganization(user, { id: '', localityCode: locality.code });
  const now = nowIso();
  const row: OrganizationRow = {
    id: id ?? `org-${randomUUID()}`,
    kind: input.kind,
    locality_code: locality.code,
    country: locality.country,
    name_vi: input.name.vi ?? null,
    name_ja: input.name.ja ?? null,
    name_en: input.name.en ?? null,
    sort_name: sortName(input.name),
    website: input.website,
    description: JSON.stringify(input.description),
    synthetic: synthetic ? 1 : 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return db.transaction().execute(async (tx) => {
    await organizationsRepo.insert(tx, row, input.sectors);
    await indexRecord(tx, 'organization', row.id, searchNames(input.name, input.website));
    const created = await getOrganization(tx, row.id);
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'organization',
        entityId: row.id,
        before: null,
        after: created,
      },
    });
    return created;
  });
}

export async function updateOrganization(
  db: Q,
  { id, version, patch, user }: { id: string; version: number; patch: OrganizationUpdate; user: User },
) {
  const before = await getOrganization(db, id);
  assertCanEditOrganization(user, before);
  const locality = await localityOf(db, patch.localityCode ?? before.localityCode);
  if (locality.code !== before.localityCode) assertCanMoveOrganizationTo(user, locality.code);
  const name = patch.name ?? before.name;
  const website = patch.website === undefined ? before.website : patch.website;
  const set: Partial<OrganizationRow> = {
    kind: patch.kind ?? before.kind,
    locality_code: locality.code,
    country: locality.country,
    name_vi: name.vi ?? null,
    name_ja: name.ja ?? null,
    name_en: name.en ?? null,
    sort_name: sortName(name),
    website,
    description: JSON.stringify(patch.description ?? before.description),
    updated_at: nowIso(),
  };
  return db.transaction().execute(async (tx) => {
    const res = await organizationsRepo.update(tx, id, version, set);
    if (Number(res.numUpdatedRows) !== 1) throw conflict(id, version, before.version);
    if (patch.sectors) await organizationsRepo.setSectors(tx, id, patch.sectors);
    await indexRecord(tx, 'organization', id, searchNames(name, website));
    const after = await getOrganization(tx, id);
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'organization',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}

export async function deleteOrganization(
  db: Q,
  { id, version, user }: { id: string; version: number; user: User },
) {
  const before = await getOrganization(db, id);
  assertCanEditOrganization(user, before);
  if (await organizationsRepo.isParty(db, id)) {
    throw new AppError('reference.in_use', `organisation ${id} is a party to agreements; change those first`);
  }
  await db.transaction().execute(async (tx) => {
    const res = await organizationsRepo.delete(tx, id, version);
    if (Number(res.numDeletedRows) !== 1) throw conflict(id, version, before.version);
    await unindexRecord(tx, 'organization', id);
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'organization',
        entityId: id,
        before,
        after: null,
      },
    });
  });
}

const conflict = (id: string, sent: number, current: number) =>
  new AppError(
    'organization.version_conflict',
    `organisation ${id} was changed by someone else (you sent version ${sent}, it is now ${current}); reload it`,
  );

/**
 * Adds many synthetic organisations at once (scale tests, benchmarks): batched inserts, and one
 * audit entry for the batch rather than one per row.
 */
export async function insertSyntheticOrganizations(
  db: Q,
  inputs: { id: string; input: OrganizationCreate }[],
) {
  const now = nowIso();
  const localities = await localitySummaries(db, [...new Set(inputs.map((i) => i.input.localityCode))]);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < inputs.length; i += 500) {
      const batch = inputs.slice(i, i + 500);
      await tx
        .insertInto('organizations')
        .values(
          batch.map(({ id, input }) => ({
            id,
            kind: input.kind,
            locality_code: input.localityCode,
            country: localities.get(input.localityCode)!.country,
            name_vi: input.name.vi ?? null,
            name_ja: input.name.ja ?? null,
            name_en: input.name.en ?? null,
            sort_name: sortName(input.name),
            website: input.website,
            description: JSON.stringify(input.description),
            synthetic: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const sectors = batch.flatMap(({ id, input }) =>
        input.sectors.map((code) => ({ organization_id: id, code })),
      );
      await insertTerms(
        tx,
        'organization',
        batch.map(({ id, input }) => ({ id, names: searchNames(input.name, input.website) })),
      );
      if (sectors.length) await tx.insertInto('organization_sectors').values(sectors).execute();
    }
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'organization',
        entityId: `synthetic-batch-${now}`,
        before: null,
        after: { synthetic: inputs.length },
      },
    });
  });
}

/**
 * The first reference data described its organisations with a phrase about our own files
 * ("Party of an agreement in agreements-seed.csv"); this removes that description where it is
 * still the only one.
 */
export async function clearInternalDescriptions(db: Q, ids: string[]): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let changed = 0;
    for (const id of ids) {
      const row = await organizationsRepo.get(tx, id);
      if (!row) continue;
      const d = parseJson<{ vi?: string; ja?: string; en?: string }>(row.description, {});
      if (d.vi || d.ja || !d.en || !/^Party of (an agreement|agreements) in agreements-seed\.csv/.test(d.en))
        continue;
      await tx.updateTable('organizations').set({ description: '{}' }).where('id', '=', id).execute();
      changed++;
    }
    if (changed) await recordChange(tx, { scopes: ['atlas'] });
    return changed;
  });
}
