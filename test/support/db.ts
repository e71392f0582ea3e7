import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, type Engine, openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** The engines every database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends Db {
  /** A DATABASE_URL for a server process to open the same database. */
  url: string;
  /** For PostgreSQL: the schema to put on the search path (passed as PGOPTIONS to child processes). */
  schema: string | null;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated, empty database: a temporary SQLite file, or a schema of its own on the
 * test PostgreSQL so that test files can run in parallel without seeing each other's rows.
 */
export async function freshDb(engine: Engine): Promise<TestDb> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-test-'));
    const url = `file:${join(dir, 'test.sqlite')}`;
    const db = openDb(url);
    await migrateToLatest(db);
    return {
      ...db,
      url,
      schema: null,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb(base, { searchPath: schema, poolSize: 4 });
  const drop = async () => {
    await db.close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
  try {
    await migrateToLatest(db);
  } catch (err) {
    await drop(); // leave no half-made schema behind
    throw err;
  }
  return {
    ...db,
    url: base,
    schema,
    drop,
  };
}

/** Environment for a child process (server, CLI) that must open this same test database. */
export const childEnv = (t: TestDb): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: t.url,
  ...(t.schema ? { PGOPTIONS: `-c search_path=${t.schema}` } : {}),
  KIZUNA_NO_WEB: '1',
  LOG_LEVEL: 'warn',
});
