import type { Kysely } from 'kysely';

/**
 * Follow-through (../shared/specs/follow-through.md): cycles and their reporting periods, each
 * locality's priority fields, projects with their parties, origins and contacts, milestones and
 * their evidence, the sides' reports (every version kept), notes between the sides, and the keys
 * of the reminders already sent. Texts per language are JSON; dates are ISO text, as everywhere.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ft_cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.references('forums.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('period_months', 'integer', (c) => c.notNull())
    .addColumn('periods', 'text', (c) => c.notNull())
    .addColumn('limits', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ft_priority_fields')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('ft_cycles.id'))
    .addColumn('locality_code', 'text', (c) => c.notNull().references('localities.code'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ft_priority_fields_pk', ['cycle_id', 'locality_code', 'sector'])
    .execute();

  await db.schema
    .createTable('ft_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('ft_cycles.id'))
    .addColumn('external_id', 'text')
    .addColumn('priority_locality', 'text', (c) => c.references('localities.code'))
    .addColumn('priority_sector', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ft_projects_cycle').on('ft_projects').columns(['cycle_id', 'id']).execute();
  await db.schema
    .createIndex('ft_projects_external')
    .on('ft_projects')
    .columns(['cycle_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('ft_project_parties')
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locality_code', 'text', (c) => c.references('localities.code'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ft_project_parties_pk', ['project_id', 'position'])
    .execute();
  await db.schema
    .createIndex('ft_project_parties_locality')
    .on('ft_project_parties')
    .column('locality_code')
    .execute();

  await db.schema
    .createTable('ft_project_origins')
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('ft_project_origins_pk', ['project_id', 'position'])
    .execute();

  // Contacts are personal data: never in a public answer; reminders go to them.
  await db.schema
    .createTable('ft_contacts')
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ft_contacts_pk', ['project_id', 'side', 'email'])
    .execute();

  await db.schema
    .createTable('ft_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('met_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ft_milestones_project')
    .on('ft_milestones')
    .columns(['project_id', 'position'])
    .execute();
  await db.schema.createIndex('ft_milestones_due').on('ft_milestones').columns(['due_on']).execute();

  await db.schema
    .createTable('ft_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('ft_milestones.id').onDelete('cascade'))
    .addColumn('url', 'text')
    .addColumn('file_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ft_evidence_milestone').on('ft_evidence').column('milestone_id').execute();

  await db.schema
    .createTable('ft_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('ft_reports_version', ['project_id', 'period_id', 'side', 'version'])
    .execute();

  await db.schema
    .createTable('ft_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('ft_projects.id').onDelete('cascade'))
    .addColumn('period_id', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ft_notes_project')
    .on('ft_notes')
    .columns(['project_id', 'created_at'])
    .execute();

  // One row per reminder sent: its key says what, to whom and when, so it is never sent twice.
  await db.schema
    .createTable('ft_reminders')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
