import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgreementRow, Database } from '../../db/types.ts';
import { AppError, type FieldError, notFound } from '../../errors.ts';
import { assertCanEditAgreement, assertCanRemoveParty, withParent } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { LocalitySummary } from '../localities/schemas.ts';
import { candidateList, localityWithChildren, resolveRecordName } from '../localities/service.ts';
import { indexRecord, insertTerms, matchingIds, unindexRecord } from '../search/service.ts';
import { groupBy, localized, nowIso, parseJson } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { datePrecision } from '../shared/schemas.ts';
import { agreementIdFor, type ImportRow } from './import.ts';
import { type AgreementFilter, agreementsRepo } from './repository.ts';
import type {
  Agreement,
  AgreementCreate,
  AgreementQuery,
  AgreementSummary,
  AgreementUpdate,
} from './schemas.ts';
import { deriveStatus, todayIso } from './status.ts';

type Q = Kysely<Database>;
type PartyRow = Awaited<ReturnType<typeof agreementsRepo.partiesOf>>[number];

const partyOf = (p: PartyRow): Agreement['parties'][number] => ({
  type: p.party_type as 'locality' | 'organization',
  code: (p.locality_code ?? p.organization_id)!,
  name:
    p.party_type === 'organization'
      ? localized({ vi: p.o_vi, ja: p.o_ja, en: p.o_en })
      : localized({ vi: p.l_vi, ja: p.l_ja, en: p.l_en }),
  country: p.l_country as 'VN' | 'JP',
  note: p.note,
});

const statedOf = (r: AgreementRow) => (r.status_stated ? (r.status as Agreement['status']) : null);

