import { scheduleHealth } from '../../domain/progress/health.ts';
import {
  type MilestoneReport,
  type ProjectFigure,
  projectProgress,
  publishedFigure,
  SIDES,
  type Side,
  type SideReport,
} from '../../domain/progress/rule.ts';
import type { CycleView, Period, ProjectView } from './model.ts';

/**
 * The published figures of follow-through, computed with domain/progress from the records and
 * the latest submitted version of each side's report: nothing computed is stored, so no figure
 * can drift from the rows it comes from.
 */

export interface ReportMilestone {
  milestone: string;
  status: MilestoneReport['status'];
  progress: number;
  comment: Record<string, string>;
}

export interface StoredReport {
  id: string;
  projectId: string;
  period: string;
  side: Side;
  version: number;
  state: 'draft' | 'submitted';
  submittedAt: string | null;
  milestones: ReportMilestone[];
}

/** The latest submitted version of each side's report for the period. */
export function latestSubmitted(
  reports: readonly StoredReport[],
  period: string,
): Partial<Record<Side, StoredReport>> {
  const out: Partial<Record<Side, StoredReport>> = {};
  for (const r of reports) {
    if (r.period !== period || r.state !== 'submitted') continue;
    const cur = out[r.side];
    if (!cur || cur.version < r.version) out[r.side] = r;
  }
  return out;
}

export interface Dispute {
  milestone: string;
  vn: { status: string | null; value: number | null };
  jp: { status: string | null; value: number | null };
  /** vn − jp, in points, when both sides count the milestone. */
  gap: number | null;
}

export interface PublishedFigure {
  period: string;
  state: ProjectFigure['state'];
  /** One decimal, as published; null for missing. */
  progress: number | null;
  sides: Partial<
    Record<
      Side,
      {
        progress: number | null;
        version: number;
        submittedAt: string | null;
        coverage: ProjectFigure['coverage'];
      }
    >
  >;
  coverage: ProjectFigure['coverage'];
  disputes: Dispute[];
  rule: string;
}

export function projectFigure(
  project: ProjectView,
  reports: readonly StoredReport[],
  period: string,
): PublishedFigure {
  const latest = latestSubmitted(reports, period);
  const figure = ruleFigure(project, reports, period);
  const sides: PublishedFigure['sides'] = {};
  for (const side of SIDES) {
    const f = figure.sides[side];
    const r = latest[side];
    if (f && r)
      sides[side] = {
        progress: publishedFigure(f.progress),
        version: r.version,
        submittedAt: r.submittedAt,
        coverage: f.coverage,
      };
  }
  return {
    period,
    state: figure.state,
    progress: publishedFigure(figure.progress),
    sides,
    coverage: figure.coverage,
    disputes: figure.differences.map((d) => ({
      milestone: d.id,
      vn: d.vn,
      jp: d.jp,
      gap: d.vn.value !== null && d.jp.value !== null ? publishedFigure(d.vn.value - d.jp.value) : null,
    })),
    rule: figure.rule,
  };
}

/** The figure for the rule's roll-ups (unrounded, as the rule wants it). */
export function ruleFigure(
  project: ProjectView,
  reports: readonly StoredReport[],
  period: string,
): ProjectFigure {
  const latest = latestSubmitted(reports, period);
  const sideReports: Partial<Record<Side, SideReport>> = {};
  for (const side of SIDES) {
    const r = latest[side];
    if (r)
      sideReports[side] = Object.fromEntries(
        r.milestones.map((m) => [m.milestone, { status: m.status, progress: m.progress }]),
      );
  }
  return projectProgress(
    project.milestones.map((m) => ({ id: m.id, weight: m.weight, cancelled: m.status === 'cancelled' })),
    sideReports,
  );
}

/** The period a reader sees by default: the latest one that has started by `today` (else the first). */
export function currentPeriod(cycle: CycleView, today: string): Period {
  const started = cycle.periods.filter((p) => p.startsOn <= today);
  return started.at(-1) ?? cycle.periods[0];
}

export function healthOf(
  cycle: CycleView,
  project: ProjectView,
  reports: readonly StoredReport[],
  today: string,
) {
  const submitted = reports
    .filter((r) => r.state === 'submitted' && r.submittedAt)
    .map((r) => r.submittedAt!.slice(0, 10));
  const lastReportOn = submitted.length ? submitted.sort().at(-1)! : null;
  return scheduleHealth({
    today,
    milestones: project.milestones.map((m) => ({ id: m.id, dueOn: m.dueOn, status: m.status })),
    lastReportOn,
    startedOn: project.actualStart ?? project.plannedStart ?? cycle.startsOn,
    periodMonths: cycle.periodMonths,
  });
}
