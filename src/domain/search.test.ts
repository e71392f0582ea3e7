import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchText, foldForSearch, likePattern } from './search.ts';

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

describe('buildSearchText', () => {
  it('finds names by folded substring, with or without spaces', () => {
    const text = buildSearchText(['Đà Nẵng', 'ダナン市', 'Da Nang']);
    expect(text.includes(foldForSearch('da nang'))).toBe(true);
    expect(text.includes(foldForSearch('danang'))).toBe(true);
    expect(text.includes(foldForSearch('ダナン'))).toBe(true);
  });
});

describe('likePattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%x\\')).toBe('%50\\%x\\\\%');
  });
});
