import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/** The Kysely queries of follow-through's tables (migration 0011_follow_through). */
type Q = Kysely<Database>;

export const ftRepo = {
  cycle: (db: Q, id: string) =>
    db.selectFrom('ft_cycles').selectAll().where('id', '=', id).executeTakeFirst(),
  cycles: (db: Q) =>
    db.selectFrom('ft_cycles').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute(),
  priorityFields: (db: Q, cycleId: string) =>
    db
      .selectFrom('ft_priority_fields')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('locality_code')
      .orderBy('rank')
      .execute(),

  project: (db: Q, id: string) =>
    db.selectFrom('ft_projects').selectAll().where('id', '=', id).executeTakeFirst(),
  projectsOf: (db: Q, cycleId: string) =>
    db.selectFrom('ft_projects').selectAll().where('cycle_id', '=', cycleId).orderBy('id').execute(),
  partiesOf: (db: Q, projectIds: string[]) =>
    projectIds.length
      ? db
          .selectFrom('ft_project_parties')
          .leftJoin('localities', 'localities.code', 'ft_project_parties.locality_code')
          .leftJoin('organizations', 'organizations.id', 'ft_project_parties.organization_id')
          .leftJoin('localities as ol', 'ol.code', 'organizations.locality_code')
          .select([
            'ft_project_parties.project_id as projectId',
            'ft_project_parties.position as position',
            'ft_project_parties.role as role',
            'ft_project_parties.side as side',
            'ft_project_parties.locality_code as localityCode',
            'ft_project_parties.organization_id as organizationId',
            'localities.parent_code as localityParent',
            'localities.name_vi as l_vi',
            'localities.name_ja as l_ja',
            'localities.name_en as l_en',
            'organizations.name_vi as o_vi',
            'organizations.name_ja as o_ja',
            'organizations.name_en as o_en',
            'organizations.locality_code as orgLocality',
            'ol.parent_code as orgLocalityParent',
          ])
          .where('ft_project_parties.project_id', 'in', projectIds)
          .orderBy('ft_project_parties.project_id')
          .orderBy('ft_project_parties.position')
          .execute()
      : Promise.resolve([]),
  originsOf: (db: Q, projectIds: string[]) =>
    projectIds.length
      ? db
          .selectFrom('ft_project_origins')
          .selectAll()
          .where('project_id', 'in', projectIds)
          .orderBy('project_id')
          .orderBy('position')
          .execute()
      : Promise.resolve([]),
  contactsOf: (db: Q, projectIds: string[]) =>
    projectIds.length
      ? db
          .selectFrom('ft_contacts')
          .selectAll()
          .where('project_id', 'in', projectIds)
          .orderBy('project_id')
          .orderBy('side')
          .orderBy('email')
          .execute()
      : Promise.resolve([]),
  milestone: (db: Q, id: string) =>
    db.selectFrom('ft_milestones').selectAll().where('id', '=', id).executeTakeFirst(),
  milestonesOf: (db: Q, projectIds: string[]) =>
    projectIds.length
      ? db
          .selectFrom('ft_milestones')
          .selectAll()
          .where('project_id', 'in', projectIds)
          .orderBy('project_id')
          .orderBy('position')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  evidenceOf: (db: Q, milestoneIds: string[]) =>
    milestoneIds.length
      ? db
          .selectFrom('ft_evidence')
          .selectAll()
          .where('milestone_id', 'in', milestoneIds)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  reportsOf: (db: Q, projectIds: string[]) =>
    projectIds.length
      ? db
          .selectFrom('ft_reports')
          .selectAll()
          .where('project_id', 'in', projectIds)
          .orderBy('project_id')
          .orderBy('period_id')
          .orderBy('side')
          .orderBy('version')
          .execute()
      : Promise.resolve([]),
  notesOf: (db: Q, projectId: string) =>
    db
      .selectFrom('ft_notes')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
};
