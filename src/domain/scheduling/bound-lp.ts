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
