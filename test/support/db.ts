import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Db, type Engine, openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedReference } from '../../src/features/seed/service.ts';
import { adminQuery, copySqlite, PG_SCHEMA, type Templates, withDatabase } from './templates.ts';

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
 * A fresh, migrated database of its own, empty or with the reference data (`seed: true`): a
 * temporary SQLite file, or a database of its own on the test PostgreSQL so that test files can
 * run in parallel without seeing each other's rows. Both are copies of the templates the global
 * setup built once for the run (test/support/templates.ts); without them (a run that skipped the
 * global setup) the database is migrated and seeded here.
 */
export async function freshDb(engine: Engine, { seed = false }: { seed?: boolean } = {}): Promise<TestDb> {
  const templates = providedTemplates();
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-test-'));
    const path = join(dir, 'test.sqlite');
    if (templates) copySqlite(templates, seed, path);
    const url = `file:${path}`;
    const db = openDb(url);
    const drop = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
    if (!templates) await prepare(db, seed, drop);
    return { ...db, url, schema: null, drop };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `kizuna_t_${randomBytes(6).toString('hex')}`;
  if (templates?.postgres) {
    await adminQuery(
      base,
      `create database ${name} template ${templates.postgres[seed ? 'seeded' : 'empty']}`,
    );
    const url = withDatabase(base, name);
    const db = openDb(url, { searchPath: PG_SCHEMA, poolSize: 4 });
    const drop = async () => {
      await db.close();
      await dropDatabase(base, name);
    };
    return { ...db, url, schema: PG_SCHEMA, drop };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `create schema ${schema}`);
  const db = openDb(base, { searchPath: schema, poolSize: 4 });
  const drop = async () => {
    await db.close();
    await adminQuery(base, `drop schema ${schema} cascade`);
  };
  await prepare(db, seed, drop);
  return { ...db, url: base, schema, drop };
}

/**
 * A database with no tables at all (not even migrated), for tests of a migration: a temporary
 * SQLite file, or a schema of its own on the test PostgreSQL.
 */
export async function blankDb(engine: Engine): Promise<TestDb> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-blank-'));
    const url = `file:${join(dir, 'blank.sqlite')}`;
    const db = openDb(url);
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
  await adminQuery(base, `create schema ${schema}`);
  const db = openDb(base, { searchPath: schema, poolSize: 2 });
  return {
    ...db,
    url: base,
    schema,
    drop: async () => {
      await db.close();
      await adminQuery(base, `drop schema ${schema} cascade`);
    },
  };
}

/**
 * Drops a test database once its connections are gone. A closed pool's backends may take a
 * moment to exit; forcing them out at once makes their clients report an error as they end.
 */
async function dropDatabase(base: string, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(base, `drop database if exists ${name}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err; // 55006: still in use
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await adminQuery(base, `drop database if exists ${name} with (force)`);
}

function providedTemplates(): Templates | null {
  try {
    return inject('kizunaTemplates') ?? null;
  } catch {
    return null; // not inside a Vitest worker
  }
}

async function prepare(db: Db, seed: boolean, drop: () => Promise<void>) {
  try {
    await migrateToLatest(db);
    if (seed) await seedReference(db.db);
  } catch (err) {
    await drop(); // leave no half-made database behind
    throw err;
  }
}

/** Environment for a child process (server, CLI) that must open this same test database. */
export const childEnv = (t: TestDb): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: t.url,
  ...(t.schema ? { PGOPTIONS: `-c search_path=${t.schema}` } : {}),
  KIZUNA_NO_WEB: '1',
  LOG_LEVEL: 'warn',
});
