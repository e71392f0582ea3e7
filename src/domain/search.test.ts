import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, queryWords, searchTerms } from './search.ts';

describe('foldForSearch', () => {
  it('folds Vietnamese diacritics and đ', () => {
    expect(foldForSearch('Đà Nẵng')).toBe('da nang');
    expect(foldForSearch('Hải Dương')).toBe('hai duong');
    expect(foldForSearch('ĐỒNG NAI')).toBe('dong nai');
  });
  it('folds katakana to hiragana and full-width to half-width', () => {
    expect(foldForSearch('ダナン')).toBe(foldForSearch('だなん'));
    expect(foldForSearch('ＯＳＡＫＡ')).toBe('osaka');
    expect(foldForSearch('ｸｱﾝﾆﾝ')).toBe(foldForSearch('クアンニン'));
  });
  it('keeps dakuten, which change the sound', () => {
    expect(foldForSearch('バ')).not.toBe(foldForSearch('ハ'));
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldForSearch(foldForSearch(s)) === foldForSearch(s)));
  });
});

describe('searchTerms and queryWords', () => {
  const matches = (names: string[], q: string) => {
    const terms = searchTerms(names);
    return queryWords(q).every((w) => terms.some((t) => t.startsWith(w)));
  };
  it('finds names by folded word prefixes, with or without spaces, in any script', () => {
    const dn = ['Đà Nẵng', 'ダナン市', 'Da Nang'];
    for (const q of ['da nang', 'Đà Nẵng', 'danang', 'ダナン', 'だなん', 'nang', 'DA'])
      expect(matches(dn, q), q).toBe(true);
    expect(matches(dn, 'hanoi')).toBe(false);
    expect(matches(['大阪府'], '大阪')).toBe(true);
    expect(matches(['東大阪市'], '大阪')).toBe(true);
    expect(matches(['滋賀県'], '滋賀')).toBe(true);
    expect(matches(['Hải Phòng', 'Hải Dương'], 'hai duong')).toBe(true);
  });
  it('every word of a name is found by itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        (names) => {
          for (const name of names) for (const w of queryWords(name)) expect(matches(names, w)).toBe(true);
        },
      ),
    );
  });
});
