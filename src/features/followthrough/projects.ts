import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { can, withParent } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { assertCanEditProject, projectRef } from './access.ts';
import { loadCycle, loadProject, type ProjectView, publicProject } from './model.ts';
import { type ResolvedParty, resolveReferences } from './references.ts';
import { ftRepo } from './repository.ts';
import type { EvidenceInput, MilestoneInput, ProjectInput } from './schemas.ts';

type Q = Kysely<Database>;

export const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** Runs in the caller's transaction when there is one (an import writes many records all or nothing). */
export const inTx = <T>(db: Q, fn: (tx: Q) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

/** A project holds at most this many milestones; a milestone this much evidence. */
export const MAX_MILESTONES = 100;
export const MAX_EVIDENCE = 50;

const keysOf = (parties: ResolvedParty[]) =>
  parties.flatMap((p) => [...(p.organization ? [p.organization] : []), ...withParent(p.localityCode)]);

function projectValues(input: ProjectInput) {
  return {
    external_id: input.externalId,
    priority_locality: input.priorityField?.locality ?? null,
    priority_sector: input.priorityField?.sector ?? null,
    title: JSON.stringify(input.title),
    description: JSON.stringify(input.description),
    lifecycle: input.lifecycle,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    actual_start: input.actualStart,
    actual_end: input.actualEnd,
    weight: input.weight,
  };
}

async function writeChildren(tx: Q, id: string, input: ProjectInput, parties: ResolvedParty[]) {
  await tx.deleteFrom('ft_project_parties').where('project_id', '=', id).execute();
  await tx.deleteFrom('ft_project_origins').where('project_id', '=', id).execute();
  await tx.deleteFrom('ft_contacts').where('project_id', '=', id).execute();
  await tx
    .insertInto('ft_project_parties')
    .values(
      parties.map((p, i) => ({
        project_id: id,
        position: i,
        role: p.role,
        locality_code: p.locality,
        organization_id: p.organization,
        side: p.side,
      })),
    )
    .execute();
  if (input.origins.length)
    await tx
      .insertInto('ft_project_origins')
      .values(
        input.origins.map((o, i) => ({
          project_id: id,
          position: i,
          kind: o.kind,
          ref: o.ref,
          outcome: JSON.stringify(o.outcome),
        })),
      )
      .execute();
  const contacts = [
    ...new Map(input.contacts.map((c) => [`${c.side}:${c.email.toLowerCase()}`, c])).values(),
  ];
  if (contacts.length)
    await tx
      .insertInto('ft_contacts')
      .values(
        contacts.map((c) => ({
          project_id: id,
          side: c.side,
          email: c.email.toLowerCase(),
          language: c.language,
        })),
      )
      .execute();
}

const auditView = (p: ProjectView) => publicProject(p);

/** Creates a project in a cycle; the caller must edit one of its parties. */
export async function createProject(
  db: Q,
  {
    cycleId,
    input,
    user,
    id = newId('prj'),
    synthetic = false,
  }: {
    cycleId: string;
    input: ProjectInput;
    user: User | null;
    id?: string;
    synthetic?: boolean;
  },
): Promise<ProjectView> {
  await loadCycle(db, cycleId);
  const parties = await resolveReferences(db, input, { selfId: id, user });
  if (user && !can(user, 'update', { type: 'project', partyKeys: keysOf(parties) }))
    throw new AppError('auth.forbidden', 'you may create a project only with a party whose editor you are');
  if (await ftRepo.project(db, id)) throw new AppError('conflict', `project ${id} exists already`);
  const now = new Date().toISOString();
  return inTx(db, async (tx) => {
    await tx
      .insertInto('ft_projects')
      .values({
        id,
        cycle_id: cycleId,
        ...projectValues(input),
        synthetic: synthetic ? 1 : 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeChildren(tx, id, input, parties);
    const after = await loadProject(tx, id);
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'project',
        entityId: id,
        before: null,
        after: auditView(after),
      },
    });
    return after;
  });
}

/**
 * Replaces a project's fields, parties, origins and contacts (If-Match). The caller must edit a
 * party before and after the change, so that no editor can hand a project out of their own scope.
 */
