import { kempeSwap } from './kempe.ts';
import { randInt } from './rng.ts';
import { COST, type State } from './state.ts';

export interface Progress {
  iteration: number;
  weight: number;
  breaks: number;
  valid: boolean;
  /** Set while SAT minimises the breaks: the number of breaks proven necessary so far. */
  breaksLowerBound?: number;
  /** Set while SAT looks for a schedule holding every meeting (the search found none). */
  holdingAll?: boolean;
}

export interface SearchOptions {
  /** The stopping rule that keeps runs deterministic: a number of assign operations (State.work). */
  effort: number;
  /** Whether weight may still be gained (the bound is above the start): then the first 30% anneals weight. */
  weightGap: boolean;
  /** Safety net only: a wall-clock instant (ms) after which the search stops anyway. */
  deadline: number;
  now: () => number;
  rng: () => number;
  /** True when the best key cannot be improved (weight at the bound, no breaks...). */
  isOptimal: (key: number[]) => boolean;
  onProgress?: (p: Progress) => void;
}

/** Lexicographic key of a state, smaller is better: rules first, then the objective. */
export const keyOf = (st: State): number[] => [
  st.reqMissing,
  st.fairExcess(),
  -st.weight,
  st.displaced,
  st.breaks,
];

export const better = (a: number[], b: number[]): boolean => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k];
  return false;
};

/**
 * Puts m into slot s, evicting whatever stands in the way: the meetings of its two
 * participants in s, a meeting when the tables are full, a meeting holding the last
 * qualified interpreter. Returns the evicted meetings, or null when s is closed to m.
 */
function insertEvicting(st: State, m: number, s: number, rng: () => number): number[] | null {
  const md = st.model;
  const S = md.S;
  if (!md.candMask[m * S + s] || md.tables[s] === 0 || !st.precedenceOk(m, s)) return null;
  const a = md.ma[m];
  const b = md.mb[m];
  const evicted: number[] = [];
  if (st.slotOf[m] < 0) {
    // A participant at its maxMeetings gives up one of its meetings to take this one.
    for (const p of [a, b]) {
      if (st.held[p] < md.pMax[p]) continue;
      const mine = Array.from(md.meetingsOf[p]).filter((x) => st.slotOf[x] >= 0);
      if (mine.length === 0) return null;
      const victim = mine[randInt(rng, mine.length)];
      st.assign(victim, -1, -1);
      evicted.push(victim);
    }
  }
  st.assign(m, -1, -1);
  for (const p of [a, b]) {
    const other = st.occ[p * S + s];
    if (other >= 0) {
      st.assign(other, -1, -1);
      evicted.push(other);
    }
  }
  if (st.count[s] >= md.tables[s]) {
    const victim = st.member(s, randInt(rng, st.count[s]));
    st.assign(victim, -1, -1);
    evicted.push(victim);
  }
  let interpreter = -1;
  if (md.needs[m]) {
    interpreter = st.findInterpreter(m, s);
    if (interpreter < 0) {
      const busy = Array.from(md.qual[m]).filter((i) => md.iAvail[i * S + s] && st.iOcc[i * S + s] >= 0);
      if (busy.length === 0) return null;
      const victim = st.iOcc[busy[randInt(rng, busy.length)] * S + s];
      st.assign(victim, -1, -1);
      evicted.push(victim);
      interpreter = st.findInterpreter(m, s);
      if (interpreter < 0) return null;
    }
  }
  st.assign(m, s, interpreter);
  return evicted;
}

/**
 * Puts an evicted meeting back where its participants' breaks grow least, if any slot is
 * open. Slots are ranked by a cheap estimate, then tried in order until an interpreter fits.
 */
export function reinsertBest(st: State, m: number): boolean {
  const md = st.model;
  const ranked: [number, number][] = [];
  for (const s of md.cand[m]) {
    if (!st.canPlace(m, s)) continue;
    ranked.push([st.addedCost(md.ma[m], s) + st.addedCost(md.mb[m], s), s]);
  }
  ranked.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [, s] of ranked) {
    const i = st.findInterpreter(m, s);
    if (md.needs[m] && i < 0) continue;
    st.assign(m, s, i);
    return true;
  }
  return false;
}

/**
 * Half the moves start from a participant with breaks, moving one of its meetings into one
 * of its idle slots: that is where breaks disappear. The rest are uniform, for diversity.
 */
