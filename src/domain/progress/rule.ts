/**
 * The progress rule of follow-through (../shared/specs/follow-through.md, "How far a project has
 * come"), as one pure function of one project's milestones and its sides' reports for one period.
 * Every figure carries the rule's version and its coverage, so that anyone can recompute it from
 * the exchange CSV (scripts/recompute-progress.ts).
 */

/** Bumped whenever any figure this module computes could change for the same input. */
export const PROGRESS_RULE_VERSION = 'progress/1';

/** How far apart two sides' figures may be, in points, and still count as agreed. */
export const AGREEMENT_TOLERANCE = 15;

/** The milestone statuses of the Open Contracting standard. */
export const MILESTONE_STATUSES = ['scheduled', 'met', 'partiallyMet', 'notMet', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** The two sides of a project: its Vietnamese and its Japanese partners. */
export const SIDES = ['vn', 'jp'] as const;
export type Side = (typeof SIDES)[number];

export type ProjectState = 'agreed' | 'disputed' | 'oneSided' | 'missing';

export interface MilestoneInput {
  id: string;
  /** Positive; 1 by default in the records. */
  weight: number;
  /** `cancelled` on the milestone record leaves it out for both sides, whatever they reported. */
  cancelled?: boolean;
}

/** One side's account of one milestone in its report for the period. */
export interface MilestoneReport {
  status: MilestoneStatus;
  /** 0–100, as reported; ignored when the status is `met` (counts 100) or `cancelled` (left out). */
  progress: number;
}

/** A side's submitted report for the period: milestone id → its account. Absent milestones are no data. */
export type SideReport = Readonly<Record<string, MilestoneReport>>;

/** How many milestones counted (not cancelled) and how many of those had data. */
export interface Coverage {
  milestones: number;
  withData: number;
}

/** One milestone as each side sees it: its status (null: no data) and its value (null: left out). */
export interface MilestoneDifference {
  id: string;
  vn: { status: MilestoneStatus | null; value: number | null };
  jp: { status: MilestoneStatus | null; value: number | null };
}

/** What one milestone contributes to one side's figure. */
export type MilestoneValue =
  | { id: string; counted: false; reason: 'cancelled' }
  | {
      id: string;
      counted: true;
      value: number;
      weight: number;
      noData: boolean;
      status: MilestoneStatus | null;
    };

export interface SideFigure {
  side: Side;
  /** Weighted mean in [0, 100]; null when no milestone counts (all cancelled, or none). */
  progress: number | null;
  coverage: Coverage;
  milestones: MilestoneValue[];
  rule: typeof PROGRESS_RULE_VERSION;
}

export interface ProjectFigure {
  state: ProjectState;
  /** Agreed: mean of the two; disputed: the lower; one-sided: that side's; missing: null. */
  progress: number | null;
  /** The milestones counted on some reporting side, and those with data from every reporting side. */
  coverage: Coverage;
  sides: Partial<Record<Side, SideFigure>>;
  /** The milestones where the two sides differ (status, data on one side only, or value); empty unless disputed. */
  differences: MilestoneDifference[];
  rule: typeof PROGRESS_RULE_VERSION;
}

function checkWeight(weight: number, what: string): void {
  if (!(Number.isFinite(weight) && weight > 0))
    throw new RangeError(`${what}: weight must be > 0, got ${weight}`);
}

function checkProgress(progress: number, what: string): void {
  if (!(Number.isFinite(progress) && progress >= 0 && progress <= 100))
    throw new RangeError(`${what}: progress must be within 0–100, got ${progress}`);
}

/** A weighted mean kept inside [lo, hi] of its values, which floating point can overshoot by an ulp. */
export function weightedMean(items: { value: number; weight: number }[]): number | null {
  let sum = 0;
  let total = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const { value, weight } of items) {
    sum += value * weight;
    total += weight;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (total === 0) return null;
  return Math.min(hi, Math.max(lo, sum / total));
}

/**
 * One side's figure for one period.
 *
 * @example
 * sideProgress('vn', [{ id: 'a', weight: 1 }, { id: 'b', weight: 3 }], { a: { status: 'met', progress: 0 } })
 * // progress 25 (a counts 100, b has no data and counts 0), coverage { milestones: 2, withData: 1 }
 */
export function sideProgress(
  side: Side,
  milestones: readonly MilestoneInput[],
  report: SideReport,
): SideFigure {
  const values: MilestoneValue[] = milestones.map((m) => {
    checkWeight(m.weight, `milestone ${m.id}`);
    const r = Object.hasOwn(report, m.id) ? report[m.id] : undefined;
    if (m.cancelled || r?.status === 'cancelled') return { id: m.id, counted: false, reason: 'cancelled' };
    if (!r) return { id: m.id, counted: true, value: 0, weight: m.weight, noData: true, status: null };
    if (r.status !== 'met') checkProgress(r.progress, `milestone ${m.id}, side ${side}`);
    const value = r.status === 'met' ? 100 : r.progress;
    return { id: m.id, counted: true, value, weight: m.weight, noData: false, status: r.status };
  });
  const counted = values.filter((v) => v.counted);
  return {
    side,
    progress: weightedMean(counted),
    coverage: { milestones: counted.length, withData: counted.filter((v) => !v.noData).length },
    milestones: values,
    rule: PROGRESS_RULE_VERSION,
  };
}

/** The status a side gives a milestone, `null` for no data (a milestone cancelled on the record is `cancelled`). */
function statusOf(m: MilestoneInput, report: SideReport): MilestoneStatus | null {
  if (m.cancelled) return 'cancelled';
  return Object.hasOwn(report, m.id) ? report[m.id].status : null;
}

/**
 * The project's figure for one period from the reports its sides submitted (a side that has not
 * reported is absent from `reports`).
 *
 * @example
 * projectProgress([{ id: 'a', weight: 1 }], { vn: { a: { status: 'scheduled', progress: 40 } } })
 * // { state: 'oneSided', progress: 40, ... }
 */
export function projectProgress(
  milestones: readonly MilestoneInput[],
  reports: Partial<Record<Side, SideReport>>,
): ProjectFigure {
  const seen = new Set<string>();
  for (const m of milestones) {
    if (seen.has(m.id)) throw new RangeError(`milestone ${m.id} appears twice`);
    seen.add(m.id);
  }
  const sides: Partial<Record<Side, SideFigure>> = {};
  for (const side of SIDES) {
    const report = reports[side];
    if (report) sides[side] = sideProgress(side, milestones, report);
  }
  const present = SIDES.filter((s) => sides[s]);
  const base: Pick<ProjectFigure, 'sides' | 'differences' | 'rule'> = {
    sides,
    differences: [],
    rule: PROGRESS_RULE_VERSION,
  };
  if (present.length === 0) {
    const counted = milestones.filter((m) => !m.cancelled).length;
    return { ...base, state: 'missing', progress: null, coverage: { milestones: counted, withData: 0 } };
  }
  if (present.length === 1) {
    const only = sides[present[0]]!;
    return { ...base, state: 'oneSided', progress: only.progress, coverage: only.coverage };
  }
  const vn = sides.vn!;
  const jp = sides.jp!;
  const differences: MilestoneDifference[] = [];
  let sameStatuses = true;
  let countedAnywhere = 0;
  let withDataBoth = 0;
  milestones.forEach((m, i) => {
    const a = vn.milestones[i];
    const b = jp.milestones[i];
    if (a.counted || b.counted) countedAnywhere++;
    if (a.counted && b.counted && !a.noData && !b.noData) withDataBoth++;
    const sa = statusOf(m, reports.vn!);
    const sb = statusOf(m, reports.jp!);
    const va = a.counted ? a.value : null;
    const vb = b.counted ? b.value : null;
    if (sa !== sb) sameStatuses = false;
    if (sa !== sb || va !== vb)
      differences.push({ id: m.id, vn: { status: sa, value: va }, jp: { status: sb, value: vb } });
  });
  const coverage = { milestones: countedAnywhere, withData: withDataBoth };
  // Same statuses on every milestone means the same milestones count on both sides: both null or neither.
  if (sameStatuses && (vn.progress === null || jp.progress === null)) {
    return { ...base, state: 'agreed', progress: null, coverage };
  }
  if (sameStatuses && Math.abs(vn.progress! - jp.progress!) <= AGREEMENT_TOLERANCE) {
    return { ...base, state: 'agreed', progress: (vn.progress! + jp.progress!) / 2, coverage };
  }
  const known = [vn.progress, jp.progress].filter((p): p is number => p !== null);
  const progress = known.length ? Math.min(...known) : null;
  return { ...base, state: 'disputed', progress, coverage, differences };
}

/** A figure as published: one decimal, so that a recomputation compares equal. */
export const publishedFigure = (progress: number | null): number | null =>
  progress === null ? null : Math.round(progress * 10) / 10;
