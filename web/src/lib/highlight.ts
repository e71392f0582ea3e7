import type { Lang } from '../api/types.ts';

/** A piece of a text, marked when it is one of the words being highlighted. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * One character as the matcher compares it: lower case, without diacritics (đ → d), full-width
 * forms as half-width. The matcher's evidence words are cut from its own normalised copy of the
 * text, so they may differ from what the user wrote in case, accents or width.
 */
function foldChar(ch: string): string {
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Splits `text` into segments, marking every occurrence of any of `words` (compared folded;
 * the longest word wins where two overlap). The segments joined give back `text` unchanged.
 *
 * @example
 * highlight('Xử lý nước thải', ['nuoc thai'])
 * // → [{ text: 'Xử lý ', mark: false }, { text: 'nước thải', mark: true }]
 */
export function highlight(text: string, words: readonly string[]): Segment[] {
  // The folded text, and for each of its code units the index in `text` where it came from.
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const marked = new Uint8Array(text.length);
  const needles = [...new Set(words.map((w) => [...w.trim()].map(foldChar).join('')))]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const needle of needles) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const start = origin[at];
      const end = origin[at + needle.length];
      // A needle that starts or ends inside a folded character would cut it in two.
      if (origin[at - 1] === start && at > 0) continue;
      marked.fill(1, start, end);
    }
  }
  const out: Segment[] = [];
  for (let k = 0; k < text.length; k++) {
    const mark = marked[k] === 1;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text[k];
    else out.push({ text: text[k], mark });
  }
  return out;
}

/**
 * The language a free text is written in, for its `lang` attribute (fonts, screen readers):
 * kana or kanji → Japanese; Vietnamese letters (ă â đ ê ô ơ ư or a tone mark) → Vietnamese;
 * otherwise English. Profiles store texts without saying their language.
 */
export function guessLang(text: string): Lang {
  if (/[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(text)) return 'ja';
  // After NFD, ă â ê ô ơ ư and the five tones are a base letter and combining marks.
  if (/[đĐ]|[\u0300-\u0303\u0306\u0309\u031b\u0323]/.test(text.normalize('NFD'))) return 'vi';
  return 'en';
}
