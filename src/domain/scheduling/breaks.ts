import { Cadical } from 'cadical-wasm';
import type { Model } from './model.ts';

// Breaks minimised by SAT (CaDiCaL, WebAssembly) when every meeting is held and no meeting
// needs an interpreter (the B2B benchmark): the slots are all that matter, and the question
// "is there a schedule holding every meeting with at most B breaks?" is a CNF formula.
//   x[m,s]   meeting m in slot s, for its candidate slots; exactly one per meeting;
//   u[p,s]   p is busy in s, u ↔ ∨ x[m,s] over p's meetings, which are at most one per slot;
//   h[p,s]   p has met by s on the same day (a prefix "or" of u);
//   e[p,s]   a break of p ends in s: u[p,s] ∧ ¬u[p,s−1] ∧ h[p,s−2], defined both ways;
//   per participant, a totalizer counts its e (unary "at least k" literals, exact both ways),
//   which gives fairness: "someone has ≥ k+d+1 breaks" → "everyone has ≥ k+1";
//   the participants' counters merge into one total (upward clauses only).
// Implied constraints, which make the solver fast: p is busy in exactly as many slots as it has
// meetings; at most 2·tables participants are busy in a slot (that is the table rule itself).
// Precedence: x[m,s] → ∨ x[a,t] over t < s. How the solver is asked: `minimiseBreaks`.

export interface BreaksOptions {
  /** Conflicts per SAT call: the deterministic stop. */
  conflicts: number;
  /** Total conflict budget over all calls. */
  totalConflicts: number;
  /** Wall-clock safety net (ms since the epoch of `now`). */
  deadline: number;
  now: () => number;
  /** Called when a bound moves, and every second: the best schedule's breaks and the proven lower bound. */
  onProgress?: (breaks: number, lowerBound: number) => void;
}

export interface BreaksResult {
  /** Slot of every meeting in the best schedule found (the start when nothing better). */
  slots: Int32Array;
  breaks: number;
  /** The solver proved that no schedule holding every meeting has fewer breaks. */
  proven: boolean;
}

/**
 * The largest problem given to the SAT model: (meeting, slot) pairs, and breaks in the start
 * (the total's counter grows with their square). The B2B files have at most 6,644 pairs and
 * start with at most about 20 breaks.
 */
export const SAT_BREAKS_MAX_PAIRS = 20_000;
export const SAT_BREAKS_MAX_START = 200;

/** Whether the SAT model applies: every meeting held, no interpreter to match, not too large. */
export const breaksModelApplies = (md: Model, slotOf: ArrayLike<number>): boolean =>
  md.M > 0 &&
  md.needs.every((x) => x === 0) &&
  Array.from(slotOf).every((s) => s >= 0) &&
  md.cand.reduce((n, c) => n + c.length, 0) <= SAT_BREAKS_MAX_PAIRS;

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

class Cnf {
  vars = 0;
  readonly clauses: number[][] = [];
  fresh(): number {
    return ++this.vars;
  }
  add(...lits: number[]): void {
    this.clauses.push(lits);
  }
  /** At most one of `lits`: pairwise for a few, a ladder (sequential counter) beyond. */
  atMostOne(lits: number[]): void {
    if (lits.length <= 6) {
      for (let i = 0; i < lits.length; i++)
        for (let j = i + 1; j < lits.length; j++) this.add(-lits[i], -lits[j]);
      return;
    }
    this.atMost(lits, 1);
  }
  /** At most k of `lits` (Sinz's sequential counter). */
  atMost(lits: number[], k: number): void {
    const n = lits.length;
    if (k >= n) return;
    if (k === 0) {
      for (const l of lits) this.add(-l);
      return;
    }
    // r[i][j]: at least j+1 of the first i+1 literals are true.
    let prev: number[] = [];
    for (let i = 0; i < n; i++) {
      const cur: number[] = [];
      for (let j = 0; j < Math.min(k, i + 1); j++) cur.push(this.fresh());
      this.add(-lits[i], cur[0]);
      for (let j = 0; j < prev.length; j++) {
        this.add(-prev[j], cur[j]);
        if (j + 1 < cur.length) this.add(-lits[i], -prev[j], cur[j + 1]);
      }
      if (prev.length === k) this.add(-lits[i], -prev[k - 1]);
      prev = cur;
    }
  }
  /**
   * Merges two unary numbers (a[i] = "at least i+1") into one capped at `cap`: upward
   * clauses always, downward ones (so that the result is exact) when asked.
   */
  merge(a: number[], b: number[], cap: number, exact: boolean): number[] {
    const n = Math.min(a.length + b.length, cap);
    const r = Array.from({ length: n }, () => this.fresh());
    for (let i = 0; i <= a.length; i++) {
      for (let j = 0; j <= b.length; j++) {
        if (exact && i + j < n) {
          // a < i+1 and b < j+1 → r < i+j+1
          this.add(...[a[i] ?? 0, b[j] ?? 0].filter((l) => l !== 0), -r[i + j]);
        }
        if (i + j === 0) continue;
        const up = [-(a[i - 1] ?? 0), -(b[j - 1] ?? 0)].filter((l) => l !== 0);
        this.add(...up, r[Math.min(i + j, n) - 1]);
      }
    }
    return r;
  }
  /**
   * At most k of `lits` by a totalizer, counting whichever is smaller: the true literals (cap
   * k+1) or, when k is near the number of literals, the false ones (at least n−k of them).
   */
  atMostCounted(lits: number[], k: number): void {
    const n = lits.length;
    if (k >= n) return;
    if (k <= n - k) {
      const c = this.count(lits, k + 1, false);
      this.add(-c[k]);
    } else {
      // Exact, since "at least" needs the downward clauses.
      const c = this.count(
        lits.map((l) => -l),
        n - k,
        true,
      );
      this.add(c[n - k - 1]);
    }
  }
  /** A unary count of `lits` (totalizer), capped at `cap`. */
  count(lits: number[], cap: number, exact: boolean): number[] {
    if (lits.length === 0) return [];
    if (lits.length === 1) return [lits[0]];
    const mid = lits.length >> 1;
    return this.merge(
      this.count(lits.slice(0, mid), cap, exact),
      this.count(lits.slice(mid), cap, exact),
      cap,
      exact,
    );
  }
}

