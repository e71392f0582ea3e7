import { type Kysely, sql } from 'kysely';
import type { AgreementRow, Database } from '../../db/types.ts';
import type { IdQuery } from '../search/service.ts';
import { type AgreementStatusValue, statusIs } from './status.ts';

type Q = Kysely<Database>;

export interface AgreementFilter {
  /** Agreements with a party among these localities, or an organisation based in one of them. */
  localityCodes?: string[];
  organization?: string;
  country?: string;
  kind?: string;
  field?: string;
  status?: AgreementStatusValue;
  /** The day derived statuses are computed for (ISO date). */
  today: string;
  yearFrom?: number;
  yearTo?: number;
  /** A search: ids of matching agreements, and of matching localities and organisations (as parties). */
  search?: { agreements: IdQuery; localities: IdQuery; organizations: IdQuery } | null;
}

/** Agreement ids with a party among these localities, or an organisation based in one of them. */
// Two index lookups joined by UNION ALL rather than one OR, which both engines answer with a
// scan of every party row.
const partiesIn = (db: Q, codes: readonly string[] | ReturnType<typeof localitiesOf>) =>
  db
    .selectFrom('agreement_parties')
    .select('agreement_id')
    .where('locality_code', 'in', codes)
    .unionAll(
      db
        .selectFrom('agreement_parties as ap')
        .innerJoin('organizations as org', 'org.id', 'ap.organization_id')
        .select('ap.agreement_id')
        .where('org.locality_code', 'in', codes),
    );

const localitiesOf = (db: Q, country: string) =>
  db.selectFrom('localities').select('code').where('country', '=', country);

const filtered = (db: Q, f: AgreementFilter) => {
  let q = db.selectFrom('agreements as a');
  if (f.localityCodes) q = q.where('a.id', 'in', partiesIn(db, f.localityCodes));
  if (f.organization) {
    const org = f.organization;
    q = q.where(
      'a.id',
      'in',
      db.selectFrom('agreement_parties').select('agreement_id').where('organization_id', '=', org),
    );
  }
  if (f.country) q = q.where('a.id', 'in', partiesIn(db, localitiesOf(db, f.country)));
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.status) {
    const status = f.status;
    q = q.where((eb) => statusIs(eb, status, f.today));
  }
  if (f.field) {
    const field = f.field;
    q = q.where(
      'a.id',
      'in',
      db.selectFrom('agreement_fields').select('agreement_id').where('code', '=', field),
    );
  }
  if (f.yearFrom !== undefined) q = q.where('a.signed_sort', '>=', String(f.yearFrom));
  if (f.yearTo !== undefined)
    q = q.where('a.signed_sort', '<', String(f.yearTo + 1)).where('a.signed_sort', '!=', '');
  if (f.search) {
    const { agreements, localities, organizations } = f.search;
    q = q.where((eb) =>
      eb.or([
        eb('a.id', 'in', agreements),
        eb(
          'a.id',
          'in',
          db
            .selectFrom('agreement_parties')
            .select('agreement_id')
            .where((p) =>
              p.or([p('locality_code', 'in', localities), p('organization_id', 'in', organizations)]),
            ),
        ),
      ]),
    );
  }
  return q;
};

