import type { MatchIndex } from './build.ts';
import { SECTOR_COUNT } from './weights.ts';

/** Items listed per key (a sector or a concept), with a confidence each: an inverted index. */
interface Postings {
  off: Int32Array;
  items: Int32Array;
  conf: Float32Array;
}

const invert = (
  keys: number,
  lists: (emit: (key: number, item: number, conf: number) => void) => void,
): Postings => {
  const count = new Int32Array(keys + 1);
  lists((key) => count[key + 1]++);
  for (let k = 0; k < keys; k++) count[k + 1] += count[k];
  const off = Int32Array.from(count);
  const items = new Int32Array(off[keys]);
  const conf = new Float32Array(off[keys]);
  lists((key, item, c) => {
    items[count[key]] = item;
    conf[count[key]++] = c;
  });
  return { off, items, conf };
};

/**
 * Inverted indexes over a MatchIndex, so that a query can bound its score against every
 * candidate in one pass over short lists instead of one call per candidate. Built once per
 * index, on first use.
 */
export interface BoundIndex {
  /** sector → profiles offering it (max confidence over their offers). */
  offerSec: Postings;
  /** concept → profiles whose offers mention it. */
  offerCon: Postings;
  /** sector → need texts naming it. */
  needSec: Postings;
  /** concept → need texts mentioning it. */
  needCon: Postings;
  /** sector → profiles where it is present anywhere (detected or declared). */
  presSec: Postings;
}

const cache = new WeakMap<MatchIndex, BoundIndex>();

export const boundIndex = (ix: MatchIndex): BoundIndex => {
  const hit = cache.get(ix);
  if (hit) return hit;
  const n = ix.profiles.length;
  const concepts = ix.lexicon.concepts.length;
  const needTexts = (emit: (t: number) => void) => {
    for (let p = 0; p < n; p++) for (let t = ix.needStart[p]; t < ix.needEnd[p]; t++) emit(t);
  };
  const built: BoundIndex = {
    offerSec: invert(SECTOR_COUNT, (emit) => {
      for (let p = 0; p < n; p++)
        for (let k = ix.uoOff[p]; k < ix.uoOff[p + 1]; k++) emit(ix.uoIdx[k], p, ix.uoConf[k]);
    }),
    offerCon: invert(concepts, (emit) => {
      for (let p = 0; p < n; p++) for (let k = ix.ucOff[p]; k < ix.ucOff[p + 1]; k++) emit(ix.ucIdx[k], p, 1);
    }),
    needSec: invert(SECTOR_COUNT, (emit) =>
      needTexts((t) => {
        for (let k = ix.secOff[t]; k < ix.secOff[t + 1]; k++) emit(ix.secIdx[k], t, ix.secConf[k]);
      }),
    ),
    needCon: invert(concepts, (emit) =>
      needTexts((t) => {
        for (let k = ix.conOff[t]; k < ix.conOff[t + 1]; k++) emit(ix.conIdx[k], t, 1);
      }),
    ),
    presSec: invert(SECTOR_COUNT, (emit) => {
      for (let p = 0; p < n; p++)
        for (let k = ix.presOff[p]; k < ix.presOff[p + 1]; k++) emit(ix.presIdx[k], p, ix.presConf[k]);
    }),
  };
  cache.set(ix, built);
  return built;
};

/** What a query needs from a Query to bound its scores (kept structural to avoid a cycle). */
export interface BoundSource {
  readonly index: MatchIndex;
  readonly nNeeds: number;
  readonly needFirst: number;
  readonly needVec: Float64Array;
  readonly offerMax: Float64Array;
  readonly offerConcepts: Int32Array;
  readonly presVec: Float64Array;
  readonly bonus: Float64Array;
}

/**
 * Per-candidate evidence upper bounds for one query, in one pass over the inverted lists:
 * `to[c * nNeeds + j]` bounds the evidence for the query's need j from any offer of c,
 * `from[t]` the evidence for need text t from any offer of the query, `shared[c]` the shared
 * sectors. Arrays are scratch space owned by the bound index: valid until the next query.
 */
export interface Bounds {
  to: Float64Array;
  from: Float64Array;
  shared: Float64Array;
}

const scratch = new WeakMap<MatchIndex, Bounds>();

const zeroed = (ix: MatchIndex, toSize: number): Bounds => {
  let s = scratch.get(ix);
  const texts = ix.analyses.length;
  if (!s || s.to.length < toSize) {
    s = {
      to: new Float64Array(toSize),
      from: new Float64Array(texts),
      shared: new Float64Array(ix.profiles.length),
    };
    scratch.set(ix, s);
    return s;
  }
  s.to.fill(0, 0, toSize);
  s.from.fill(0);
  s.shared.fill(0);
  return s;
};

export const computeBounds = (q: BoundSource): Bounds => {
  const ix = q.index;
  const b = boundIndex(ix);
  const nn = q.nNeeds;
  const out = zeroed(ix, ix.profiles.length * Math.max(nn, 1));
  for (let j = 0; j < nn; j++) {
    for (let s = 0; s < SECTOR_COUNT; s++) {
      const v = q.needVec[j * SECTOR_COUNT + s];
      if (v === 0) continue;
      for (let k = b.offerSec.off[s]; k < b.offerSec.off[s + 1]; k++)
        out.to[b.offerSec.items[k] * nn + j] += v * b.offerSec.conf[k];
    }
    const t = q.needFirst + j;
    for (let k = ix.conOff[t]; k < ix.conOff[t + 1]; k++) {
      const ci = ix.conIdx[k];
      if (q.bonus[ci] === 0) continue;
      for (let m = b.offerCon.off[ci]; m < b.offerCon.off[ci + 1]; m++)
        out.to[b.offerCon.items[m] * nn + j] += q.bonus[ci];
    }
  }
  for (let s = 0; s < SECTOR_COUNT; s++) {
    const v = q.offerMax[s];
    if (v !== 0)
      for (let k = b.needSec.off[s]; k < b.needSec.off[s + 1]; k++)
        out.from[b.needSec.items[k]] += v * b.needSec.conf[k];
    const w = q.presVec[s];
    if (w !== 0)
      for (let k = b.presSec.off[s]; k < b.presSec.off[s + 1]; k++)
        out.shared[b.presSec.items[k]] += w * b.presSec.conf[k];
  }
  for (let ci = 0; ci < q.offerConcepts.length; ci++) {
    if (q.offerConcepts[ci] === 0 || q.bonus[ci] === 0) continue;
    for (let m = b.needCon.off[ci]; m < b.needCon.off[ci + 1]; m++)
      out.from[b.needCon.items[m]] += q.bonus[ci];
  }
  return out;
};