export async function updateProject(
  db: Q,
  { id, version, input, user }: { id: string; version: number; input: ProjectInput; user: User | null },
): Promise<ProjectView> {
  const before = await loadProject(db, id);
  if (user) assertCanEditProject(user, before);
  const parties = await resolveReferences(db, input, { selfId: id, user });
  if (user && !can(user, 'update', { type: 'project', partyKeys: keysOf(parties) }))
    throw new AppError(
      'auth.forbidden',
      'the project would leave your scope: keep a party whose editor you are',
    );
  const now = new Date().toISOString();
  return inTx(db, async (tx) => {
    const res = await tx
      .updateTable('ft_projects')
      .set({ ...projectValues(input), version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('project.version_conflict', `project ${id} was changed by someone else; reload it`);
    await writeChildren(tx, id, input, parties);
    const after = await loadProject(tx, id);
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'project',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      },
    });
    return after;
  });
}

/** The contacts of a project (personal data: for its editors only). */
export async function contactsOf(db: Q, project: ProjectView, user: User | null) {
  if (!user || !can(user, 'update', projectRef(project))) return undefined;
  return (await ftRepo.contactsOf(db, [project.id])).map((c) => ({
    side: c.side,
    email: c.email,
    language: c.language,
  }));
}

export async function createMilestone(
  db: Q,
  {
    projectId,
    input,
    user,
    id = newId('ms'),
  }: { projectId: string; input: MilestoneInput; user: User | null; id?: string },
) {
  const project = await loadProject(db, projectId);
  if (user) assertCanEditProject(user, project);
  if (project.milestones.length >= MAX_MILESTONES)
    throw new AppError('conflict', `a project holds at most ${MAX_MILESTONES} milestones`);
  const now = new Date().toISOString();
  return inTx(db, async (tx) => {
    await tx
      .insertInto('ft_milestones')
      .values({
        id,
        project_id: projectId,
        external_id: input.externalId,
        position: project.milestones.length,
        title: JSON.stringify(input.title),
        due_on: input.dueOn,
        weight: input.weight,
        status: input.status,
        met_on: input.metOn,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const after = (await loadProject(tx, projectId)).milestones.find((m) => m.id === id)!;
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'milestone',
        entityId: id,
        before: null,
        after,
      },
    });
    return after;
  });
}

/** Changes a milestone (If-Match): its due date, weight, status. A milestone is cancelled, never deleted. */
export async function updateMilestone(
  db: Q,
  { id, version, input, user }: { id: string; version: number; input: MilestoneInput; user: User | null },
) {
  const row = await ftRepo.milestone(db, id);
  if (!row) throw new AppError('not_found', `milestone ${id} does not exist`);
  const project = await loadProject(db, row.project_id);
  if (user) assertCanEditProject(user, project);
  const before = project.milestones.find((m) => m.id === id)!;
  const now = new Date().toISOString();
  return inTx(db, async (tx) => {
    const res = await tx
      .updateTable('ft_milestones')
      .set({
        external_id: input.externalId,
        title: JSON.stringify(input.title),
        due_on: input.dueOn,
        weight: input.weight,
        status: input.status,
        met_on: input.metOn,
        version: version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError(
        'milestone.version_conflict',
        `milestone ${id} was changed by someone else; reload it`,
      );
    const after = (await loadProject(tx, row.project_id)).milestones.find((m) => m.id === id)!;
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'milestone',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}

/** Adds a link as evidence of a milestone. */
export async function addEvidence(
  db: Q,
  { milestoneId, input, user }: { milestoneId: string; input: EvidenceInput; user: User },
) {
  const row = await ftRepo.milestone(db, milestoneId);
  if (!row) throw new AppError('not_found', `milestone ${milestoneId} does not exist`);
  const project = await loadProject(db, row.project_id);
  assertCanEditProject(user, project);
  const milestone = project.milestones.find((m) => m.id === milestoneId)!;
  if (milestone.evidence.length >= MAX_EVIDENCE)
    throw new AppError('conflict', `a milestone holds at most ${MAX_EVIDENCE} pieces of evidence`);
  const id = newId('ev');
  return inTx(db, async (tx) => {
    await tx
      .insertInto('ft_evidence')
      .values({
        id,
        milestone_id: milestoneId,
        url: input.url,
        file_id: null,
        title: JSON.stringify(input.title),
        created_by: user.id,
        created_at: new Date().toISOString(),
      })
      .execute();
    const after = (await loadProject(tx, row.project_id)).milestones.find((m) => m.id === milestoneId)!;
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'update',
        entityType: 'milestone',
        entityId: milestoneId,
        before: milestone,
        after,
      },
    });
    return after;
  });
}
