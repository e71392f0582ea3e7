import type { Highs } from 'highs';
import type { Model } from './model.ts';

// The time-indexed LP bound for larger problems, where the LP text format and an exact LP
// solve are too slow in WebAssembly: the model is passed to HiGHS as sparse arrays and solved
// by its first-order method (PDLP), which is fast but only approximate. Its row duals are then
// turned into a *certified* bound: for any multipliers ≥ 0, the Lagrangian relaxation (each
// meeting in its best slot at reduced weight, or in none unless it is required) plus the
// multipliers times the right-hand sides is an upper bound on the weight (weak duality). So the
// bound is honest however far PDLP was from the optimum when it stopped.

enum Kind {
  meeting = 0,
  capacity = 1,
  group = 2,
  type = 3,
}

interface Lp {
  numCols: number;
  colCost: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  kind: Int8Array;
  /** For each (meeting, slot) pair, in the order of md.cand: its capacity rows and its group row. */
  pairStart: Int32Array;
  pairRows: Int32Array;
  pairGroupRow: Int32Array;
  /** For each group row, the type rows its flows go to. */
  groupTypes: Map<number, number[]>;
}

/** The flow form of the LP (see flowLp in bound.ts), as CSR arrays with the kind of each row. */
function buildLp(md: Model): Lp {
  const { S } = md;
  const rows: number[][] = [];
  const coef: number[][] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const kind: number[] = [];
  const addRow = (k: Kind, lo: number, hi: number): number => {
    rows.push([]);
    coef.push([]);
    lower.push(lo);
    upper.push(hi);
    kind.push(k);
    return rows.length - 1;
  };
  const put = (r: number, col: number, v: number) => {
    rows[r].push(col);
    coef[r].push(v);
  };
  const cost: number[] = [];
  const psRow = new Map<number, number>();
  const pRow = new Int32Array(md.P).fill(-1);
  const tRow = new Int32Array(S).fill(-1);
  const psCount = new Int32Array(md.P * S);
  const slotCount = new Int32Array(S);
  const pCount = new Int32Array(md.P);
  for (let m = 0; m < md.M; m++)
    for (const s of md.cand[m]) {
      psCount[md.ma[m] * S + s]++;
      psCount[md.mb[m] * S + s]++;
      pCount[md.ma[m]]++;
      pCount[md.mb[m]]++;
      slotCount[s]++;
    }
  for (let p = 0; p < md.P; p++) if (pCount[p] > md.pMax[p]) pRow[p] = addRow(Kind.capacity, 0, md.pMax[p]);
  for (let s = 0; s < S; s++)
    if (slotCount[s] > md.tables[s]) tRow[s] = addRow(Kind.capacity, 0, md.tables[s]);
  // Interpreter groups and types, as in flowLp.
  const groupOf = new Map<Int32Array, number>();
  const keyOf = new Map<string, Int32Array>();
  const mGroup = new Int32Array(md.M).fill(-1);
  for (let m = 0; m < md.M; m++) {
    if (!md.needs[m]) continue;
    const key = Array.from(md.qual[m]).join(',');
    if (!keyOf.has(key)) keyOf.set(key, md.qual[m]);
    const q = keyOf.get(key)!;
    if (!groupOf.has(q)) groupOf.set(q, groupOf.size);
    mGroup[m] = groupOf.get(q)!;
  }
  const sig = Array.from({ length: md.I }, () => [] as number[]);
  for (const [q, g] of groupOf) for (const i of q) sig[i].push(g);
  const typeIds = new Map<string, number>();
  const iType = sig.map((gs) => {
    const key = gs.join(',');
    if (!typeIds.has(key)) typeIds.set(key, typeIds.size);
    return typeIds.get(key)!;
  });
  const typeGroups = [...typeIds.keys()].map((k) => (k === '' ? [] : k.split(',').map(Number)));
  const G = groupOf.size;
  const gRow = new Int32Array(G * S).fill(-1);
  const groupTypes = new Map<number, number[]>();
  const groupPresent = new Uint8Array(G * S);
  for (let m = 0; m < md.M; m++)
    if (mGroup[m] >= 0) for (const s of md.cand[m]) groupPresent[mGroup[m] * S + s] = 1;
  const zCols: [number, number][] = []; // [group row, type row]
  for (let s = 0; s < S; s++) {
    const free = new Array(typeGroups.length).fill(0);
    for (let i = 0; i < md.I; i++) if (md.iAvail[i * S + s]) free[iType[i]]++;
    const tRows = typeGroups.map((_, t) => (free[t] > 0 ? addRow(Kind.type, 0, free[t]) : -1));
    for (let g = 0; g < G; g++) {
      if (!groupPresent[g * S + s]) continue;
      const r = addRow(Kind.group, Number.NEGATIVE_INFINITY, 0);
      gRow[g * S + s] = r;
      const ts: number[] = [];
      typeGroups.forEach((gs, t) => {
        if (tRows[t] >= 0 && gs.includes(g)) {
          ts.push(tRows[t]);
          zCols.push([r, tRows[t]]);
        }
      });
      groupTypes.set(r, ts);
    }
  }
  const pairStart: number[] = [0];
  const pairRows: number[] = [];
  const pairGroupRow: number[] = [];
  for (let m = 0; m < md.M; m++) {
    const own = md.cand[m].length ? addRow(Kind.meeting, md.required[m] ? 1 : 0, 1) : -1;
    for (const s of md.cand[m]) {
      const col = cost.length;
      cost.push(md.weight[m]);
      put(own, col, 1);
      for (const p of [md.ma[m], md.mb[m]]) {
        const key = p * S + s;
        if (psCount[key] > 1) {
          if (!psRow.has(key)) psRow.set(key, addRow(Kind.capacity, 0, 1));
          put(psRow.get(key)!, col, 1);
          pairRows.push(psRow.get(key)!);
        }
        if (pRow[p] >= 0) {
          put(pRow[p], col, 1);
          pairRows.push(pRow[p]);
        }
      }
      if (tRow[s] >= 0) {
        put(tRow[s], col, 1);
        pairRows.push(tRow[s]);
      }
      const gr = mGroup[m] >= 0 ? gRow[mGroup[m] * S + s] : -1;
      if (gr >= 0) put(gr, col, 1);
      pairGroupRow.push(gr);
      pairStart.push(pairRows.length);
    }
  }
  for (const [gr, tr] of zCols) {
    const col = cost.length;
    cost.push(0);
    put(gr, col, -1);
    put(tr, col, 1);
  }
  const starts = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) starts[r + 1] = starts[r] + rows[r].length;
  const indices = new Int32Array(starts[rows.length]);
  const values = new Float64Array(starts[rows.length]);
  for (let r = 0, k = 0; r < rows.length; r++)
    for (let j = 0; j < rows[r].length; j++, k++) {
      indices[k] = rows[r][j];
      values[k] = coef[r][j];
    }
  return {
    numCols: cost.length,
    colCost: Float64Array.from(cost),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts,
    indices,
    values,
    kind: Int8Array.from(kind),
    pairStart: Int32Array.from(pairStart),
    pairRows: Int32Array.from(pairRows),
    pairGroupRow: Int32Array.from(pairGroupRow),
    groupTypes,
  };
}