export const agreementsRepo = {
  get: (db: Q, id: string) => db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Newest signed first; undated ones last. */
  list: (db: Q, f: AgreementFilter, after: [string, string] | null, limit: number) => {
    let q = filtered(db, f).selectAll('a');
    if (after) {
      const [sort, id] = after;
      q = q.where((eb) =>
        eb.or([
          eb('a.signed_sort', '<', sort),
          eb.and([eb('a.signed_sort', '=', sort), eb('a.id', '<', id)]),
        ]),
      );
    }
    return q.orderBy('a.signed_sort', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  },
  count: async (db: Q, f: AgreementFilter) =>
    Number(
      (
        await filtered(db, f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  partiesOf: (db: Q, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('agreement_parties as p')
          .leftJoin('organizations as o', 'o.id', 'p.organization_id')
          .leftJoin('localities as l', (j) =>
            j.on((eb) => eb('l.code', '=', eb.fn.coalesce('p.locality_code', 'o.locality_code'))),
          )
          .select([
            'p.agreement_id',
            'p.position',
            'p.party_type',
            'p.locality_code',
            'p.organization_id',
            'p.note',
            'o.name_vi as o_vi',
            'o.name_ja as o_ja',
            'o.name_en as o_en',
            'l.code as l_code',
            'l.parent_code as l_parent',
            'l.country as l_country',
            'l.name_vi as l_vi',
            'l.name_ja as l_ja',
            'l.name_en as l_en',
          ])
          .where('p.agreement_id', 'in', ids)
          .orderBy('p.agreement_id')
          .orderBy('p.position')
          .execute(),
  fieldsOf: (db: Q, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('agreement_fields')
          .selectAll()
          .where('agreement_id', 'in', ids)
          .orderBy('code')
          .execute(),
  /** Which of these agreements a later agreement renews. */
  renewedIds: async (db: Q, ids: string[]) =>
    ids.length === 0
      ? new Set<string>()
      : new Set(
          (await db.selectFrom('agreements').select('renews_id').where('renews_id', 'in', ids).execute()).map(
            (r) => r.renews_id as string,
          ),
        ),
  renewedBy: (db: Q, id: string) =>
    db.selectFrom('agreements').selectAll().where('renews_id', '=', id).execute(),
  insert: async (
    db: Q,
    row: AgreementRow,
    parties: { type: string; code: string; note?: string | null }[],
    fields: string[],
  ) => {
    await db.insertInto('agreements').values(row).execute();
    await agreementsRepo.setParties(db, row.id, parties);
    await agreementsRepo.setFields(db, row.id, fields);
  },
  setParties: async (db: Q, id: string, parties: { type: string; code: string; note?: string | null }[]) => {
    await db.deleteFrom('agreement_parties').where('agreement_id', '=', id).execute();
    await db
      .insertInto('agreement_parties')
      .values(
        parties.map((p, position) => ({
          agreement_id: id,
          position,
          party_type: p.type,
          locality_code: p.type === 'locality' ? p.code : null,
          organization_id: p.type === 'organization' ? p.code : null,
          note: p.note ?? null,
        })),
      )
      .execute();
  },
  setFields: async (db: Q, id: string, fields: string[]) => {
    await db.deleteFrom('agreement_fields').where('agreement_id', '=', id).execute();
    const unique = [...new Set(fields)];
    if (unique.length)
      await db
        .insertInto('agreement_fields')
        .values(unique.map((code) => ({ agreement_id: id, code })))
        .execute();
  },
  update: (db: Q, id: string, version: number, set: Partial<AgreementRow>) =>
    db
      .updateTable('agreements')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  delete: (db: Q, id: string, version: number) =>
    db.deleteFrom('agreements').where('id', '=', id).where('version', '=', version).executeTakeFirst(),
  /** Per partner locality (a party's locality, or its organisation's), how many agreements link it to `own`. */
  partnerCounts: (db: Q, own: string[]) => {
    const partyLocality = sql<string>`coalesce(p.locality_code, (select o.locality_code from organizations o where o.id = p.organization_id))`;
    return db
      .selectFrom(
        db
          .selectFrom('agreement_parties as p')
          .select(['p.agreement_id', partyLocality.as('code')])
          .where('p.agreement_id', 'in', partiesIn(db, own))
          .as('x'),
      )
      .innerJoin('localities as l', 'l.code', 'x.code')
      .select([
        'l.code',
        'l.country',
        'l.kind',
        'l.name_vi',
        'l.name_ja',
        'l.name_en',
        (eb) => eb.fn.count<number>('x.agreement_id').distinct().as('n'),
      ])
      .where('x.code', 'not in', own)
      .groupBy(['l.code', 'l.country', 'l.kind', 'l.name_vi', 'l.name_ja', 'l.name_en'])
      .orderBy('n', 'desc')
      .orderBy('l.code')
      .execute();
  },
  /** Rows for the statistics of the home page: one per (agreement, field), and signed dates. */
  fieldCounts: (db: Q) =>
    db
      .selectFrom('agreement_fields')
      .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('code')
      .execute(),
  yearCounts: (db: Q) =>
    db
      .selectFrom('agreements')
      .select([sql<string>`substr(signed_sort, 1, 4)`.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('signed_sort', '!=', '')
      .groupBy('year')
      .execute(),
};

export type { AgreementRow };
