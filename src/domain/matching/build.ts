import {
  analyzeText,
  type CompiledLexicon,
  compileLexicon,
  sectorOrder,
  type TextAnalysis,
} from './detect.ts';
import type { Profile } from './profile.ts';
import {
  HAS_DOMAIN,
  HAS_PEOPLE,
  HAS_TRADE,
  HAS_WORKERS,
  IS_PEOPLE,
  IS_ROLE,
  MARKET_CONCEPTS,
  SEEKS_MARKET,
  TRADE,
  WORKERS,
} from './weights.ts';

/**
 * Everything the scorer needs, precomputed once: each text's sectors and concepts as flat typed
 * arrays (so scoring 100,000 candidates touches contiguous memory), plus the analyses kept for
 * writing reasons. Profiles keep their order; `p` below is a profile's position.
 */
export interface MatchIndex {
  readonly lexicon: CompiledLexicon;
  readonly profiles: readonly Profile[];
  readonly byId: ReadonlyMap<string, number>;
  /** Per text, offers then needs of each profile in turn. */
  readonly analyses: readonly TextAnalysis[];
  /** Offers of p are texts [offerStart[p], needStart[p]), needs [needStart[p], needEnd[p]). */
  readonly offerStart: Int32Array;
  readonly needStart: Int32Array;
  readonly needEnd: Int32Array;
  /** Sectors of text t are entries [secOff[t], secOff[t+1]) of secIdx/secConf. */
  readonly secOff: Int32Array;
  readonly secIdx: Uint8Array;
  readonly secConf: Float32Array;
  /** Per text: the HAS_* and SEEKS_MARKET flags of weights.ts, used to qualify links. */
  readonly textFlags: Uint8Array;
  /** Per text, its sectors as a bitmask (two 32-bit words): most text pairs share none. */
  readonly textMask: Uint32Array;
  /** Concepts of text t are conIdx[conOff[t] .. conOff[t+1]). */
  readonly conOff: Int32Array;
  /**
   * Per concept, how telling a shared mention of it is in this index: 1 for a concept few
   * profiles name, down to 1 / (1 + RARITY) for one every profile names (see conceptRarity).
   */
  readonly conceptWeight: Float32Array;
  readonly conIdx: Int32Array;
  /** Sectors present anywhere in p (detected or declared), for the weaker shared-sector evidence. */
  readonly presOff: Int32Array;
  readonly presIdx: Uint8Array;
  readonly presConf: Float32Array;
  /**
   * Union of p's offers: each sector once at its highest confidence (uoOff/uoIdx/uoConf) and
   * each concept once (ucOff/ucIdx). Used to bound a pair's score before computing it.
   */
  readonly uoOff: Int32Array;
  readonly uoIdx: Uint8Array;
  readonly uoConf: Float32Array;
  readonly ucOff: Int32Array;
  readonly ucIdx: Int32Array;
  /** Each profile's country as a small integer (index into `countries`), for fast comparisons. */
  readonly countryId: Int32Array;
  readonly countries: readonly string[];
  /** The profiles of each country (by country id), ascending: VN queries scan only JP's list. */
  readonly countryMembers: readonly Int32Array[];
  /** Existing partnerships, both directions: B listing A puts each in the other's set. */
  readonly partnerSets: ReadonlyMap<number, ReadonlySet<number>>;
  /** Sector bitmasks, two 32-bit words per profile: a cheap test that a pair can score at all. */
  readonly offerMask: Uint32Array;
  readonly needMask: Uint32Array;
  readonly presMask: Uint32Array;
}

export interface BuildOptions {
  /** Defaults to the curated lexicon with character n-gram Japanese matching. */
  lexicon?: CompiledLexicon;
}

const setBit = (mask: Uint32Array, p: number, s: number): void => {
  mask[2 * p + (s >> 5)] |= 1 << (s & 31);
};

class Builder {
  secOff = [0];
  secIdx: number[] = [];
  secConf: number[] = [];
  flags: number[] = [];
  masks: number[] = [];
  conOff = [0];
  conIdx: number[] = [];
  presOff = [0];
  presIdx: number[] = [];
  presConf: number[] = [];
  uoOff = [0];
  uoIdx: number[] = [];
  uoConf: number[] = [];
  ucOff = [0];
  ucIdx: number[] = [];

