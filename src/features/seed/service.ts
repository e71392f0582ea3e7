import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { checkAgreementCsv, importContext } from '../agreements/import.ts';
import { applyStatedTerms, importAgreementRows } from '../agreements/service.ts';
import { addReferenceTexts } from '../agreements/texts.ts';
import { lastAuditId, summariseSystemEntries } from '../audit/service.ts';
import { seedForums } from '../forums/seed.ts';
import {
  fillAdminCentreNames,
  insertReferenceLocality,
  replaceInternalSourceNotes,
} from '../localities/service.ts';
import { clearInternalDescriptions, createOrganization, getOrganization } from '../organizations/service.ts';
import { seedStarterProfiles } from './profiles.ts';
import {
  AGREEMENT_FILES,
  fieldPhrases,
  readSeedFile,
  referenceLocalities,
  referenceOrganizations,
} from './reference.ts';
import { readStatedTerms } from './terms.ts';
import { referenceAgreementTexts } from './translations.ts';

type Q = Kysely<Database>;

export interface SeedReport {
  localities: number;
  organizations: number;
  agreements: number;
  profiles: number;
  forums: number;
  /** Agreements given the end date and status their sources state (agreements-terms.csv). */
  terms: number;
  /** Records of an earlier load given what the data now says (centre names, source notes). */
  updated: number;
  skipped: number;
}

/**
 * Loads the reference data: localities, the organisations that sign agreements, and the sourced
 * agreements, their stated terms and the starting profiles. Idempotent: what is there already
 * (by code or stable id) is left as it is. The audit log gets one entry for the whole load.
 */
export async function seedReference(db: Q): Promise<SeedReport> {
  const from = await lastAuditId(db);
  const report = await loadReference(db);
  const { skipped, ...added } = report;
  await summariseSystemEntries(db, from, { entityId: 'data/seed', after: added });
  return report;
}

async function loadReference(db: Q): Promise<SeedReport> {
  let localities = 0;
  let organizations = 0;
  let skipped = 0;
  // Prefectures before the cities below them, so parent references exist.
  const refs = referenceLocalities().sort(
    (a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null),
  );
  for (const ref of refs) {
    if (await insertReferenceLocality(db, ref)) localities++;
    else skipped++;
  }
  for (const { id, input } of referenceOrganizations()) {
    const exists = await getOrganization(db, id).then(
      () => true,
      () => false,
    );
    if (exists) skipped++;
    else {
      await createOrganization(db, { input, user: null, id });
      organizations++;
    }
  }
  const ctx = await importContext(db, fieldPhrases());
  let agreements = 0;
  for (const file of AGREEMENT_FILES) {
    const { rows, problems } = checkAgreementCsv(readSeedFile(file), ctx);
    if (problems.length) {
      throw new Error(
        `reference agreements do not load (${file}):\n${problems.map((p) => `line ${p.line}, ${p.column}: ${p.reason}`).join('\n')}`,
      );
    }
    const result = await importAgreementRows(db, rows, null);
    agreements += result.added;
    skipped += result.skipped;
  }
  // Databases loaded by an earlier version of this data get what it now says.
  const updated =
    (await fillAdminCentreNames(db, refs)) +
    (await replaceInternalSourceNotes(db, refs)) +
    (await clearInternalDescriptions(
      db,
      referenceOrganizations().map((o) => o.id),
    ));
  const terms = await applyStatedTerms(db, readStatedTerms(readSeedFile('agreements-terms.csv'), ctx));
  const texts = await addReferenceTexts(db, referenceAgreementTexts());
  const profiles = await seedStarterProfiles(db);
  const forums = await seedForums(db);
  await markReferenceLoaded(db);
  return {
    localities,
    organizations,
    agreements,
    profiles,
    terms,
    forums,
    updated: updated + texts,
    skipped,
  };
}

const SEEDED = 'reference_data_loaded';

/**
 * Whether the reference data finished loading once. Set only after the whole load succeeded, so
 * a load cut short (a killed process) is completed at the next start; loading is idempotent.
 */
export async function referenceLoaded(db: Q): Promise<boolean> {
  return Boolean(await db.selectFrom('meta').select('value').where('key', '=', SEEDED).executeTakeFirst());
}

async function markReferenceLoaded(db: Q) {
  await db
    .insertInto('meta')
    .values({ key: SEEDED, value: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
