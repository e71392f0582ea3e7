import type { MatchIndex } from './build.ts';
import {
  HAS_DOMAIN,
  HAS_PEOPLE,
  HAS_TRADE,
  HAS_WORKERS,
  IS_ROLE,
  SECTOR_COUNT,
  SEEKS_MARKET,
  sectorWeight,
} from './weights.ts';

export { sectorWeight } from './weights.ts';

/** Evidence from one shared concept ("マンゴー" = "xoài"), times its weight, added to the overlap. */
const CONCEPT_BONUS = 0.5;
/** A link through roles only ("workers" = "workers") between texts about different fields. */
const ROLE_ONLY = 0.35;
/** A link through roles only when one side names no field ("we supply workers"): plausible, unproven. */
const ROLE_UNSPECIFIED = 0.7;
/** A link through a field only, when one side is about workers and the other about no people at all. */
const WORKERS_MISMATCH = 0.4;
/** A link through a field only, when one side seeks buyers and the other does not trade. */
const MARKET_MISMATCH = 0.4;
/** Roles count half as shared-sector evidence: sharing "trade" says little. */
const SHARED_ROLE = 0.5;
/** Steepness of the squash from summed evidence to a link strength in [0, 1). */
const LINK_K = 1.5;
/** Weights of the best three links in one direction. */
const TOP_LINKS = [0.7, 0.2, 0.1];
/** The final score: the stronger direction, the weaker one, shared sectors. Sum is 1. */
export const SCORE_WEIGHTS = { strong: 0.65, weak: 0.2, shared: 0.15 } as const;

/** One profile prepared as a query: dense sector vectors per text, reusable scratch space. */
export class Query {
  readonly needVec: Float64Array;
  readonly offerVec: Float64Array;
  readonly presVec = new Float64Array(SECTOR_COUNT);
  /** Per concept, a bitmask of the query's needs (resp. offers) mentioning it (first 31 texts). */
  readonly needConcepts: Int32Array;
  readonly offerConcepts: Int32Array;
  readonly nNeeds: number;
  readonly nOffers: number;
  /** Text index of the query's first need and first offer. */
  readonly needFirst: number;
  readonly offerFirst: number;
  private readonly best: Float64Array;
  private readonly bonus: Float64Array;

  constructor(
    readonly index: MatchIndex,
    readonly p: number,
  ) {
    const { offerStart, needStart, needEnd } = index;
    this.nOffers = needStart[p] - offerStart[p];
    this.nNeeds = needEnd[p] - needStart[p];
    this.needFirst = needStart[p];
    this.offerFirst = offerStart[p];
    this.needVec = this.dense(needStart[p], this.nNeeds);
    this.offerVec = this.dense(offerStart[p], this.nOffers);
    this.needConcepts = this.conceptMasks(needStart[p], this.nNeeds);
    this.offerConcepts = this.conceptMasks(offerStart[p], this.nOffers);
    for (let k = index.presOff[p]; k < index.presOff[p + 1]; k++) {
      const s = index.presIdx[k];
      this.presVec[s] = index.presConf[k] * sectorWeight(s) * (IS_ROLE[s] ? SHARED_ROLE : 1);
    }
    this.best = new Float64Array(Math.max(this.nNeeds, this.nOffers, 1));
    // Weak concepts ("technology") are too common to count as shared evidence.
    this.bonus = Float64Array.from(index.lexicon.concepts, (c) =>
      c.weight >= 0.5 ? CONCEPT_BONUS * c.weight : 0,
    );
  }

  private dense(first: number, count: number): Float64Array {
    const { secOff, secIdx, secConf } = this.index;
    const v = new Float64Array(count * SECTOR_COUNT);
    for (let j = 0; j < count; j++) {
      for (let k = secOff[first + j]; k < secOff[first + j + 1]; k++) {
        v[j * SECTOR_COUNT + secIdx[k]] = secConf[k] * sectorWeight(secIdx[k]);
      }
    }
    return v;
  }

  private conceptMasks(first: number, count: number): Int32Array {
    const m = new Int32Array(this.index.lexicon.concepts.length);
    for (let j = 0; j < Math.min(count, 31); j++) {
      const t = first + j;
      for (let k = this.index.conOff[t]; k < this.index.conOff[t + 1]; k++) m[this.index.conIdx[k]] |= 1 << j;
    }
    return m;
  }

