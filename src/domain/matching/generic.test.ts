import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../features/shared/csv.ts';
import { buildIndex } from './build.ts';
import { analyzeText, compileLexicon } from './detect.ts';
import { recommend } from './engine.ts';
import { LEXICON } from './lexicon/index.ts';
import type { Profile } from './profile.ts';
import type { Reason } from './reasons.ts';
import { buildProfile } from './testing.ts';

/** Words of every field, in the three languages: none may ever be the only link of a reason. */
const GENERIC_WORDS = {
  vi: [
    'công nghiệp',
    'ngành',
    'công nghệ',
    'kỹ thuật',
    'hợp tác',
    'phát triển',
    'hỗ trợ',
    'sản xuất',
    'doanh nghiệp',
    'dịch vụ',
    'giải pháp',
    'dự án',
    'chất lượng',
    'quản lý',
    'hệ thống',
    'địa phương',
    'quốc tế',
    'kinh nghiệm',
    'sản phẩm',
  ],
  ja: [
    '産業',
    '工業',
    '技術',
    '協力',
    '連携',
    '開発',
    '発展',
    '支援',
    '生産',
    '企業',
    '事業',
    'サービス',
    'ソリューション',
    '品質',
    '管理',
    'システム',
    '地域',
    '国際',
    '海外',
    'ノウハウ',
    '製品',
  ],
  en: [
    'industry',
    'industrial',
    'technology',
    'cooperation',
    'development',
    'support',
    'production',
    'business',
    'company',
    'services',
    'solutions',
    'project',
    'quality',
    'management',
    'system',
    'local',
    'international',
    'experience',
    'products',
  ],
};
const ALL_GENERIC = [...GENERIC_WORDS.vi, ...GENERIC_WORDS.ja, ...GENERIC_WORDS.en];

const lex = compileLexicon();
const isGeneric = (word: string) => analyzeText(lex, word).sectors.length === 0;
const links = (reasons: Reason[]) => reasons.filter((r) => r.direction !== 'shared-sector');

/** The reference data's starting profiles (data/seed/profiles.csv), as matcher profiles. */
const seedProfiles = (): Profile[] => {
  const [header, ...rows] = parseCsv(readFileSync('data/seed/profiles.csv', 'utf8'));
  const col = (name: string) => header.fields.indexOf(name);
  const list = (s: string) =>
    s
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean);
  return rows.map(({ fields }) =>
    buildProfile({
      id: fields[col('code')],
      country: fields[col('code')].slice(0, 2),
      offers: list(fields[col('offers')]),
      needs: list(fields[col('needs')]),
    }),
  );
};

describe('generic words', () => {
  it.each(ALL_GENERIC)('"%s" is recognised but names no sector', (word) => {
    const a = analyzeText(lex, word);
    expect(a.sectors).toEqual([]);
    expect(a.concepts).toEqual([]);
    expect(a.generic).toEqual([word]);
  });

  it('are never the only link between a need and an offer', () => {
    // Specific terms of fields with no sector in common, each glued to generic words.
    const specific = LEXICON.filter((c) => !c.generic && c.en.length > 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...specific),
        fc.constantFrom(...specific),
        fc.subarray(ALL_GENERIC, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('vi', 'ja', 'en'),
        (a, b, generic, lang: 'vi' | 'ja' | 'en') => {
          const ta = analyzeText(lex, a[lang][0] ?? a.en[0]).sectors.map((h) => h.sector);
          const tb = analyzeText(lex, b[lang][0] ?? b.en[0]).sectors.map((h) => h.sector);
          fc.pre(ta.length > 0 && tb.length > 0 && !ta.some((s) => tb.includes(s)));
          // Separated by commas: two generic words side by side may form a specific term
          // ("công nghiệp hỗ trợ", supporting industry), which is then rightly a link.
          const need = buildProfile({ id: 'need', needs: [[a[lang][0] ?? a.en[0], ...generic].join(', ')] });
          const offer = buildProfile({
            id: 'offer',
            country: 'JP',
            offers: [[...generic, b[lang][0] ?? b.en[0]].join('、')],
          });
          const recs = recommend(buildIndex([need, offer]), 'need');
          expect(recs.flatMap((r) => links(r.reasons))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never make up a reason on their own in the reference data', () => {
    const profiles = seedProfiles();
    expect(profiles.length).toBeGreaterThan(50);
    const index = buildIndex(profiles);
    let reasons = 0;
    for (const p of profiles) {
      for (const rec of recommend(index, p.id, { top: 10 })) {
        for (const r of rec.reasons) {
          reasons++;
          expect(
            r.evidence.filter((w) => !isGeneric(w)),
            `${p.id} → ${rec.id}: ${r.evidence}`,
          ).not.toEqual([]);
        }
      }
    }
    expect(reasons).toBeGreaterThan(100);
  });

  it("link Hà Tĩnh's wastewater need to Shiga's water treatment, not to its manufacturing", () => {
    const profiles = seedProfiles();
    const recs = recommend(buildIndex(profiles), 'VN-HA-TINH', { top: 20 });
    const shiga = recs.find((r) => r.id === 'JP-25');
    expect(shiga).toBeDefined();
    const need0 = links(shiga?.reasons ?? []).filter((r) => r.direction === 'offer-to-need' && r.need === 0);
    expect(need0).toEqual([
      expect.objectContaining({
        from: 'JP-25',
        offer: 0,
        sector: 'environment.water',
        basis: 'concept',
        concepts: ['wastewater'],
      }),
    ]);
    expect(need0[0].evidence).toEqual(expect.arrayContaining(['水処理', 'xử lý nước thải']));
    expect(need0[0].evidence).not.toContain('công nghiệp');
  });
});