/** The Lagrangian bound for row multipliers y (meeting rows kept, precedence dropped). */
function certify(md: Model, lp: Lp, dual: Float64Array, sign: 1 | -1): number {
  const R = lp.kind.length;
  const y = new Float64Array(R);
  for (let r = 0; r < R; r++) if (lp.kind[r] !== Kind.meeting) y[r] = Math.max(0, sign * dual[r]);
  // A group's multiplier may not exceed those of the types its flows go to (else the flow
  // term is unbounded); lowering it keeps the bound valid.
  for (const [gr, ts] of lp.groupTypes) for (const tr of ts) y[gr] = Math.min(y[gr], y[tr]);
  let value = 0;
  for (let r = 0; r < R; r++)
    if (lp.kind[r] === Kind.capacity || lp.kind[r] === Kind.type) value += y[r] * lp.rowUpper[r];
  let pair = 0;
  for (let m = 0; m < md.M; m++) {
    let best = md.required[m] ? Number.NEGATIVE_INFINITY : 0;
    for (let k = 0; k < md.cand[m].length; k++, pair++) {
      let rc = md.weight[m];
      for (let j = lp.pairStart[pair]; j < lp.pairStart[pair + 1]; j++) rc -= y[lp.pairRows[j]];
      if (lp.pairGroupRow[pair] >= 0) rc -= y[lp.pairGroupRow[pair]];
      if (rc > best) best = rc;
    }
    if (md.cand[m].length) value += best;
  }
  return value;
}

/**
 * A certified upper bound on the weight from PDLP's duals within `timeLimitS`, or null when
 * HiGHS gives none. The Lagrangian is evaluated for both sign conventions of the duals and
 * the smaller is kept: each is a valid bound.
 */