interface Encoding {
  cnf: Cnf;
  x: Map<number, number>[];
  /** total[k] = "the total breaks are at least k+1". */
  total: number[];
}

function encode(md: Model, cap: number): Encoding {
  const { S, P, M } = md;
  const cnf = new Cnf();
  const x: Map<number, number>[] = [];
  for (let m = 0; m < M; m++) {
    const own = new Map<number, number>();
    for (const s of md.cand[m]) own.set(s, cnf.fresh());
    x.push(own);
    const lits = [...own.values()];
    cnf.add(...lits);
    cnf.atMostOne(lits);
  }
  for (let m = 0; m < M; m++) {
    for (const a of md.after[m]) {
      for (const [s, v] of x[m]) {
        const earlier: number[] = [];
        for (const [t, w] of x[a]) if (t < s) earlier.push(w);
        cnf.add(-v, ...earlier);
      }
    }
  }
  const counters: number[][] = [];
  const busyBySlot: number[][] = Array.from({ length: S }, () => []);
  const exact = md.fairness !== null;
  for (let p = 0; p < P; p++) {
    const mine = md.meetingsOf[p];
    if (mine.length === 0) continue;
    const u = new Int32Array(S); // 0: p can never be busy in s
    for (let s = 0; s < S; s++) {
      const here: number[] = [];
      for (const m of mine) {
        const v = x[m].get(s);
        if (v) here.push(v);
      }
      if (here.length === 0) continue;
      cnf.atMostOne(here);
      if (here.length === 1) u[s] = here[0];
      else {
        u[s] = cnf.fresh();
        for (const v of here) cnf.add(-v, u[s]);
        cnf.add(-u[s], ...here);
      }
      busyBySlot[s].push(u[s]);
    }
    // Implied, and what makes the solver fast: p is busy in exactly as many slots as it has meetings.
    const busy = cnf.count(
      Array.from(u).filter((v) => v !== 0),
      mine.length + 1,
      true,
    );
    if (busy.length > mine.length) cnf.add(-busy[mine.length]);
    cnf.add(busy[mine.length - 1]);
    // h[s]: p has met by s within the day (0: certainly not).
    const h = new Int32Array(S);
    for (let s = 0; s < S; s++) {
      const prev = s > 0 && md.dayOf[s - 1] === md.dayOf[s] ? h[s - 1] : 0;
      if (!u[s]) h[s] = prev;
      else if (!prev) h[s] = u[s];
      else {
        h[s] = cnf.fresh();
        cnf.add(-prev, h[s]);
        cnf.add(-u[s], h[s]);
        cnf.add(-h[s], prev, u[s]);
      }
    }
    const ends: number[] = [];
    for (let s = 2; s < S; s++) {
      if (!u[s] || md.dayOf[s - 2] !== md.dayOf[s] || !h[s - 2]) continue;
      const idle = u[s - 1]; // 0: p is never busy in s−1, so it is idle there
      const e = cnf.fresh();
      cnf.add(-u[s], ...(idle ? [idle] : []), -h[s - 2], e);
      cnf.add(-e, u[s]);
      if (idle) cnf.add(-e, -idle);
      cnf.add(-e, h[s - 2]);
      ends.push(e);
    }
    // A break needs a meeting after it: at most (meetings − 1) breaks.
    const most = mine.length - 1;
    const counted = cnf.count(ends, most + 1, exact);
    if (counted.length > most) cnf.add(-counted[most]);
    counters.push(counted.slice(0, most));
  }
  // Tables: a meeting keeps two participants busy, so "at most 2·tables busy" is the table rule.
  for (let s = 0; s < S; s++) cnf.atMostCounted(busyBySlot[s], 2 * md.tables[s]);
  if (md.fairness !== null) {
    const d = md.fairness;
    const longest = Math.max(0, ...counters.map((c) => c.length));
    for (let k = 0; k + d + 1 <= longest; k++) {
      // Someone with ≥ k+d+1 breaks forces everyone to ≥ k+1.
      const minAtLeast = cnf.fresh();
      for (const c of counters) if (c.length >= k + d + 1) cnf.add(-c[k + d], minAtLeast);
      for (const c of counters) cnf.add(-minAtLeast, ...(c.length >= k + 1 ? [c[k]] : []));
    }
  }
  // The total: a balanced merge of the participants' counters.
  let layer = counters.filter((c) => c.length > 0);
  while (layer.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i < layer.length; i += 2) {
      next.push(i + 1 < layer.length ? cnf.merge(layer[i], layer[i + 1], cap, false) : layer[i]);
    }
    layer = next;
  }
  return { cnf, x, total: (layer[0] ?? []).slice(0, cap) };
}