export async function present(db: Q, rows: AgreementRow[]): Promise<Agreement[]> {
  const ids = rows.map((r) => r.id);
  const [parties, fields, renewed] = await Promise.all([
    agreementsRepo.partiesOf(db, ids),
    agreementsRepo.fieldsOf(db, ids),
    agreementsRepo.renewedIds(db, ids),
  ]);
  const today = todayIso();
  const partiesBy = groupBy(parties, (p) => p.agreement_id);
  const fieldsBy = groupBy(fields, (f) => f.agreement_id);
  return rows.map((r) => ({
    id: r.id,
    title: localized({ vi: r.title_vi, ja: r.title_ja, en: r.title_en }),
    kind: r.kind as Agreement['kind'],
    kindDetail: r.kind_detail,
    fields: (fieldsBy.get(r.id) ?? []).map((f) => f.code),
    fieldsReported: r.fields_reported,
    signedOn: r.signed_on,
    signedPrecision: r.signed_precision as Agreement['signedPrecision'],
    validUntil: r.valid_until,
    status: deriveStatus(
      { stated: statedOf(r), validUntil: r.valid_until, renewedByLater: renewed.has(r.id) },
      today,
    ),
    statusStated: statedOf(r),
    renewsId: r.renews_id,
    supersedesId: r.supersedes_id,
    parties: (partiesBy.get(r.id) ?? []).map(partyOf),
    sources: parseJson(r.sources, []),
    note: r.note,
    synthetic: r.synthetic === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export const toAgreementSummary = (a: Agreement): AgreementSummary => ({
  id: a.id,
  title: a.title,
  kind: a.kind,
  fields: a.fields,
  signedOn: a.signedOn,
  signedPrecision: a.signedPrecision,
  status: a.status,
  parties: a.parties.map((p) => ({ type: p.type, code: p.code, name: p.name, country: p.country })),
  synthetic: a.synthetic,
});

async function toFilter(db: Q, q: AgreementQuery): Promise<AgreementFilter> {
  const [words, localities, organizations] = q.q
    ? await Promise.all([
        matchingIds(db, 'agreement', q.q),
        matchingIds(db, 'locality', q.q),
        matchingIds(db, 'organization', q.q),
      ])
    : [null, null, null];
  return {
    ...q,
    today: todayIso(),
    localityCodes: q.locality ? await localityWithChildren(db, q.locality) : undefined,
    search:
      q.q && words
        ? {
            agreements: words,
            localities: localities!,
            organizations: organizations!,
          }
        : null,
  };
}

export async function listAgreements(db: Q, query: AgreementQuery) {
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const filter = await toFilter(db, query);
  const [rows, total] = await Promise.all([
    agreementsRepo.list(db, filter, after, query.limit + 1),
    agreementsRepo.count(db, filter),
  ]);
  const page = toPage(
    rows,
    query.limit,
    total,
    (r) => [r.signed_sort, r.id],
    (r) => r,
  );
  return { ...page, items: await present(db, page.items) };
}

export async function getAgreement(db: Q, id: string): Promise<Agreement> {
  const row = await agreementsRepo.get(db, id);
  if (!row) throw notFound('agreement', id);
  return (await present(db, [row]))[0];
}

export async function getAgreementDetail(db: Q, id: string) {
  const agreement = await getAgreement(db, id);
  const [renews, renewedBy] = await Promise.all([
    agreement.renewsId ? getAgreement(db, agreement.renewsId).catch(() => null) : null,
    agreementsRepo.renewedBy(db, id).then((rows) => present(db, rows)),
  ]);
  return { ...agreement, renews, renewedBy };
}

/**
 * Localities linked to this one (or its cities and organisations) by agreements, with the number
 * of agreements each: one aggregate query, however many agreements there are.
 */
export async function partnersOf(
  db: Q,
  code: string,
): Promise<{ locality: LocalitySummary; agreements: number }[]> {
  const own = await localityWithChildren(db, code);
  const rows = await agreementsRepo.partnerCounts(db, own);
  return rows.map((r) => ({
    locality: {
      code: r.code,
      country: r.country as 'VN' | 'JP',
      kind: r.kind as LocalitySummary['kind'],
      name: localized({ vi: r.name_vi, ja: r.name_ja, en: r.name_en }),
    },
    agreements: Number(r.n),
  }));
}

export async function agreementStats(db: Q) {
  const [byField, byYear] = await Promise.all([
    agreementsRepo.fieldCounts(db),
    agreementsRepo.yearCounts(db),
  ]);
  return {
    byField: byField
      .map((r) => ({ code: r.code, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byYear: byYear.map((r) => ({ year: Number(r.year), count: Number(r.n) })).sort((a, b) => a.year - b.year),
  };
}

// ---- writes ----

type PartyInput = AgreementCreate['parties'][number];

/**
 * Parties as people type them: a code or id, or a name in any language and script ("Quảng Ninh",
 * "toyama", "滋賀"), each resolved to the one record it names. A name that names none, or
 * several, is a field problem that lists what it could mean; nothing is guessed.
 */
export async function resolveParties(db: Q, parties: PartyInput[]): Promise<PartyInput[]> {
  const errors: FieldError[] = [];
  const resolved = await Promise.all(
    parties.map(async (p, i) => {
      const r = await resolveRecordName(db, p.code);
      if ('found' in r) return { ...p, ...r.found };
      errors.push(
        r.candidates.length
          ? {
              path: `parties.${i}.code`,
              message: `"${p.code}" could be ${candidateList(r.candidates)}: choose one`,
              code: 'ambiguous_reference',
            }
          : {
              path: `parties.${i}.code`,
              message: `no locality or organisation is named or coded "${p.code}"`,
              code: 'unknown_reference',
            },
      );
      return p;
    }),
  );
  errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  const seen = new Set<string>();
  resolved.forEach((p, i) => {
    const key = `${p.type}:${p.code}`;
    if (seen.has(key))
      errors.push({ path: `parties.${i}.code`, message: 'a party is listed twice', code: 'invalid' });
    seen.add(key);
  });
  if (errors.length) throw new AppError('validation.invalid', 'a party is listed twice', errors);
  return resolved;
}

/** Checks that parties and linked agreements exist; returns the keys that decide who may edit. */
async function resolveReferences(
  db: Q,
  input: {
    parties?: { type: string; code: string }[];
    renewsId?: string | null;
    supersedesId?: string | null;
  },
  selfId?: string,
) {
  const errors: FieldError[] = [];
  const keys: string[] = [];
  const parties = input.parties ?? [];
  const locCodes = parties.filter((p) => p.type === 'locality').map((p) => p.code);
  const orgIds = parties.filter((p) => p.type === 'organization').map((p) => p.code);
  const [locs, orgs] = await Promise.all([
    locCodes.length
      ? db.selectFrom('localities').select(['code', 'parent_code']).where('code', 'in', locCodes).execute()
      : [],
    orgIds.length
      ? db.selectFrom('organizations').select(['id', 'locality_code']).where('id', 'in', orgIds).execute()
      : [],
  ]);
  parties.forEach((p, i) => {
    const loc = p.type === 'locality' ? locs.find((l) => l.code === p.code) : undefined;
    const org = p.type === 'organization' ? orgs.find((o) => o.id === p.code) : undefined;
    if (!loc && !org)
      errors.push({
        path: `parties.${i}.code`,
        message: `unknown ${p.type} ${p.code}`,
        code: 'unknown_reference',
      });
    if (loc) keys.push(loc.code, ...(loc.parent_code ? [loc.parent_code] : []));
    if (org) keys.push(org.id, ...withParent(org.locality_code));
  });
  for (const field of ['renewsId', 'supersedesId'] as const) {
    const ref = input[field];
    if (!ref) continue;
    if (ref === selfId || !(await agreementsRepo.get(db, ref))) {
      errors.push({
        path: field,
        message: ref === selfId ? 'an agreement cannot renew itself' : `unknown agreement ${ref}`,
        code: 'unknown_reference',
      });
    }
  }
  if (errors.length)
    throw new AppError('reference.unknown', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return keys;
}

/** What finds an agreement by itself (its parties are found through their own names). */
const searchNames = (a: {
  title: { vi?: string; ja?: string; en?: string };
  kindDetail: string | null;
  fieldsReported?: string | null;
}) => [a.title.vi, a.title.ja, a.title.en, a.kindDetail, a.fieldsReported];

export interface CreateOptions {
  input: AgreementCreate;
  user: User | null;
  id?: string;
  synthetic?: boolean;
  fieldsReported?: string | null;
  partyNotes?: (string | null)[];
}

/** The stored columns of an agreement's writable fields (insert and update alike). */
const columnsOf = (a: Omit<AgreementCreate, 'fields' | 'parties'>) => ({
  kind: a.kind,
  kind_detail: a.kindDetail,
  title_vi: a.title.vi ?? null,
  title_ja: a.title.ja ?? null,
  title_en: a.title.en ?? null,
  signed_on: a.signedOn,
  signed_precision: datePrecision(a.signedOn),
  signed_sort: a.signedOn ?? '',
  valid_until: a.validUntil,
  // The column needs a value; it is read only when stated.
  status: a.status ?? 'in_force',
  status_stated: a.status ? 1 : 0,
  renews_id: a.renewsId,
  supersedes_id: a.supersedesId,
  sources: JSON.stringify(a.sources),
  note: a.note,
});

export async function createAgreement(db: Q, opts: CreateOptions) {
  opts = { ...opts, input: { ...opts.input, parties: await resolveParties(db, opts.input.parties) } };
  const keys = await resolveReferences(db, opts.input);
  if (opts.user) assertCanEditAgreement(opts.user, keys);
  return db.transaction().execute((tx) => insertAgreement(tx, opts));
}

/** Inserts one agreement and its audit entry inside the caller's transaction (references already checked). */
export async function insertAgreement(
  tx: Q,
  { input, user, id, synthetic = false, fieldsReported = null, partyNotes = [] }: CreateOptions,
) {
  const now = nowIso();
  const row: AgreementRow = {
    id: id ?? `agr-${randomUUID()}`,
    ...columnsOf(input),
    fields_reported: fieldsReported,
    synthetic: synthetic ? 1 : 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const parties = input.parties.map((p, i) => ({ ...p, note: p.note ?? partyNotes[i] ?? null }));
  await agreementsRepo.insert(tx, row, parties, input.fields);
  await indexRecord(tx, 'agreement', row.id, searchNames({ ...input, fieldsReported }));
  const created = await getAgreement(tx, row.id);
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'create',
    entityType: 'agreement',
    entityId: row.id,
    before: null,
    after: created,
  });
  return created;
}

/** Whether an agreement id exists (seeding skips those it loaded before). */
export const agreementExists = async (db: Q, id: string) => Boolean(await agreementsRepo.get(db, id));

export async function updateAgreement(
  db: Q,
  { id, version, patch, user }: { id: string; version: number; patch: AgreementUpdate; user: User },
) {
  const before = await getAgreement(db, id);
  assertCanEditAgreement(user, await resolveReferences(db, { parties: before.parties }));
  if (patch.parties) patch = { ...patch, parties: await resolveParties(db, patch.parties) };
  if (patch.parties) {
    assertCanEditAgreement(user, await resolveReferences(db, { parties: patch.parties }));
    const kept = new Set(patch.parties.map((p) => `${p.type}:${p.code}`));
    for (const p of before.parties.filter((p) => !kept.has(`${p.type}:${p.code}`)))
      assertCanRemoveParty(user, p.code, await resolveReferences(db, { parties: [p] }));
  }
  await resolveReferences(db, { renewsId: patch.renewsId, supersedesId: patch.supersedesId }, id);
  // The stored status is what was stated (null: derived), never the derived one shown.
  const next = {
    ...before,
    status: before.statusStated,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  } as Omit<Agreement, 'status'> & { status: Agreement['statusStated'] };
  if (next.signedOn && next.validUntil && next.validUntil < next.signedOn) {
    throw new AppError('validation.invalid', 'validUntil is before the signing date', [
      { path: 'validUntil', message: 'must not be before the signing date', code: 'invalid' },
    ]);
  }
  const set: Partial<AgreementRow> = {
    ...columnsOf(next),
    updated_at: nowIso(),
  };
  return db.transaction().execute(async (tx) => {
    const res = await agreementsRepo.update(tx, id, version, set);
    if (Number(res.numUpdatedRows) !== 1) throw conflict(id, version);
    if (patch.parties) await agreementsRepo.setParties(tx, id, patch.parties);
    if (patch.fields) await agreementsRepo.setFields(tx, id, patch.fields);
    await indexRecord(tx, 'agreement', id, searchNames(next));
    const after = await getAgreement(tx, id);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'update',
      entityType: 'agreement',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteAgreement(
  db: Q,
  { id, version, user }: { id: string; version: number; user: User },
) {
  const before = await getAgreement(db, id);
  assertCanEditAgreement(user, await resolveReferences(db, { parties: before.parties }));
  await db.transaction().execute(async (tx) => {
    const res = await agreementsRepo.delete(tx, id, version);
    if (Number(res.numDeletedRows) !== 1) throw conflict(id, version);
    await unindexRecord(tx, 'agreement', id);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'delete',
      entityType: 'agreement',
      entityId: id,
      before,
      after: null,
    });
  });
}

const conflict = (id: string, sent: number) =>
  new AppError(
    'agreement.version_conflict',
    `agreement ${id} was changed by someone else since version ${sent}; reload it before saving`,
  );

/**
 * Imports checked CSV rows, all in one transaction: either every new row lands or none does.
 * A row whose stable id exists already (in the database, or earlier in the file) adds nothing,
 * so a file can be imported again safely; but a source it names that the agreement lacks is added
 * to it (the same agreement reported by a second source), and counted as such, never as "there".
 */
export async function importAgreementRows(db: Q, rows: ImportRow[], user: User | null) {
  const ids = rows.map(agreementIdFor);
  if (user) for (const row of rows) assertCanEditAgreement(user, await resolveReferences(db, row.input));
  return db.transaction().execute(async (tx) => {
    let added = 0;
    let sourced = 0;
    for (const [i, row] of rows.entries()) {
      if (await agreementExists(tx, ids[i])) {
        if (await addMissingSources(tx, ids[i], row.input.sources, user)) sourced++;
        continue;
      }
      // "(renewed)" rows renew the latest earlier agreement between the same parties.
      const renewsId = /renew/i.test(row.input.kindDetail ?? '')
        ? await previousBetween(tx, row, ids[i])
        : row.input.renewsId;
      await insertAgreement(tx, {
        input: { ...row.input, renewsId },
        user,
        id: ids[i],
        fieldsReported: row.fieldsReported,
        partyNotes: row.partyNotes,
      });
      added++;
    }
    return { added, sourcesAdded: sourced, skipped: rows.length - added - sourced };
  });
}

/** Adds to an agreement the sources it does not cite yet; whether there were any. */
async function addMissingSources(tx: Q, id: string, sources: AgreementCreate['sources'], user: User | null) {
  const before = await getAgreement(tx, id);
  const cited = new Set(before.sources.map((s) => JSON.stringify([s.url ?? null, s.note ?? null])));
  const missing = sources.filter((s) => !cited.has(JSON.stringify([s.url ?? null, s.note ?? null])));
  if (!missing.length) return false;
  const set = { sources: JSON.stringify([...before.sources, ...missing]), updated_at: nowIso() };
  const res = await agreementsRepo.update(tx, id, before.version, set);
  if (Number(res.numUpdatedRows) !== 1) throw conflict(id, before.version);
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'update',
    entityType: 'agreement',
    entityId: id,
    before,
    after: await getAgreement(tx, id),
  });
  return true;
}

async function previousBetween(db: Q, row: ImportRow, selfId: string): Promise<string | null> {
  const [first] = row.input.parties;
  const [a, b] = row.input.parties.map((p) => p.code);
  const byParty = first.type === 'locality' ? { locality: first.code } : { organization: first.code };
  const { items } = await listAgreements(db, { ...byParty, limit: 200, format: 'json' });
  const earlier = items
    .filter(
      (x) => x.id !== selfId && x.parties.some((p) => p.code === a) && x.parties.some((p) => p.code === b),
    )
    .filter((x) => (x.signedOn ?? '') < (row.input.signedOn ?? '9999'));
  return earlier[0]?.id ?? null;
}

/** Adds many synthetic agreements at once (scale tests); parties must exist. One audit entry per batch. */
export async function insertSyntheticAgreements(db: Q, inputs: { id: string; input: AgreementCreate }[]) {
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < inputs.length; i += 300) {
      const batch = inputs.slice(i, i + 300);
      await tx
        .insertInto('agreements')
        .values(
          batch.map(({ id, input }) => ({
            id,
            ...columnsOf({ ...input, renewsId: null, supersedesId: null }),
            fields_reported: null,
            synthetic: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const parties = batch.flatMap(({ id, input }) =>
        input.parties.map((p, position) => ({
          agreement_id: id,
          position,
          party_type: p.type,
          locality_code: p.type === 'locality' ? p.code : null,
          organization_id: p.type === 'organization' ? p.code : null,
          note: null,
        })),
      );
      await tx.insertInto('agreement_parties').values(parties).execute();
      const fields = batch.flatMap(({ id, input }) =>
        [...new Set(input.fields)].map((code) => ({ agreement_id: id, code })),
      );
      await insertTerms(
        tx,
        'agreement',
        batch.map(({ id, input }) => ({ id, names: searchNames({ ...input, fieldsReported: null }) })),
      );
      if (fields.length) await tx.insertInto('agreement_fields').values(fields).execute();
    }
    await recordAudit(tx, {
      actor: null,
      action: 'create',
      entityType: 'agreement',
      entityId: `synthetic-batch-${now}`,
      before: null,
      after: { synthetic: inputs.length },
    });
  });
}

/** An end date and status a source states for an agreement identified by its parties and signing date. */
export interface StatedTerms {
  line: number;
  parties: { type: 'locality' | 'organization'; code: string }[];
  signedOn: string | null;
  validUntil: string | null;
  status: Agreement['status'];
  source: { url: string | null; note: string | null };
}

/**
 * Records the terms sources state (data/seed/agreements-terms.csv) on the agreements they
 * identify, with the source added to the agreement's sources. Idempotent: an agreement that
 * already cites that source is left as it is (an editor may have changed it since). A row
 * that identifies no agreement, or several, is an error naming its line.
 */
export async function applyStatedTerms(db: Q, rows: StatedTerms[]): Promise<number> {
  let applied = 0;
  for (const t of rows) {
    const [first] = t.parties;
    const byParty = first.type === 'locality' ? { locality: first.code } : { organization: first.code };
    const { items } = await listAgreements(db, { ...byParty, limit: 200, format: 'json' });
    const same = items.filter(
      (a) =>
        (a.signedOn ?? null) === t.signedOn &&
        t.parties.every((p) => a.parties.some((q) => q.type === p.type && q.code === p.code)),
    );
    if (same.length !== 1)
      throw new Error(`line ${t.line}: ${same.length} agreements match these parties and signing date`);
    const a = same[0];
    if (a.sources.some((s) => s.url === t.source.url && s.note === t.source.note)) continue;
    await db.transaction().execute(async (tx) => {
      const res = await agreementsRepo.update(tx, a.id, a.version, {
        valid_until: t.validUntil,
        status: t.status,
        status_stated: 1,
        sources: JSON.stringify([...a.sources, t.source]),
        updated_at: nowIso(),
      });
      if (Number(res.numUpdatedRows) !== 1) throw conflict(a.id, a.version);
    });
    applied++;
  }
  return applied;
}