export function pdlpBound(highs: Highs, md: Model, timeLimitS: number): number | null {
  const lp = buildLp(md);
  const pairs = lp.pairGroupRow.length;
  const data = {
    numCols: lp.numCols,
    numRows: lp.kind.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: lp.colCost,
    colLower: new Float64Array(lp.numCols),
    colUpper: Float64Array.from({ length: lp.numCols }, (_, c) => (c < pairs ? 1 : highs.infinity)),
    rowLower: lp.rowLower.map((v) => (v === Number.NEGATIVE_INFINITY ? -highs.infinity : v)),
    rowUpper: lp.rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: lp.kind.length,
      numCols: lp.numCols,
      starts: lp.starts,
      indices: lp.indices,
      values: lp.values,
    },
  };
  return highs.withModel(data, (model) => {
    model.options.set({
      output_flag: false,
      solver: 'pdlp',
      time_limit: Math.max(0.1, timeLimitS),
    });
    model.run();
    const dual = model.getSolution().rowDual;
    if (!dual || dual.length !== lp.kind.length) return null;
    return Math.min(certify(md, lp, dual, 1), certify(md, lp, dual, -1));
  });
}

/**
 * The slots cut into blocks of `size` consecutive slots of the same day (the last of a day may
 * be shorter): block of each slot, and the number of blocks.
 */
export function slotBlocks(md: Model, size: number): { blockOf: Int32Array; blocks: number } {
  const blockOf = new Int32Array(md.S);
  let b = -1;
  let inBlock = size;
  for (let s = 0; s < md.S; s++) {
    if (inBlock >= size || (s > 0 && md.dayOf[s] !== md.dayOf[s - 1])) {
      b++;
      inBlock = 0;
    }
    blockOf[s] = b;
    inBlock++;
  }
  return { blockOf, blocks: b + 1 };
}

/**
 * The time-indexed LP with its slots aggregated into blocks (slotBlocks): one column per
 * (meeting, block) where the meeting has a candidate slot, and per block the capacities summed
 * over its slots — a participant's slots where it can meet, the tables (each slot's at most its
 * candidate meetings), and the interpreters as a flow from groups to types with each type's
 * interpreter-slots (and, in all, at most min(tables, interpreters working) per slot). Any schedule gives a solution (count its meetings per block), so the LP
 * value is an upper bound on the weight; blocks of one slot give the time-indexed LP itself
 * (without precedence). Solved exactly by HiGHS's simplex from sparse arrays; null when HiGHS
 * does not find the optimum within the limit.
 */