  /** The collected lists as typed arrays, named as in MatchIndex. */
  arrays() {
    return {
      analyses: this.analyses,
      secOff: Int32Array.from(this.secOff),
      secIdx: Uint8Array.from(this.secIdx),
      secConf: Float32Array.from(this.secConf),
      textFlags: Uint8Array.from(this.flags),
      textMask: Uint32Array.from(this.masks),
      conOff: Int32Array.from(this.conOff),
      conIdx: Int32Array.from(this.conIdx),
      presOff: Int32Array.from(this.presOff),
      presIdx: Uint8Array.from(this.presIdx),
      presConf: Float32Array.from(this.presConf),
      uoOff: Int32Array.from(this.uoOff),
      uoIdx: Uint8Array.from(this.uoIdx),
      uoConf: Float32Array.from(this.uoConf),
      ucOff: Int32Array.from(this.ucOff),
      ucIdx: Int32Array.from(this.ucIdx),
    };
  }

  /** Records the union of the texts [from, to) (a profile's offers). */
  addOfferUnion(from: number, to: number): void {
    const sectors = new Map<number, number>();
    const concepts = new Set<number>();
    for (let t = from; t < to; t++) {
      for (let k = this.secOff[t]; k < this.secOff[t + 1]; k++) {
        sectors.set(this.secIdx[k], Math.max(sectors.get(this.secIdx[k]) ?? 0, this.secConf[k]));
      }
      for (let k = this.conOff[t]; k < this.conOff[t + 1]; k++) concepts.add(this.conIdx[k]);
    }
    for (const [s, c] of sectors) {
      this.uoIdx.push(s);
      this.uoConf.push(c);
    }
    this.uoOff.push(this.uoIdx.length);
    this.ucIdx.push(...concepts);
    this.ucOff.push(this.ucIdx.length);
  }
  analyses: TextAnalysis[] = [];

  constructor(private readonly market: ReadonlySet<number>) {}

  addText(a: TextAnalysis, pres: Map<number, number>): number[] {
    const sectors = a.sectors.map((h) => sectorOrder(h.sector));
    a.sectors.forEach((h, k) => {
      this.secIdx.push(sectors[k]);
      this.secConf.push(h.confidence);
      pres.set(sectors[k], Math.max(pres.get(sectors[k]) ?? 0, h.confidence));
    });
    this.secOff.push(this.secIdx.length);
    let flags = 0;
    a.sectors.forEach((h, k) => {
      if (!IS_ROLE[sectors[k]]) flags |= HAS_DOMAIN;
      if (h.confidence >= 0.5 && sectors[k] === WORKERS) flags |= HAS_WORKERS;
      if (h.confidence >= 0.5 && IS_PEOPLE[sectors[k]]) flags |= HAS_PEOPLE;
      if (h.confidence >= 0.5 && sectors[k] === TRADE) flags |= HAS_TRADE;
    });
    if (a.concepts.some((c) => this.market.has(c))) flags |= SEEKS_MARKET;
    this.flags.push(flags);
    const mask = [0, 0];
    for (const s of sectors) mask[s >> 5] |= 1 << (s & 31);
    this.masks.push(mask[0] >>> 0, mask[1] >>> 0);
    this.conIdx.push(...a.concepts);
    this.conOff.push(this.conIdx.length);
    this.analyses.push(a);
    return sectors;
  }
}

const partnerSets = (profiles: readonly Profile[], byId: ReadonlyMap<string, number>) => {
  const sets = new Map<number, Set<number>>();
  profiles.forEach((p, a) => {
    for (const id of p.partners) {
      const b = byId.get(id);
      if (b === undefined) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ]) {
        sets.set(x, (sets.get(x) ?? new Set()).add(y));
      }
    }
  });
  return sets;
};

let compiled: CompiledLexicon | undefined;
/** The curated lexicon, compiled once (it is immutable): an index of two profiles costs no compile. */
const defaultLexicon = (): CompiledLexicon => {
  compiled ??= compileLexicon();
  return compiled;
};

