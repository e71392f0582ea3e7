import highsModule, { type Highs } from 'highs';
import type { Model } from './model.ts';

// The package is CommonJS-typed but loaded as ESM, where the default export is the loader.
type Loader = () => Promise<Highs>;
const loadHighs: Loader =
  typeof highsModule === 'function'
    ? (highsModule as Loader)
    : (highsModule as unknown as { default: Loader }).default;

// Upper bounds on the total weight. Each is the optimum (or LP optimum) of a relaxation of
// the real problem: precedences and fairness are dropped, and the interpreter matching is
// replaced by counting rules (per slot, meetings needing a given set of interpreters cannot
// outnumber those interpreters). A relaxation's optimum is never below the true optimum, so
// the bound is honest whatever the solver finds.

let highs: Promise<Highs> | undefined;

export interface BoundResult {
  weight: number;
  method: 'mip' | 'lp' | 'aggregate-lp' | 'count';
  /** The MIP's slot per meeting (-1: none), when solved: a warm start for the search. */
  slots?: Int32Array;
}

/** Sum of the weights of the meetings that have at least one possible slot. */
export const countBound = (md: Model): number =>
  md.cand.reduce((acc, c, m) => acc + (c.length ? md.weight[m] : 0), 0);

class LpWriter {
  readonly rows: string[] = [];
  private n = 0;
  row(terms: string[], op: '<=' | '=', rhs: number): void {
    if (terms.length === 0) return;
    const lines: string[] = [];
    for (let k = 0; k < terms.length; k += 25) lines.push(terms.slice(k, k + 25).join(' + '));
    this.rows.push(` r${this.n++}: ${lines.join('\n  + ')} ${op} ${rhs}`);
  }
}

/** The time-indexed relaxation: x[m,s] for every candidate slot. */
function timeIndexedLp(md: Model, integral: boolean): string {
  const { S } = md;
  const w = new LpWriter();
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  const byPs = new Map<number, string[]>();
  const objective: string[] = [];
  const vars: string[] = [];
  for (let m = 0; m < md.M; m++) {
    const own: string[] = [];
    for (const s of md.cand[m]) {
      const v = `x${m}_${s}`;
      own.push(v);
      vars.push(v);
      objective.push(`${md.weight[m]} ${v}`);
      bySlot[s].push(m);
      for (const p of [md.ma[m], md.mb[m]]) {
        const key = p * S + s;
        if (!byPs.has(key)) byPs.set(key, []);
        byPs.get(key)!.push(v);
      }
    }
    w.row(own, '<=', 1);
  }
  for (const terms of byPs.values()) if (terms.length > 1) w.row(terms, '<=', 1);
  for (let p = 0; p < md.P; p++) {
    const terms = Array.from(md.meetingsOf[p]).flatMap((m) => Array.from(md.cand[m], (s) => `x${m}_${s}`));
    if (terms.length > md.pMax[p]) w.row(terms, '<=', md.pMax[p]);
  }
  for (let s = 0; s < S; s++) {
    if (bySlot[s].length > md.tables[s])
      w.row(
        bySlot[s].map((m) => `x${m}_${s}`),
        '<=',
        md.tables[s],
      );
    interpreterRows(md, s, bySlot[s], w);
  }
  const lp = [`Maximize\n obj: ${objective.join(' + ') || '0 x_none'}`, 'Subject To', ...w.rows];
  if (w.rows.length === 0) lp.push(' r_none: 0 x_none <= 0');
  if (integral && vars.length) lp.push('Binary', ` ${vars.join(' ')}`);
  lp.push('End');
  return lp.join('\n');
}

/**
 * Per slot, Hall's condition for the interpreter matching: for every set of groups (meetings
 * sharing the same qualified interpreters), their meetings cannot outnumber the interpreters
 * available to any of them. Over all unions of groups this is exact, so with few groups the
 * MIP handles interpreters exactly; with many, only single groups and their total are used.
 */
function interpreterRows(md: Model, s: number, meetings: number[], w: LpWriter): void {
  const groups = new Map<string, number[]>();
  for (const m of meetings) {
    if (!md.needs[m]) continue;
    const key = Array.from(md.qual[m]).join(',');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(m);
  }
  const list = [...groups.entries()].map(([key, ms]) => ({
    ms,
    free: key.split(',').filter((i) => i !== '' && md.iAvail[Number(i) * md.S + s]),
  }));
  const k = list.length;
  const masks =
    k <= 8 ? Array.from({ length: (1 << k) - 1 }, (_, i) => i + 1) : [...list.keys()].map((i) => 1 << i);
  if (k > 8) masks.push(-1);
  for (const mask of masks) {
    const chosen = list.filter((_, i) => mask === -1 || (mask >> i) & 1);
    const ms = chosen.flatMap((g) => g.ms);
    const free = new Set(chosen.flatMap((g) => g.free));
    if (ms.length > free.size)
      w.row(
        ms.map((m) => `x${m}_${s}`),
        '<=',
        free.size,
      );
  }
}

