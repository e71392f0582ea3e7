import { LEXICON } from '../../src/domain/matching/index.ts';
import type { Profile } from '../../src/domain/matching/profile.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same profiles on every machine. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const TEMPLATES = {
  vi: [
    'Cần {a} và {b} cho địa phương',
    'Tỉnh có thế mạnh về {a}, đặc biệt là {b}',
    'Hợp tác {a}; kinh nghiệm {b}',
  ],
  ja: ['{a}と{b}に関する協力', '県内の{a}および{b}の取り組み', '{a}の確保、{b}のノウハウ'],
  en: ['Looking for {a} and {b}', 'Strong in {a}, with {b} experience', 'Partners for {a}; know-how in {b}'],
} as const;

type Lang = keyof typeof TEMPLATES;

/**
 * Synthetic profiles for speed measurements: texts built from lexicon terms in templates of
 * each language, so that detection and scoring do realistic work. Not for quality figures.
 */
export const generateProfiles = (count: number, seed = 42): Profile[] => {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const text = (lang: Lang): string => {
    const term = () => {
      const c = pick(LEXICON);
      return c[lang].length > 0 ? pick(c[lang]) : pick(c.en);
    };
    return pick(TEMPLATES[lang]).replace('{a}', term()).replace('{b}', term());
  };
  const texts = (lang: Lang) => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => text(lang));
  return Array.from({ length: count }, (_, i) => {
    const country = rnd() < 0.5 ? 'VN' : 'JP';
    const lang: Lang = rnd() < 0.3 ? 'en' : country === 'VN' ? 'vi' : 'ja';
    const partners = rnd() < 0.05 ? [`g${Math.floor(rnd() * count)}`] : [];
    return {
      id: `g${i}`,
      country,
      kind: 'locality' as const,
      name: `generated ${i}`,
      offers: texts(lang),
      needs: texts(lang),
      sectors: [],
      priorities: [],
      partners,
    };
  });
};
