import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReferenceLocality } from '../localities/service.ts';
import type { OrganizationCreate } from '../organizations/schemas.ts';
import { parseCsv } from '../shared/csv.ts';

/** The reference data shipped with Kizuna, with its sources: data/seed/ (SOURCES.md says where each fact comes from). */
export const SEED_DIR = fileURLToPath(new URL('../../../data/seed/', import.meta.url));

export const readSeedFile = (name: string) => readFileSync(`${SEED_DIR}${name}`, 'utf8');

export function records(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readSeedFile(name));
  return rows.map((r) => Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

const num = (s: string) => (s === '' ? null : Number(s));

const VN_SOURCE = {
  url: null,
  note: 'Units and 2025 mergers: National Assembly Resolution 202/2025/QH15 (12 Jun 2025, effective 1 Jul 2025) as reported by vietnam.vn and vietnamnews.vn; centres: Resolution 60-NQ/TW; Japanese names: VIETJO. Coordinates are city-centre approximations. See data/seed/SOURCES.md.',
};
const JP_SOURCE = {
  url: 'https://github.com/dataofjapan/land',
  note: 'Kanji names and prefectural office coordinates from dataofjapan/land prefecturalCapital.csv (commit 9d753ba); ISO 3166-2 codes. See data/seed/SOURCES.md.',
};

export function referenceLocalities(): ReferenceLocality[] {
  const centres = new Map(records('admin-centres.csv').map((r) => [r.code, r]));
  const top = records('localities.csv').map((r) => ({
    code: r.code,
    country: r.country as 'VN' | 'JP',
    kind: (r.country === 'JP' ? 'prefecture' : r.kind) as ReferenceLocality['kind'],
    parentCode: null,
    name: { en: r.name_en, vi: r.name_vi, ja: r.name_ja },
    adminCenter: r.admin_center_en || null,
    adminCenterName: {
      vi: centres.get(r.code)?.admin_center_vi || undefined,
      ja: centres.get(r.code)?.admin_center_ja || undefined,
    },
    lat: num(r.lat),
    lon: num(r.lon),
    mergedFrom: r.merged_from ? r.merged_from.split(';') : [],
    sources: [r.country === 'VN' ? VN_SOURCE : JP_SOURCE],
  }));
  const cities = records('municipalities.csv').map((r) => ({
    code: r.code,
    country: 'JP' as const,
    kind: 'municipality' as const,
    parentCode: r.parent,
    name: { en: r.name_en, vi: r.name_vi, ja: r.name_ja },
    adminCenter: null,
    lat: null,
    lon: null,
    mergedFrom: [],
    sources: [{ url: null, note: r.source_note }],
  }));
  return [...top, ...cities];
}

export function referenceOrganizations(): { id: string; input: OrganizationCreate }[] {
  return records('organizations.csv').map((r) => ({
    id: r.id,
    input: {
      kind: r.kind as OrganizationCreate['kind'],
      name: { en: r.name_en, vi: r.name_vi, ja: r.name_ja },
      localityCode: r.locality,
      website: null,
      sectors: [],
      description: r.source_note ? { en: r.source_note } : {},
    },
  }));
}

/** Field phrases as sources report them ("wastewater treatment") → sector codes. */
export function fieldPhrases(): Map<string, string[]> {
  return new Map(records('fields.csv').map((r) => [r.reported.toLowerCase(), r.codes.split(';')]));
}

/** The agreement files of data/seed, loaded in this order (a later file may renew an earlier row). */
export const AGREEMENT_FILES = ['agreements-seed.csv', 'agreements-new.csv'] as const;

/** How many records the reference data holds, counted from its files (tests compare with these). */
export function referenceCounts() {
  const rows = (file: string) => parseCsv(readSeedFile(file)).length - 1;
  return {
    localities: referenceLocalities().length,
    organizations: referenceOrganizations().length,
    agreements: AGREEMENT_FILES.reduce((n, f) => n + rows(f), 0),
    profiles: rows('profiles.csv'),
  };
}
