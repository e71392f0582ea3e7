import type { Kysely } from 'kysely';

/**
 * The forum's write side: delegations (one per party per forum), invitations with a single-use
 * secret link, and members as forum people. A person is a speaker (no delegation) or a member of
 * a delegation; both may carry an e-mail and a language (for the mail they are sent), and a
 * member carries the private fields only organisers read (dietary and accessibility needs).
 * Rooms get a version (edited with If-Match, like sessions and forums); a forum gets the number
 * of members a delegation may bring unless the organiser sets another for one delegation.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('forums')
    .addColumn('delegation_size', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();
  await db.schema
    .alterTable('forum_rooms')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('forum_delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('party_type', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // The language of the head's mail (the invitation's until the head says otherwise).
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('head_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('member_limit', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('waitlisted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forum_delegations_party', ['forum_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('forum_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('delegation_id', 'text', (c) =>
      c.notNull().references('forum_delegations.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // sha256 of the secret in the link: the link itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_invitations_delegation')
    .on('forum_invitations')
    .column('delegation_id')
    .execute();

  await db.schema
    .alterTable('forum_people')
    .addColumn('delegation_id', 'text', (c) => c.references('forum_delegations.id').onDelete('cascade'))
    .execute();
  for (const [name, type] of [
    ['email', 'text'],
    ['language', 'text'],
    ['name_parts', 'text'],
    ['languages', 'text'],
    ['dietary', 'text'],
    ['accessibility', 'text'],
    ['agenda', 'text'],
    ['calendar_token_hash', 'text'],
  ] as const)
    await db.schema.alterTable('forum_people').addColumn(name, type).execute();
  await db.schema
    .alterTable('forum_people')
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('forum_people')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('forum_people_delegation').on('forum_people').column('delegation_id').execute();
  await db.schema
    .createIndex('forum_people_calendar')
    .on('forum_people')
    .column('calendar_token_hash')
    .unique()
    .execute();
}
