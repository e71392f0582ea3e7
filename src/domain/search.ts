import { foldForSearch } from './text/normalize.ts';

/** The folding of the search box lives with the other text normalisation. */
export { foldForSearch };

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