export function blockBound(highs: Highs, md: Model, size: number, timeLimitS: number): number | null {
  const { S } = md;
  const { blockOf, blocks: B } = slotBlocks(md, size);
  const rows: number[][] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const addRow = (lo: number, hi: number): number => {
    rows.push([]);
    lower.push(lo);
    upper.push(hi);
    return rows.length - 1;
  };
  const coef: number[][] = [];
  const put = (r: number, col: number, v: number) => {
    rows[r].push(col);
    coef[r] ??= [];
    coef[r].push(v);
  };
  // Capacities.
  const pbCap = new Int32Array(md.P * B);
  const seen = new Uint8Array(md.P * S);
  const slotMeetings = new Int32Array(S);
  for (let m = 0; m < md.M; m++)
    for (const s of md.cand[m]) {
      slotMeetings[s]++;
      for (const p of [md.ma[m], md.mb[m]])
        if (!seen[p * S + s]) {
          seen[p * S + s] = 1;
          pbCap[p * B + blockOf[s]]++;
        }
    }
  const tablesOf = new Float64Array(B);
  // Meetings with an interpreter: at most min(tables, interpreters working) per slot.
  const interpretedOf = new Float64Array(B);
  for (let s = 0; s < S; s++) {
    tablesOf[blockOf[s]] += Math.min(md.tables[s], slotMeetings[s]);
    let free = 0;
    for (let i = 0; i < md.I; i++) free += md.iAvail[i * S + s];
    interpretedOf[blockOf[s]] += Math.min(md.tables[s], free);
  }
  const groupOf = new Map<Int32Array, number>();
  const keyOf = new Map<string, Int32Array>();
  const mGroup = new Int32Array(md.M).fill(-1);
  for (let m = 0; m < md.M; m++) {
    if (!md.needs[m]) continue;
    const key = Array.from(md.qual[m]).join(',');
    if (!keyOf.has(key)) keyOf.set(key, md.qual[m]);
    const q = keyOf.get(key)!;
    if (!groupOf.has(q)) groupOf.set(q, groupOf.size);
    mGroup[m] = groupOf.get(q)!;
  }
  const G = groupOf.size;
  const sig = Array.from({ length: md.I }, () => [] as number[]);
  for (const [q, g] of groupOf) for (const i of q) sig[i].push(g);
  const typeIds = new Map<string, number>();
  const iType = sig.map((gs) => {
    const key = gs.join(',');
    if (!typeIds.has(key)) typeIds.set(key, typeIds.size);
    return typeIds.get(key)!;
  });
  const typeGroups = [...typeIds.keys()].map((k) => (k === '' ? [] : k.split(',').map(Number)));
  const T = typeGroups.length;
  const typeCap = new Float64Array(T * B);
  for (let i = 0; i < md.I; i++)
    for (let s = 0; s < S; s++) if (md.iAvail[i * S + s]) typeCap[iType[i] * B + blockOf[s]]++;
  // Rows.
  const pbRow = new Int32Array(md.P * B).fill(-1);
  const pRow = new Int32Array(md.P).fill(-1);
  for (let p = 0; p < md.P; p++) if (md.meetingsOf[p].length > md.pMax[p]) pRow[p] = addRow(0, md.pMax[p]);
  const bRow = Int32Array.from({ length: B }, (_, b) => addRow(0, tablesOf[b]));
  const iRow = Int32Array.from({ length: B }, (_, b) => addRow(0, interpretedOf[b]));
  const gbRow = new Int32Array(G * B).fill(-1);
  const tbRow = new Int32Array(T * B).fill(-1);
  const cost: number[] = [];
  const colUpper: number[] = [];
  for (let m = 0; m < md.M; m++) {
    if (md.cand[m].length === 0) continue;
    const own = addRow(md.required[m] ? 1 : 0, 1);
    const inBlock = new Int32Array(B);
    for (const s of md.cand[m]) inBlock[blockOf[s]]++;
    for (let b = 0; b < B; b++) {
      if (!inBlock[b]) continue;
      const col = cost.length;
      cost.push(md.weight[m]);
      colUpper.push(1);
      put(own, col, 1);
      put(bRow[b], col, 1);
      for (const p of [md.ma[m], md.mb[m]]) {
        const k = p * B + b;
        if (pbRow[k] < 0) pbRow[k] = addRow(0, pbCap[k]);
        put(pbRow[k], col, 1);
        if (pRow[p] >= 0) put(pRow[p], col, 1);
      }
      const g = mGroup[m];
      if (g >= 0) {
        put(iRow[b], col, 1);
        if (gbRow[g * B + b] < 0) {
          const r = addRow(Number.NEGATIVE_INFINITY, 0);
          gbRow[g * B + b] = r;
        }
        put(gbRow[g * B + b], col, 1);
      }
    }
  }
  for (let g = 0; g < G; g++)
    for (let b = 0; b < B; b++) {
      const gr = gbRow[g * B + b];
      if (gr < 0) continue;
      for (let t = 0; t < T; t++) {
        if (!typeGroups[t].includes(g) || typeCap[t * B + b] === 0) continue;
        if (tbRow[t * B + b] < 0) tbRow[t * B + b] = addRow(0, typeCap[t * B + b]);
        const col = cost.length;
        cost.push(0);
        colUpper.push(Number.POSITIVE_INFINITY);
        put(gr, col, -1);
        put(tbRow[t * B + b], col, 1);
      }
    }
  // No meeting has a slot: nothing can be held.
  if (cost.length === 0) return 0;
  const R = rows.length;
  const starts = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) starts[r + 1] = starts[r] + rows[r].length;
  const indices = new Int32Array(starts[R]);
  const values = new Float64Array(starts[R]);
  for (let r = 0, k = 0; r < R; r++)
    for (let j = 0; j < rows[r].length; j++, k++) {
      indices[k] = rows[r][j];
      values[k] = coef[r][j];
    }
  const data = {
    numCols: cost.length,
    numRows: R,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(cost.length),
    colUpper: Float64Array.from(colUpper, (v) => (v === Number.POSITIVE_INFINITY ? highs.infinity : v)),
    rowLower: Float64Array.from(lower, (v) => (v === Number.NEGATIVE_INFINITY ? -highs.infinity : v)),
    rowUpper: Float64Array.from(upper),
    matrix: { format: 'csr' as const, numRows: R, numCols: cost.length, starts, indices, values },
  };
  return highs.withModel(data, (model) => {
    model.options.set({ output_flag: false, solver: 'simplex', time_limit: Math.max(0.1, timeLimitS) });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    return model.getObjectiveValue();
  });
}
