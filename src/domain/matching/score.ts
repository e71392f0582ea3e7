import { type Bounds, computeBounds } from './bounds.ts';
import type { MatchIndex } from './build.ts';
import { sectorOrder } from './detect.ts';
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
const CONCEPT_BONUS = 1.5;
/**
 * A field shared through different concepts ("die casting" / "stamping": both manufacturing)
 * counts this much: the same concept on both sides is the stronger evidence.
 */
const SECTOR_LINK = 0.5;
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
const LINK_K = 0.5;
/** Weights of the best three links in one direction. */
const TOP_LINKS = [0.8, 0.15, 0.05];
/** The final score: the stronger direction, the weaker one, shared sectors. Sum is 1. */
export const SCORE_WEIGHTS = { strong: 0.65, weak: 0.2, shared: 0.15 } as const;

const bonuses = new WeakMap<MatchIndex, Float64Array>();

/** Per concept, the evidence a shared mention adds in this index (computed once per index). */
const conceptBonus = (index: MatchIndex): Float64Array => {
  let b = bonuses.get(index);
  if (!b) {
    // Weak concepts are too common to count as shared evidence.
    b = Float64Array.from(index.lexicon.concepts, (c, i) =>
      c.weight >= 0.5 ? CONCEPT_BONUS * c.weight * index.conceptWeight[i] : 0,
    );
    bonuses.set(index, b);
  }
  return b;
};

const roleOnlies = new WeakMap<MatchIndex, Uint8Array>();

/** Per concept, whether every sector it belongs to is a role (computed once per index). */
const roleOnlyConcepts = (index: MatchIndex): Uint8Array => {
  let r = roleOnlies.get(index);
  if (!r) {
    r = Uint8Array.from(index.lexicon.concepts, (c) =>
      c.sectors.length > 0 && c.sectors.every((s) => IS_ROLE[sectorOrder(s)]) ? 1 : 0,
    );
    roleOnlies.set(index, r);
  }
  return r;
};

