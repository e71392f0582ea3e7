import {
  AGREEMENT_FILES,
  readSeedFile,
  referenceLocalities,
  referenceOrganizations,
} from '../../src/features/seed/reference.ts';
import { parseCsv } from '../../src/features/shared/csv.ts';

/**
 * What the reference data holds, counted from the files in data/seed/ (never written down as
 * numbers): a sourced agreement or a locality added to the data leaves every test green.
 */
function count() {
  const localities = referenceLocalities();
  const codes = new Set(localities.map((l) => l.code));
  const agreementRows = AGREEMENT_FILES.flatMap((file) => parseCsv(readSeedFile(file)).slice(1));
  const [profileHeader, ...profileRows] = parseCsv(readSeedFile('profiles.csv'));
  const codeColumn = profileHeader.fields.indexOf('code');
  return {
    localities: localities.length,
    vn: localities.filter((l) => l.country === 'VN').length,
    jpPrefectures: localities.filter((l) => l.country === 'JP' && l.kind === 'prefecture').length,
    jpCities: localities.filter((l) => l.country === 'JP' && l.kind === 'municipality').length,
    localityCodes: codes,
    organizations: referenceOrganizations().length,
    organizationsIn: (country: 'VN' | 'JP') =>
      referenceOrganizations().filter(
        (o) => localities.find((l) => l.code === o.input.localityCode)?.country === country,
      ).length,
    organizationsOfKind: (kind: string) =>
      referenceOrganizations().filter((o) => o.input.kind === kind).length,
    /** One row per agreement: the seed refuses to load a file with a bad or repeated row. */
    agreements: agreementRows.filter((r) => r.fields.some((f) => f.trim() !== '')).length,
    /** Starting profiles: one per row naming a reference locality. */
    profiles: new Set(profileRows.map((r) => (r.fields[codeColumn] ?? '').trim()).filter((c) => codes.has(c)))
      .size,
  };
}

export const REFERENCE = count();
