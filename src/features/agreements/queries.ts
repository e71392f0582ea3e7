import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import type { LocalitySummary } from '../localities/schemas.ts';
import { localityWithChildren } from '../lookups/places.ts';
import { matchingIds } from '../search/service.ts';
import { localized } from '../shared/json.ts';
import { decodeCursor, toPage } from '../shared/pagination.ts';
import { present } from './present.ts';
import { type AgreementFilter, agreementsRepo } from './repository.ts';
import type { Agreement, AgreementQuery } from './schemas.ts';
import { todayIso } from './status.ts';

type Q = Kysely<Database>;

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

/** Whether an agreement id exists (seeding skips those it loaded before). */
export const agreementExists = async (db: Q, id: string) => Boolean(await agreementsRepo.get(db, id));
