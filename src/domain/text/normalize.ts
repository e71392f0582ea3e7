/**
 * Normalisation shared by search and matching. Everything here is pure and works on any input:
 * emoji, lone surrogates and mixed scripts pass through without throwing.
 */

// NFD splits Vietnamese letters into base + combining marks (U+0300–U+036F), but đ/Đ are
// separate letters with no decomposition, so they must be mapped by hand or "Đà Nẵng"
// would fold to "đa nang" and never meet a user who typed "da nang".
const COMBINING = /[\u0300-\u036f]/g;

/** Lowercase + Unicode NFC: the form Vietnamese text is compared in when diacritics matter. */
export const lowerNfc = (text: string): string => text.normalize('NFC').toLowerCase();

/**
 * Strips Vietnamese (and other Latin) diacritics, keeping đ as d.
 * @example foldVietnamese('Đà Nẵng') // 'Da Nang'
 */
export const foldVietnamese = (text: string): string =>
  text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

/** Katakana (U+30A1–U+30F6) to hiragana, so that ミカン and みかん are one word. */
export const katakanaToHiragana = (text: string): string =>
  text.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

/**
 * Full-width ASCII and half-width katakana to their ordinary forms (NFKC), then katakana to
 * hiragana and lowercase: the form Japanese text is compared in.
 * @example foldJapanese('ｶｲｺﾞ人材　ＡＢＣ') // 'かいご人材 abc'
 */
export const foldJapanese = (text: string): string =>
  katakanaToHiragana(text.normalize('NFKC')).toLowerCase();

/**
 * The one folding used by every search box: lowercase, NFKC (widths), Vietnamese diacritics
 * stripped with đ→d, katakana→hiragana, punctuation and control characters to single spaces.
 * Idempotent.
 * @example foldForSearch('Đà Nẵng') === foldForSearch('da nang') // true
 * @example foldForSearch('オオサカ') === foldForSearch('おおさか') // true
 */
export const foldForSearch = (text: string): string =>
  katakanaToHiragana(foldVietnamese(text.normalize('NFKC')).toLowerCase())
    .replace(SEPARATORS, ' ')
    .trim();

// Control characters (NUL among them, which PostgreSQL text refuses), white space and the
// punctuation that joins words in names all separate words for search.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
const SEPARATORS = /[\u0000-\u001f\u007f\s\-‐–—_・,.、。()]+/g;

/** True when the text carries Vietnamese-specific letters or tone marks. */
export const hasVietnameseMarks = (text: string): boolean =>
  /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i.test(text);

/** The main language of a text, by script: any kana/kanji → ja, Vietnamese marks → vi, else en. */
export const detectLanguage = (text: string): 'vi' | 'ja' | 'en' => {
  let cjk = 0;
  for (const ch of text) if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) cjk++;
  if (cjk > 0 && cjk * 4 >= text.replace(/\s/g, '').length) return 'ja';
  return hasVietnameseMarks(text) ? 'vi' : 'en';
};
