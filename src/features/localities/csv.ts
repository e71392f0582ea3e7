import type { Locality } from './schemas.ts';

export const localityColumns: { header: string; value: (l: Locality) => unknown }[] = [
  { header: 'code', value: (l) => l.code },
  { header: 'country', value: (l) => l.country },
  { header: 'kind', value: (l) => l.kind },
  { header: 'parent', value: (l) => l.parentCode },
  { header: 'name_en', value: (l) => l.name.en },
  { header: 'name_vi', value: (l) => l.name.vi },
  { header: 'name_ja', value: (l) => l.name.ja },
  { header: 'admin_center', value: (l) => l.adminCenter },
  { header: 'admin_center_vi', value: (l) => l.adminCenterName.vi ?? '' },
  { header: 'admin_center_ja', value: (l) => l.adminCenterName.ja ?? '' },
  { header: 'lat', value: (l) => l.lat },
  { header: 'lon', value: (l) => l.lon },
  { header: 'merged_from', value: (l) => l.mergedFrom },
  {
    header: 'sources',
    value: (l) => l.sources.map((s) => [s.url, s.note].filter(Boolean).join(' ')).join(' | '),
  },
];
