import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './connection.ts';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_profiles.ts';
import * as m0003 from './migrations/0003_meta.ts';
import * as m0004 from './migrations/0004_platform.ts';
import * as m0005 from './migrations/0005_hardening.ts';
import * as m0006 from './migrations/0006_atlas.ts';
import * as m0007 from './migrations/0007_forums.ts';
import * as m0008 from './migrations/0008_grants.ts';
import * as m0009 from './migrations/0009_change_scopes.ts';
import * as m0010 from './migrations/0010_forum_delegations.ts';
import * as m0011 from './migrations/0011_follow_through.ts';
import * as m0012 from './migrations/0012_texts.ts';
import * as m0013 from './migrations/0013_forum_exhibition.ts';
import * as m0014 from './migrations/0014_ceremony_news.ts';
import * as m0015 from './migrations/0015_meetings.ts';
import type { Database } from './types.ts';

// Migrations are imported statically (not read from a folder at run time) so that the list is
// explicit and type-checked; each receives the engine for the few places SQL differs.
const provider = (engine: string): MigrationProvider => ({
  getMigrations: async (): Promise<Record<string, Migration>> => ({
    '0001_initial': { up: (db) => m0001.up(db, engine) },
    '0002_profiles': { up: (db) => m0002.up(db) },
    '0003_meta': { up: (db) => m0003.up(db) },
    '0004_platform': { up: (db) => m0004.up(db) },
    '0005_hardening': { up: (db) => m0005.up(db) },
    '0006_atlas': { up: (db) => m0006.up(db) },
    '0007_forums': { up: (db) => m0007.up(db) },
    '0008_grants': { up: (db) => m0008.up(db) },
    '0009_change_scopes': { up: (db) => m0009.up(db) },
    '0010_forum_delegations': { up: (db) => m0010.up(db) },
    '0011_follow_through': { up: (db) => m0011.up(db) },
    '0012_texts': { up: (db) => m0012.up(db) },
    '0013_forum_exhibition': { up: (db) => m0013.up(db) },
    '0014_ceremony_news': { up: (db) => m0014.up(db) },
    '0015_meetings': { up: (db) => m0015.up(db) },
  }),
});

export async function migrateToLatest(target: Db): Promise<void> {
  await migrate(target, (m) => m.migrateToLatest());
}

/** Migrates up to and including `name` only: for tests of a migration's data conversion. */
export async function migrateTo(target: Db, name: string): Promise<void> {
  await migrate(target, (m) => m.migrateTo(name));
}

async function migrate({ db, engine }: Db, run: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>) {
  // Kysely looks for its migration tables in every schema of the database: one found in another
  // schema (a second deployment, a parallel test) would make it skip creating them in ours. On
  // PostgreSQL, name the schema of our search path.
  const schema =
    engine === 'postgres'
      ? ((await sql<{ s: string | null }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? undefined)
      : undefined;
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: provider(engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

export type { Database };
