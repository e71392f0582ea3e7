/**
 * What each lexicon entry is worth: the labelled sets measured with the whole lexicon, then
 * with one entry taken out at a time (a concept of `lexicon/fields.ts`, or the terms one entry
 * of `lexicon/variants.ts` adds). A positive difference means the sets do better without it.
 *
 *   npx tsx bench/matching/ablate.ts [variants|fields] [set names …]   (default: blind-a blind-b holdout)
 */
import { buildIndex, compileLexicon, LEXICON, recommend } from '../../src/domain/matching/index.ts';
import { FIELDS } from '../../src/domain/matching/lexicon/fields.ts';
import { VARIANTS } from '../../src/domain/matching/lexicon/variants.ts';
import { charSegmenter } from '../../src/domain/text/index.ts';
import { evaluate, type Figures, type Ranking } from './metrics.ts';
import { namedSet } from './sets.ts';

const [mode = 'variants', ...names] = process.argv.slice(2);
if (mode !== 'variants' && mode !== 'fields') throw new Error('usage: ablate.ts [variants|fields] [sets …]');
const sets = (names.length ? names : ['blind-a', 'blind-b', 'holdout']).map(namedSet);

const measure = (lexicon: typeof LEXICON): Figures[] =>
  sets.map((set) => {
    const index = buildIndex(set.profiles, { lexicon: compileLexicon(charSegmenter, lexicon) });
    const ranking: Ranking = {};
    for (const id of Object.keys(set.truth))
      ranking[id] = recommend(index, id, { top: 1000 }).map((r) => r.id);
    return evaluate(ranking, set.truth);
  });

const base = measure(LEXICON);
console.log(
  `${'whole lexicon'.padEnd(30)} ${base.map((f, i) => `${sets[i].name} ${f.recallAt5.toFixed(3)}/${f.mrr.toFixed(3)}`).join('  ')}`,
);
const without = (id: string): typeof LEXICON => {
  if (mode === 'fields') return LEXICON.filter((c) => c.id !== id);
  const v = VARIANTS[id];
  const added = new Set([v.vi, v.ja, v.en].flatMap((s) => (s ?? '').split('|')));
  return LEXICON.map((c) =>
    c.id !== id
      ? c
      : {
          ...c,
          vi: c.vi.filter((t) => !added.has(t)),
          ja: c.ja.filter((t) => !added.has(t)),
          en: c.en.filter((t) => !added.has(t)),
        },
  );
};
for (const id of mode === 'variants' ? Object.keys(VARIANTS) : FIELDS.map((c) => c.id)) {
  const diff = measure(without(id)).map((f, i) => [f.recallAt5 - base[i].recallAt5, f.mrr - base[i].mrr]);
  const gain = diff.reduce((s, [r, m]) => s + r + m, 0);
  const cells = diff.map(
    ([r, m]) => `${(r * 1000).toFixed(0).padStart(4)}/${(m * 1000).toFixed(0).padStart(4)}`,
  );
  console.log(`${gain > 0 ? 'better without' : '              '} ${id.padEnd(24)} ${cells.join('  ')}  (‰)`);
}
