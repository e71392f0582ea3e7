import type { Profile } from './profile.ts';

let n = 0;
/**
 * A profile for tests, with sensible defaults: `buildProfile({ country: 'JP', needs: [...] })`.
 * Not validated, on purpose: the engine must cope with whatever texts it is given.
 */
export const buildProfile = (over: Partial<Profile> = {}): Profile => ({
  id: `p${++n}`,
  country: 'VN',
  kind: 'locality',
  name: over.id ?? 'test profile',
  offers: [],
  needs: [],
  sectors: [],
  priorities: [],
  partners: [],
  ...over,
});
