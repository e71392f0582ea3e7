import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  foldForSearch,
  foldJapanese,
  foldVietnamese,
  katakanaToHiragana,
  lowerNfc,
} from './normalize.ts';

describe('foldVietnamese', () => {
  it('strips tone and vowel marks and keeps đ as d', () => {
    expect(foldVietnamese('Đà Nẵng')).toBe('Da Nang');
    expect(foldVietnamese('Quảng Ninh, Đắk Lắk, Thừa Thiên Huế')).toBe('Quang Ninh, Dak Lak, Thua Thien Hue');
    expect(foldVietnamese('đường')).toBe('duong');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Nẵng'.normalize('NFD'))).toBe(foldVietnamese('Nẵng'.normalize('NFC')));
    expect(lowerNfc('NẴNG'.normalize('NFD'))).toBe('nẵng');
  });
});

describe('Japanese folding', () => {
  it('maps katakana to hiragana and half/full width to ordinary forms', () => {
    expect(katakanaToHiragana('ミカン')).toBe('みかん');
    expect(foldJapanese('ｶｲｺﾞ')).toBe('かいご');
    expect(foldJapanese('ＩｏＴ　人材')).toBe('iot 人材');
  });
});

describe('foldForSearch', () => {
  it('lets "da nang" find "Đà Nẵng" and hiragana find katakana', () => {
    expect(foldForSearch('Đà Nẵng')).toBe(foldForSearch('da nang'));
    expect(foldForSearch('  ĐÀ   NẴNG ')).toBe('da nang');
    expect(foldForSearch('オオサカ')).toBe(foldForSearch('おおさか'));
    expect(foldForSearch('ｵｵｻｶ')).toBe('おおさか');
    expect(foldForSearch('大阪府')).toContain(foldForSearch('大阪'));
  });

  it('is idempotent and never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
      }),
    );
  });
});

describe('detectLanguage', () => {
  it('tells the three languages apart by script', () => {
    expect(detectLanguage('介護人材の確保が急務')).toBe('ja');
    expect(detectLanguage('Cần công nghệ xử lý nước thải')).toBe('vi');
    expect(detectLanguage('looking for partners in smart agriculture')).toBe('en');
  });
});
