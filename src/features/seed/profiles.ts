import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { placeDirectory } from '../lookups/places.ts';
import { insertStarterProfile } from '../profiles/service.ts';
import { parseCsv } from '../shared/csv.ts';
import { readSeedFile, SEED_DIR } from './reference.ts';
import { referenceProfileTranslations } from './translations.ts';

/** Starting profiles of the reference localities (data/seed/profiles.csv), each marked as such. */
export async function seedStarterProfiles(db: Kysely<Database>): Promise<number> {
  if (!existsSync(`${SEED_DIR}profiles.csv`)) return 0;
  const [header, ...rows] = parseCsv(readSeedFile('profiles.csv'));
  const col = (r: string[], name: string) => (r[header.fields.indexOf(name)] ?? '').trim();
  const split = (text: string, sep: string) =>
    text
      .split(sep)
      .map((t) => t.trim())
      .filter(Boolean);
  const translations = referenceProfileTranslations();
  const known = new Set((await placeDirectory(db)).localities.map((l) => l.code));
  let added = 0;
  for (const { fields: r } of rows) {
    const id = col(r, 'code');
    if (!known.has(id)) continue;
    const inserted = await insertStarterProfile(db, {
      id,
      offers: split(col(r, 'offers'), '|'),
      needs: split(col(r, 'needs'), '|'),
      priorities: split(col(r, 'priorities'), ';'),
      basis: col(r, 'basis'),
      lang: ['vi', 'ja', 'en'].includes(col(r, 'lang')) ? col(r, 'lang') : null,
      translations: translations.get(id) ?? {},
    });
    if (inserted) added++;
  }
  return added;
}
