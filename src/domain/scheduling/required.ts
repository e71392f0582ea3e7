import { flowLp, solver } from './bound.ts';
import { construct } from './greedy.ts';
import { buildModel, type Model } from './model.ts';
import { makeRng } from './rng.ts';
import { keyOf, search } from './search.ts';
import { State } from './state.ts';
import type { Problem } from './types.ts';

// Required meetings first: they are few (a signing, a governor's visit), some at a fixed slot,
// and they compete for the same interpreters and tables. They are scheduled alone, as a problem
// of their own, before any weight is optimised: by the annealing (whose cost makes each missing
// required meeting dearer than any weight), then, if some are still missing, by HiGHS on the
// exact integer model of the required meetings (slots, participants, maxMeetings, tables,
// precedence, and interpreters as a transportation flow, which is Hall's condition exactly).
// That model having no solution is a proof; a solution is rebuilt and checked like any other.

export interface RequiredResult {
  /** Slot and interpreter of each meeting of the full model (-1: not placed here). */
  slots: Int32Array;
  interps: Int32Array;
  /** Required meetings still missing (0 when all are placed, -1 when this phase did not apply). */
  missing: number;
  /** A proof that the required meetings cannot all be held, when HiGHS found one. */
  proof: string | null;
}

/** The problem restricted to its required meetings (precedence among them kept, fairness dropped). */
export function requiredProblem(problem: Problem): Problem {
  const required = problem.meetings.filter((m) => m.required);
  const ids = new Set(required.map((m) => m.id));
  return {
    ...problem,
    fairness: null,
    meetings: required.map((m) => ({ ...m, after: (m.after ?? []).filter((a) => ids.has(a)) })),
  };
}

/**
 * Places the required meetings alone. `deadline` bounds the whole phase (wall clock); the
 * search's effort keeps it deterministic when the machine is fast enough.
 */
export async function placeRequired(
  problem: Problem,
  md: Model,
  opts: { seed: number; deadline: number; now: () => number; effort: number },
): Promise<RequiredResult> {
  const slots = new Int32Array(md.M).fill(-1);
  const interps = new Int32Array(md.M).fill(-1);
  const sub = requiredProblem(problem);
  // With no required meeting there is nothing to do; when every meeting is required (the B2B
  // files), the sub-problem is the problem, which the main search and SAT handle.
  if (sub.meetings.length === 0 || sub.meetings.length === problem.meetings.length)
    return { slots, interps, missing: -1, proof: null };
  const smd = buildModel(sub);
  const st = construct(smd, new State(smd));
  if (st.reqMissing > 0) {
    search(st, {
      effort: Math.min(opts.effort, 5_000_000, Math.max(100_000, 5_000 * smd.M)),
      weightGap: true,
      deadline: opts.deadline,
      now: opts.now,
      rng: makeRng(opts.seed),
      isOptimal: (key) => key[0] === 0,
    });
  }
  let proof: string | null = null;
  if (st.reqMissing > 0 && opts.now() < opts.deadline) proof = await exactRequired(smd, st, opts);
  const [missing] = keyOf(st);
  for (let k = 0; k < smd.M; k++) {
    const m = md.mIndex.get(smd.mIds[k])!;
    slots[m] = st.slotOf[k];
    interps[m] = st.interpOf[k];
  }
  return { slots, interps, missing, proof };
}

/** HiGHS on the integer model of the required meetings: a schedule of them all, or a proof. */
async function exactRequired(
  smd: Model,
  st: State,
  opts: { deadline: number; now: () => number },
): Promise<string | null> {
  const seconds = (opts.deadline - opts.now()) / 1000;
  if (seconds < 0.2 || smd.cand.reduce((n, c) => n + c.length, 0) > 40_000) return null;
  try {
    const result = (await solver()).solve(flowLp(smd, true), { output_flag: false, time_limit: seconds });
    if (result.Status === 'Infeasible') {
      return `no schedule holds all ${smd.M} required meetings: the integer model of their slots, participants, tables, precedence and interpreters (Hall's condition per slot, as a flow) has no solution (HiGHS)`;
    }
    if (result.Status !== 'Optimal') return null;
    const alt = new State(smd);
    const order: [number, number][] = [];
    for (let m = 0; m < smd.M; m++)
      for (const s of smd.cand[m]) if ((result.Columns[`x${m}_${s}`]?.Primal ?? 0) > 0.5) order.push([s, m]);
    order.sort((a, b) => a[0] - b[0]);
    for (const [s, m] of order) {
      if (!alt.canPlace(m, s)) continue;
      const i = alt.findInterpreter(m, s);
      if (smd.needs[m] && i < 0) continue;
      alt.assign(m, s, i);
    }
    if (alt.reqMissing < st.reqMissing) st.restore(alt.snapshot());
  } catch {
    // HiGHS is optional: without it the search's result stands.
  }
  return null;
}
