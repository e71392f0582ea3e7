import { describe, expect, it } from 'vitest';
import { guessLang, highlight } from './highlight.ts';

const marked = (text: string, words: string[]) =>
  highlight(text, words)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe('highlight', () => {
  it('marks evidence words whatever their case, accents or width', () => {
    expect(marked('Xử lý nước thải và bảo vệ môi trường vịnh Hạ Long', ['Vịnh', 'nuoc thai'])).toEqual([
      'nước thải',
      'vịnh',
    ]);
    expect(marked('観光客の誘致', ['観光客', '誘致'])).toEqual(['観光客', '誘致']);
    expect(marked('ＩＴ人材の育成', ['IT'])).toEqual(['ＩＴ']);
    expect(marked('Đào tạo nghề', ['dao tao'])).toEqual(['Đào tạo']);
  });

  it('gives back the text unchanged, and nothing marked without a match', () => {
    const text = 'Offshore wind 洋上風力 and năng lượng';
    for (const words of [[], ['wind', 'năng lượng', '風力'], ['absent'], ['']]) {
      expect(
        highlight(text, words)
          .map((s) => s.text)
          .join(''),
      ).toBe(text);
    }
    expect(highlight('abc', ['zz'])).toEqual([{ text: 'abc', mark: false }]);
    expect(highlight('', ['a'])).toEqual([]);
  });

  it('merges overlapping words into one mark', () => {
    expect(marked('du lịch biển đảo', ['du lịch', 'lịch biển'])).toEqual(['du lịch biển']);
  });
});

describe('guessLang', () => {
  it('tells Japanese, Vietnamese and English apart', () => {
    expect(guessLang('洋上風力発電')).toBe('ja');
    expect(guessLang('カラオケ')).toBe('ja');
    expect(guessLang('Khách du lịch Nhật Bản')).toBe('vi');
    expect(guessLang('Cơ khí')).toBe('vi');
    expect(guessLang('Đà Nẵng')).toBe('vi');
    expect(guessLang('Water treatment and port logistics')).toBe('en');
  });
});
