import {
  BreaksEngine,
  type Formula,
  inThread,
  inWorker,
  settles,
  type TurnInput,
  type TurnOutput,
  type TurnTaker,
} from './breaks-engine.ts';
import { Cnf } from './cnf.ts';
import type { Model } from './model.ts';

// Breaks minimised by SAT (CaDiCaL, WebAssembly) when every meeting is held and no meeting
// needs an interpreter (the B2B benchmark): the slots are all that matter, and the question
// "is there a schedule holding every meeting with at most B breaks?" is a CNF formula.
//   x[m,s]   meeting m in slot s, for its candidate slots; exactly one per meeting;
//   u[p,s]   p is busy in s, u ↔ ∨ x[m,s] over p's meetings, which are at most one per slot;
//   h[p,s]   p has met by s on the same day (a prefix "or" of u); f[p,s] p meets in s or later;
//   e[p,s]   a break of p ends in s: u[p,s] ∧ ¬u[p,s−1] ∧ h[p,s−2], defined both ways;
//   per participant, a totalizer counts its e (unary "at least k" literals, exact both ways),
//   which gives fairness: "someone has ≥ k+d+1 breaks" → "everyone has ≥ k+1";
//   the participants' counters merge into one total (upward clauses only).
// Implied constraints, which make the solver fast: p is busy in exactly as many slots as it has
// meetings; without a break, p is busy between its first and last meeting and those are at most
// (meetings − 1) slots apart.
// The table rule has two equivalent forms, and CaDiCaL's speed differs by orders of magnitude
// between them from one file to the next (proving "no schedule without a break" on the 12-table
// B2B files takes 1 s counting meetings, 60 s counting participants; finding the schedule on the
// 14-table ones goes the other way). So there are two solvers, one per form, on both cores:
//   "meetings"      at most `tables` meetings per slot;
//   "participants"  at most 2·tables participants busy per slot.
// Precedence: x[m,s] → ∨ x[a,t] over t < s. How the solvers are asked: `minimiseBreaks`; what a
// solver does in its turn: breaks-engine.ts; the second solver's thread: breaks-worker.ts.

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
  /** The solvers to run (default: both forms of the table rule). */
  forms?: readonly TableForm[];
  /** Probes alone until a solver's budget has doubled this often (default STEP_AFTER_DOUBLINGS). */
  stepAfterDoublings?: number;
  /** Run the second and later solvers in worker threads (the result is the same either way). */
  threads?: boolean;
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

/**
 * Whether SAT may look for a schedule holding every meeting when the search found none: every
 * meeting required (so that "impossible" proves the problem infeasible), no interpreter, not too large.
 */
export const holdAllApplies = (md: Model): boolean =>
  md.M > 0 &&
  md.required.every((r) => r === 1) &&
  md.needs.every((x) => x === 0) &&
  md.cand.reduce((n, c) => n + c.length, 0) <= SAT_BREAKS_MAX_PAIRS;

/**
 * A schedule holding every meeting within every rule (slots, tables, precedence, fairness), by
 * one SAT call on the breaks model without its total; 'impossible' when the solver proves there
 * is none; null when the conflicts or the clock run out first. Progress: a call a second.
 */
export async function holdEveryMeeting(
  md: Model,
  opts: { conflicts: number; deadline: number; now: () => number; onProgress?: () => void },
): Promise<Int32Array | 'impossible' | null> {
  let reported = opts.now();
  const engine = await BreaksEngine.create(encode(md, 0, 'participants'), () => {
    const t = opts.now();
    if (t - reported >= 1000) {
      reported = t;
      opts.onProgress?.();
    }
    return t > opts.deadline;
  });
  try {
    return engine.any(opts.conflicts);
  } finally {
    engine.dispose();
  }
}

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

/** The two forms of the table rule, one solver each (see the header). */
export type TableForm = 'meetings' | 'participants';
export const TABLE_FORMS: readonly TableForm[] = ['meetings', 'participants'];

