import { SECTOR_CODES, type SectorCode } from '../sectors.ts';
import type { CompiledLexicon, SectorHit, TextAnalysis } from './detect.ts';
import { linkStrengthOf, type Query } from './score.ts';
import { IS_ROLE, sectorWeight } from './weights.ts';

/**
 * Why a partner was recommended, in a form a person can check against the two profiles.
 * - `offer-to-need`: the partner's offer `offer` answers this profile's need `need`;
 * - `need-to-offer`: this profile's offer `offer` answers the partner's need `need`;
 * - `shared-sector`: both profiles work in `sector`, without a need meeting an offer there.
 * `from` is the id of the profile whose offer it is; `evidence` the words that linked them,
 * the offer's first; `concepts` the ids of the lexicon concepts both texts name (`conceptLabel`
 * gives each in the reader's language). `basis` says how sure the link is:
 * - `concept`: both texts name the same concept ("xoài" and "マンゴー");
 * - `sector`: each names a concept of the same sector, different ones ("nước thải" / "浄水");
 * - `shared-sector`: only that both profiles work in the sector.
 */
export type Reason =
  | {
      direction: 'offer-to-need' | 'need-to-offer';
      from: string;
      offer: number;
      need: number;
      sector: SectorCode;
      basis: 'concept' | 'sector';
      concepts: string[];
      evidence: string[];
    }
  | { direction: 'shared-sector'; sector: SectorCode; basis: 'shared-sector'; evidence: string[] };

/**
 * Links weaker than this are not worth showing a person: about one specific term on each side
 * of a need and an offer in the same field, at low confidence.
 */
const MIN_LINK = linkStrengthOf(0.24);
const MAX_EVIDENCE = 6;

const triggersOf = (a: TextAnalysis, sector: SectorCode): string[] =>
  a.sectors.find((h) => h.sector === sector)?.triggers ?? [];

/** How much a sector carries a link; roles (workers, trade) yield to fields, sub-sectors win ties. */
const carried = (o: SectorHit, n: SectorHit | undefined): number => {
  if (!n) return 0;
  const s = SECTOR_CODES.indexOf(o.sector);
  return (
    o.confidence * n.confidence * sectorWeight(s) * (IS_ROLE[s] ? 0.5 : 1) +
    (o.sector.includes('.') ? 0.01 : 0)
  );
};

/** The sector carrying most of a link, and the words on both sides (shared concepts first). */
const explainLink = (
  lex: CompiledLexicon,
  offer: TextAnalysis,
  need: TextAnalysis,
): { sector: SectorCode; concepts: string[]; evidence: string[] } => {
  let sector = offer.sectors[0]?.sector ?? SECTOR_CODES[0];
  let best = -1;
  for (const o of offer.sectors) {
    const v = carried(
      o,
      need.sectors.find((h) => h.sector === o.sector),
    );
    if (v > best) [best, sector] = [v, o.sector];
  }
  const words = new Set<string>();
  const concepts: string[] = [];
  offer.concepts.forEach((c, k) => {
    const m = need.concepts.indexOf(c);
    const concept = lex.concepts[c];
    if (m < 0 || concept.weight < 0.5 || !concept.sectors.includes(sector)) return;
    concepts.push(concept.id);
    for (const w of [...offer.conceptTriggers[k], ...need.conceptTriggers[m]]) words.add(w);
  });
  for (const w of [...triggersOf(offer, sector), ...triggersOf(need, sector)]) words.add(w);
  return { sector, concepts, evidence: [...words].slice(0, MAX_EVIDENCE) };
};

const linkReasons = (
  q: Query,
  c: number,
  direction: 'offer-to-need' | 'need-to-offer',
): { strength: number; common: SectorCode[]; reason: Reason }[] => {
  const ix = q.index;
  const [offerer, needer] = direction === 'offer-to-need' ? [c, q.p] : [q.p, c];
  const out: { strength: number; common: SectorCode[]; reason: Reason }[] = [];
  for (let need = 0; need < ix.needEnd[needer] - ix.needStart[needer]; need++) {
    let bestOffer = -1;
    let bestStrength = MIN_LINK;
    for (let offer = 0; offer < ix.needStart[offerer] - ix.offerStart[offerer]; offer++) {
      const s = linkStrength(q, c, direction, offer, need);
      if (s >= bestStrength) [bestOffer, bestStrength] = [offer, s];
    }
    if (bestOffer < 0) continue;
    const offerText = ix.analyses[ix.offerStart[offerer] + bestOffer];
    const needText = ix.analyses[ix.needStart[needer] + need];
    const { sector, concepts, evidence } = explainLink(ix.lexicon, offerText, needText);
    const from = ix.profiles[offerer].id;
    const common = offerText.sectors.filter((o) => needText.sectors.some((n) => n.sector === o.sector));
    const basis = concepts.length > 0 ? 'concept' : 'sector';
    const reason: Reason = { direction, from, offer: bestOffer, need, sector, basis, concepts, evidence };
    out.push({ strength: bestStrength, common: common.map((h) => h.sector), reason });
  }
  return out;
};

const linkStrength = (
  q: Query,
  c: number,
  dir: 'offer-to-need' | 'need-to-offer',
  o: number,
  n: number,
): number => {
  const ix = q.index;
  // Query.link scores a candidate text against a query text, so pick which side is which.
  if (dir === 'offer-to-need') return q.link(ix.offerStart[c] + o, n, q.needVec, q.needConcepts, q.needFirst);
  return q.link(ix.needStart[c] + n, o, q.offerVec, q.offerConcepts, q.offerFirst);
};

const sharedReasons = (q: Query, c: number, linked: Set<SectorCode>): Reason[] => {
  const ix = q.index;
  const out: { v: number; reason: Reason }[] = [];
  for (let k = ix.presOff[c]; k < ix.presOff[c + 1]; k++) {
    const s = ix.presIdx[k];
    const sector = SECTOR_CODES[s];
    const v = q.presVec[s] * ix.presConf[k];
    if (v <= 0 || linked.has(sector)) continue;
    const words = new Set<string>();
    for (const p of [q.p, c]) {
      for (let t = ix.offerStart[p]; t < ix.needEnd[p]; t++)
        for (const w of triggersOf(ix.analyses[t], sector)) words.add(w);
    }
    out.push({
      v,
      reason: {
        direction: 'shared-sector',
        sector,
        basis: 'shared-sector',
        evidence: [...words].slice(0, MAX_EVIDENCE),
      },
    });
  }
  return out.sort((a, b) => b.v - a.v).map((r) => r.reason);
};

/** The reasons for recommending candidate c to the query's profile, strongest first. */
export const explainPair = (q: Query, c: number, maxShared = 2): Reason[] => {
  const links = [...linkReasons(q, c, 'offer-to-need'), ...linkReasons(q, c, 'need-to-offer')].sort(
    (a, b) => b.strength - a.strength,
  );
  const linked = new Set(links.flatMap((l) => l.common));
  return [...links.map((l) => l.reason), ...sharedReasons(q, c, linked).slice(0, maxShared)];
};
