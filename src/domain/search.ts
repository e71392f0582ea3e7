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
      .replace(/[\s\-‐–—_・,.、。()（）]+/g, ' ')
      .trim()
  );
}

/**
 * The text stored for a record to be searched by substring: each name folded, and each name
 * again without spaces, so that "danang" finds "Đà Nẵng" as well as "da nang" does.
 */
export function buildSearchText(names: (string | null | undefined)[]): string {
  const parts = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = foldForSearch(name);
    if (!folded) continue;
    parts.add(folded);
    if (folded.includes(' ')) parts.add(folded.replace(/ /g, ''));
  }
  return `|${[...parts].join('|')}|`;
}

/** A folded query ready for LIKE: wildcard characters escaped with `\`. */
export function likePattern(query: string): string {
  const folded = foldForSearch(query).replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return `%${folded}%`;
}
