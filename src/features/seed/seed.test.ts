import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { REFERENCE } from '../../../test/support/reference.ts';
import { prepareDatabase } from '../../server.ts';
import { getLocality, insertReferenceLocality } from '../localities/service.ts';
import { referenceCounts, referenceLocalities } from './reference.ts';
import { referenceLoaded, seedReference } from './service.ts';

describe.each(ENGINES)('reference data on %s', (engine) => {
  let t: TestDb;
  afterEach(() => t.drop());

  it('a load cut short is completed at the next start', async () => {
    t = await freshDb(engine);
    // As if a first start was killed after loading a few localities.
    for (const ref of referenceLocalities().slice(0, 5)) await insertReferenceLocality(t.db, ref);
    expect(await referenceLoaded(t.db)).toBe(false);
    const db = await prepareDatabase(t.url, pino({ level: 'silent' }), { searchPath: t.schema ?? undefined });
    try {
      const count = async (table: 'localities' | 'agreements' | 'profiles') =>
        Number(
          (
            await db.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('localities')).toBe(REFERENCE.localities);
      expect(await count('agreements')).toBe(REFERENCE.agreements);
      expect(await count('profiles')).toBe(REFERENCE.profiles);
      expect(await referenceLoaded(db.db)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('writes one audit entry for the whole load, and brings an earlier load up to date', async () => {
    t = await freshDb(engine);
    // An earlier load: a city with the internal phrase of the first data, no centre names.
    const [kobe] = referenceLocalities().filter((l) => l.code === 'JP-28-KOBE');
    const hyogo = referenceLocalities().find((l) => l.code === 'JP-28')!;
    await insertReferenceLocality(t.db, { ...hyogo, adminCenterName: {} });
    await insertReferenceLocality(t.db, {
      ...kobe,
      sources: [{ url: null, note: 'Party of an agreement in agreements-seed.csv; designated city.' }],
    });
    const earlier = (await t.db.selectFrom('audit_log').selectAll().execute()).length;
    const first = await seedReference(t.db);
    expect(first.updated).toBeGreaterThanOrEqual(2);
    const entries = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const added = entries.slice(earlier);
    expect(added.map((e) => [e.actor_id, e.entity_type])).toEqual([[null, 'reference']]);
    expect(JSON.parse(added[0].after ?? '{}')).toMatchObject({ agreements: referenceCounts().agreements });
    const city = await getLocality(t.db, 'JP-28-KOBE');
    expect(JSON.stringify(city.sources)).not.toContain('agreements-seed.csv');
    expect((await getLocality(t.db, 'JP-28')).adminCenterName).toEqual({
      en: 'Kobe',
      vi: 'Kobe',
      ja: '神戸市',
    });
    // Loading again changes nothing and writes nothing.
    const again = await seedReference(t.db);
    expect(again).toMatchObject({ localities: 0, agreements: 0, terms: 0, updated: 0 });
    expect(await t.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(entries.length);
  });
});
