import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { agreementStats, listAgreements, partnersOf, toAgreementSummary } from '../agreements/service.ts';
import { getLocality, listLocalities } from '../localities/service.ts';
import { localityChildren, localitySummaries } from '../lookups/places.ts';
import { getOrganization, listOrganizations, toOrganizationSummary } from '../organizations/service.ts';
import { DETAIL_ITEMS } from './schemas.ts';

/**
 * The pages that gather several features: a locality's page, an organisation's page and the
 * home page's statistics. They read each feature through its service and write nothing, so
 * the features below them never import one another for a page.
 */

type Q = Kysely<Database>;

export { DETAIL_ITEMS };

/**
 * A locality with what its page shows: parent, children, partners, and summaries of its newest
 * agreements and first organisations, with their totals and the cursors that continue them in
 * `/api/agreements?locality=CODE` and `/api/organizations?locality=CODE`. (Embedding 50 and 100
 * full records made the answer 110 KB, most of it never shown.)
 */
export async function getLocalityDetail(db: Q, code: string) {
  const locality = await getLocality(db, code);
  const [parent, children, partners, agreements, organizations] = await Promise.all([
    locality.parentCode ? localitySummaries(db, [locality.parentCode]) : undefined,
    localityChildren(db, code),
    partnersOf(db, code),
    listAgreements(db, { locality: code, limit: DETAIL_ITEMS, format: 'json' }),
    listOrganizations(db, { locality: code, limit: DETAIL_ITEMS, format: 'json' }),
  ]);
  return {
    ...locality,
    parent: (locality.parentCode && parent?.get(locality.parentCode)) || null,
    children,
    partners,
    agreements: agreements.items.map(toAgreementSummary),
    agreementsTotal: agreements.total,
    agreementsNextCursor: agreements.nextCursor,
    organizations: organizations.items.map(toOrganizationSummary),
    organizationsTotal: organizations.total,
    organizationsNextCursor: organizations.nextCursor,
  };
}

/** An organisation with its agreements (up to 200, newest first). */
export async function getOrganizationDetail(db: Q, id: string) {
  const org = await getOrganization(db, id);
  const agreements = await listAgreements(db, { organization: id, limit: 200, format: 'json' });
  return { ...org, agreements: agreements.items };
}

/** The numbers of the home page: counts, agreements by field and by year, the newest ten. */
export async function atlasStats(db: Q) {
  const [agreements, localities, organizations, byFieldYear] = await Promise.all([
    listAgreements(db, { limit: 10, format: 'json' }),
    listLocalities(db, { limit: 1, format: 'json' }),
    listOrganizations(db, { limit: 1, format: 'json' }),
    agreementStats(db),
  ]);
  return {
    agreements: agreements.total,
    localities: localities.total,
    organizations: organizations.total,
    ...byFieldYear,
    recent: agreements.items,
  };
}
