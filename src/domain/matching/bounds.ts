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
}

const cache = new WeakMap<MatchIndex, BoundIndex>();

export const boundIndex = (ix: MatchIndex): BoundIndex => {
  const hit = cache.get(ix);
  if (hit) return hit;
  const n = ix.profiles.length;
  const concepts = ix.lexicon.concepts.length;
  const built: BoundIndex = {
    offerSec: invert(SECTOR_COUNT, (emit) => {
      for (let p = 0; p < n; p++)
        for (let k = ix.uoOff[p]; k < ix.uoOff[p + 1]; k++) emit(ix.uoIdx[k], p, ix.uoConf[k]);
    }),
    offerCon: invert(concepts, (emit) => {
      for (let p = 0; p < n; p++) for (let k = ix.ucOff[p]; k < ix.ucOff[p + 1]; k++) emit(ix.ucIdx[k], p, 1);
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
  readonly bonus: Float64Array;
}

/**
 * Per-candidate upper bounds of the evidence for one query, in one pass over the inverted
 * lists: `to[c * nNeeds + j]` bounds the evidence for the query's need j from any offer of c.
 * The array is scratch space owned by the bound index: valid until the next query.
 */
export interface Bounds {
  to: Float64Array;
}

const scratch = new WeakMap<MatchIndex, Float64Array>();

export const computeBounds = (q: BoundSource): Bounds => {
  const ix = q.index;
  const b = boundIndex(ix);
  const nn = q.nNeeds;
  const size = ix.profiles.length * Math.max(nn, 1);
  let to = scratch.get(ix);
  if (!to || to.length < size) {
    to = new Float64Array(size);
    scratch.set(ix, to);
  } else to.fill(0, 0, size);
  for (let j = 0; j < nn; j++) {
    for (let s = 0; s < SECTOR_COUNT; s++) {
      const v = q.needVec[j * SECTOR_COUNT + s];
      if (v === 0) continue;
      for (let k = b.offerSec.off[s]; k < b.offerSec.off[s + 1]; k++)
        to[b.offerSec.items[k] * nn + j] += v * b.offerSec.conf[k];
    }
    const t = q.needFirst + j;
    for (let k = ix.conOff[t]; k < ix.conOff[t + 1]; k++) {
      const ci = ix.conIdx[k];
      if (q.bonus[ci] === 0) continue;
      for (let m = b.offerCon.off[ci]; m < b.offerCon.off[ci + 1]; m++)
        to[b.offerCon.items[m] * nn + j] += q.bonus[ci];
    }
  }
  return { to };
};
