import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './types.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  close: () => Promise<void>;
  /**
   * The version of one scope of data (`atlas`, `forum:<id>`, …; 0 before its first change):
   * read on every cached answer, so kept cheap.
   */
  scopeVersion: (scope: string) => Promise<number>;
}

const versionOf = (db: Kysely<Database>) => async (scope: string) => {
  const row = await db
    .selectFrom('change_scopes')
    .select('version')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
};

/**
 * Opens the database named by a DATABASE_URL: `file:PATH` for embedded SQLite, `postgres://…`
 * for PostgreSQL. SQLite runs in WAL mode with foreign keys on and `synchronous=FULL`, so a
 * write acknowledged to a client survives a process kill.
 */
export function openDb(url: string, opts: { searchPath?: string; poolSize?: number } = {}): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // Counts come back as strings by default; our ids and counts fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy(), scopeVersion: versionOf(db) };
  }
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must start with file: or postgres:// (got "${url.slice(0, 40)}")`);
  }
  const path = resolve(url.slice('file:'.length));
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  // SQLite answers in microseconds: a prepared statement on the handle itself skips the query
  // builder and the driver's queue (prepared on first use, after migrations made the table).
  let versionStatement: SQLite.Statement | null = null;
  const scopeVersion = async (scope: string) => {
    versionStatement ??= sqlite.prepare('select version from change_scopes where scope = ?');
    return Number((versionStatement.get(scope) as { version: number } | undefined)?.version ?? 0);
  };
  return { db, engine: 'sqlite', close: () => db.destroy(), scopeVersion };
}

/**
 * Refreshes the planner's statistics after a bulk load: PostgreSQL plans joins by them, and
 * before autovacuum catches up a fresh 100,000-row table is planned as if it were empty.
 */
export async function analyze({ db, engine }: Db): Promise<void> {
  await sql.raw(engine === 'postgres' ? 'analyze' : 'pragma optimize').execute(db);
}
