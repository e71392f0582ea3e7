import { describe, expect, it } from 'vitest';
import { buildIndex } from './build.ts';
import { isCandidateCountry, matchAll, recommend } from './engine.ts';
import { buildProfile } from './testing.ts';

const vn = buildProfile({
  id: 'vn-a',
  offers: ['Điều dưỡng viên đã học tiếng Nhật N3'],
  needs: ['Công nghệ xử lý nước thải cho khu công nghiệp'],
});
const twoWay = buildProfile({
  id: 'jp-two-way',
  country: 'JP',
  offers: ['下水処理・排水処理の技術'],
  needs: ['介護施設で働く介護人材'],
});
const oneWay = buildProfile({
  id: 'jp-one-way',
  country: 'JP',
  offers: ['wastewater treatment know-how'],
  needs: ['tourists'],
});
const unrelated = buildProfile({
  id: 'jp-unrelated',
  country: 'JP',
  offers: ['Awa Odori dance festival'],
  needs: ['golf visitors'],
});

describe('recommend', () => {
  const index = buildIndex([vn, twoWay, oneWay, unrelated]);

  it('ranks two-way complementarity above one-way, and leaves out the unrelated', () => {
    const recs = recommend(index, 'vn-a');
    expect(recs.map((r) => r.id)).toEqual(['jp-two-way', 'jp-one-way']);
    expect(recs[0].score).toBeGreaterThan(recs[1].score);
  });

  it('explains each link: whose offer met which need, through which sector, with which words', () => {
    const [best] = recommend(index, 'vn-a');
    expect(best.reasons).toContainEqual(
      expect.objectContaining({
        direction: 'offer-to-need',
        from: 'jp-two-way',
        offer: 0,
        need: 0,
        sector: 'environment.water',
      }),
    );
    expect(best.reasons).toContainEqual(
      expect.objectContaining({
        direction: 'need-to-offer',
        from: 'vn-a',
        offer: 0,
        need: 0,
        sector: 'healthcare.nursing',
      }),
    );
    const water = best.reasons.find((r) => r.sector === 'environment.water');
    expect(water?.evidence).toEqual(expect.arrayContaining(['xử lý nước thải']));
  });

  it('is symmetric: the score of A for B is the score of B for A', () => {
    const a = recommend(index, 'vn-a').find((r) => r.id === 'jp-two-way');
    const b = recommend(index, 'jp-two-way').find((r) => r.id === 'vn-a');
    expect(a?.score).toBe(b?.score);
  });

  it('does not match two parties that both only need workers', () => {
    const a = buildProfile({ id: 'vn-w', needs: ['Cần tuyển lao động cho nhà máy'] });
    const b = buildProfile({ id: 'jp-w', country: 'JP', needs: ['工場で働く外国人材が不足'] });
    const c = buildProfile({
      id: 'jp-o',
      country: 'JP',
      offers: ['Vocational training for factory workers'],
    });
    const recs = recommend(buildIndex([a, b, c]), 'vn-w');
    const both = recs.find((r) => r.id === 'jp-w');
    expect(recs[0].id).toBe('jp-o');
    expect(both === undefined || both.score < 0.2).toBe(true);
  });

  it('answers a need for workers with people, not with the product they would work on', () => {
    const need = buildProfile({ id: 'jp-orchard', country: 'JP', needs: ['果樹園で働く人材が足りない'] });
    const fruit = buildProfile({ id: 'vn-fruit', offers: ['Trái cây nhiệt đới: xoài, thanh long, vải'] });
    const people = buildProfile({ id: 'vn-people', offers: ['Lao động nông nghiệp trẻ, khỏe'] });
    const recs = recommend(buildIndex([need, fruit, people]), 'jp-orchard');
    expect(recs.map((r) => r.id)).toEqual(['vn-people', 'vn-fruit']);
    expect(recs[1].score).toBeLessThan(0.3);
  });

  it('answers a need for buyers with someone who trades, not with another grower', () => {
    const need = buildProfile({
      id: 'jp-mango',
      country: 'JP',
      needs: ['マンゴーの販路をベトナムで開拓したい'],
    });
    const grower = buildProfile({ id: 'vn-grower', offers: ['Hợp tác xã trồng xoài 120 ha'] });
    const trader = buildProfile({
      id: 'vn-trader',
      offers: ['Nhà nhập khẩu và phân phối trái cây tại Việt Nam'],
    });
    const recs = recommend(buildIndex([need, grower, trader]), 'jp-mango');
    expect(recs.map((r) => r.id)).toEqual(['vn-trader', 'vn-grower']);
    expect(recs[1].score).toBeLessThan(0.3);
  });

  it('counts a concept that most profiles name for less, from 40 profiles up', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      buildProfile({ id: `p${i}`, offers: [i === 0 ? 'thợ hàn, ngao giống' : 'thợ hàn'] }),
    );
    const lex = buildIndex(many).lexicon.concepts;
    const weight = (ix: ReturnType<typeof buildIndex>, id: string) =>
      ix.conceptWeight[lex.findIndex((c) => c.id === id)];
    const big = buildIndex(many);
    expect(weight(big, 'welders')).toBeCloseTo(0.5);
    expect(weight(big, 'shellfish')).toBeCloseTo(1 / (1 + 1 / 40));
    expect(weight(buildIndex(many.slice(0, 39)), 'welders')).toBe(1);
  });

  it('leaves out existing partners unless asked, in either direction', () => {
    const partner = buildProfile({ ...twoWay, id: 'jp-partner', partners: ['vn-a'] });
    const ix = buildIndex([vn, partner, oneWay]);
    expect(recommend(ix, 'vn-a').map((r) => r.id)).not.toContain('jp-partner');
    expect(recommend(ix, 'vn-a', { includePartners: true })[0].id).toBe('jp-partner');
  });

  it('filters by sector and country, honours top, and refuses an unknown id', () => {
    expect(recommend(index, 'vn-a', { top: 1 })).toHaveLength(1);
    expect(recommend(index, 'vn-a', { sectors: ['tourism'] }).map((r) => r.id)).toEqual(['jp-one-way']);
    expect(recommend(index, 'vn-a', { country: 'KR' })).toEqual([]);
    expect(() => recommend(index, 'nope')).toThrow(RangeError);
  });
});

