import pino from 'pino';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { prepareDatabase } from '../server.ts';
import { CliInputError, type CliIo } from './io.ts';

/** The database of DATABASE_URL, migrated, with the reference data loaded when it was empty. */
export async function withDb<T>(io: CliIo, fn: (db: Db) => Promise<T>, { seed = true } = {}): Promise<T> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    throw new CliInputError([{ path: 'environment', reason: (err as Error).message }]);
  }
  const db = await prepareDatabase(config.DATABASE_URL, pino({ level: 'silent' }), { seed });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
