import { foldJapanese, foldVietnamese } from './normalize.ts';
import { charSegmenter, type JapaneseSegmenter } from './segment.ts';
import { stemEnglish } from './stem.ts';

/** One unit of text: its comparison key and where it came from (offsets into `TextUnits.text`). */
export interface Token {
  key: string;
  start: number;
  end: number;
}

/**
 * The parallel views of one text that the lexicon is matched against:
 * - `vi`: Vietnamese syllables, lowercase NFC with diacritics (precise),
 * - `vf`: the syllables written without diacritics, folded (for text typed without marks;
 *   empty for a text typed with them),
 * - `en`: English word stems,
 * - `ja`: Japanese units (characters or dictionary words), width- and kana-folded.
 * Latin words appear in vi, vf and en alike: a word's language is not guessed, the lexicon of
 * each language decides what it recognises.
 */
export interface TextUnits {
  text: string;
  vi: Token[];
  vf: Token[];
  en: Token[];
  ja: Token[];
}

const WORDS =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]+)|([\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*)/gu;

/**
 * Splits text into the four token streams. NFKC first, so that full-width letters and half-width
 * katakana are ordinary characters before anything else looks at them.
 * @example tokenize('Xử lý nước thải 水処理').vi.map((t) => t.key) // ['xử', 'lý', 'nước', 'thải']
 */
export const tokenize = (input: string, segmenter: JapaneseSegmenter = charSegmenter): TextUnits => {
  const text = input.normalize('NFKC');
  const units: TextUnits = { text, vi: [], vf: [], en: [], ja: [] };
  let marked = 0;
  for (const m of text.matchAll(WORDS)) {
    const start = m.index ?? 0;
    if (m[1]) {
      for (const s of segmenter.segment(m[1])) {
        const key = foldJapanese(m[1].slice(s.start, s.end));
        units.ja.push({ key, start: start + s.start, end: start + s.end });
      }
      continue;
    }
    const lower = m[2].toLowerCase().replace(/’/g, "'");
    const end = start + m[2].length;
    const folded = foldVietnamese(lower);
    units.vi.push({ key: lower, start, end });
    // Only a syllable written without marks is read folded: "diễn từ" is not "điện tử", though
    // both fold to "dien tu".
    if (folded === lower) units.vf.push({ key: folded, start, end });
    else marked++;
    units.en.push({ key: stemEnglish(lower), start, end });
  }
  // In a text written with diacritics a syllable without them is itself ("ban", "hang"), not a
  // word typed carelessly: the folded view is for texts typed without marks.
  if (marked > MARKED_SHARE * units.vi.length) units.vf = [];
  return units;
};

/** Above this share of marked syllables, a text counts as typed with diacritics. */
const MARKED_SHARE = 0.2;

/** Keys of a lexicon term in one stream, the same way text is tokenised. */
export const termKeys = (
  term: string,
  lang: 'vi' | 'vf' | 'en' | 'ja',
  segmenter: JapaneseSegmenter = charSegmenter,
): string[] => tokenize(term, segmenter)[lang].map((t) => t.key);

/** Syllable n-grams (n = 1..max) of a Vietnamese text, so "xử lý nước thải" is also one unit. */
export const syllableNgrams = (text: string, max = 4): string[] => {
  const syl = tokenize(text).vi.map((t) => t.key);
  const grams: string[] = [];
  for (let i = 0; i < syl.length; i++) {
    for (let n = 1; n <= max && i + n <= syl.length; n++) grams.push(syl.slice(i, i + n).join(' '));
  }
  return grams;
};
