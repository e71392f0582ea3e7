import { solver } from './bound.ts';
import type { Model } from './model.ts';

// An exact MIP of the breaks for the case where every meeting is held (the B2B benchmark):
// with the weight fixed at its maximum, only the slots matter. Some meetings are *free*, the
// others stay in their slot (all free: the whole problem; a few: a large-neighbourhood move).
//   x[m,s]  free meeting m in slot s (a candidate slot of m where neither party is held by a
//           fixed meeting), Σ_s x[m,s] = 1;
//   y[p,s]  = c[p,s] + Σ_{free m of p} x[m,s] ≤ 1, c[p,s] = 1 when a fixed meeting of p is in s;
//   z[p,s]  p starts a block of meetings in s, exactly z = y[s]·(1 − y[s−1]):
//           z ≥ y[s] − y[s−1], z ≤ y[s], z ≤ 1 − y[s−1] (y[s−1] = 0 at the start of a day);
//   u[p,d]  p meets on day d: u ≥ y[p,s] for s in d, u ≤ Σ_{s in d} y[p,s].
// p's breaks are its blocks minus its days, B[p] = Σ z − Σ u (exact, since z and u are), so
// fairness is Bmin ≤ B[p] ≤ Bmax, Bmax − Bmin ≤ d over the participants with a meeting (all
// of them meet, since every meeting is held). Tables: Σ x[m,s] ≤ tables[s] − fixed ones;
// precedence: Σ s·x[m,s] ≥ Σ s·x[a,s] + 1. The objective Σ z − Σ u is the total breaks of
// the participants touched by a free meeting; the others' breaks do not change.

export interface BreaksResult {
  /** The slot of every meeting in the best schedule found (never worse than the start). */
  slots: Int32Array;
  /** Total breaks of that schedule (all participants). */
  breaks: number;
  /** With every meeting free: HiGHS proved that no schedule holding every meeting has fewer breaks. */
  proven: boolean;
}

export interface BreaksOptions {
  /** Node limit: the deterministic stop. */
  nodes: number;
  /** Safety net in seconds. */
  timeLimitS: number;
  seed?: number;
  /** The meetings that may move (default: all); the others stay in their `start` slot. */
  free?: Uint8Array;
}

/** Whether the exact model applies: every meeting held, no interpreter to match, small enough. */
export const breaksModelApplies = (md: Model, slotOf: Int32Array, maxColumns: number): boolean =>
  md.M > 0 &&
  md.cand.reduce((acc, c) => acc + c.length, 0) <= maxColumns &&
  md.needs.every((x) => x === 0) &&
  slotOf.every((s) => s >= 0);

/** Breaks of every participant for a complete slot assignment. */
export function breaksOf(md: Model, slots: Int32Array): Int32Array {
  const out = new Int32Array(md.P);
  for (let p = 0; p < md.P; p++) {
    const mine = Array.from(md.meetingsOf[p], (m) => slots[m]).sort((a, b) => a - b);
    for (let k = 1; k < mine.length; k++) {
      if (mine[k] - mine[k - 1] > 1 && md.dayOf[mine[k]] === md.dayOf[mine[k - 1]]) out[p]++;
    }
  }
  return out;
}

class Lp {
  readonly rows: string[] = [];
  row(terms: string[], op: '<=' | '>=' | '=', rhs: number): void {
    if (terms.length === 0) return;
    const lines: string[] = [];
    for (let k = 0; k < terms.length; k += 25) lines.push(terms.slice(k, k + 25).join(' '));
    this.rows.push(` c${this.rows.length}: ${lines.join('\n  ')} ${op} ${rhs}`);
  }
}

/**
 * Minimises the total breaks over the schedules that hold every meeting and keep the
 * non-free meetings in place, starting from `start` (which must hold every meeting and obey
 * every rule, fairness included). Returns null when HiGHS fails.
 */
