import { describe, expect, it } from 'vitest';
import { charSegmenter, loadKuromojiSegmenter } from './segment.ts';
import { stemEnglish } from './stem.ts';
import { syllableNgrams, termKeys, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('splits mixed Vietnamese, Japanese and English text into streams with offsets', () => {
    const u = tokenize('Xử lý nước thải – 水処理 for cities');
    expect(u.vi.map((t) => t.key)).toEqual(['xử', 'lý', 'nước', 'thải', 'for', 'cities']);
    // Written with marks: the folded view is empty, a syllable is read as written.
    expect(u.vf).toEqual([]);
    expect(u.en.at(-1)?.key).toBe(stemEnglish('city'));
    expect(u.ja.map((t) => t.key).join('')).toBe('水処理');
    const first = u.ja[0];
    expect(u.text.slice(first.start, first.end)).toBe('水');
  });

  it('reads folded only the syllables typed without marks, in text typed without them', () => {
    expect(tokenize('xu ly nuoc thai for cities').vf.map((t) => t.key)).toEqual([
      'xu',
      'ly',
      'nuoc',
      'thai',
      'for',
      'cities',
    ]);
    // One marked syllable in seven: still a text typed without marks, but "Đà" is not folded.
    expect(tokenize('can xu ly nuoc thai o Đà nang').vf.map((t) => t.key)).not.toContain('da');
    // "diễn từ" (a speech) folds like "điện tử" (electronics) but is written with marks.
    expect(tokenize('đoàn biểu diễn từ Nhật').vf).toEqual([]);
  });

  it('folds widths and kana before keying Japanese', () => {
    expect(termKeys('ｶｲｺﾞ', 'ja').join('')).toBe(termKeys('かいご', 'ja').join(''));
    expect(termKeys('ＡＢＣ', 'en')).toEqual(['abc']);
  });

  it('makes "xử lý nước thải" one syllable n-gram', () => {
    expect(syllableNgrams('Cần công nghệ xử lý nước thải')).toContain('xử lý nước thải');
  });

  it('survives emoji and lone surrogates', () => {
    expect(() => tokenize('🎉\ud800 介護 👩🏽‍⚕️ care')).not.toThrow();
  });
});

describe('Japanese segmenters', () => {
  it('char n-grams give one unit per character', () => {
    expect(charSegmenter.segment('介護人材')).toHaveLength(4);
  });

  it('kuromoji splits words with its bundled dictionary', async () => {
    const k = await loadKuromojiSegmenter();
    const words = tokenize('介護施設で働く外国人材', k).ja.map((t) => t.key);
    expect(words).toContain('介護');
    expect(words).toContain('働く');
    expect(words.join('')).toBe('介護施設で働く外国人材');
  });
});
