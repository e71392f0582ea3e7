import {
  type BoundResult,
  boundInBackground,
  columnsOf,
  countBound,
  dayBound,
  IN_THREAD_AGGREGATE_MEETINGS,
  tightenBound,
  weightBound,
} from './bound.ts';
import { breaksModelApplies, holdAllApplies, holdEveryMeeting, minimiseBreaks } from './breaks.ts';
import { checkSchedule } from './check.ts';
import { construct, greedy } from './greedy.ts';
import { findInfeasibility } from './infeasible.ts';
import { applyKept, type KeepInfo, movedMeetings } from './keep.ts';
import { buildModel, type Model } from './model.ts';
import { unscheduledReason } from './reasons.ts';
import { placeRequired } from './required.ts';
import { makeRng } from './rng.ts';
import { better, keyOf, type Progress, search } from './search.ts';
import { State } from './state.ts';
import { assignTables } from './tables.ts';
import type { KeptSchedule, Problem, Schedule } from './types.ts';

export interface SolveOptions {
  seed?: number;
  /** Safety net in seconds; the normal stop is the iteration budget (see docs/scheduling.md). */
  timeLimitS?: number;
  /** Search effort in assign operations; by default proportional to the number of meetings. */
  effort?: number;
  keep?: KeptSchedule;
  onProgress?: (p: Progress & { bound?: number }) => void;
  /** Called at the end of each phase (bound, required, construction, searches) with the time spent. */
  onPhase?: (what: string, elapsedMs: number) => void;
  /** The clock, passed in so that the domain code reads none of its own. */
  now?: () => number;
}

/** The default effort: about 10–30 s of work at most on a 2-core machine, less for small problems. */
export const defaultEffort = (md: Model): number => Math.min(40_000_000, Math.max(200_000, 25_000 * md.M));

/** Turns a state into the output format; the table numbers are chosen here. */
function present(
  st: State,
  status: Schedule['status'],
  bound: BoundResult | null,
  elapsedMs: number,
): Schedule {
  const md = st.model;
  const table = assignTables(md, st.slotOf);
  const assignments: Schedule['assignments'] = [];
  const unscheduled: Schedule['unscheduled'] = [];
  for (let m = 0; m < md.M; m++) {
    const s = st.slotOf[m];
    if (s < 0) {
      unscheduled.push({ meeting: md.mIds[m], reason: unscheduledReason(st, m) });
      continue;
    }
    const a: Schedule['assignments'][number] = { meeting: md.mIds[m], slot: md.slotIds[s], table: table[m] };
    if (st.interpOf[m] >= 0) a.interpreter = md.iIds[st.interpOf[m]];
    assignments.push(a);
  }
  return {
    format: 'kizuna.schedule/1',
    status,
    assignments,
    unscheduled,
    objective: { weight: 0, meetings: 0, breaks: 0, breakSpread: 0, tableChanges: 0 },
    ...(bound ? { bound: { weight: bound.weight } } : {}),
    elapsedMs,
  };
}

function statusOf(st: State, bound: BoundResult | null, breaksProven: boolean): Schedule['status'] {
  const [req, unfair] = keyOf(st);
  // Without a proof, a schedule missing a required meeting (or the fairness rule) is not
  // "infeasible": the time ran out. The status says so, and the schedule keeps every other rule.
  if (req > 0 || unfair > 0) return 'incomplete';
  // Breaks are proven minimal when there are none, or when the exact MIP of breaks proved it.
  const weightProven = bound !== null && st.weight >= bound.weight - 1e-9;
  return weightProven && (st.breaks === 0 || breaksProven) ? 'optimal' : 'feasible';
}

/** Conflicts of the first SAT call on breaks (doubled while neither bound moves), and in all. */
export const SAT_BREAKS_CONFLICTS = 20_000;
export const SAT_BREAKS_TOTAL_CONFLICTS = 4_000_000;

/**
 * When every meeting is held (so the weight is at its maximum) and no interpreter is needed,
 * the breaks are minimised by SAT (breaks.ts), started from the search's schedule. Returns
 * true when the minimum is proven and `st` holds it.
 */