export async function minimiseBreaks(
  md: Model,
  start: Int32Array,
  opts: BreaksOptions,
): Promise<BreaksResult | null> {
  const { S, P } = md;
  const free = opts.free ?? new Uint8Array(md.M).fill(1);
  const fixedBusy = new Uint8Array(P * S);
  const fixedCount = new Int32Array(S);
  const touched = new Uint8Array(P);
  for (let m = 0; m < md.M; m++) {
    if (free[m]) {
      touched[md.ma[m]] = 1;
      touched[md.mb[m]] = 1;
      continue;
    }
    fixedBusy[md.ma[m] * S + start[m]] = 1;
    fixedBusy[md.mb[m] * S + start[m]] = 1;
    fixedCount[start[m]]++;
  }
  const before = breaksOf(md, start);
  const xs = (m: number, s: number) => `x${m}_${s}`;
  const lp = new Lp();
  const yVars: string[][] = Array.from({ length: P * S }, () => []);
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const domain: number[][] = [];
  const binaries: string[] = [];
  for (let m = 0; m < md.M; m++) {
    domain.push([]);
    if (!free[m]) continue;
    const own: string[] = [];
    for (const s of md.cand[m]) {
      if (fixedBusy[md.ma[m] * S + s] || fixedBusy[md.mb[m] * S + s]) continue;
      if (fixedCount[s] >= md.tables[s]) continue;
      domain[m].push(s);
      const v = xs(m, s);
      own.push(`+ ${v}`);
      binaries.push(v);
      bySlot[s].push(`+ ${v}`);
      yVars[md.ma[m] * S + s].push(v);
      yVars[md.mb[m] * S + s].push(v);
    }
    if (own.length === 0) return null;
    lp.row(own, '=', 1);
  }
  for (let s = 0; s < S; s++) {
    if (bySlot[s].length > md.tables[s] - fixedCount[s])
      lp.row(bySlot[s], '<=', md.tables[s] - fixedCount[s]);
  }
  const plus = (vs: string[]) => vs.map((v) => `+ ${v}`);
  const minus = (vs: string[]) => vs.map((v) => `- ${v}`);
  const objective: string[] = [];
  let objConst = 0;
  const days = Math.max(...md.dayOf) + 1;
  const fair = md.fairness;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let untouched = 0;
  for (let p = 0; p < P; p++) {
    if (md.meetingsOf[p].length === 0) continue;
    if (!touched[p]) {
      lo = Math.min(lo, before[p]);
      hi = Math.max(hi, before[p]);
      untouched += before[p];
      continue;
    }
    const bTerms: string[] = [];
    let bConst = 0;
    for (let s = 0; s < S; s++) {
      const y = yVars[p * S + s];
      const c = fixedBusy[p * S + s];
      if (y.length > 1) lp.row(plus(y), '<=', 1);
      if (y.length === 0 && !c) continue;
      const sameDay = s > 0 && md.dayOf[s - 1] === md.dayOf[s];
      const prev = sameDay ? yVars[p * S + s - 1] : [];
      const pc = sameDay ? fixedBusy[p * S + s - 1] : 0;
      if (y.length === 0 && prev.length === 0) {
        // Both constant: a block starts here exactly when s is busy and s−1 is not.
        const z = c && !pc ? 1 : 0;
        objConst += z;
        bConst += z;
        continue;
      }
      const z = `z${p}_${s}`;
      binaries.push(z);
      objective.push(`+ ${z}`);
      bTerms.push(`+ ${z}`);
      lp.row([`+ ${z}`, ...minus(y), ...plus(prev)], '>=', c - pc);
      lp.row([`+ ${z}`, ...minus(y)], '<=', c);
      lp.row([`+ ${z}`, ...plus(prev)], '<=', 1 - pc);
    }
    for (let d = 0; d < days; d++) {
      const inDay: string[] = [];
      let cDay = 0;
      for (let s = 0; s < S; s++) {
        if (md.dayOf[s] !== d) continue;
        inDay.push(...yVars[p * S + s]);
        cDay += fixedBusy[p * S + s];
      }
      if (cDay > 0) {
        objConst -= 1;
        bConst -= 1;
        continue;
      }
      if (inDay.length === 0) continue;
      const u = `u${p}_${d}`;
      binaries.push(u);
      objective.push(`- ${u}`);
      bTerms.push(`- ${u}`);
      lp.row([`+ ${u}`, ...minus(inDay)], '<=', 0);
      for (let s = 0; s < S; s++) {
        if (md.dayOf[s] === d && yVars[p * S + s].length)
          lp.row([`+ ${u}`, ...minus(yVars[p * S + s])], '>=', 0);
      }
    }
    if (days === 1) {
      // Strengthening (not needed for correctness): p either meets in one block of k slots,
      // starting at some a (w[p,a]), or is marked v[p] = 1 and has at least one break.
      const k = md.meetingsOf[p].length;
      const open = (s: number) => yVars[p * S + s].length > 0 || fixedBusy[p * S + s] === 1;
      const choice: string[] = [];
      const cover: string[][] = Array.from({ length: S }, () => []);
      for (let a = 0; a + k <= S; a++) {
        let ok = true;
        for (let s = a; s < a + k && ok; s++) ok = open(s);
        for (let s = 0; s < S && ok; s++) if ((s < a || s >= a + k) && fixedBusy[p * S + s]) ok = false;
        if (!ok) continue;
        const w = `w${p}_${a}`;
        binaries.push(w);
        choice.push(`+ ${w}`);
        for (let s = a; s < a + k; s++) cover[s].push(`- ${w}`);
      }
      const v = `v${p}`;
      binaries.push(v);
      lp.row([...choice, `+ ${v}`], '=', 1);
      for (let s = 0; s < S; s++) {
        if (cover[s].length) lp.row([...plus(yVars[p * S + s]), ...cover[s]], '>=', -fixedBusy[p * S + s]);
      }
      lp.row([...bTerms, `- ${v}`], '>=', -bConst);
    }
    if (fair !== null) {
      lp.row([...bTerms, '- bmax'], '<=', -bConst);
      lp.row([...bTerms, '- bmin'], '>=', -bConst);
    }
  }
  if (fair !== null) lp.row(['+ bmax', '- bmin'], '<=', fair);
  for (let m = 0; m < md.M; m++) {
    for (const a of md.after[m]) {
      if (!free[m] && !free[a]) continue;
      const terms: string[] = [];
      let rhs = 1;
      if (free[m]) terms.push(...domain[m].map((s) => `+ ${s + 1} ${xs(m, s)}`));
      else rhs -= start[m] + 1;
      if (free[a]) terms.push(...domain[a].map((s) => `- ${s + 1} ${xs(a, s)}`));
      else rhs += start[a] + 1;
      lp.row(terms, '>=', rhs);
    }
  }
  const bounds: string[] = [];
  if (fair !== null) {
    bounds.push(Number.isFinite(hi) ? ` ${hi} <= bmax <= 1000` : ' 0 <= bmax <= 1000');
    bounds.push(Number.isFinite(lo) ? ` 0 <= bmin <= ${lo}` : ' 0 <= bmin <= 1000');
  }
  const text = [
    'Minimize',
    ` obj: ${objective.join(' ') || '0 x_none'}`,
    'Subject To',
    ...lp.rows,
    ...(lp.rows.length ? [] : [' c_none: 0 x_none >= 0']),
    'Bounds',
    ...bounds,
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');

  const highs = await solver();
  const model = highs.createModel({ format: 'lp', data: text });
  try {
    model.options.set({
      output_flag: false,
      mip_max_nodes: opts.nodes,
      time_limit: Math.max(0.1, opts.timeLimitS),
      random_seed: opts.seed ?? 0,
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
    });
    // The start as a MIP start: HiGHS then only looks for better schedules.
    const colValue = new Float64Array(model.getDimensions().numCols);
    const col = (name: string) => {
      try {
        return model.getColByName(name);
      } catch {
        return -1;
      }
    };
    const set = (name: string, v: number) => {
      const j = col(name);
      if (j >= 0) colValue[j] = v;
    };
    const busy = new Uint8Array(P * S);
    for (let m = 0; m < md.M; m++) {
      busy[md.ma[m] * S + start[m]] = 1;
      busy[md.mb[m] * S + start[m]] = 1;
      if (free[m]) set(xs(m, start[m]), 1);
    }
    for (let p = 0; p < P; p++) {
      if (!touched[p]) continue;
      for (let s = 0; s < S; s++) {
        const first = s === 0 || md.dayOf[s - 1] !== md.dayOf[s];
        set(`z${p}_${s}`, busy[p * S + s] && (first || !busy[p * S + s - 1]) ? 1 : 0);
      }
      if (days === 1) {
        const mine = Array.from(md.meetingsOf[p], (m) => start[m]);
        const a = Math.min(...mine);
        const compact = Math.max(...mine) - a + 1 === mine.length;
        set(compact ? `w${p}_${a}` : `v${p}`, 1);
      }
      for (let d = 0; d < days; d++) {
        let u = 0;
        for (let s = 0; s < S; s++) if (md.dayOf[s] === d && busy[p * S + s]) u = 1;
        set(`u${p}_${d}`, u);
      }
    }
    if (fair !== null) {
      let bl = Number.POSITIVE_INFINITY;
      let bh = 0;
      for (let p = 0; p < P; p++) {
        if (md.meetingsOf[p].length === 0) continue;
        bl = Math.min(bl, before[p]);
        bh = Math.max(bh, before[p]);
      }
      set('bmax', bh);
      set('bmin', Number.isFinite(bl) ? bl : 0);
    }
    model.setSolution({ colValue });
    model.run();
    const status = model.getModelStatus();
    let startTotal = 0;
    for (let p = 0; p < P; p++) startTotal += before[p];
    const slots = Int32Array.from(start);
    let breaks = startTotal;
    const value = model.getObjectiveValue();
    if (Number.isFinite(value) && Math.round(value + objConst) + untouched < startTotal) {
      const sol = model.getSolution().colValue;
      for (let m = 0; m < md.M; m++) {
        if (!free[m]) continue;
        for (const s of domain[m]) if (sol[col(xs(m, s))] > 0.5) slots[m] = s;
      }
      let total = 0;
      for (const b of breaksOf(md, slots)) total += b;
      breaks = total;
    }
    const all = free.every((f) => f === 1);
    return { slots, breaks, proven: all && status === 7 };
  } finally {
    model.dispose();
  }
}
