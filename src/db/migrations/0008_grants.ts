import type { Kysely } from 'kysely';

/**
 * Roles per record. An account holds roles on single records: editor of a locality or of an
 * organisation, organiser of a forum, interpreter at a forum. Until now an editor's scopes were a
 * JSON list on the account (`users.scopes`); each scope becomes an `editor` grant on the locality
 * or organisation it names, and the column goes. A scope that names nothing (a record deleted
 * since) is kept as a grant all the same, typed by the shape of its key (a locality code starts
 * with `VN-` or `JP-`), so that nothing an admin once gave is lost without a trace.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grants_unique', ['user_id', 'role', 'record_type', 'record_id'])
    .execute();
  await db.schema.createIndex('grants_record').on('grants').columns(['record_type', 'record_id']).execute();

  const users: { id: string; role: string; scopes: string; created_at: string }[] = await db
    .selectFrom('users')
    .select(['id', 'role', 'scopes', 'created_at'])
    .execute();
  const localities = new Set(
    ((await db.selectFrom('localities').select('code').execute()) as { code: string }[]).map((l) => l.code),
  );
  const rows = users.flatMap((u) => {
    if (u.role === 'admin') return [];
    let scopes: unknown;
    try {
      scopes = JSON.parse(u.scopes);
    } catch {
      scopes = [];
    }
    if (!Array.isArray(scopes)) return [];
    return [...new Set(scopes.filter((s): s is string => typeof s === 'string' && s.length > 0))].map(
      (s) => ({
        id: `${u.id}:editor:${s}`,
        user_id: u.id,
        role: 'editor',
        record_type: localities.has(s) || /^(VN|JP)-/.test(s) ? 'locality' : 'organization',
        record_id: s,
        granted_by: null,
        created_at: u.created_at,
      }),
    );
  });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('grants')
      .values(rows.slice(i, i + 200))
      .execute();
  await db.schema.alterTable('users').dropColumn('scopes').execute();
}
