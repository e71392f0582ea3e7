import type { Kysely } from 'kysely';
import type { AgreementRow, Database } from '../../db/types.ts';
import { groupBy, localized, parseJson } from '../shared/json.ts';
import type { TranslationMarks } from '../shared/schemas.ts';
import { agreementsRepo } from './repository.ts';
import type { Agreement, AgreementSummary } from './schemas.ts';
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

/** The title per language, with its translated languages marked (no `translation` when all are originals). */
const markedTitle = (r: AgreementRow): Agreement['title'] => {
  const title = localized({ vi: r.title_vi, ja: r.title_ja, en: r.title_en });
  const marks = parseJson<TranslationMarks>(r.title_marks, {});
  return Object.keys(marks).length ? { ...title, translation: marks } : title;
};

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
    title: markedTitle(r),
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