describe('candidate countries', () => {
  it('pairs Vietnam with Japan, and other countries with anyone but themselves', () => {
    expect(isCandidateCountry('VN', 'JP')).toBe(true);
    expect(isCandidateCountry('VN', 'KR')).toBe(false);
    expect(isCandidateCountry('JP', 'JP')).toBe(false);
    expect(isCandidateCountry('KR', 'VN')).toBe(true);
    expect(isCandidateCountry('KR', 'KR')).toBe(false);
  });
});

describe('matchAll', () => {
  it('returns a kizuna.matches/1 document with every profile in input order', () => {
    const doc = matchAll([vn, twoWay, oneWay], { top: 3 });
    expect(doc.format).toBe('kizuna.matches/1');
    expect(doc.matches.map((m) => m.profile)).toEqual(['vn-a', 'jp-two-way', 'jp-one-way']);
    expect(doc.matches[1].partners[0].id).toBe('vn-a');
  });
});

describe('a concept of roles only', () => {
  it('links texts about different fields as a role, weaker than the same training in the same field', () => {
    const hotel = buildProfile({
      id: 'vn-hotel',
      needs: ['Service training for our hotel staff to Japanese hospitality standards'],
    });
    const sameField = buildProfile({
      id: 'jp-ryokan',
      country: 'JP',
      offers: ['旅館での「おもてなし」研修の受け入れ'],
    });
    const otherField = buildProfile({
      id: 'jp-dialysis',
      country: 'JP',
      offers: ['Training for clinical engineers and dialysis nurses'],
    });
    const recs = recommend(buildIndex([hotel, sameField, otherField]), 'vn-hotel');
    expect(recs[0].id).toBe('jp-ryokan');
    // "Training" shared across fields is a role: at 0.35 it leaves the pair well behind (about
    // 0.31 against 0.48); counted as a field it came close (0.42).
    const other = recs.find((r) => r.id === 'jp-dialysis');
    expect(other?.score ?? 0).toBeLessThan(0.75 * recs[0].score);
  });
});