/** For very large problems: one variable per meeting, capacities summed over the day. */
function aggregateLp(md: Model): string {
  const w = new LpWriter();
  for (let p = 0; p < md.P; p++) {
    const slots = new Set<number>();
    for (const m of md.meetingsOf[p]) for (const s of md.cand[m]) slots.add(s);
    const cap = Math.min(md.pMax[p], slots.size);
    if (md.meetingsOf[p].length > cap)
      w.row(
        Array.from(md.meetingsOf[p], (m) => `y${m}`),
        '<=',
        cap,
      );
  }
  let tables = 0;
  let interpreters = 0;
  for (let s = 0; s < md.S; s++) {
    let free = 0;
    for (let i = 0; i < md.I; i++) free += md.iAvail[i * md.S + s];
    tables += md.tables[s];
    interpreters += Math.min(md.tables[s], free);
  }
  const live = Array.from({ length: md.M }, (_, m) => m).filter((m) => md.cand[m].length > 0);
  w.row(
    live.map((m) => `y${m}`),
    '<=',
    tables,
  );
  w.row(
    live.filter((m) => md.needs[m]).map((m) => `y${m}`),
    '<=',
    interpreters,
  );
  const objective = live.map((m) => `${md.weight[m]} y${m}`).join(' + ') || '0 y_none';
  const bounds = live.map((m) => ` y${m} <= 1`);
  return [
    'Maximize',
    ` obj: ${objective}`,
    'Subject To',
    ...w.rows,
    ' r_none: 0 y_none <= 0',
    'Bounds',
    ...bounds,
    'End',
  ].join('\n');
}

const integralWeights = (md: Model): boolean => md.weight.every((x) => Number.isInteger(x));

export const solver = async (): Promise<Highs> => {
  highs ??= loadHighs();
  return highs;
};

const boundValue = (md: Model, objective: number): number =>
  integralWeights(md) ? Math.floor(objective + 1e-6) : objective + 1e-6;

const columnsOf = (md: Model): number => md.cand.reduce((acc, c) => acc + c.length, 0);

/**
 * An upper bound on the total weight from a linear relaxation: time-indexed on problems
 * up to 120,000 (meeting, slot) pairs, aggregated over the day beyond.
 */
export async function weightBound(md: Model, timeLimitS: number): Promise<BoundResult> {
  const count = countBound(md);
  const columns = columnsOf(md);
  if (columns === 0) return { weight: 0, method: 'count' };
  try {
    const method = columns <= 120_000 ? 'lp' : 'aggregate-lp';
    const text = method === 'lp' ? timeIndexedLp(md, false) : aggregateLp(md);
    const result = (await solver()).solve(text, { output_flag: false, time_limit: Math.max(1, timeLimitS) });
    if (result.Status === 'Optimal')
      return { weight: Math.min(count, boundValue(md, result.ObjectiveValue)), method };
  } catch {
    // The bound is optional in the spec; without HiGHS the counting bound stays honest.
  }
  return { weight: count, method: 'count' };
}

/**
 * Tightens a bound with the integer relaxation on small problems, when the search left a
 * gap. Node-limited rather than time-limited so that the result does not depend on the machine.
 */
export async function tightenBound(md: Model, bound: BoundResult, timeLimitS: number): Promise<BoundResult> {
  if (columnsOf(md) > 20_000) return bound;
  try {
    const options = { output_flag: false, time_limit: Math.max(1, timeLimitS), mip_max_nodes: 2000 };
    const result = (await solver()).solve(timeIndexedLp(md, true), {
      ...options,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
    });
    if (result.Status === 'Optimal') {
      const slots = new Int32Array(md.M).fill(-1);
      for (let m = 0; m < md.M; m++) {
        for (const s of md.cand[m]) if ((result.Columns[`x${m}_${s}`]?.Primal ?? 0) > 0.5) slots[m] = s;
      }
      return { weight: Math.min(bound.weight, boundValue(md, result.ObjectiveValue)), method: 'mip', slots };
    }
  } catch {
    // Keep the LP bound.
  }
  return bound;
}
