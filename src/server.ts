import { rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { createApp } from './app.ts';
import { type Config, filesDir } from './config.ts';
import { type Db, openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { referenceLoaded, seedReference } from './features/seed/service.ts';
import { httpServer } from './http/listener.ts';
import { applicationJobs } from './jobs.ts';
import { systemClock } from './platform/clock.ts';
import { JobRunner } from './platform/jobs/runner.ts';
import { smtpMailer } from './platform/mail/send.ts';
import { FileStore } from './platform/storage/store.ts';

/**
 * Opens and migrates the database, and loads the reference data until it has loaded once. On
 * PostgreSQL an advisory lock makes several servers starting at once seed exactly once; on SQLite a
 * lock file beside the database does (migrations included).
 */
export async function prepareDatabase(
  url: string,
  logger: Logger,
  { seed = true, searchPath }: { seed?: boolean; searchPath?: string } = {},
): Promise<Db> {
  const db = openDb(url, { searchPath });
  // SQLite has no lock across processes for the migrations and the first load: servers started
  // together on one file take turns through a lock file beside it.
  if (db.engine === 'sqlite') {
    await withLockFile(`${resolve(url.slice('file:'.length))}.setup-lock`, async () => {
      await migrateToLatest(db);
      if (seed && !(await referenceLoaded(db.db)))
        logger.info(await seedReference(db.db), 'reference data loaded');
    });
    return db;
  }
  await migrateToLatest(db);
  if (!seed) return db;
  const seedIfEmpty = async (q: Db['db']) => {
    if (!(await referenceLoaded(q))) {
      const report = await seedReference(q);
      logger.info(report, 'reference data loaded');
    }
  };
  await db.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(7405221)`.execute(conn);
    try {
      await seedIfEmpty(conn);
    } finally {
      await sql`select pg_advisory_unlock(7405221)`.execute(conn);
    }
  });
  return db;
}

/**
 * Runs `fn` holding a lock file (created exclusively; removed after). Another process waits
 * while the file exists; a file older than 15 minutes is a crashed holder's and is taken over.
 */
async function withLockFile<T>(path: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(path).mtimeMs > 15 * 60_000) rmSync(path, { force: true });
      } catch {
        // gone meanwhile: try again
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { force: true });
  }
}

export async function startServer(config: Config, { webDist = null }: { webDist?: string | null } = {}) {
  const logger = pino({ level: config.LOG_LEVEL });
  const db = await prepareDatabase(config.DATABASE_URL, logger);
  const clock = systemClock;
  const files = new FileStore(filesDir(config), config.UPLOAD_MAX_BYTES);
  const app = createApp(
    {
      db,
      logger,
      trustProxy: config.TRUST_PROXY,
      tokenDays: config.KIZUNA_TOKEN_DAYS,
      publicUrl: config.PUBLIC_URL,
      clock,
      files,
    },
    { webDist, cache: config.KIZUNA_CACHE, metricsToken: config.METRICS_TOKEN ?? null },
  );
  // Background jobs run beside the HTTP server in every process (unless KIZUNA_JOBS=0); with
  // several servers on one PostgreSQL each job still runs once.
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : null;
  if (!mailer) logger.info('SMTP_URL is not set: mail is kept in the outbox for admins to read');
  const runner = config.KIZUNA_JOBS
    ? new JobRunner({ db, clock, logger, ...applicationJobs({ mailer, filesDir: files.root }) })
    : null;
  runner?.start();
  const server = httpServer(app.fetch);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, engine: db.engine, jobs: Boolean(runner) }, 'Kizuna is listening');
  const close = async () => {
    // Running jobs are given back first (due at once for another server), then requests finish.
    await runner?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  };
  return { url, port, close, logger };
}
