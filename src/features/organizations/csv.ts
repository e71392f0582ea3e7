import type { Organization } from './schemas.ts';

export const organizationColumns: { header: string; value: (o: Organization) => unknown }[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'kind', value: (o) => o.kind },
  { header: 'name_en', value: (o) => o.name.en },
  { header: 'name_vi', value: (o) => o.name.vi },
  { header: 'name_ja', value: (o) => o.name.ja },
  { header: 'locality', value: (o) => o.localityCode },
  { header: 'country', value: (o) => o.locality.country },
  { header: 'website', value: (o) => o.website },
  { header: 'sectors', value: (o) => o.sectors },
  { header: 'synthetic', value: (o) => (o.synthetic ? 'yes' : 'no') },
];
