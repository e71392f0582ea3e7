import { createRequire } from 'node:module';
import path from 'node:path';

/** A span [start, end) within a run of Japanese text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Splits a run of Japanese (Han/kana) text into units. Lexicon terms are matched as sequences of
 * whole units, so the choice decides whether "水処理" can be found inside "下水処理場".
 */
export interface JapaneseSegmenter {
  readonly name: string;
  segment(run: string): Span[];
}

/**
 * One unit per character: a term then matches wherever its characters appear in a row, i.e.
 * character n-gram matching. Needs no dictionary and never splits a compound the wrong way.
 */
export const charSegmenter: JapaneseSegmenter = {
  name: 'char-ngram',
  segment(run) {
    const spans: Span[] = [];
    let i = 0;
    for (const ch of run) {
      spans.push({ start: i, end: i + ch.length });
      i += ch.length;
    }
    return spans;
  },
};

interface KuromojiToken {
  surface_form: string;
}
interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}

/**
 * Wraps kuromoji's dictionary tokenizer (IPADIC, shipped inside the npm package; no network).
 * Loading the dictionary takes about a second, so it is loaded once by the caller and passed in.
 */
export const loadKuromojiSegmenter = async (): Promise<JapaneseSegmenter> => {
  const require = createRequire(import.meta.url);
  const kuromoji = require('kuromoji') as {
    builder(opts: { dicPath: string }): {
      build(cb: (err: Error | null, t: KuromojiTokenizer) => void): void;
    };
  };
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  const tokenizer = await new Promise<KuromojiTokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t)));
  });
  return {
    name: 'kuromoji',
    segment(run) {
      const spans: Span[] = [];
      let i = 0;
      for (const t of tokenizer.tokenize(run)) {
        spans.push({ start: i, end: i + t.surface_form.length });
        i += t.surface_form.length;
      }
      return spans;
    },
  };
};
