import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { assertCanEditAgreement } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { insertTerms } from '../search/service.ts';
import { nowIso } from '../shared/json.ts';
import { agreementIdFor, type ImportRow } from './import.ts';
import { agreementExists, getAgreement, listAgreements } from './queries.ts';
import { resolveReferences } from './references.ts';
import { agreementsRepo } from './repository.ts';
import type { Agreement, AgreementCreate } from './schemas.ts';
import { columnsOf, conflict, insertAgreement, searchNames } from './write.ts';

type Q = Kysely<Database>;

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
  await recordChange(tx, {
    scopes: ['atlas'],
    audit: {
      actor: actorOf(user),
      action: 'update',
      entityType: 'agreement',
      entityId: id,
      before,
      after: await getAgreement(tx, id),
    },
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
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'agreement',
        entityId: `synthetic-batch-${now}`,
        before: null,
        after: { synthetic: inputs.length },
      },
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
      await recordChange(tx, { scopes: ['atlas'] });
    });
    applied++;
  }
  return applied;
}