async function exactBreaks(
  st: State,
  boundWeight: number,
  deadline: number,
  now: () => number,
  opts: SolveOptions,
): Promise<boolean> {
  const md = st.model;
  const [req, unfair, , moved] = keyOf(st);
  if (req > 0 || unfair > 0 || moved > 0 || st.breaks === 0) return st.breaks === 0;
  if (!breaksModelApplies(md, st.slotOf)) return false;
  const result = await minimiseBreaks(md, Int32Array.from(st.slotOf), {
    conflicts: SAT_BREAKS_CONFLICTS,
    totalConflicts: SAT_BREAKS_TOTAL_CONFLICTS,
    threads: true,
    deadline,
    now,
    onProgress: (breaks, lowerBound) =>
      opts.onProgress?.({
        iteration: 0,
        weight: st.weight,
        breaks,
        valid: true,
        bound: boundWeight,
        breaksLowerBound: lowerBound,
      }),
  });
  return adopt(st, result.slots) && result.proven && st.breaks === result.breaks;
}

/**
 * A SAT solver's complete slot assignment (no interpreters) is rebuilt in a state and kept only
 * if every rule holds there and it is better; returns whether it was valid.
 */
function adopt(st: State, slots: Int32Array): boolean {
  const md = st.model;
  const alt = new State(md);
  const order = Array.from({ length: md.M }, (_, m) => m).sort((a, b) => slots[a] - slots[b]);
  for (const m of order) {
    const s = slots[m];
    if (!alt.canPlace(m, s)) return false;
    alt.assign(m, s, -1);
  }
  if (better(keyOf(alt), keyOf(st))) st.restore(alt.snapshot());
  return true;
}

/**
 * On small problems the MIP of the bound is solved exactly; its slots (which ignore only
 * precedence, fairness and the exact interpreter matching) often hold more weight than the
 * construction. The search starts from whichever of the two is better.
 */
function mipStart(st: State, slots: Int32Array): void {
  const md = st.model;
  const alt = new State(md);
  for (let m = 0; m < md.M; m++) {
    const s = slots[m];
    if (s < 0 || !alt.canPlace(m, s)) continue;
    const i = alt.findInterpreter(m, s);
    if (!md.needs[m] || i >= 0) alt.assign(m, s, i);
  }
  construct(md, alt);
  if (better(keyOf(alt), keyOf(st))) st.restore(alt.snapshot());
}

/** (meeting, slot) pairs up to which the LP bound is computed first, in the main thread. */
export const IN_THREAD_LP_PAIRS = 3_000;