/**
 * Looks for schedules with fewer breaks than `start` (which holds every meeting and obeys
 * every rule), and for a proof that none has fewer. Two searches share one solver and what
 * it learns: a lower-bound probe asks for at most `lb` breaks (an assumption; "no" raises the
 * lower bound), an upper-bound step asks for one break fewer than the best schedule (a
 * permanent clause, started from that schedule's slots). Both get a conflict budget, doubled
 * whenever neither settles its question; it ends when the bounds meet (the minimum is proven)
 * or the budget or the clock runs out. Never returns a worse schedule than the start.
 */
export async function minimiseBreaks(
  md: Model,
  start: Int32Array,
  opts: BreaksOptions,
): Promise<BreaksResult> {
  let best: Int32Array = Int32Array.from(start);
  let ub = sum(breaksOf(md, best));
  if (ub === 0) return { slots: best, breaks: 0, proven: true };
  if (ub > SAT_BREAKS_MAX_START) return { slots: best, breaks: ub, proven: false };
  const { cnf, x, total } = encode(md, ub);
  const solver = await Cadical.create({ quiet: true, phase: false });
  try {
    solver.ensureVars(cnf.vars);
    for (const c of cnf.clauses) solver.addClause(c);
    const read = (): Int32Array => {
      const slots = new Int32Array(md.M);
      for (let m = 0; m < md.M; m++) for (const [s, v] of x[m]) if (solver.value(v)) slots[m] = s;
      return slots;
    };
    const improve = (slots: Int32Array): void => {
      const breaks = sum(breaksOf(md, slots));
      if (breaks >= ub) throw new Error(`SAT model of breaks is wrong: ${breaks} breaks found, ${ub} known`);
      best = slots;
      ub = breaks;
    };
    let lb = 0;
    // The solver polls this while it works: the clock's safety net, and a progress line a second.
    let reported = opts.now();
    solver.setTerminate(() => {
      const t = opts.now();
      if (t - reported >= 1000) {
        reported = t;
        opts.onProgress?.(ub, lb);
      }
      return t > opts.deadline;
    });
    let budget = opts.conflicts;
    let spent = 0;
    const run = (assumptions: number[]) => {
      const conflicts = Math.max(1, Math.min(budget, opts.totalConflicts - spent));
      spent += conflicts;
      return solver.solve({ assumptions, conflicts });
    };
    while (lb < ub && spent < opts.totalConflicts && opts.now() < opts.deadline) {
      const probe = run([-total[lb]]);
      if (probe === 'satisfiable') {
        improve(read());
        lb = ub;
        opts.onProgress?.(ub, lb);
        break;
      }
      if (probe === 'unsatisfiable') {
        lb++;
        opts.onProgress?.(ub, lb);
        continue;
      }
      solver.addClause([-total[ub - 1]]);
      for (let m = 0; m < md.M; m++) for (const [s, v] of x[m]) solver.phase(s === best[m] ? v : -v);
      const step = run([]);
      if (step === 'satisfiable') improve(read());
      else if (step === 'unsatisfiable') lb = ub;
      else budget *= 2;
      if (step !== 'unknown') opts.onProgress?.(ub, lb);
    }
    return { slots: best, breaks: ub, proven: lb >= ub };
  } finally {
    solver.dispose();
  }
}

const sum = (a: Int32Array): number => a.reduce((acc, v) => acc + v, 0);
