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
  /** Per country id: sector → profiles offering it (max confidence over their offers). */
  offerSec: Postings[];
  /** Per country id: concept → profiles whose offers mention it. */
  offerCon: Postings[];
}

const cache = new WeakMap<MatchIndex, BoundIndex>();

export const boundIndex = (ix: MatchIndex): BoundIndex => {
  const hit = cache.get(ix);
  if (hit) return hit;
  const concepts = ix.lexicon.concepts.length;
  // One list per country, so that a VN query walks only the JP profiles' entries.
  const built: BoundIndex = {
    offerSec: ix.countryMembers.map((members) =>
      invert(SECTOR_COUNT, (emit) => {
        for (const p of members)
          for (let k = ix.uoOff[p]; k < ix.uoOff[p + 1]; k++) emit(ix.uoIdx[k], p, ix.uoConf[k]);
      }),
    ),
    offerCon: ix.countryMembers.map((members) =>
      invert(concepts, (emit) => {
        for (const p of members) for (let k = ix.ucOff[p]; k < ix.ucOff[p + 1]; k++) emit(ix.ucIdx[k], p, 1);
      }),
    ),
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

/** Bounds for the candidates of the given countries (ids); others' entries stay 0. */
export const computeBounds = (q: BoundSource, countries: readonly number[]): Bounds => {
  const ix = q.index;
  const b = boundIndex(ix);
  const nn = q.nNeeds;
  const size = ix.profiles.length * Math.max(nn, 1);
  let to = scratch.get(ix);
  if (!to || to.length < size) {
    to = new Float64Array(size);
    scratch.set(ix, to);
  } else to.fill(0, 0, size);
  for (const country of countries) {
    for (let j = 0; j < nn; j++) addNeed(q, to, b.offerSec[country], b.offerCon[country], j);
  }
  return { to };
};

/** Adds the query's need j against every offer union listed in one country's postings. */
const addNeed = (q: BoundSource, to: Float64Array, sec: Postings, con: Postings, j: number): void => {
  const ix = q.index;
  const nn = q.nNeeds;
  for (let s = 0; s < SECTOR_COUNT; s++) {
    const v = q.needVec[j * SECTOR_COUNT + s];
    if (v === 0) continue;
    for (let k = sec.off[s]; k < sec.off[s + 1]; k++) to[sec.items[k] * nn + j] += v * sec.conf[k];
  }
  const t = q.needFirst + j;
  for (let k = ix.conOff[t]; k < ix.conOff[t + 1]; k++) {
    const ci = ix.conIdx[k];
    if (q.bonus[ci] === 0) continue;
    for (let m = con.off[ci]; m < con.off[ci + 1]; m++) to[con.items[m] * nn + j] += q.bonus[ci];
  }
};