/** The promise's value once settled, or null at the deadline (polled: the clock is injected). */
async function settleBy<T>(promise: Promise<T>, deadline: number, now: () => number): Promise<T | null> {
  let settled = false;
  let value: T | null = null;
  void promise.then((v) => {
    settled = true;
    value = v;
  });
  while (!settled && now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return settled ? value : null;
}

/** Holding every required meeting gives at least their total weight: a bound below it is a proof. */
function relaxationProof(md: Model, bound: BoundResult): string | null {
  if (bound.infeasible)
    return "the linear relaxation of the slots, participants, maxMeetings, tables, precedence and interpreters (Hall's condition per slot, as a flow) has no solution holding every required meeting, so no schedule does";
  let required = 0;
  let count = 0;
  for (let m = 0; m < md.M; m++) {
    if (!md.required[m]) continue;
    required += md.weight[m];
    count++;
  }
  if (bound.method === 'count' || bound.weight >= required - 1e-9) return null;
  return `the ${count} required meetings weigh ${required} in all, but the linear relaxation (tables, participants, interpreters) allows at most ${bound.weight}`;
}

/** Wall-clock shares of the time limit at which each phase must end (see docs/scheduling.md). */
export const PHASE = {
  bound: 0.25,
  required: 0.45,
  mip: 0.6,
  searchBeforeSat: 0.4,
  search: 0.85,
  exact: 0.9,
} as const;

/** Places the required meetings' own schedule first, where every rule still allows it. */
function placeFirst(st: State, slots: Int32Array, interps: Int32Array): void {
  const md = st.model;
  const order = Array.from({ length: md.M }, (_, m) => m).filter((m) => slots[m] >= 0);
  order.sort((a, b) => slots[a] - slots[b] || a - b);
  for (const m of order) {
    const s = slots[m];
    if (!st.canPlace(m, s)) continue;
    const i = interps[m] >= 0 && st.iOcc[interps[m] * md.S + s] < 0 ? interps[m] : st.findInterpreter(m, s);
    if (md.needs[m] && i < 0) continue;
    st.assign(m, s, i);
  }
  st.journal.length = 0;
}

/**
 * Schedules the meetings of a problem: bound, required meetings first, construction,
 * annealing search, exact breaks where they apply, tables, final check.
 * @example const schedule = await solve(problem, { seed: 1 });
 */
export async function solve(problem: Problem, opts: SolveOptions = {}): Promise<Schedule> {
  const now = opts.now ?? (() => 0);
  const started = now();
  const timeLimitS = opts.timeLimitS ?? 60;
  /** The instant at which a share of the time limit is spent. */
  const at = (share: number) => started + timeLimitS * 1000 * share;
  const left = (share: number) => Math.max(0, (at(share) - now()) / 1000);
  const md = buildModel(problem);
  const phase = (what: string) => opts.onPhase?.(what, now() - started);
  // Small problems get their LP bound first, in this thread; larger ones in a worker thread
  // while this one schedules (on a busy machine, loading HiGHS alone takes this thread a second
  // or more). When every meeting is required, the LP is a proof of infeasibility that the search
  // needs before it starts: the day LP is computed here too.
  const background =
    columnsOf(md) > IN_THREAD_LP_PAIRS ? boundInBackground(problem, timeLimitS * (PHASE.exact - 0.05)) : null;
  let bound: BoundResult = !background
    ? await weightBound(md, left(PHASE.bound), now)
    : md.M <= IN_THREAD_AGGREGATE_MEETINGS && md.required.every((r) => r === 1)
      ? await dayBound(md, left(PHASE.bound))
      : { weight: countBound(md), method: 'count' };
  phase(`bound ${bound.weight} ${bound.method}`);
  let proof = findInfeasibility(md) ?? relaxationProof(md, bound);
  const st = new State(md);
  let keepInfo: KeepInfo | null = null;
  if (opts.keep) keepInfo = applyKept(st, opts.keep);
  const seed = opts.seed ?? 1;
  if (!proof && !keepInfo && st.reqMissing > 0) {
    // Required meetings first, as a problem of their own, before any weight is optimised.
    const first = await placeRequired(problem, md, {
      seed,
      deadline: at(PHASE.required),
      now,
      effort: opts.effort ?? defaultEffort(md),
    });
    if (first.proof) proof = first.proof;
    else placeFirst(st, first.slots, first.interps);
  }
  phase(`required placed, missing ${st.reqMissing}`);
  construct(md, st);
  phase(`constructed ${st.weight} missing ${st.reqMissing}`);
  const effort = proof ? 200_000 : (opts.effort ?? defaultEffort(md));
  const rng = makeRng(seed);
  const searchOptions = {
    // When SAT can take over (every meeting required, no interpreter: the B2B files), it is the
    // stronger method; on a busy machine the search must leave it half of the time.
    deadline: at(holdAllApplies(md) ? PHASE.searchBeforeSat : PHASE.search),
    now,
    rng,
    onProgress: opts.onProgress
      ? (p: Progress) => opts.onProgress?.({ ...p, bound: bound.weight })
      : undefined,
  };
  const atBound = (key: number[]) => key[0] === 0 && key[1] === 0 && -key[2] >= bound.weight - 1e-9;
  // Beyond IN_THREAD_AGGREGATE_MEETINGS the first search would only delay the annealing of
  // weight below (at 3,000 participants it ran out of time cold and held 0.7% less).
  if (st.weight < bound.weight - 1e-9 && !keepInfo && md.M <= IN_THREAD_AGGREGATE_MEETINGS) {
    // A tenth of the effort first, stopping at the bound's weight: when that holds every
    // meeting (as on the B2B files), the MIP below has nothing to add and is skipped.
    search(st, {
      ...searchOptions,
      deadline: Math.min(at(PHASE.required + 0.05), searchOptions.deadline),
      effort: Math.ceil(effort / 10),
      // Cold: on a busy machine this may be all the search there is, and a hot start only loses.
      weightGap: false,
      isOptimal: atBound,
    });
    phase(`first search ${st.weight} missing ${st.reqMissing}`);
    // HiGHS's MIP overruns its time limit on larger problems (its root LP is not interrupted).
    if (st.weight < bound.weight - 1e-9 && columnsOf(md) <= IN_THREAD_LP_PAIRS) {
      bound = await tightenBound(md, bound, Math.min(timeLimitS / 4, left(PHASE.mip)));
      if (bound.slots) mipStart(st, bound.slots);
      phase(`mip ${bound.weight} ${bound.method} st ${st.weight}`);
    }
  }
  search(st, {
    ...searchOptions,
    effort,
    weightGap: st.weight < bound.weight - 1e-9,
    isOptimal: (key) => atBound(key) && key[3] === 0 && key[4] === 0,
  });
  phase(`search ${st.weight} missing ${st.reqMissing}`);
  if (background) {
    // Every meeting held: the count is the bound, exactly. Every meeting required and some not
    // held: SAT below needs both cores. Otherwise the worker gets until 90% of the limit.
    const waits = st.weight < countBound(md) - 1e-9 && !holdAllApplies(md);
    if (waits) await settleBy(background.done, at(PHASE.exact), now);
    background.stop();
    const lp = background.best();
    if (lp && lp.weight < bound.weight) bound = lp;
    proof ??= relaxationProof(md, bound);
    phase(`background bound ${lp ? `${lp.weight} ${lp.method}` : 'none'}`);
  }
  // The promise of the issue: never worse than first come, first served.
  const baseline = keepInfo ? null : greedy(md);
  if (baseline && better(keyOf(baseline), keyOf(st))) st.restore(baseline.snapshot());

  const [missing, unfair] = keyOf(st);
  if (!proof && !keepInfo && (missing > 0 || unfair > 0) && holdAllApplies(md)) {
    // Every meeting is required and the search did not hold them all within the rules: SAT
    // either finds such a schedule (the start of the breaks' minimisation below) or proves that
    // there is none.
    const slots = await holdEveryMeeting(md, {
      conflicts: SAT_BREAKS_TOTAL_CONFLICTS,
      deadline: at(PHASE.exact),
      now,
      onProgress: () =>
        opts.onProgress?.({
          iteration: 0,
          weight: st.weight,
          breaks: st.breaks,
          valid: false,
          bound: bound.weight,
          holdingAll: true,
        }),
    });
    if (slots === 'impossible') {
      proof = `no schedule holds all ${md.M} required meetings within the rules: the SAT model of slots, tables, precedence${md.fairness !== null ? ' and fairness' : ''} has no solution`;
    } else if (slots) adopt(st, slots);
  }
  let breaksProven = false;
  if (!proof && !keepInfo) {
    // The SAT solver checks the clock often; its share ends at 90% of the limit.
    breaksProven = await exactBreaks(st, bound.weight, at(PHASE.exact), now, opts);
    phase(`exact breaks ${st.breaks}${breaksProven ? ' (proven)' : ''}`);
  }
  const status = proof ? 'infeasible' : statusOf(st, bound, breaksProven);
  const schedule = present(st, status, bound, 0);
  if (status === 'infeasible') schedule.reason = proof ?? undefined;
  if (status === 'incomplete') {
    const required = new Set(problem.meetings.filter((m) => m.required).map((m) => m.id));
    schedule.missingRequired = schedule.unscheduled
      .filter((u) => required.has(u.meeting))
      .map((u) => u.meeting);
    const [, excess] = keyOf(st);
    schedule.reason = [
      schedule.missingRequired.length
        ? `the time ran out before ${schedule.missingRequired.length} required meeting(s) were placed (${schedule.missingRequired.slice(0, 5).join(', ')}${schedule.missingRequired.length > 5 ? ', …' : ''}); nothing proves them impossible`
        : '',
      excess > 0
        ? `the time ran out before the fairness rule was met (breaks differ by ${excess} more than allowed); nothing proves it impossible`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  if (keepInfo) schedule.moved = movedMeetings(st, keepInfo);
  return finish(problem, schedule, now() - started);
}

/** The final guard: the independent checker must accept every rule the status claims. */
function finish(problem: Problem, schedule: Schedule, elapsedMs: number): Schedule {
  const { violations, objective } = checkSchedule(problem, schedule);
  const claimed =
    schedule.status === 'infeasible' || schedule.status === 'incomplete'
      ? violations.filter((v) => !v.startsWith('required meeting') && !v.startsWith('breaks differ'))
      : violations;
  if (claimed.length > 0) throw new Error(`scheduler produced an invalid schedule: ${claimed.join('; ')}`);
  return { ...schedule, objective, elapsedMs };
}
