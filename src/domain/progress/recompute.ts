/**
 * Recomputing published figures from the exchange CSV: the check anyone can run on the open data
 * (scripts/recompute-progress.ts). The figure the rule gives is compared with the one published,
 * as published (one decimal).
 */
import type { ExchangeFigure, ExchangeProject } from './exchange.ts';
import { rollUp } from './rollup.ts';
import {
  PROGRESS_RULE_VERSION,
  type ProjectFigure,
  projectProgress,
  publishedFigure,
  type Side,
  type SideReport,
} from './rule.ts';

/**
 * The rule's inputs from one project of the exchange CSV. Milestones are keyed by their position
 * under the project (`#1`, `#2` …): a file may key one by id and another by external_id.
 */
export function ruleInputs(project: ExchangeProject) {
  const milestones = project.milestones.map((m, i) => ({
    id: `#${i + 1}`,
    weight: m.weight,
    cancelled: m.status === 'cancelled',
  }));
  const reports: Partial<Record<Side, SideReport>> = {};
  for (const side of ['vn', 'jp'] as const) {
    if (!project.reportedOn[side]) continue;
    reports[side] = Object.fromEntries(
      project.milestones.flatMap((m, i) => {
        const r = m.reports[side];
        return r ? [[milestones[i].id, { status: r.status, progress: r.progress ?? 0 }]] : [];
      }),
    );
  }
  return { milestones, reports };
}

export function recomputeFigure(project: ExchangeProject): ProjectFigure {
  const { milestones, reports } = ruleInputs(project);
  return projectProgress(milestones, reports);
}

/** The figure as the exchange CSV publishes it. */
export function asPublished(figure: ProjectFigure): ExchangeFigure {
  return {
    state: figure.state,
    progress: publishedFigure(figure.progress),
    coverage: figure.coverage,
    rule: figure.rule,
  };
}

export interface RecomputedProject {
  key: string;
  published: ExchangeFigure | null;
  recomputed: ExchangeFigure;
  /** What differs: `rule` when the file was published under another version of the rule. */
  mismatch: ('state' | 'progress' | 'coverage' | 'rule')[];
}

export function recomputeAll(projects: readonly ExchangeProject[]): {
  projects: RecomputedProject[];
  total: ReturnType<typeof rollUp>;
} {
  const out = projects.map((p): RecomputedProject => {
    const recomputed = asPublished(recomputeFigure(p));
    const published = p.published;
    const mismatch: RecomputedProject['mismatch'] = [];
    if (published) {
      if (published.rule !== PROGRESS_RULE_VERSION) mismatch.push('rule');
      if (published.state !== recomputed.state) mismatch.push('state');
      if (published.progress !== recomputed.progress) mismatch.push('progress');
      if (
        published.coverage.milestones !== recomputed.coverage.milestones ||
        published.coverage.withData !== recomputed.coverage.withData
      )
        mismatch.push('coverage');
    }
    return { key: (p.id ?? p.externalId)!, published, recomputed, mismatch };
  });
  const total = rollUp(
    projects.map((p) => ({
      weight: p.weight,
      cancelled: p.lifecycle === 'cancelled',
      figure: recomputeFigure(p),
    })),
  );
  return { projects: out, total };
}
