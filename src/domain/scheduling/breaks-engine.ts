import { Worker } from 'node:worker_threads';
import { Cadical } from 'cadical-wasm';

// One CaDiCaL solver on one CNF of the breaks (built by breaks.ts), what it does in one turn, and
// where it runs: in this thread, or in a worker thread (breaks-worker.ts). It knows nothing of the
// problem beyond the formula, so the formula crosses to a worker as typed arrays, and a turn's
// input and output are plain numbers and arrays.

/** A CNF of the breaks in a form that crosses to a worker thread. */
export interface Formula {
  vars: number;
  /** The clauses, each ended by 0 (as in DIMACS). */
  clauses: Int32Array;
  /** (meeting, slot, variable) triples: the x[m,s] literals. */
  x: Int32Array;
  /** total[k] = "the schedule has at least k+1 breaks" (upward clauses). */
  total: Int32Array;
  meetings: number;
}

/** What a turn starts from: the bounds and best schedule shared at the start of the round. */
export interface TurnInput {
  lb: number;
  ub: number;
  /** Slot of every meeting in the best schedule (ub breaks). */
  best: Int32Array;
  /** Conflicts per SAT call in this turn. */
  conflicts: number;
  /** Conflicts left in the whole search: the turn stops once it has spent them. */
  left: number;
  /** Whether the turn also takes an upper-bound step after an undecided probe. */
  step: boolean;
}

/** Whether a turn's output ends the search: an optimum found, or the lower bound at ub. */
export const settles = (o: TurnOutput, t: TurnInput): boolean => o.optimal || o.lb >= t.ub;

export interface TurnOutput {
  /** The lower bound after the turn's probes (ub when a step proved ub minimal). */
  lb: number;
  /** A schedule with fewer than ub breaks, when one was found (at most lb when found by a probe). */
  slots: Int32Array | null;
  /** Whether a probe found its schedule (then it has the fewest breaks possible). */
  optimal: boolean;
  /** Conflicts the turn used (its budget for each call, as the deterministic count). */
  spent: number;
}

export class BreaksEngine {
  /** The smallest k for which "at most k−1 breaks" is a clause of this solver. */
  private capped: number;

  private constructor(
    private readonly solver: Cadical,
    private readonly f: Formula,
  ) {
    this.capped = f.total.length + 1;
  }

  static async create(f: Formula, terminate: () => boolean): Promise<BreaksEngine> {
    const solver = await Cadical.create({ quiet: true, phase: false });
    solver.ensureVars(f.vars);
    let start = 0;
    for (let i = 0; i < f.clauses.length; i++) {
      if (f.clauses[i] !== 0) continue;
      solver.addClause(f.clauses.subarray(start, i));
      start = i + 1;
    }
    solver.setTerminate(terminate);
    return new BreaksEngine(solver, f);
  }

  /**
   * A probe of the lower bound lb: "at most lb breaks?" (an assumption). "No" raises lb and
   * probes again; "yes" is a schedule with the fewest breaks. Undecided, and when asked, a step:
   * the permanent clause "fewer than ub breaks", from the best schedule's slots as phases.
   */
  turn(t: TurnInput): TurnOutput {
    const { solver, f } = this;
    let lb = t.lb;
    let spent = 0;
    const run = (assumptions: number[]) => {
      const conflicts = Math.max(1, Math.min(t.conflicts, t.left - spent));
      spent += conflicts;
      return solver.solve({ assumptions, conflicts });
    };
    const out = (o: Omit<TurnOutput, 'spent' | 'lb'>): TurnOutput => ({ ...o, lb, spent });
    let probe = run([-f.total[lb]]);
    while (probe === 'unsatisfiable') {
      lb++;
      if (lb >= t.ub || spent >= t.left) return out({ slots: null, optimal: false });
      probe = run([-f.total[lb]]);
    }
    if (probe === 'satisfiable') return out({ slots: this.read(), optimal: true });
    if (!t.step || spent >= t.left) return out({ slots: null, optimal: false });
    for (; this.capped > t.ub; this.capped--) solver.addClause([-f.total[this.capped - 2]]);
    for (let i = 0; i < f.x.length; i += 3) {
      const v = f.x[i + 2];
      solver.phase(t.best[f.x[i]] === f.x[i + 1] ? v : -v);
    }
    const step = run([]);
    if (step === 'satisfiable') return out({ slots: this.read(), optimal: false });
    if (step === 'unsatisfiable') lb = t.ub;
    return out({ slots: null, optimal: false });
  }

  /** Any model of the formula: its slots, 'impossible' when there is none, null when undecided. */
  any(conflicts: number): Int32Array | 'impossible' | null {
    const r = this.solver.solve({ conflicts });
    return r === 'satisfiable' ? this.read() : r === 'unsatisfiable' ? 'impossible' : null;
  }

  private read(): Int32Array {
    const slots = new Int32Array(this.f.meetings);
    const x = this.f.x;
    for (let i = 0; i < x.length; i += 3) if (this.solver.value(x[i + 2])) slots[x[i]] = x[i + 1];
    return slots;
  }

  dispose(): void {
    this.solver.dispose();
  }
}

/** A solver taking turns: in this thread, or in a worker thread. */
export interface TurnTaker {
  turn(input: TurnInput): Promise<TurnOutput>;
  dispose(): void;
}

/** A solver in this thread; when `settled` is given, a turn that settles the search sets it. */
export async function inThread(
  formula: Formula,
  terminate: () => boolean,
  settled?: Int32Array,
): Promise<TurnTaker> {
  const engine = await BreaksEngine.create(formula, terminate);
  return {
    turn: async (input) => {
      const output = engine.turn(input);
      if (settled && settles(output, input)) Atomics.store(settled, 0, 1);
      return output;
    },
    dispose: () => engine.dispose(),
  };
}

type Reply = { type: 'ready' } | { type: 'turn'; output: TurnOutput } | { type: 'error'; message: string };

/**
 * A solver in a worker thread. When one of its turns settles the search, it sets `settled[0]`
 * (shared memory) before answering, so that the solver of this thread can stop at once.
 */
export async function inWorker(
  formula: Formula,
  remainingMs: () => number,
  settled: Int32Array,
): Promise<TurnTaker> {
  const worker = new Worker(new URL('./breaks-worker.js', import.meta.url));
  let waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  const settle = (f: (w: NonNullable<typeof waiting>) => void) => {
    const w = waiting;
    waiting = null;
    if (w) f(w);
  };
  worker.on('message', (r: Reply) => settle((w) => w.resolve(r)));
  worker.on('error', (e) => settle((w) => w.reject(e)));
  worker.on('exit', (code) => settle((w) => w.reject(new Error(`breaks worker exited (${code})`))));
  const ask = (message: unknown): Promise<Reply> =>
    new Promise<Reply>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(message);
    }).then((r) => {
      if (r.type === 'error') throw new Error(`breaks worker: ${r.message}`);
      return r;
    });
  try {
    await ask({ type: 'load', formula, settled });
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  return {
    turn: async (input) => {
      const r = await ask({ type: 'turn', input, remainingMs: remainingMs() });
      if (r.type !== 'turn') throw new Error(`breaks worker answered ${r.type} to a turn`);
      return r.output;
    },
    dispose: () => void worker.terminate(),
  };
}