function pickMove(st: State, rng: () => number): [number, number] {
  const md = st.model;
  const S = md.S;
  if (st.breaks > 0 && rng() < 0.5) {
    for (let tries = 0; tries < 8; tries++) {
      const p = randInt(rng, md.P);
      if (st.brk[p] === 0) continue;
      const mine = md.meetingsOf[p];
      const m = mine[randInt(rng, mine.length)];
      let first = -1;
      let last = -1;
      for (let s = 0; s < S; s++) {
        if (st.occ[p * S + s] < 0) continue;
        if (first < 0) first = s;
        last = s;
      }
      const idle: number[] = [];
      for (let s = first + 1; s < last; s++)
        if (st.occ[p * S + s] < 0 && md.candMask[m * S + s]) idle.push(s);
      if (idle.length) return [m, idle[randInt(rng, idle.length)]];
    }
  }
  const m = randInt(rng, md.M);
  const cand = md.cand[m];
  return [m, cand.length ? cand[randInt(rng, cand.length)] : -1];
}

/** One move: a meeting to another slot (evicting and re-placing), or out of the schedule. */
function tryMove(st: State, rng: () => number, temperature: number): void {
  const [m, s] = pickMove(st, rng);
  if (s < 0 || s === st.slotOf[m]) return;
  const before = st.cost();
  const mark = st.journal.length;
  const r = rng();
  if (st.slotOf[m] >= 0 && r < 0.05) {
    st.assign(m, -1, -1);
  } else if (st.slotOf[m] >= 0 && r < 0.55) {
    if (!kempeSwap(st, m, s)) return void st.rollback(mark);
  } else {
    const evicted = insertEvicting(st, m, s, rng);
    if (!evicted) return void st.rollback(mark);
    for (const e of evicted) reinsertBest(st, e);
  }
  const delta = st.cost() - before;
  if (delta <= 0 || rng() < Math.exp(-delta / temperature)) st.journal.length = mark;
  else st.rollback(mark);
}

/**
 * Simulated annealing over slot assignments with ejection moves (a large-neighbourhood
 * search of radius one) and Kempe-chain swaps. Stops after `effort` assign operations, at the proven
 * optimum, or at the deadline, and returns the best schedule met on the way.
 */
export function search(st: State, opts: SearchOptions): { slotOf: Int32Array; interpOf: Int32Array } {
  let best = st.snapshot();
  let bestKey = keyOf(st);
  const start = st.work;
  const t0 = opts.now();
  let lastReport = t0;
  // Cooling follows the effort or the clock, whichever is further along, so that a search cut
  // short by the time limit (a busy machine) still ends cold. While the effort leads, the run
  // is deterministic.
  let timeShare = 0;
  // A move that finds nothing to do costs no work, so moves are capped by the effort too.
  for (let it = 0; it < opts.effort && st.work - start < opts.effort && !opts.isOptimal(bestKey); it++) {
    // The clock first, so that a search whose deadline has passed makes no move at all.
    if ((it & 1023) === 0) {
      const now = opts.now();
      if (now > opts.deadline) break;
      const share = (now - t0) / Math.max(1, opts.deadline - t0);
      timeShare = share;
      if (opts.onProgress && now - lastReport >= 1000) {
        lastReport = now;
        opts.onProgress({
          iteration: it,
          weight: -bestKey[2],
          breaks: bestKey[4],
          valid: bestKey[0] === 0 && bestKey[1] === 0,
        });
      }
    }
    const progress = Math.max((st.work - start) / opts.effort, timeShare);
    tryMove(st, opts.rng, temperature(progress, opts.weightGap));
    st.journal.length = 0;
    const key = keyOf(st);
    if (better(key, bestKey)) {
      bestKey = key;
      best = st.snapshot();
    }
  }
  st.restore(best);
  return best;
}

/**
 * Geometric cooling. With weight to gain, the first 30% runs hot enough in weight units to
 * drop a meeting now and then (escaping local optima); the rest, or all of it when
 * the weight is at its bound, cools in break units from 2 (a break often accepted) to 0.02.
 */
const HOT = 0.3;

function temperature(progress: number, weightGap: boolean): number {
  if (!weightGap) return 2 * 0.01 ** progress;
  if (progress < HOT) return COST.weight * 0.3 * 0.02 ** (progress / HOT);
  return 2 * 0.01 ** ((progress - HOT) / (1 - HOT));
}
