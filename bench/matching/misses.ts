/**
 * The true partners a labelled set's profiles miss in their top 5, with the texts and the
 * concepts the lexicon reads in them: where the matcher's vocabulary or scoring falls short.
 *
 *   npx tsx bench/matching/misses.ts <set folder name, e.g. blind-b> [--compact] [--uncovered]
 *
 * `--compact` prints each text on one line with its concepts' ids. `--uncovered` lists instead the offers and needs in which the lexicon reads no concept at all.
 */
import { analyzeText, compileLexicon } from '../../src/domain/matching/index.ts';
import { namedSet, rankSet } from './sets.ts';

const name = process.argv[2];
if (!name) throw new Error('usage: misses.ts <set name> [--uncovered]');
const set = namedSet(name);
const lex = compileLexicon();
const compact = process.argv.includes('--compact');
const show = (t: string): string => {
  const a = analyzeText(lex, t);
  const cs = a.concepts.map((c, i) => `${lex.concepts[c].id}[${a.conceptTriggers[i].join(',')}]`);
  if (compact) return `${t.slice(0, 110)} → ${a.concepts.map((c) => lex.concepts[c].id).join(' ') || '∅'}`;
  return `${t.slice(0, 160)}\n        → ${cs.join(' ') || '(nothing)'}`;
};
if (process.argv.includes('--uncovered')) {
  let n = 0;
  let total = 0;
  for (const p of set.profiles)
    for (const t of [...p.offers, ...p.needs]) {
      total++;
      if (analyzeText(lex, t).concepts.length === 0) {
        n++;
        console.log(`${p.id}: ${t.slice(0, 200)}`);
      }
    }
  console.log(`\n${n} of ${total} texts name no concept`);
} else {
  const ranking = rankSet(set);
  const byId = new Map(set.profiles.map((p) => [p.id, p]));
  let misses = 0;
  for (const [id, partners] of Object.entries(set.truth)) {
    const ranked = ranking[id] ?? [];
    for (const q of partners) {
      const r = ranked.indexOf(q);
      if (r >= 0 && r < 5) continue;
      misses++;
      const [a, b] = [byId.get(id), byId.get(q)];
      if (!a || !b) continue;
      console.log(
        `\n== ${id} misses ${q} (rank ${r < 0 ? '-' : r + 1}); top: ${ranked.slice(0, 5).join(' ')}`,
      );
      for (const [label, p] of [
        ['A', a],
        ['B', b],
      ] as const) {
        console.log(`  ${label} ${p.id} ${p.name}`);
        for (const [i, t] of p.needs.entries()) console.log(`    need ${i}: ${show(t)}`);
        for (const [i, t] of p.offers.entries()) console.log(`    offer ${i}: ${show(t)}`);
      }
    }
  }
  console.log(`\n${misses} misses`);
}
