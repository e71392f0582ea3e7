import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { agreementStats, listAgreements } from '../agreements/service.ts';
import { listLocalities } from '../localities/service.ts';
import { listOrganizations } from '../organizations/service.ts';

/** The numbers of the home page: counts, agreements by field and by year, the newest ten. */
export async function atlasStats(db: Kysely<Database>) {
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
