import { detectLanguage } from '../../src/domain/text/index.ts';

/** For each profile id, the ids a person judged good partners. */
export type Truth = Record<string, string[]>;
/** For each profile id, the recommended ids, best first. */
export type Ranking = Record<string, string[]>;

export interface Figures {
  profiles: number;
  recallAt5: number;
  mrr: number;
}

/** The language most of a profile's texts are written in. */
export const profileLanguage = (texts: readonly string[]): 'vi' | 'ja' | 'en' => {
  const count = { vi: 0, ja: 0, en: 0 };
  for (const t of texts) count[detectLanguage(t)]++;
  return (['vi', 'ja', 'en'] as const).reduce((a, b) => (count[b] > count[a] ? b : a));
};

/**
 * recall@5 (share of true partners in the top 5, averaged over profiles with any) and MRR
 * (reciprocal rank of the first true partner, 0 when none is ranked). `keep` restricts which
 * (profile, partner) pairs count, e.g. only cross-language ones.
 */
export const evaluate = (
  ranking: Ranking,
  truth: Truth,
  keep: (profile: string, partner: string) => boolean = () => true,
): Figures => {
  let n = 0;
  let recall = 0;
  let rr = 0;
  for (const [id, partners] of Object.entries(truth)) {
    const wanted = new Set(partners.filter((p) => keep(id, p)));
    if (wanted.size === 0) continue;
    const ranked = ranking[id] ?? [];
    n++;
    recall += ranked.slice(0, 5).filter((r) => wanted.has(r)).length / wanted.size;
    const first = ranked.findIndex((r) => wanted.has(r));
    rr += first >= 0 ? 1 / (first + 1) : 0;
  }
  return { profiles: n, recallAt5: n ? recall / n : 0, mrr: n ? rr / n : 0 };
};
