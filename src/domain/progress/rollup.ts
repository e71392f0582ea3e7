import { PROGRESS_RULE_VERSION, type ProjectFigure, type ProjectState, weightedMean } from './rule.ts';

/** One project as a priority field or a locality sees it. */
export interface RollUpItem {
  /** Positive; 1 by default in the records. */
  weight: number;
  /** A cancelled project is left out, as a cancelled milestone is. */
  cancelled?: boolean;
  figure: Pick<ProjectFigure, 'state' | 'progress' | 'coverage'>;
}

export interface RollUpFigure {
  /** Weighted mean of the projects' figures in [0, 100]; null when no project counts. */
  progress: number | null;
  coverage: {
    /** Milestones counted in the projects that count, and those with data. */
    milestones: number;
    withData: number;
    /** Projects that count (not cancelled, something to measure), by state. */
    projects: number;
    states: Record<ProjectState, number>;
  };
  rule: typeof PROGRESS_RULE_VERSION;
}

/**
 * A priority field's or a locality's progress: the weighted mean of its projects' figures. As a
 * milestone with no data counts 0, a project that no side reported (`missing`) counts 0 and is
 * shown in `coverage.states.missing`; a project with nothing to measure (every milestone
 * cancelled) and a cancelled project are left out.
 *
 * @example
 * rollUp([
 *   { weight: 1, figure: { state: 'agreed', progress: 80, coverage: { milestones: 4, withData: 4 } } },
 *   { weight: 1, figure: { state: 'missing', progress: null, coverage: { milestones: 3, withData: 0 } } },
 * ]) // progress 40, coverage.states.missing 1
 */
export function rollUp(items: readonly RollUpItem[]): RollUpFigure {
  const states: Record<ProjectState, number> = { agreed: 0, disputed: 0, oneSided: 0, missing: 0 };
  const counted: { value: number; weight: number }[] = [];
  let milestones = 0;
  let withData = 0;
  for (const { weight, cancelled, figure } of items) {
    if (!(Number.isFinite(weight) && weight > 0))
      throw new RangeError(`project weight must be > 0, got ${weight}`);
    if (cancelled) continue;
    if (figure.state !== 'missing' && figure.progress === null) continue;
    if (figure.state === 'missing' && figure.coverage.milestones === 0) continue;
    counted.push({ value: figure.progress ?? 0, weight });
    states[figure.state]++;
    milestones += figure.coverage.milestones;
    withData += figure.coverage.withData;
  }
  return {
    progress: weightedMean(counted),
    coverage: { milestones, withData, projects: counted.length, states },
    rule: PROGRESS_RULE_VERSION,
  };
}

/** Roll-ups of many groups at once (priority fields, localities): a project may be in several groups. */
export function rollUpBy<T extends RollUpItem>(
  items: readonly T[],
  groupsOf: (item: T) => readonly string[],
): Map<string, RollUpFigure> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(groupsOf(item))) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return new Map([...groups].map(([key, list]) => [key, rollUp(list)]));
}
