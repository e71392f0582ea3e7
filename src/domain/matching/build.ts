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
  /** Concepts of text t are conIdx[conOff[t] .. conOff[t+1]). */
  readonly conOff: Int32Array;
  readonly conIdx: Int32Array;
  /** Sectors present anywhere in p (detected or declared), for the weaker shared-sector evidence. */
  readonly presOff: Int32Array;
  readonly presIdx: Uint8Array;
  readonly presConf: Float32Array;
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
  conOff = [0];
  conIdx: number[] = [];
  presOff = [0];
  presIdx: number[] = [];
  presConf: number[] = [];
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
    this.conIdx.push(...a.concepts);
    this.conOff.push(this.conIdx.length);
    this.analyses.push(a);
    return sectors;
  }
}

/**
 * Analyses every offer and need once and lays the results out for fast scoring.
 * @example const index = buildIndex(profiles); recommend(index, 'vn-son-la', { top: 5 });
 */
export const buildIndex = (profiles: readonly Profile[], opts: BuildOptions = {}): MatchIndex => {
  const lexicon = opts.lexicon ?? compileLexicon();
  const n = profiles.length;
  const market = new Set<number>();
  lexicon.concepts.forEach((c, i) => MARKET_CONCEPTS.includes(c.id) && market.add(i));
  const b = new Builder(market);
  const offerStart = new Int32Array(n);
  const needStart = new Int32Array(n);
  const needEnd = new Int32Array(n);
  const [offerMask, needMask, presMask] = [0, 1, 2].map(() => new Uint32Array(2 * n));
  const byId = new Map<string, number>();
  profiles.forEach((p, i) => {
    byId.set(p.id, i);
    const pres = new Map<number, number>();
    offerStart[i] = b.analyses.length;
    for (const t of p.offers)
      for (const s of b.addText(analyzeText(lexicon, t), pres)) setBit(offerMask, i, s);
    needStart[i] = b.analyses.length;
    for (const t of p.needs) for (const s of b.addText(analyzeText(lexicon, t), pres)) setBit(needMask, i, s);
    needEnd[i] = b.analyses.length;
    for (const code of [...p.sectors, ...p.priorities]) pres.set(sectorOrder(code), 1);
    for (const [s, c] of pres) {
      b.presIdx.push(s);
      b.presConf.push(c);
      setBit(presMask, i, s);
    }
    b.presOff.push(b.presIdx.length);
  });
  return {
    lexicon,
    profiles,
    byId,
    analyses: b.analyses,
    offerStart,
    needStart,
    needEnd,
    secOff: Int32Array.from(b.secOff),
    secIdx: Uint8Array.from(b.secIdx),
    secConf: Float32Array.from(b.secConf),
    textFlags: Uint8Array.from(b.flags),
    conOff: Int32Array.from(b.conOff),
    conIdx: Int32Array.from(b.conIdx),
    presOff: Int32Array.from(b.presOff),
    presIdx: Uint8Array.from(b.presIdx),
    presConf: Float32Array.from(b.presConf),
    offerMask,
    needMask,
    presMask,
  };
};
