/**
 * Folding for the atlas search box: one query string finds a record whatever script, case,
 * width or diacritics either side used. "Đà Nẵng", "da nang", "DANANG" fold alike; "ダナン"
 * and "だなん" fold alike; full-width "ＯＳＡＫＡ" folds to "osaka".
 *
 * @example foldForSearch('Đà Nẵng') === 'da nang'
 */
export function foldForSearch(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // đ has no combining form, so NFD alone would leave it: fold it first.
      .replace(/đ/g, 'd')
      .normalize('NFD')
      // Latin combining marks only (U+0300–U+036F); Japanese dakuten (U+3099/309A) are kept,
      // since "ば" and "は" are different sounds.
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      // Katakana → hiragana, so either kana finds both.
      .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
      // Control characters (NUL among them, which PostgreSQL text refuses) and punctuation separate words.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
      .replace(/[\u0000-\u001f\u007f\s\-‐–—_・,.、。()（）]+/g, ' ')
      .trim()
  );
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The index terms of a record's names, for prefix search: each folded word; each name with its
 * spaces removed ("danang"); and for words in Japanese or Chinese script, which have no spaces
 * between words, every suffix that starts with such a character, so that "大阪" finds "東大阪市" by prefix of "大阪市".
 *
 * @example searchTerms(['Đà Nẵng']) // ['da', 'nang', 'danang']
 */
export function searchTerms(names: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = foldForSearch(name);
    if (!folded) continue;
    const words = folded.split(' ');
    for (const word of words) {
      terms.add(word);
      // Suffixes only from a Japanese/Chinese character on: "東大阪市" → "大阪市", "阪市", "市".
      for (let i = 1; i < word.length; i++) if (CJK.test(word[i])) terms.add(word.slice(i));
    }
    // Written without spaces: "danang", "hochiminh". Only short names are typed that way.
    if (words.length > 1 && words.length <= 4) terms.add(words.join(''));
  }
  return [...terms].filter((t) => t.length <= 200);
}

/** The words of a query, each to be matched as a prefix of some index term of a record. */
export const queryWords = (query: string): string[] =>
  [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, 8);
