import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from './build.ts';
import { analyzeText, compileLexicon } from './detect.ts';
import { matchAll, recommend } from './engine.ts';
import { LEXICON } from './lexicon/index.ts';
import { buildProfile } from './testing.ts';

const lex = compileLexicon();
const terms = LEXICON.flatMap((c) => [...c.vi, ...c.ja, ...c.en]);

/** Realistic-looking texts: lexicon terms glued with filler, emoji and other scripts. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...terms),
      fc.constantFrom('🎉', '👩🏽‍⚕️', ' và ', 'の', ' and ', '한국어', 'Ελληνικά', '\u0301', '\ud800', '\n'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

const profile = fc.record({
  country: fc.constantFrom('VN', 'JP', 'KR', 'TH'),
  offers: fc.array(text, { maxLength: 3 }),
  needs: fc.array(text, { maxLength: 3 }),
  partnerPicks: fc.array(fc.nat(9), { maxLength: 2 }),
});

const profiles = fc.array(profile, { minLength: 2, maxLength: 10 }).map((ps) =>
  ps.map((p, i) =>
    buildProfile({
      id: `p${i}`,
      country: p.country,
      offers: p.offers,
      needs: p.needs.length + p.offers.length === 0 ? ['x'] : p.needs,
      partners: p.partnerPicks.map((k) => `p${k}`),
    }),
  ),
);

describe('matching invariants', () => {
  it('scores are in [0, 1], sorted, never same-country, never existing partners', () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 1, max: 6 }), (ps, top) => {
        const doc = matchAll(ps, { top });
        const byId = new Map(ps.map((p) => [p.id, p]));
        for (const m of doc.matches) {
          const me = byId.get(m.profile)!;
          expect(m.partners.length).toBeLessThanOrEqual(top);
          m.partners.forEach((r, k) => {
            const other = byId.get(r.id)!;
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(1);
            if (k > 0) expect(r.score).toBeLessThanOrEqual(m.partners[k - 1].score);
            expect(other.country).not.toBe(me.country);
            if (me.country === 'VN') expect(other.country).toBe('JP');
            if (me.country === 'JP') expect(other.country).toBe('VN');
            expect(me.partners.includes(r.id) || other.partners.includes(me.id)).toBe(false);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('includes partners only when asked, and then never loses a candidate', () => {
    fc.assert(
      fc.property(profiles, (ps) => {
        const index = buildIndex(ps);
        for (const p of ps) {
          const without = recommend(index, p.id, { top: 20 }).map((r) => r.id);
          const withP = recommend(index, p.id, { top: 20, includePartners: true }).map((r) => r.id);
          for (const id of without) expect(withP).toContain(id);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on junk: emoji, mixed scripts, lone surrogates, 100 KB texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const a = analyzeText(lex, s);
        for (const h of a.sectors) expect(h.confidence).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
    const huge = `${'介護人材 xử lý nước thải 🎉 wastewater '.repeat(3000)}`.slice(0, 100_000);
    const ps = [
      buildProfile({ id: 'a', offers: [huge], needs: [huge] }),
      buildProfile({ id: 'b', country: 'JP', offers: [huge.toUpperCase()], needs: ['介護'] }),
    ];
    const [rec] = recommend(buildIndex(ps), 'a');
    expect(rec.score).toBeLessThanOrEqual(1);
    expect(rec.reasons[0].evidence.length).toBeLessThanOrEqual(6);
  });
});

describe('matchAll and recommend', () => {
  it('give each profile the same partners and scores', () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 1, max: 4 }), (ps, top) => {
        const index = buildIndex(ps);
        const doc = matchAll(index, { top });
        for (const m of doc.matches) {
          const one = recommend(index, m.profile, { top });
          expect(m.partners.map((r) => [r.id, r.score])).toEqual(one.map((r) => [r.id, r.score]));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('agree with an exhaustive scan: pruning never drops a better candidate', () => {
    fc.assert(
      fc.property(profiles, (ps) => {
        const index = buildIndex(ps);
        for (const p of ps) {
          const all = recommend(index, p.id, { top: 100 });
          const best = recommend(index, p.id, { top: 2 });
          expect(best.map((r) => r.score)).toEqual(all.slice(0, 2).map((r) => r.score));
        }
      }),
      { numRuns: 40 },
    );
  });
});