  /** Strength of the link between text t (of the candidate) and the query's text j. */
  link(t: number, j: number, vec: Float64Array, concepts: Int32Array, first: number): number {
    const { secOff, secIdx, secConf, conOff, conIdx, textFlags } = this.index;
    let field = 0;
    let role = 0;
    const base = j * SECTOR_COUNT;
    for (let k = secOff[t]; k < secOff[t + 1]; k++) {
      const v = vec[base + secIdx[k]] * secConf[k];
      if (IS_ROLE[secIdx[k]]) role += v;
      else field += v;
    }
    if (field === 0 && role === 0) return 0;
    const ft = textFlags[t];
    const fj = textFlags[first + j];
    if (field === 0) role *= ft & fj & HAS_DOMAIN ? ROLE_ONLY : ROLE_UNSPECIFIED;
    const workers = (ft | fj) & HAS_WORKERS;
    if (workers && !(ft & HAS_PEOPLE && fj & HAS_PEOPLE)) field *= WORKERS_MISMATCH;
    if ((ft & SEEKS_MARKET && !(fj & HAS_TRADE)) || (fj & SEEKS_MARKET && !(ft & HAS_TRADE)))
      field *= MARKET_MISMATCH;
    let x = field + role;
    const bit = j < 31 ? 1 << j : 0;
    for (let k = conOff[t]; k < conOff[t + 1]; k++) if (concepts[conIdx[k]] & bit) x += this.bonus[conIdx[k]];
    return 1 - Math.exp(-LINK_K * x);
  }

  /**
   * How well the candidate's texts [from, to) answer the query's `count` texts (its needs, when
   * the candidate's range is its offers). The best link per query text, then the top three.
   */
  direction(
    from: number,
    to: number,
    count: number,
    vec: Float64Array,
    concepts: Int32Array,
    first: number,
  ): number {
    const best = this.best;
    best.fill(0, 0, count);
    for (let t = from; t < to; t++) {
      for (let j = 0; j < count; j++) {
        const s = this.link(t, j, vec, concepts, first);
        if (s > best[j]) best[j] = s;
      }
    }
    let a = 0;
    let b = 0;
    let c = 0;
    for (let j = 0; j < count; j++) {
      const v = best[j];
      if (v > a) [a, b, c] = [v, a, b];
      else if (v > b) [b, c] = [v, b];
      else if (v > c) c = v;
    }
    return TOP_LINKS[0] * a + TOP_LINKS[1] * b + TOP_LINKS[2] * c;
  }

  /** Shared sectors, the weaker evidence: in [0, 1). */
  shared(c: number): number {
    const { presOff, presIdx, presConf } = this.index;
    let x = 0;
    for (let k = presOff[c]; k < presOff[c + 1]; k++) x += this.presVec[presIdx[k]] * presConf[k];
    return 1 - Math.exp(-0.8 * x);
  }

  /** The pair score in [0, 1]; symmetric in the two profiles. 0 when nothing links them. */
  score(c: number): number {
    const ix = this.index;
    const p = this.p;
    const m0 = (ix.offerMask[2 * c] & ix.needMask[2 * p]) | (ix.needMask[2 * c] & ix.offerMask[2 * p]);
    const m1 =
      (ix.offerMask[2 * c + 1] & ix.needMask[2 * p + 1]) | (ix.needMask[2 * c + 1] & ix.offerMask[2 * p + 1]);
    const mp = (ix.presMask[2 * c] & ix.presMask[2 * p]) | (ix.presMask[2 * c + 1] & ix.presMask[2 * p + 1]);
    if ((m0 | m1 | mp) === 0) return 0;
    const toQuery = this.direction(
      ix.offerStart[c],
      ix.needStart[c],
      this.nNeeds,
      this.needVec,
      this.needConcepts,
      this.needFirst,
    );
    const fromQuery = this.direction(
      ix.needStart[c],
      ix.needEnd[c],
      this.nOffers,
      this.offerVec,
      this.offerConcepts,
      this.offerFirst,
    );
    const hi = Math.max(toQuery, fromQuery);
    const lo = Math.min(toQuery, fromQuery);
    const s = SCORE_WEIGHTS.strong * hi + SCORE_WEIGHTS.weak * lo + SCORE_WEIGHTS.shared * this.shared(c);
    return Math.min(1, Math.max(0, s));
  }
}