function encode(md: Model, cap: number, form: TableForm): Formula {
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
  const sameDay = (s: number, t: number) => md.dayOf[s] === md.dayOf[t];
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
    // Implied: p is busy in exactly as many slots as it has meetings.
    const busy = cnf.count(
      Array.from(u).filter((v) => v !== 0),
      mine.length + 1,
      true,
    );
    if (busy.length > mine.length) cnf.add(-busy[mine.length]);
    cnf.add(busy[mine.length - 1]);
    // h[s]: p has met by s within the day; f[s]: p meets in s or later within the day (0: certainly not).
    const h = new Int32Array(S);
    const f = new Int32Array(S);
    const orOf = (prev: number, own: number): number => {
      if (!own || !prev) return own || prev;
      const v = cnf.fresh();
      cnf.add(-prev, v);
      cnf.add(-own, v);
      cnf.add(-v, prev, own);
      return v;
    };
    for (let s = 0; s < S; s++) h[s] = orOf(s > 0 && sameDay(s - 1, s) ? h[s - 1] : 0, u[s]);
    for (let s = S - 1; s >= 0; s--) f[s] = orOf(s + 1 < S && sameDay(s + 1, s) ? f[s + 1] : 0, u[s]);
    const ends: number[] = [];
    for (let s = 2; s < S; s++) {
      if (!u[s] || !sameDay(s - 2, s) || !h[s - 2]) continue;
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
    if (counted.length === 0) continue;
    // Implied, without a break (¬counted[0]): busy between the first and the last meeting,
    // and the last at most (meetings − 1) slots after the first.
    const k = mine.length;
    for (let s = 1; s + 1 < S; s++) {
      if (!h[s - 1] || !f[s + 1] || !sameDay(s - 1, s + 1)) continue;
      cnf.add(counted[0], -h[s - 1], -f[s + 1], ...(u[s] ? [u[s]] : []));
    }
    for (let s = 0; s + k < S; s++) {
      if (!h[s] || !f[s + k] || !sameDay(s, s + k)) continue;
      cnf.add(counted[0], -h[s], -f[s + k]);
    }
  }
  for (let s = 0; s < S; s++) {
    if (form === 'participants') cnf.atMostCounted(busyBySlot[s], 2 * md.tables[s]);
    else {
      const here: number[] = [];
      for (let m = 0; m < M; m++) {
        const v = x[m].get(s);
        if (v) here.push(v);
      }
      cnf.atMostCounted(here, md.tables[s]);
    }
  }
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
  let layer = cap > 0 ? counters.filter((c) => c.length > 0) : [];
  while (layer.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i < layer.length; i += 2) {
      next.push(i + 1 < layer.length ? cnf.merge(layer[i], layer[i + 1], cap, false) : layer[i]);
    }
    layer = next;
  }
  const flat = new Int32Array(cnf.clauses.reduce((n, c) => n + c.length + 1, 0));
  let at = 0;
  for (const c of cnf.clauses) {
    flat.set(c, at);
    at += c.length + 1;
  }
  const triples: number[] = [];
  for (let m = 0; m < M; m++) for (const [s, v] of x[m]) triples.push(m, s, v);
  return {
    vars: cnf.vars,
    clauses: flat,
    x: Int32Array.from(triples),
    total: Int32Array.from((layer[0] ?? []).slice(0, cap)),
    meetings: M,
  };
}