/**
 * Analyses every offer and need once and lays the results out for fast scoring.
 * @example const index = buildIndex(profiles); recommend(index, 'vn-son-la', { top: 5 });
 */
export const buildIndex = (profiles: readonly Profile[], opts: BuildOptions = {}): MatchIndex => {
  const lexicon = opts.lexicon ?? defaultLexicon();
  const n = profiles.length;
  const market = new Set<number>();
  lexicon.concepts.forEach((c, i) => {
    if (MARKET_CONCEPTS.includes(c.id)) market.add(i);
  });
  const b = new Builder(market);
  const layout = {
    offerStart: new Int32Array(n),
    needStart: new Int32Array(n),
    needEnd: new Int32Array(n),
    offerMask: new Uint32Array(2 * n),
    needMask: new Uint32Array(2 * n),
    presMask: new Uint32Array(2 * n),
  };
  for (const [i, p] of profiles.entries()) addProfile(b, layout, lexicon, p, i);
  const byId = new Map(profiles.map((p, i) => [p.id, i]));
  const arrays = b.arrays();
  const countries = [...new Set(profiles.map((p) => p.country))];
  return {
    lexicon,
    profiles,
    byId,
    countries,
    countryId: Int32Array.from(profiles, (p) => countries.indexOf(p.country)),
    countryMembers: countries.map((c) =>
      Int32Array.from(profiles.flatMap((p, i) => (p.country === c ? [i] : []))),
    ),
    partnerSets: partnerSets(profiles, byId),
    ...layout,
    ...arrays,
    conceptWeight: conceptRarity(lexicon.concepts.length, n, layout, arrays.conOff, arrays.conIdx),
  };
};

/** How much a common concept is discounted: one every profile names counts 1 / (1 + RARITY). */
const RARITY = 1;
/** Below this many profiles, frequencies say little: every concept counts fully. */
const RARITY_MIN_PROFILES = 40;

/**
 * A concept shared by two texts is telling when few profiles name it ("shellfish depuration")
 * and less so when most do ("workers" in a set of labour offers): weight 1 / (1 + RARITY · df),
 * df the share of profiles naming it anywhere.
 */
const conceptRarity = (
  concepts: number,
  n: number,
  l: Layout,
  conOff: Int32Array,
  conIdx: Int32Array,
): Float32Array => {
  const weight = new Float32Array(concepts).fill(1);
  if (n < RARITY_MIN_PROFILES) return weight;
  const df = new Int32Array(concepts);
  const seen = new Int32Array(concepts).fill(-1);
  for (let p = 0; p < n; p++) {
    for (let t = l.offerStart[p]; t < l.needEnd[p]; t++) {
      for (let k = conOff[t]; k < conOff[t + 1]; k++) {
        if (seen[conIdx[k]] === p) continue;
        seen[conIdx[k]] = p;
        df[conIdx[k]]++;
      }
    }
  }
  for (let c = 0; c < concepts; c++) weight[c] = 1 / (1 + (RARITY * df[c]) / n);
  return weight;
};

interface Layout {
  offerStart: Int32Array;
  needStart: Int32Array;
  needEnd: Int32Array;
  offerMask: Uint32Array;
  needMask: Uint32Array;
  presMask: Uint32Array;
}

/** Analyses one profile's texts into the builder and records where they lie. */
const addProfile = (b: Builder, l: Layout, lexicon: CompiledLexicon, p: Profile, i: number): void => {
  const pres = new Map<number, number>();
  l.offerStart[i] = b.analyses.length;
  for (const t of p.offers)
    for (const s of b.addText(analyzeText(lexicon, t), pres)) setBit(l.offerMask, i, s);
  l.needStart[i] = b.analyses.length;
  b.addOfferUnion(l.offerStart[i], l.needStart[i]);
  for (const t of p.needs) for (const s of b.addText(analyzeText(lexicon, t), pres)) setBit(l.needMask, i, s);
  l.needEnd[i] = b.analyses.length;
  for (const code of [...p.sectors, ...p.priorities]) pres.set(sectorOrder(code), 1);
  for (const [s, c] of pres) {
    b.presIdx.push(s);
    b.presConf.push(c);
    setBit(l.presMask, i, s);
  }
  b.presOff.push(b.presIdx.length);
};
