import { type Kysely, sql } from 'kysely';

// Written with portable column types only (text, integer, double precision), so that the same
// migration runs on SQLite and PostgreSQL. Auto-increment ids are the one difference.
const autoId = (engine: string) => (engine === 'postgres' ? 'serial' : 'integer');

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>, engine = 'sqlite'): Promise<void> {
  await db.schema
    .createTable('localities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('localities.code'))
    .addColumn('name_vi', 'text')
    .addColumn('name_ja', 'text')
    .addColumn('name_en', 'text')
    .addColumn('admin_center', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('merged_from', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('localities_parent').on('localities').column('parent_code').execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locality_code', 'text', (c) => c.notNull().references('localities.code'))
    // The locality's country, kept beside it because lists filter and sort by it; a locality
    // never changes country, and the service sets both together.
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text')
    .addColumn('name_ja', 'text')
    .addColumn('name_en', 'text')
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organizations_locality')
    .on('organizations')
    .columns(['locality_code', 'sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('organizations_country')
    .on('organizations')
    .columns(['country', 'sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('organizations_sort')
    .on('organizations')
    .columns(['sort_name', 'id'])
    .execute();

  await db.schema
    .createTable('organization_sectors')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_sectors_pk', ['organization_id', 'code'])
    .execute();
  await db.schema
    .createIndex('organization_sectors_code')
    .on('organization_sectors')
    .column('code')
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_detail', 'text')
    .addColumn('title_vi', 'text')
    .addColumn('title_ja', 'text')
    .addColumn('title_en', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('signed_precision', 'text')
    .addColumn('signed_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('renews_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('supersedes_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('fields_reported', 'text')
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_sort').on('agreements').columns(['signed_sort', 'id']).execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('party_type', 'text', (c) => c.notNull())
    .addColumn('locality_code', 'text', (c) => c.references('localities.code'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'position'])
    .execute();
  await db.schema
    .createIndex('agreement_parties_locality')
    .on('agreement_parties')
    .column('locality_code')
    .execute();
  await db.schema
    .createIndex('agreement_parties_org')
    .on('agreement_parties')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('agreement_fields')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_fields_pk', ['agreement_id', 'code'])
    .execute();
  await db.schema.createIndex('agreement_fields_code').on('agreement_fields').column('code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', sql.raw(autoId(engine)), (c) =>
      engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_account')
    .on('login_attempts')
    .columns(['account_key', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_address')
    .on('login_attempts')
    .columns(['address_key', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', sql.raw(autoId(engine)), (c) =>
      engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  // One row counting committed changes to the public data: readers compare it to decide whether a
  // cached answer is still current. Writers bump it inside their transaction (audit repository).
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, version: 0 }).execute();

  // The search index: prefix terms of every record's names (see domain/search.ts). Terms compare
  // byte-wise (collation "C" on PostgreSQL, SQLite's default BINARY), so a prefix is a key range.
  await db.schema
    .createTable('search_terms')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('term', engine === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['entity_type', 'term', 'entity_id'])
    // SQLite: the primary key is the table (no rowid copy); halves the index's size on disk.
    .$call((b) => (engine === 'postgres' ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema
    .createIndex('search_terms_entity')
    .on('search_terms')
    .columns(['entity_type', 'entity_id'])
    .execute();
}