/**
 * Looks for schedules with fewer breaks than `start` (which holds every meeting and obeys
 * every rule), and for a proof that none has fewer. The solvers of `opts.forms` work in rounds,
 * on both cores when `opts.threads` is set; each round starts from the bounds and best schedule
 * shared at its start, so the result does not depend on which solver finishes first. In its
 * turn a solver probes the lower bound lb: "at most lb breaks?" (an assumption). "No" raises lb
 * and probes again; "yes" is a schedule with the fewest breaks. Each round doubles the solvers'
 * conflict budgets (20,000 at first). Once a budget has doubled `stepAfterDoublings` times, an
 * undecided probe is followed by a step: one break fewer than the best schedule (a permanent
 * clause, started from that schedule's slots), so that a hard lower bound does not leave the
 * start unimproved. Both bounds hold for every solver, so they are shared. It ends when the
 * bounds meet (the minimum is proven) or the conflict budget or the clock runs out. Never
 * returns a worse schedule than the start; deterministic, since every stop but the clock's
 * counts conflicts.
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
  let lb = 0;
  // The solver in this thread polls this while it works: the clock's safety net, and a progress
  // line a second.
  let reported = opts.now();
  // Raised by a later solver whose turn settles the search: the first solver's turn is then moot.
  const settled = new Int32Array(new SharedArrayBuffer(4));
  const terminate = () => {
    const t = opts.now();
    if (t - reported >= 1000) {
      reported = t;
      opts.onProgress?.(ub, lb);
    }
    return t > opts.deadline || Atomics.load(settled, 0) !== 0;
  };
  const forms = opts.forms ?? TABLE_FORMS;
  const solvers: TurnTaker[] = [];
  try {
    for (const [i, form] of forms.entries()) {
      const formula = encode(md, ub, form);
      // A worker that cannot start leaves its solver in this thread: slower, the same result.
      const worker =
        i > 0 && opts.threads
          ? await inWorker(formula, () => opts.deadline - opts.now(), settled).catch(() => null)
          : null;
      solvers.push(worker ?? (await inThread(formula, terminate, i > 0 ? settled : undefined)));
    }
    const budgets = forms.map(() => opts.conflicts);
    const stepAfter = opts.conflicts * 2 ** (opts.stepAfterDoublings ?? STEP_AFTER_DOUBLINGS);
    let spent = 0;
    while (lb < ub && spent < opts.totalConflicts && opts.now() < opts.deadline) {
      const left = Math.ceil((opts.totalConflicts - spent) / solvers.length);
      const inputs: TurnInput[] = budgets.map((conflicts) => ({
        lb,
        ub,
        best,
        conflicts,
        left,
        step: conflicts >= stepAfter,
      }));
      // The first solver's turn starts last (workers' turns run while it works) and its answer
      // combines last. When a later solver's turn settles the search, it raises `settled`, which
      // stops the first solver's turn, and that turn is left out: so the result never depends on
      // which thread finished first, and is the same in one thread.
      const order = [...solvers.keys()].slice(1).concat(0);
      Atomics.store(settled, 0, 0);
      const pending: Promise<TurnOutput>[] = [];
      for (const i of order) pending[i] = solvers[i].turn(inputs[i]);
      const outputs = await Promise.all(pending);
      const ubBefore = ub;
      const later = outputs.slice(1).some((o, i) => settles(o, inputs[i + 1]));
      for (const i of order) {
        const o = outputs[i];
        if (i === 0 && later) continue;
        spent += o.spent;
        budgets[i] *= 2;
        lb = Math.max(lb, o.lb);
        if (!o.slots) continue;
        const breaks = sum(breaksOf(md, o.slots));
        if (breaks >= ubBefore)
          throw new Error(`SAT model of breaks is wrong: ${breaks} breaks found, ${ubBefore} known`);
        if (o.optimal) lb = Math.max(lb, breaks);
        if (breaks < ub) {
          best = o.slots;
          ub = breaks;
        }
      }
      opts.onProgress?.(ub, lb);
    }
    return { slots: best, breaks: ub, proven: lb >= ub };
  } finally {
    for (const s of solvers) s.dispose();
  }
}

/**
 * Probes alone until a solver's budget has doubled this often, then upper-bound steps too: on the
 * B2B files the probes find the optimum sooner than steps of one break at a time would.
 */
export const STEP_AFTER_DOUBLINGS = 3;

const sum = (a: Int32Array): number => a.reduce((acc, v) => acc + v, 0);
