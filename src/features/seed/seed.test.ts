import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, freshDb, type TestDb } from '../../../test/support/db.ts';
import { prepareDatabase } from '../../server.ts';
import { insertReferenceLocality } from '../localities/service.ts';
import { referenceCounts, referenceLocalities } from './reference.ts';
import { referenceLoaded } from './service.ts';

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
      const expected = referenceCounts();
      expect(await count('localities')).toBe(expected.localities);
      expect(await count('agreements')).toBe(expected.agreements);
      expect(await count('profiles')).toBe(expected.profiles);
      expect(await referenceLoaded(db.db)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
