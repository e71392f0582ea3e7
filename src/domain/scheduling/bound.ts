import { Worker } from 'node:worker_threads';
import highsModule, { type Highs } from 'highs';
import { blockBound, pdlpBound } from './bound-lp.ts';
import type { Model } from './model.ts';
import type { Problem } from './types.ts';

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
  method: 'mip' | 'lp' | 'day-lp' | 'aggregate-lp' | 'count';
  /** The time-indexed LP, which holds every required meeting, has no solution: a proof. */
  infeasible?: boolean;
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

export const columnsOf = (md: Model): number => md.cand.reduce((acc, c) => acc + c.length, 0);

/** Pairs up to which the time-indexed LP is given to HiGHS; beyond, the aggregated LP. */
export const LP_MAX_PAIRS = 25_000;

/**
 * An upper bound on the total weight from a linear relaxation: time-indexed with the
 * interpreters as a flow (flowLp) on problems up to LP_MAX_PAIRS (meeting, slot) pairs, within
 * `timeLimitS`; aggregated over the day beyond, or when the time-indexed LP does not finish.
 */
export async function weightBound(
  md: Model,
  timeLimitS: number,
  now: () => number = () => 0,
): Promise<BoundResult> {
  const count = countBound(md);
  const columns = columnsOf(md);
  if (columns === 0) return { weight: 0, method: 'count' };
  const started = now();
  const attempts: ['lp' | 'aggregate-lp', () => string][] = [];
  if (columns <= LP_MAX_PAIRS) attempts.push(['lp', () => flowLp(md)]);
  attempts.push(['aggregate-lp', () => aggregateLp(md)]);
  for (const [method, text] of attempts) {
    try {
      const left = timeLimitS - (now() - started) / 1000;
      const limit = method === 'lp' ? left : Math.max(0.5, left);
      if (limit <= 0.05) continue;
      if (method === 'aggregate-lp') {
        // The time-indexed LP did not finish (a busy machine): the day LP, its aggregation
        // per day, is next to it and far quicker; the aggregated LP if that fails too.
        const day = await dayBound(md, limit);
        if (day.method !== 'count') return day;
        continue;
      }
      const result = (await solver()).solve(text(), { output_flag: false, time_limit: limit });
      if (result.Status === 'Optimal')
        return { weight: Math.min(count, boundValue(md, result.ObjectiveValue)), method };
      // The time-indexed LP holds every required meeting (= 1): no fractional solution is a proof.
      if (result.Status === 'Infeasible' && method === 'lp')
        return { weight: count, method: 'count', infeasible: true };
    } catch {
      // The bound is optional in the spec; without HiGHS the counting bound stays honest.
    }
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
    if (timeLimitS < 0.2) return bound;
    const options = { output_flag: false, time_limit: timeLimitS, mip_max_nodes: 2000 };
    const result = (await solver()).solve(flowLp(md, true), {
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

/**
 * The time-indexed LP with the interpreters as a transportation flow per slot: meetings needing
 * the same qualified interpreters form a group, interpreters qualified for the same groups form
 * a type, and per slot the groups' meetings are routed to the types' available interpreters.
 * By max-flow/min-cut this is Hall's condition over every union of groups, exactly, in a few
 * rows and columns per slot instead of one dense row per union.
 */
export function flowLp(md: Model, integral = false): string {
  const { S } = md;
  const rows: string[] = [];
  let n = 0;
  const row = (plus: string[], minus: string[], op: '<=' | '=' | '>=', rhs: number) => {
    if (plus.length + minus.length === 0) return;
    const terms = [...plus.map((v, k) => (k === 0 ? v : `+ ${v}`)), ...minus.map((v) => `- ${v}`)];
    const lines: string[] = [];
    for (let k = 0; k < terms.length; k += 25) lines.push(terms.slice(k, k + 25).join(' '));
    rows.push(` r${n++}: ${lines.join('\n  ')} ${op} ${rhs}`);
  };
  const groupOf = new Map<string, number>();
  const mGroup = new Int32Array(md.M).fill(-1);
  for (let m = 0; m < md.M; m++) {
    if (!md.needs[m]) continue;
    const key = Array.from(md.qual[m]).join(',');
    if (!groupOf.has(key)) groupOf.set(key, groupOf.size);
    mGroup[m] = groupOf.get(key)!;
  }
  const G = groupOf.size;
  const sig = Array.from({ length: md.I }, () => new Set<number>());
  for (const [key, g] of groupOf) for (const i of key.split(',')) if (i !== '') sig[Number(i)].add(g);
  const typeOf = new Map<string, number>();
  const iType = sig.map((set) => {
    const key = [...set].sort((a, b) => a - b).join(',');
    if (!typeOf.has(key)) typeOf.set(key, typeOf.size);
    return typeOf.get(key)!;
  });
  const typeGroups = [...typeOf.keys()].map((key) => (key === '' ? [] : key.split(',').map(Number)));
  const objective: string[] = [];
  const bounds: string[] = [];
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  const byPs = new Map<number, string[]>();
  for (let m = 0; m < md.M; m++) {
    const own: string[] = [];
    for (const s of md.cand[m]) {
      const v = `x${m}_${s}`;
      own.push(v);
      objective.push(`${md.weight[m]} ${v}`);
      bySlot[s].push(m);
      for (const p of [md.ma[m], md.mb[m]]) {
        const key = p * S + s;
        if (!byPs.has(key)) byPs.set(key, []);
        byPs.get(key)!.push(v);
      }
    }
    if (md.required[m] && own.length) row(own, [], '=', 1);
    else row(own, [], '<=', 1);
    bounds.push(...own.map((v) => ` ${v} <= 1`));
    // Precedence, for meetings held both: m in s leaves no room for an earlier one in s or later.
    for (const a of md.after[m])
      for (const s of md.cand[m]) {
        const later = Array.from(md.cand[a]).filter((t) => t >= s);
        if (later.length) row([`x${m}_${s}`, ...later.map((t) => `x${a}_${t}`)], [], '<=', 1);
      }
  }
  for (const terms of byPs.values()) if (terms.length > 1) row(terms, [], '<=', 1);
  for (let p = 0; p < md.P; p++) {
    const terms = Array.from(md.meetingsOf[p]).flatMap((m) => Array.from(md.cand[m], (s) => `x${m}_${s}`));
    if (terms.length > md.pMax[p]) row(terms, [], '<=', md.pMax[p]);
  }
  for (let s = 0; s < S; s++) {
    if (bySlot[s].length > md.tables[s])
      row(
        bySlot[s].map((m) => `x${m}_${s}`),
        [],
        '<=',
        md.tables[s],
      );
    const members: string[][] = Array.from({ length: G }, () => []);
    for (const m of bySlot[s]) if (mGroup[m] >= 0) members[mGroup[m]].push(`x${m}_${s}`);
    const free = new Array(typeGroups.length).fill(0);
    for (let i = 0; i < md.I; i++) if (md.iAvail[i * S + s]) free[iType[i]]++;
    const flows: string[][] = Array.from({ length: typeGroups.length }, () => []);
    for (let g = 0; g < G; g++) {
      if (members[g].length === 0) continue;
      const z: string[] = [];
      typeGroups.forEach((gs, t) => {
        if (!gs.includes(g) || free[t] === 0) return;
        const v = `z${g}_${t}_${s}`;
        z.push(v);
        flows[t].push(v);
      });
      row(members[g], z, '<=', 0);
    }
    flows.forEach((z, t) => {
      if (z.length) row(z, [], '<=', free[t]);
    });
  }
  const lp = [`Maximize\n obj: ${objective.join(' + ') || '0 x_none'}`, 'Subject To', ...rows];
  if (rows.length === 0) lp.push(' r_none: 0 x_none <= 0');
  lp.push('Bounds', ...bounds);
  if (integral && bounds.length) lp.push('Binary', ...bounds.map((b) => b.replace(' <= 1', '')));
  lp.push('End');
  return lp.join('\n');
}

/** Meetings up to which the aggregated LP is solved first in the main thread (milliseconds). */
export const IN_THREAD_AGGREGATE_MEETINGS = 5_000;

/** The aggregated LP alone, in this thread (see aggregateLp); the counting bound if it fails. */
export async function aggregateBound(md: Model, timeLimitS: number): Promise<BoundResult> {
  const count = countBound(md);
  try {
    const result = (await solver()).solve(aggregateLp(md), {
      output_flag: false,
      time_limit: Math.max(0.2, timeLimitS),
    });
    if (result.Status === 'Optimal')
      return { weight: Math.min(count, boundValue(md, result.ObjectiveValue)), method: 'aggregate-lp' };
  } catch {
    // The counting bound stays honest.
  }
  return { weight: count, method: 'count' };
}

/**
 * The time-indexed LP aggregated per day (blockBound in bound-lp.ts), solved exactly by the
 * simplex: a few columns per meeting, and on the evaluation forums of issue 14 it equals the
 * time-indexed LP (and the optimum) at 30, 120 and 600 participants. The aggregated LP (one
 * column per meeting) when it does not finish in time.
 */
export async function dayBound(md: Model, timeLimitS: number): Promise<BoundResult> {
  const count = countBound(md);
  try {
    const value = blockBound(await solver(), md, md.S, Math.max(0.2, timeLimitS));
    if (value !== null) return { weight: Math.min(count, boundValue(md, value)), method: 'day-lp' };
  } catch {
    // HiGHS failed (memory, an unexpected status): the aggregated LP below.
  }
  return aggregateBound(md, timeLimitS);
}

/** (meeting, slot) pairs up to which the worker tries the time-indexed LP by PDLP. */
export const PDLP_MAX_PAIRS = 150_000;

/**
 * The bounds of a worker thread (bound-worker.ts): the day LP first (the aggregated LP if it
 * fails), then the time-indexed LP by PDLP, certified (bound-lp.ts); each is posted as soon as
 * it is known.
 */
export async function backgroundBounds(
  md: Model,
  timeLimitS: number,
  now: () => number,
  post: (bound: BoundResult) => void,
): Promise<void> {
  const started = now();
  const count = countBound(md);
  const highs = await solver();
  // The day LP first (quick, and at 3,000 participants quicker than the aggregated LP's text);
  // the aggregated LP only if it fails.
  let day = false;
  try {
    const value = blockBound(highs, md, md.S, Math.max(0.5, timeLimitS));
    if (value !== null) {
      post({ weight: Math.min(count, boundValue(md, value)), method: 'day-lp' });
      day = true;
    }
  } catch {
    // The aggregated LP below.
  }
  const rest = timeLimitS - (now() - started) / 1000;
  if (!day && rest > 0.5)
    try {
      const result = highs.solve(aggregateLp(md), { output_flag: false, time_limit: rest });
      if (result.Status === 'Optimal')
        post({ weight: Math.min(count, boundValue(md, result.ObjectiveValue)), method: 'aggregate-lp' });
    } catch {
      // The next bound may still come.
    }
  const left = timeLimitS - (now() - started) / 1000;
  if (columnsOf(md) > PDLP_MAX_PAIRS || left < 0.5) return;
  const value = pdlpBound(highs, md, left);
  if (value !== null) post({ weight: Math.min(count, boundValue(md, value)), method: 'lp' });
}

/**
 * The bounds computed in a worker thread while the caller goes on (the second core works on
 * them). `best()` is the smallest bound received so far (null before the first), `done` settles
 * when the worker has nothing more to say (or failed), and `stop` ends it.
 */
export function boundInBackground(
  problem: Problem,
  timeLimitS: number,
): { best: () => BoundResult | null; done: Promise<void>; stop: () => void } {
  let best: BoundResult | null = null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bound-worker.js', import.meta.url));
  } catch {
    return { best: () => null, done: Promise.resolve(), stop: () => {} };
  }
  const done = new Promise<void>((resolve) => {
    worker.on('message', (r: { type: string; bound?: BoundResult }) => {
      if (r.type === 'bound' && r.bound && (!best || r.bound.weight < best.weight)) best = r.bound;
      if (r.type !== 'bound') resolve();
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  }).finally(() => void worker.terminate());
  worker.postMessage({ problem, timeLimitS });
  return { best: () => best, done, stop: () => void worker.terminate() };
}
