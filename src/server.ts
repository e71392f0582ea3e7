import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { type Db, openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { referenceLoaded, seedReference } from './features/seed/service.ts';
import { httpServer } from './http/listener.ts';

/**
 * Opens and migrates the database, and loads the reference data until it has loaded once. On
 * PostgreSQL an advisory lock makes several servers starting at once seed exactly once.
 */
export async function prepareDatabase(
  url: string,
  logger: Logger,
  { seed = true, searchPath }: { seed?: boolean; searchPath?: string } = {},
): Promise<Db> {
  const db = openDb(url, { searchPath });
  await migrateToLatest(db);
  if (!seed) return db;
  const seedIfEmpty = async (q: Db['db']) => {
    if (!(await referenceLoaded(q))) {
      const report = await seedReference(q);
      logger.info(report, 'reference data loaded');
    }
  };
  if (db.engine === 'postgres') {
    await db.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(7405221)`.execute(conn);
      try {
        await seedIfEmpty(conn);
      } finally {
        await sql`select pg_advisory_unlock(7405221)`.execute(conn);
      }
    });
  } else {
    await seedIfEmpty(db.db);
  }
  return db;
}

export async function startServer(config: Config, { webDist = null }: { webDist?: string | null } = {}) {
  const logger = pino({ level: config.LOG_LEVEL });
  const db = await prepareDatabase(config.DATABASE_URL, logger);
  const app = createApp(
    { db, logger, trustProxy: config.TRUST_PROXY, tokenDays: config.KIZUNA_TOKEN_DAYS },
    { webDist, cache: config.KIZUNA_CACHE, metricsToken: config.METRICS_TOKEN ?? null },
  );
  const server = httpServer(app.fetch);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, engine: db.engine }, 'Kizuna is listening');
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  };
  return { url, port, close, logger };
}
