import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgreementRow, Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { assertCanEditAgreement, assertCanRemoveParty } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { indexRecord, unindexRecord } from '../search/service.ts';
import { nowIso } from '../shared/json.ts';
import { datePrecision, type TranslationMarks } from '../shared/schemas.ts';
import { getAgreement } from './queries.ts';
import { resolveParties, resolveReferences } from './references.ts';
import { agreementsRepo } from './repository.ts';
import type { Agreement, AgreementCreate, AgreementUpdate } from './schemas.ts';

type Q = Kysely<Database>;

/** What finds an agreement by itself (its parties are found through their own names). */
export const searchNames = (a: {
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

/** The translation marks of the languages a text has (a mark on an absent language means nothing). */
export const marksOf = (t: { vi?: string; ja?: string; en?: string; translation?: TranslationMarks }) =>
  Object.fromEntries(
    (['vi', 'ja', 'en'] as const)
      .filter((l) => t[l] && t.translation?.[l])
      .map((l) => [l, t.translation![l]]),
  ) as TranslationMarks;

/** The stored columns of an agreement's writable fields (insert and update alike). */
export const columnsOf = (a: Omit<AgreementCreate, 'fields' | 'parties'>) => ({
  kind: a.kind,
  kind_detail: a.kindDetail,
  title_vi: a.title.vi ?? null,
  title_ja: a.title.ja ?? null,
  title_en: a.title.en ?? null,
  title_marks: JSON.stringify(marksOf(a.title)),
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
  await recordChange(tx, {
    scopes: ['atlas'],
    audit: {
      actor: actorOf(user),
      action: 'create',
      entityType: 'agreement',
      entityId: row.id,
      before: null,
      after: created,
    },
  });
  return created;
}

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
  // A title sent without marks keeps the marks of the languages whose text it did not change (a
  // form that edits the date does not turn a translation into an original); a changed text is
  // what its sender says it is.
  if (patch.title && patch.title.translation === undefined && before.title.translation) {
    const title = patch.title;
    const kept = Object.fromEntries(
      Object.entries(before.title.translation).filter(([l]) => title[l as 'vi'] === before.title[l as 'vi']),
    );
    if (Object.keys(kept).length) patch = { ...patch, title: { ...title, translation: kept } };
  }
  // Sources sent again without their public summary keep it (the summary says what the page at
  // that address states; the edit forms do not edit it).
  if (patch.sources)
    patch = {
      ...patch,
      sources: patch.sources.map((s) => {
        const old =
          s.summary || !s.url ? undefined : before.sources.find((b) => b.url === s.url && b.summary);
        return old ? { ...s, summary: old.summary } : s;
      }),
    };
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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'agreement',
        entityId: id,
        before,
        after,
      },
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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: 'delete',
        entityType: 'agreement',
        entityId: id,
        before,
        after: null,
      },
    });
  });
}

export const conflict = (id: string, sent: number) =>
  new AppError(
    'agreement.version_conflict',
    `agreement ${id} was changed by someone else since version ${sent}; reload it before saving`,
  );
