import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { OriginKind, PartyRole, ProjectLifecycle, Texts } from '../../domain/progress/records.ts';
import type { MilestoneStatus, Side } from '../../domain/progress/rule.ts';
import { notFound } from '../../errors.ts';
import { withParent } from '../accounts/policy.ts';
import { groupBy, localized, parseJson } from '../shared/json.ts';
import { ftRepo } from './repository.ts';

/** Follow-through's records as the services read them: one project with everything under it. */
type Q = Kysely<Database>;

export interface Period {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface CycleView {
  id: string;
  forumId: string | null;
  title: Texts;
  startsOn: string;
  endsOn: string;
  periodMonths: number;
  periods: Period[];
  limits: { priorityFields: { min: number; max: number }; projects: { min: number; max: number } };
  synthetic: boolean;
  version: number;
}

export interface PartyView {
  role: PartyRole;
  side: Side;
  locality: string | null;
  organization: string | null;
  name: Texts;
}

export interface EvidenceView {
  id: string;
  /** A link given as evidence, or the address of an uploaded document or photo. */
  url: string | null;
  file: string | null;
  title: Texts;
  createdAt: string;
}

export interface MilestoneView {
  id: string;
  externalId: string | null;
  title: Texts;
  dueOn: string;
  weight: number;
  status: MilestoneStatus;
  metOn: string | null;
  evidence: EvidenceView[];
  version: number;
}

export interface ProjectView {
  id: string;
  cycle: string;
  externalId: string | null;
  priorityField: { locality: string; sector: string } | null;
  title: Texts;
  description: Texts;
  lifecycle: ProjectLifecycle;
  parties: PartyView[];
  origins: { kind: OriginKind; ref: string; outcome: Texts }[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  weight: number;
  milestones: MilestoneView[];
  synthetic: boolean;
  version: number;
  updatedAt: string;
  /** The policy's keys of each side (parties, their localities and the prefectures above): never shown. */
  keys: Record<Side, string[]>;
}

export function toCycle(row: NonNullable<Awaited<ReturnType<typeof ftRepo.cycle>>>): CycleView {
  return {
    id: row.id,
    forumId: row.forum_id,
    title: parseJson<Texts>(row.title, {}),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    periodMonths: row.period_months,
    periods: parseJson<Period[]>(row.periods, []),
    limits: parseJson(row.limits, { priorityFields: { min: 1, max: 2 }, projects: { min: 2, max: 3 } }),
    synthetic: row.synthetic === 1,
    version: row.version,
  };
}

export async function loadCycle(db: Q, id: string): Promise<CycleView> {
  const row = await ftRepo.cycle(db, id);
  if (!row) throw notFound('cycle', id);
  return toCycle(row);
}

/** Projects with their parties, origins, milestones and evidence, in the order of `rows`. */
export async function presentProjects(
  db: Q,
  rows: Awaited<ReturnType<typeof ftRepo.projectsOf>>,
): Promise<ProjectView[]> {
  const ids = rows.map((r) => r.id);
  const [parties, origins, milestones] = await Promise.all([
    ftRepo.partiesOf(db, ids),
    ftRepo.originsOf(db, ids),
    ftRepo.milestonesOf(db, ids),
  ]);
  const evidence = groupBy(
    await ftRepo.evidenceOf(
      db,
      milestones.map((m) => m.id),
    ),
    (e) => e.milestone_id,
  );
  const partiesBy = groupBy(parties, (p) => p.projectId);
  const originsBy = groupBy(origins, (o) => o.project_id);
  const milestonesBy = groupBy(milestones, (m) => m.project_id);
  return rows.map((r) => {
    const ps = partiesBy.get(r.id) ?? [];
    const keys: Record<Side, string[]> = { vn: [], jp: [] };
    for (const p of ps) {
      const k = keys[p.side as Side];
      if (p.localityCode)
        k.push(...withParent(p.localityCode), ...(p.localityParent ? [p.localityParent] : []));
      if (p.organizationId)
        k.push(
          p.organizationId,
          ...(p.orgLocality ? withParent(p.orgLocality) : []),
          ...(p.orgLocalityParent ? [p.orgLocalityParent] : []),
        );
    }
    return {
      id: r.id,
      cycle: r.cycle_id,
      externalId: r.external_id,
      priorityField:
        r.priority_locality && r.priority_sector
          ? { locality: r.priority_locality, sector: r.priority_sector }
          : null,
      title: parseJson<Texts>(r.title, {}),
      description: parseJson<Texts>(r.description, {}),
      lifecycle: r.lifecycle as ProjectLifecycle,
      parties: ps.map((p) => ({
        role: p.role as PartyRole,
        side: p.side as Side,
        locality: p.localityCode,
        organization: p.organizationId,
        name: p.localityCode
          ? localized({ vi: p.l_vi, ja: p.l_ja, en: p.l_en })
          : localized({ vi: p.o_vi, ja: p.o_ja, en: p.o_en }),
      })),
      origins: (originsBy.get(r.id) ?? []).map((o) => ({
        kind: o.kind as OriginKind,
        ref: o.ref,
        outcome: parseJson<Texts>(o.outcome, {}),
      })),
      plannedStart: r.planned_start,
      plannedEnd: r.planned_end,
      actualStart: r.actual_start,
      actualEnd: r.actual_end,
      weight: Number(r.weight),
      milestones: (milestonesBy.get(r.id) ?? []).map((m) => ({
        id: m.id,
        externalId: m.external_id,
        title: parseJson<Texts>(m.title, {}),
        dueOn: m.due_on,
        weight: Number(m.weight),
        status: m.status as MilestoneStatus,
        metOn: m.met_on,
        evidence: (evidence.get(m.id) ?? []).map((e) => ({
          id: e.id,
          url: e.url ?? (e.file_id ? `/api/evidence/files/${e.file_id}` : null),
          file: e.file_id,
          title: parseJson<Texts>(e.title, {}),
          createdAt: e.created_at,
        })),
        version: m.version,
      })),
      synthetic: r.synthetic === 1,
      version: r.version,
      updatedAt: r.updated_at,
      keys,
    };
  });
}

export async function loadProject(db: Q, id: string): Promise<ProjectView> {
  const row = await ftRepo.project(db, id);
  if (!row) throw notFound('project', id);
  return (await presentProjects(db, [row]))[0];
}

/** What the public sees of a project: everything but the policy's keys. */
export const publicProject = ({ keys: _keys, ...p }: ProjectView) => p;
