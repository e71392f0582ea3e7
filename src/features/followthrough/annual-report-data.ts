/**
 * The data of an annual report: a cycle's state on the day it is published (every project with
 * its field, partners, progress with coverage and the rule's version, schedule health and
 * milestones), and the same data as CSV. Computed once, stored, never recomputed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { toCsv } from '../shared/csv.ts';
import { cycleDashboard } from './dashboard.ts';
import { presentProjects } from './model.ts';
import { ftRepo } from './repository.ts';

type Q = Kysely<Database>;
type Dashboard = Awaited<ReturnType<typeof cycleDashboard>>;

export interface AnnualSnapshot {
  format: 'kizuna-annual-report/1';
  cycle: Dashboard['cycle'];
  number: number;
  asOf: string;
  publishedAt: string;
  period: Dashboard['period'];
  rule: Dashboard['rule'];
  total: Dashboard['total'];
  counts: Dashboard['counts'];
  projects: (Dashboard['projects'][number] & {
    milestones: {
      id: string;
      title: Record<string, unknown>;
      dueOn: string;
      weight: number;
      status: string;
      metOn: string | null;
    }[];
  })[];
}

export async function annualSnapshot(
  db: Q,
  {
    cycleId,
    today,
    number,
    publishedAt,
  }: { cycleId: string; today: string; number: number; publishedAt: string },
): Promise<AnnualSnapshot> {
  const d = await cycleDashboard(db, { id: cycleId, today });
  const full = new Map(
    (await presentProjects(db, await ftRepo.projectsOf(db, cycleId))).map((p) => [p.id, p]),
  );
  return {
    format: 'kizuna-annual-report/1',
    cycle: d.cycle,
    number,
    asOf: today,
    publishedAt,
    period: d.period,
    rule: d.rule,
    total: d.total,
    counts: d.counts,
    projects: d.projects.map((p) => ({
      ...p,
      milestones: (full.get(p.id)?.milestones ?? []).map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: m.dueOn,
        weight: m.weight,
        status: m.status,
        metOn: m.metOn,
      })),
    })),
  };
}

const t = (x: Record<string, unknown> | undefined, l: string) =>
  typeof x?.[l] === 'string' ? (x[l] as string) : '';

/** One row per milestone (a project without milestones has one row with them empty). */
export function annualCsv(s: AnnualSnapshot): string {
  type Row = {
    p: AnnualSnapshot['projects'][number];
    m: AnnualSnapshot['projects'][number]['milestones'][number] | null;
  };
  const rows: Row[] = s.projects.flatMap((p) =>
    p.milestones.length ? p.milestones.map((m): Row => ({ p, m })) : [{ p, m: null } as Row],
  );
  return toCsv<Row>(
    [
      { header: 'report_version', value: () => s.number },
      { header: 'as_of', value: () => s.asOf },
      { header: 'cycle_id', value: () => s.cycle.id },
      { header: 'period', value: () => s.period.id },
      { header: 'project_id', value: (r) => r.p.id },
      { header: 'project_title_vi', value: (r) => t(r.p.title, 'vi') },
      { header: 'project_title_ja', value: (r) => t(r.p.title, 'ja') },
      { header: 'project_title_en', value: (r) => t(r.p.title, 'en') },
      { header: 'priority_locality', value: (r) => r.p.priorityField?.locality ?? '' },
      { header: 'priority_sector', value: (r) => r.p.priorityField?.sector ?? '' },
      {
        header: 'partners',
        value: (r) => r.p.parties.map((x) => `${x.side}:${x.locality ?? x.organization ?? ''}`).join(' '),
      },
      { header: 'lifecycle', value: (r) => r.p.lifecycle },
      { header: 'state', value: (r) => r.p.state },
      { header: 'progress', value: (r) => r.p.progress ?? '' },
      { header: 'coverage_milestones', value: (r) => r.p.coverage.milestones },
      { header: 'coverage_with_data', value: (r) => r.p.coverage.withData },
      { header: 'rule_version', value: (r) => r.p.rule },
      { header: 'health', value: (r) => r.p.health },
      { header: 'milestone_id', value: (r) => r.m?.id ?? '' },
      {
        header: 'milestone_title_en',
        value: (r) => t(r.m?.title, 'en') || t(r.m?.title, 'vi') || t(r.m?.title, 'ja'),
      },
      { header: 'milestone_due_on', value: (r) => r.m?.dueOn ?? '' },
      { header: 'milestone_weight', value: (r) => r.m?.weight ?? '' },
      { header: 'milestone_status', value: (r) => r.m?.status ?? '' },
      { header: 'milestone_met_on', value: (r) => r.m?.metOn ?? '' },
    ],
    rows,
  );
}
