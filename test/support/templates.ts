import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedReference } from '../../src/features/seed/service.ts';

/**
 * Template databases, built once per test run by the global setup: migrated and empty, and
 * migrated with the reference data loaded. Each test file copies one instead of migrating and
 * seeding its own (a SQLite file copy; on PostgreSQL `CREATE DATABASE … TEMPLATE`).
 */
export interface Templates {
  /** Folder holding empty.sqlite and seeded.sqlite. */
  sqliteDir: string;
  /** Names of the two template databases on TEST_DATABASE_URL's server, when it is set. */
  postgres: { empty: string; seeded: string } | null;
}

/** The schema every test database on PostgreSQL keeps its tables in (the search path of its clients). */
export const PG_SCHEMA = 'kizuna';

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function buildSqlite(dir: string, seed: boolean): Promise<string> {
  const path = join(dir, seed ? 'seeded.sqlite' : 'empty.sqlite');
  const db = openDb(`file:${path}`);
  await migrateToLatest(db);
  if (seed) await seedReference(db.db);
  await db.close(); // the last close checkpoints the WAL into the file: one file to copy
  return path;
}

async function buildPostgres(base: string, name: string, seed: boolean): Promise<void> {
  await adminQuery(base, `create database ${name}`);
  const url = withDatabase(base, name);
  await adminQuery(url, `create schema ${PG_SCHEMA}`);
  const db = openDb(url, { searchPath: PG_SCHEMA, poolSize: 2 });
  try {
    await migrateToLatest(db);
    if (seed) await seedReference(db.db);
  } finally {
    await db.close();
  }
  // A template cannot be copied while anyone is connected to it, so nobody may connect.
  await adminQuery(base, `alter database ${name} with allow_connections false`);
}

export async function buildTemplates(): Promise<{ templates: Templates; drop: () => Promise<void> }> {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'kizuna-templates-'));
  await buildSqlite(sqliteDir, false);
  await buildSqlite(sqliteDir, true);
  const base = process.env.TEST_DATABASE_URL;
  let postgres: Templates['postgres'] = null;
  if (base) {
    const tag = `${process.pid}_${Date.now().toString(36)}`;
    postgres = { empty: `kizuna_tpl_empty_${tag}`, seeded: `kizuna_tpl_seeded_${tag}` };
    await buildPostgres(base, postgres.empty, false);
    await buildPostgres(base, postgres.seeded, true);
  }
  const drop = async () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    if (base && postgres)
      for (const name of [postgres.empty, postgres.seeded])
        await adminQuery(base, `drop database if exists ${name}`);
  };
  return { templates: { sqliteDir, postgres }, drop };
}

/** A copy of a SQLite template at `path`. */
export const copySqlite = (templates: Templates, seed: boolean, path: string) =>
  copyFileSync(join(templates.sqliteDir, seed ? 'seeded.sqlite' : 'empty.sqlite'), path);