/** One profile prepared as a query: dense sector vectors per text, reusable scratch space. */
export class Query {
  readonly needVec: Float64Array;
  readonly offerVec: Float64Array;
  readonly presVec = new Float64Array(SECTOR_COUNT);
  /** Per sector, the best weighted confidence among the query's offers: for bounds. */
  readonly offerMax = new Float64Array(SECTOR_COUNT);
  /** Per concept, a bitmask of the query's needs (resp. offers) mentioning it (first 31 texts). */
  readonly needConcepts: Int32Array;
  readonly offerConcepts: Int32Array;
  readonly nNeeds: number;
  readonly nOffers: number;
  /** Text index of the query's first need and first offer. */
  readonly needFirst: number;
  readonly offerFirst: number;
  readonly bonus: Float64Array;
  /** Per concept, 1 when all its sectors are roles (workers, training, trade …). */
  readonly roleOnly: Uint8Array;
  private bounds: Bounds | undefined;

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
    for (let j = 0; j < this.nOffers; j++) {
      for (let s = 0; s < SECTOR_COUNT; s++) {
        this.offerMax[s] = Math.max(this.offerMax[s], this.offerVec[j * SECTOR_COUNT + s]);
      }
    }
    this.bonus = conceptBonus(index);
    this.roleOnly = roleOnlyConcepts(index);
  }

  private dense(first: number, count: number): Float64Array {
    const { secOff, secIdx, secConf } = this.index;
    const v = new Float64Array(count * SECTOR_COUNT);
    for (let j = 0; j < count; j++) {
      for (let k = secOff[first + j]; k < secOff[first + j + 1]; k++) {
        const s = secIdx[k];
        // The field factor is applied here, once, so that the bounds (which read these
        // vectors) are as tight as the scores.
        v[j * SECTOR_COUNT + s] = secConf[k] * sectorWeight(s) * (IS_ROLE[s] ? 1 : SECTOR_LINK);
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

  /** Strength in [0, 1) of the link between text t (of the candidate) and the query's text j. */
  link(t: number, j: number, vec: Float64Array, concepts: Int32Array, first: number): number {
    return squash(this.evidence(t, j, vec, concepts, first));
  }

  /** The summed evidence linking text t and the query's text j, before squashing; 0 for none. */
  evidence(t: number, j: number, vec: Float64Array, concepts: Int32Array, first: number): number {
    const { secOff, secIdx, secConf, conOff, conIdx, textFlags, textMask } = this.index;
    const u = first + j;
    // Most text pairs share no sector at all; two ANDs settle them.
    if (((textMask[2 * t] & textMask[2 * u]) | (textMask[2 * t + 1] & textMask[2 * u + 1])) === 0) return 0;
    let field = 0;
    let role = 0;
    const base = j * SECTOR_COUNT;
    for (let k = secOff[t]; k < secOff[t + 1]; k++) {
      const v = vec[base + secIdx[k]] * secConf[k];
      if (IS_ROLE[secIdx[k]]) role += v;
      else field += v;
    }
    const ft = textFlags[t];
    const fj = textFlags[u];
    if (field === 0) role *= ft & fj & HAS_DOMAIN ? ROLE_ONLY : ROLE_UNSPECIFIED;
    const bit = j < 31 ? 1 << j : 0;
    // Shared concepts count with the field: "fruit" shared by a need for orchard workers and
    // an offer of fruit is not an answer, whatever the word. A concept of roles only
    // ("training", "workers") counts with the roles: hotel staff training and training for
    // clinical engineers share a role, not a field.
    let roleConcepts = 0;
    for (let k = conOff[t]; k < conOff[t + 1]; k++)
      if (concepts[conIdx[k]] & bit) {
        if (this.roleOnly[conIdx[k]]) roleConcepts += this.bonus[conIdx[k]];
        else field += this.bonus[conIdx[k]];
      }
    if (roleConcepts > 0)
      role += field === 0 && ft & fj & HAS_DOMAIN ? roleConcepts * ROLE_ONLY : roleConcepts;
    // Which of the two texts is the need: the query's (vec is its need vector) or the candidate's.
    const [need, offer] = vec === this.needVec ? [fj, ft] : [ft, fj];
    if (need & HAS_WORKERS && !(offer & HAS_PEOPLE)) field *= WORKERS_MISMATCH;
    if (need & SEEKS_MARKET && !(offer & HAS_TRADE)) field *= MARKET_MISMATCH;
    return field + role;
  }

  /**
   * How well the candidate's offers answer the query's needs: the best offer for each need,
   * then the best three needs weighted 0.8/0.15/0.05. Needs are what is counted, on both sides.
   * The squash is monotone, so it is applied once per need, to the best evidence.
   */
  toQuery(c: number): number {
    const ix = this.index;
    let a = 0;
    let b = 0;
    let d = 0;
    for (let j = 0; j < this.nNeeds; j++) {
      let x = 0;
      for (let t = ix.offerStart[c]; t < ix.needStart[c]; t++) {
        const e = this.evidence(t, j, this.needVec, this.needConcepts, this.needFirst);
        if (e > x) x = e;
      }
      if (x > a) {
        d = b;
        b = a;
        a = x;
      } else if (x > b) {
        d = b;
        b = x;
      } else if (x > d) d = x;
    }
    return TOP_LINKS[0] * squash(a) + TOP_LINKS[1] * squash(b) + TOP_LINKS[2] * squash(d);
  }

  /** How well the query's offers answer the candidate's needs; the mirror of toQuery. */
  fromQuery(c: number): number {
    const ix = this.index;
    let a = 0;
    let b = 0;
    let d = 0;
    for (let t = ix.needStart[c]; t < ix.needEnd[c]; t++) {
      let x = 0;
      for (let j = 0; j < this.nOffers; j++) {
        const e = this.evidence(t, j, this.offerVec, this.offerConcepts, this.offerFirst);
        if (e > x) x = e;
      }
      if (x > a) {
        d = b;
        b = a;
        a = x;
      } else if (x > b) {
        d = b;
        b = x;
      } else if (x > d) d = x;
    }
    return TOP_LINKS[0] * squash(a) + TOP_LINKS[1] * squash(b) + TOP_LINKS[2] * squash(d);
  }

  /** Shared sectors, the weaker evidence: in [0, 1). */
  shared(c: number): number {
    const { presOff, presIdx, presConf } = this.index;
    let x = 0;
    for (let k = presOff[c]; k < presOff[c + 1]; k++) x += this.presVec[presIdx[k]] * presConf[k];
    return 1 - Math.exp(-0.8 * x);
  }

  /**
   * Bounds every candidate at once (see bounds.ts), so that score() can skip, for the cost of
   * a few array reads, candidates that cannot beat the current top list.
   */
  prepareBounds(countries: readonly number[] = this.index.countries.map((_, i) => i)): void {
    this.bounds = computeBounds(this, countries);
  }

  /** Upper bound of fromQuery(c): each candidate need against the best of the query's offers. */
  private fromQueryBound(c: number): number {
    const { needStart, needEnd, secOff, secIdx, secConf, conOff, conIdx } = this.index;
    let a = 0;
    let b = 0;
    let d = 0;
    for (let t = needStart[c]; t < needEnd[c]; t++) {
      let x = 0;
      for (let k = secOff[t]; k < secOff[t + 1]; k++) x += this.offerMax[secIdx[k]] * secConf[k];
      for (let k = conOff[t]; k < conOff[t + 1]; k++)
        if (this.offerConcepts[conIdx[k]]) x += this.bonus[conIdx[k]];
      if (x > a) {
        d = b;
        b = a;
        a = x;
      } else if (x > b) {
        d = b;
        b = x;
      } else if (x > d) d = x;
    }
    return TOP_LINKS[0] * squashUp(a) + TOP_LINKS[1] * squashUp(b) + TOP_LINKS[2] * squashUp(d);
  }

  /**
   * The pair score in [0, 1], symmetric in the two profiles; 0 when nothing links them. When
   * `floor` is given, a candidate that provably cannot beat it is not scored (returns 0): the
   * directions are bounded by 1, and by 0 when the sector masks say no need meets an offer.
   */
  score(c: number, floor = -1): number {
    const ix = this.index;
    const p = this.p;
    const to =
      (ix.offerMask[2 * c] & ix.needMask[2 * p]) | (ix.offerMask[2 * c + 1] & ix.needMask[2 * p + 1]);
    const from =
      (ix.needMask[2 * c] & ix.offerMask[2 * p]) | (ix.needMask[2 * c + 1] & ix.offerMask[2 * p + 1]);
    const mp = (ix.presMask[2 * c] & ix.presMask[2 * p]) | (ix.presMask[2 * c + 1] & ix.presMask[2 * p + 1]);
    if ((to | from | mp) === 0) return 0;
    const { strong, weak } = SCORE_WEIGHTS;
    let shared = -1;
    if (this.bounds) {
      // Cheapest first: the bound of toQuery is ready; fromQuery and the shared part are at most 1.
      const ua = to ? weigh(this.bounds.to, c * this.nNeeds, (c + 1) * this.nNeeds) : 0;
      const fromMax = from ? 1 : 0;
      const optimistic = SCORE_WEIGHTS.shared + strong * Math.max(ua, fromMax) + weak * Math.min(ua, fromMax);
      if (optimistic <= floor + 1e-9) return 0;
      const ub = from ? this.fromQueryBound(c) : 0;
      const links = strong * Math.max(ua, ub) + weak * Math.min(ua, ub);
      if (SCORE_WEIGHTS.shared + links <= floor + 1e-9) return 0;
      shared = SCORE_WEIGHTS.shared * this.shared(c);
      if (shared + links <= floor + 1e-9) return 0;
    }
    if (shared < 0) shared = SCORE_WEIGHTS.shared * this.shared(c);
    const a = to ? this.toQuery(c) : 0;
    const b = from ? this.fromQuery(c) : 0;
    return Math.min(1, shared + strong * Math.max(a, b) + weak * Math.min(a, b));
  }
}

/**
 * An upper bound of squash(x) without Math.exp: squash is increasing, so its value at the next
 * grid point above x (steps of 1/32) bounds it from above.
 */
const GRID = 32;
const SQUASH_UP = Float64Array.from({ length: 8 * GRID + 1 }, (_, i) => 1 - Math.exp((-LINK_K * i) / GRID));
const squashUp = (x: number): number => (x >= 8 ? 1 : SQUASH_UP[Math.ceil(x * GRID)]);

/** An upper bound of the top-three weighting of squashed values xs[from, to), as in toQuery. */
const weigh = (xs: Float64Array, from: number, to: number): number => {
  let a = 0;
  let b = 0;
  let d = 0;
  for (let i = from; i < to; i++) {
    const x = xs[i];
    if (x > a) {
      d = b;
      b = a;
      a = x;
    } else if (x > b) {
      d = b;
      b = x;
    } else if (x > d) d = x;
  }
  return TOP_LINKS[0] * squashUp(a) + TOP_LINKS[1] * squashUp(b) + TOP_LINKS[2] * squashUp(d);
};

const squash = (x: number): number => (x > 0 ? 1 - Math.exp(-LINK_K * x) : 0);

/** The link strength that summed evidence x gives (for thresholds elsewhere). */
export const linkStrengthOf = squash;
