import { type BuildOptions, buildIndex, type MatchIndex } from './build.ts';
import { MATCHES_FORMAT, type Profile } from './profile.ts';
import { explainPair, type Reason } from './reasons.ts';
import { Query } from './score.ts';

export interface RecommendOptions {
  /** How many partners at most (default 5). */
  top?: number;
  /** Recommend profiles already listed as partners, in either direction (default false). */
  includePartners?: boolean;
  /** Only candidates working in at least one of these sectors (detected or declared). */
  sectors?: readonly string[];
  /** Only candidates from this country (still never the profile's own country). */
  country?: string;
  /** Candidates scoring below this are not recommended (default: anything above 0). */
  minScore?: number;
}

export interface Recommendation {
  id: string;
  /** In [0, 1], comparable across profiles. */
  score: number;
  reasons: Reason[];
}

export interface MatchesDocument {
  format: typeof MATCHES_FORMAT;
  matches: { profile: string; partners: Recommendation[] }[];
}

/**
 * Vietnam and Japan look to each other; any other country may look anywhere but home.
 * @example isCandidateCountry('VN', 'JP') // true
 */
export const isCandidateCountry = (own: string, other: string): boolean => {
  if (own === other) return false;
  if (own === 'VN') return other === 'JP';
  if (own === 'JP') return other === 'VN';
  return true;
};

/** Who may be recommended to whom: countries, filters and existing partners. */
class Eligibility {
  private readonly vn: number;
  private readonly jp: number;
  private readonly inSectors: (c: number) => boolean;

  constructor(
    private readonly index: MatchIndex,
    private readonly opts: RecommendOptions,
  ) {
    this.vn = index.countries.indexOf('VN');
    this.jp = index.countries.indexOf('JP');
    this.inSectors = sectorFilter(index, opts.sectors);
  }

  /** The country ids p's candidates may come from. */
  countriesFor(p: number): number[] {
    const own = this.index.countryId[p];
    if (own === this.vn) return this.jp >= 0 ? [this.jp] : [];
    if (own === this.jp) return this.vn >= 0 ? [this.vn] : [];
    return this.index.countries.map((_, i) => i).filter((i) => i !== own);
  }

  /** The profiles worth scanning for p, ascending: only the other country's for VN and JP. */
  scan(p: number): ArrayLike<number> | number {
    const own = this.index.countryId[p];
    if (own === this.vn && this.jp >= 0) return this.index.countryMembers[this.jp];
    if (own === this.jp && this.vn >= 0) return this.index.countryMembers[this.vn];
    if (own === this.vn || own === this.jp) return [];
    return this.index.profiles.length;
  }

  /** May candidate c be recommended to profile p? The same rule as isCandidateCountry, on ids. */
  allows(p: number, c: number): boolean {
    const own = this.index.countryId[p];
    const other = this.index.countryId[c];
    if (own === other) return false;
    if ((own === this.vn && other !== this.jp) || (own === this.jp && other !== this.vn)) return false;
    if (this.opts.country && this.index.profiles[c].country !== this.opts.country) return false;
    if (!this.opts.includePartners && this.index.partnerSets.get(p)?.has(c)) return false;
    return this.inSectors(c);
  }
}

const sectorFilter = (
  index: MatchIndex,
  sectors: readonly string[] | undefined,
): ((c: number) => boolean) => {
  if (!sectors || sectors.length === 0) return () => true;
  const wanted = new Set(sectors);
  return (c) => {
    const p = index.profiles[c];
    if (p.sectors.some((s) => wanted.has(s)) || p.priorities.some((s) => wanted.has(s))) return true;
    for (let t = index.offerStart[c]; t < index.needEnd[c]; t++) {
      if (index.analyses[t].sectors.some((h) => wanted.has(h.sector))) return true;
    }
    return false;
  };
};

/** Keeps the k best (score, position) pairs seen, best first; ties go to the earlier profile. */
const pushTop = (top: { c: number; s: number }[], k: number, c: number, s: number): void => {
  if (top.length === k && s <= top[k - 1].s) return;
  let i = top.length < k ? top.length : k - 1;
  top[i] = { c, s };
  while (i > 0 && top[i - 1].s < s) {
    [top[i - 1], top[i]] = [top[i], top[i - 1]];
    i--;
  }
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

const topK = (opts: RecommendOptions): number => Math.max(0, Math.floor(opts.top ?? 5));

/** The score a candidate must beat to enter a full top list (or the minimum score). */
const floorOf = (top: { s: number }[], k: number, minScore: number): number =>
  top.length === k ? Math.max(top[k - 1].s, minScore) : minScore;

const present = (q: Query, top: { c: number; s: number }[]): Recommendation[] =>
  top.map(({ c, s }) => ({ id: q.index.profiles[c].id, score: round(s), reasons: explainPair(q, c) }));

/**
 * Best partners for one profile of the index, with their reasons.
 * @example recommend(buildIndex(profiles), 'vn-quang-ninh', { top: 5 })
 * // [{ id: 'jp-shiga', score: 0.82, reasons: [{ direction: 'offer-to-need', ... }] }]
 */
export const recommend = (
  index: MatchIndex,
  profileId: string,
  opts: RecommendOptions = {},
): Recommendation[] => {
  const p = index.byId.get(profileId);
  if (p === undefined) throw new RangeError(`unknown profile id "${profileId}"`);
  const k = topK(opts);
  if (k === 0) return [];
  const eligible = new Eligibility(index, opts);
  return present(new Query(index, p), bestFor(index, p, k, eligible, opts.minScore ?? 0));
};

/** The k best candidates for profile p, best first; ties go to the earlier profile. */
const bestFor = (index: MatchIndex, p: number, k: number, eligible: Eligibility, minScore: number) => {
  const q = new Query(index, p);
  q.prepareBounds(eligible.countriesFor(p));
  const top: { c: number; s: number }[] = [];
  const scan = eligible.scan(p);
  const count = typeof scan === 'number' ? scan : scan.length;
  for (let i = 0; i < count; i++) {
    const c = typeof scan === 'number' ? i : scan[i];
    if (!eligible.allows(p, c)) continue;
    const floor = floorOf(top, k, minScore);
    const s = q.score(c, floor);
    if (s > floor) pushTop(top, k, c, s);
  }
  return top;
};

/**
 * Recommendations for every profile, in input order: the `kizuna.matches/1` document; each
 * profile's list is exactly what `recommend` gives for it.
 * @example matchAll(profiles, { top: 5 }).matches[0].partners
 */
export const matchAll = (
  profiles: readonly Profile[] | MatchIndex,
  opts: RecommendOptions & BuildOptions = {},
): MatchesDocument => {
  const index = 'byId' in profiles ? profiles : buildIndex(profiles, opts);
  const k = topK(opts);
  const eligible = new Eligibility(index, opts);
  const tops = index.profiles.map((_, p) =>
    k > 0 ? bestFor(index, p, k, eligible, opts.minScore ?? 0) : [],
  );
  return {
    format: MATCHES_FORMAT,
    matches: index.profiles.map((p, i) => ({
      profile: p.id,
      partners: present(new Query(index, i), tops[i]),
    })),
  };
};
