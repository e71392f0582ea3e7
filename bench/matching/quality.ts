/**
 * Quality of the matcher on labelled sets: recall@5 and MRR, overall and split into
 * same-language and cross-language pairs, for each Japanese segmenter.
 *
 *   npx tsx bench/matching/quality.ts [--set NAME | --profiles P.json --truth T.json [--only]] [--segmenter char|kuromoji|both]
 *
 * `--set NAME` measures just the set in folder bench/matching/NAME (profiles.json and
 * truth.json; e.g. `--set blind-c` once that folder is dropped in). `--only` measures just the
 * given set (any profiles/truth pair, by path). Without either, every set below.
 *
 * Sets: the example set of the spec (../shared/specs/examples, read in place, skipped when
 * absent), the synthetic development set (bench/matching/dev), the synthetic held-out set
 * (bench/matching/holdout, never used to change the matcher), the two pooled, the blind sets
 * (every other folder of bench/matching holding profiles.json and truth.json: blind-a, blind-b,
 * written without sight of the matcher, then used to develop it; any set added later) and any
 * set given here.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, compileLexicon } from '../../src/domain/matching/index.ts';
import { charSegmenter, type JapaneseSegmenter, loadKuromojiSegmenter } from '../../src/domain/text/index.ts';
import { evaluate, type Figures, profileLanguage } from './metrics.ts';
import { here, type LabelledSet, loadSet as load, namedSet, ownSet, rankSet as rank } from './sets.ts';

const root = path.resolve(here, '../..');

const fmt = (f: Figures): string =>
  `recall@5 ${f.recallAt5.toFixed(3)}  MRR ${f.mrr.toFixed(3)}  (n=${f.profiles})`;

const report = (set: LabelledSet, segmenter: JapaneseSegmenter): Record<string, Figures> => {
  const ranking = rank(set, segmenter);
  const lang = new Map(set.profiles.map((p) => [p.id, profileLanguage([...p.offers, ...p.needs])]));
  const same = (a: string, b: string) => lang.get(a) === lang.get(b);
  const figures = {
    all: evaluate(ranking, set.truth),
    'same-language': evaluate(ranking, set.truth, same),
    'cross-language': evaluate(ranking, set.truth, (a, b) => !same(a, b)),
  };
  for (const [k, f] of Object.entries(figures))
    console.log(`  ${segmenter.name.padEnd(10)} ${k.padEnd(15)} ${fmt(f)}`);
  return figures;
};

/** How many offers/needs the two segmenters read differently (sectors or confidences). */
const differing = (set: LabelledSet, [a, b]: JapaneseSegmenter[]): string => {
  const [la, lb] = [compileLexicon(a), compileLexicon(b)];
  const texts = set.profiles.flatMap((p) => [...p.offers, ...p.needs]);
  const key = (l: typeof la, t: string) =>
    JSON.stringify(analyzeText(l, t).sectors.map((h) => [h.sector, h.confidence]));
  const diff = texts.filter((t) => key(la, t) !== key(lb, t));
  return `${diff.length} of ${texts.length}${diff.length ? ` (e.g. "${diff[0].slice(0, 40)}")` : ''}`;
};

const parseArgs = (argv: string[]) => {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    profiles: get('--profiles'),
    truth: get('--truth'),
    segmenter: get('--segmenter') ?? 'both',
    set: get('--set'),
    only: argv.includes('--only'),
  };
};

const sets = (args: ReturnType<typeof parseArgs>): LabelledSet[] => {
  const out: LabelledSet[] = [];
  if (args.set) return [namedSet(args.set)];
  if (args.only) {
    if (!args.profiles || !args.truth) throw new Error('--only needs --profiles P.json --truth T.json');
    return [load(path.basename(path.dirname(path.resolve(args.profiles))), args.profiles, args.truth)];
  }
  const examples = path.resolve(root, '../shared/specs/examples');
  if (existsSync(path.join(examples, 'profiles.sample.json'))) {
    out.push(
      load(
        'example (spec)',
        path.join(examples, 'profiles.sample.json'),
        path.join(examples, 'truth.sample.json'),
      ),
    );
  } else {
    console.log(`example set not found at ${examples}: skipped`);
  }
  out.push(
    { ...ownSet('dev'), name: 'dev (synthetic)' },
    { ...ownSet('holdout'), name: 'held-out (synthetic)' },
  );
  // The two synthetic sets in one pool: twice the candidates, labels only within each set.
  const [dev, held] = out.slice(-2);
  out.push({
    name: 'dev + held-out pooled',
    profiles: [...dev.profiles, ...held.profiles],
    truth: { ...dev.truth, ...held.truth },
  });
  for (const dir of readdirSync(here, { withFileTypes: true })) {
    if (!dir.isDirectory() || ['dev', 'holdout'].includes(dir.name)) continue;
    if (!existsSync(path.join(here, dir.name, 'truth.json'))) continue;
    out.push(namedSet(dir.name));
  }
  if (args.profiles && args.truth) out.push(load(path.basename(args.profiles), args.profiles, args.truth));
  else if (args.profiles || args.truth) throw new Error('--profiles and --truth go together');
  return out;
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const segmenters: JapaneseSegmenter[] = [];
  if (args.segmenter !== 'kuromoji') segmenters.push(charSegmenter);
  if (args.segmenter !== 'char') segmenters.push(await loadKuromojiSegmenter());
  for (const set of sets(args)) {
    const langs = new Set(set.profiles.map((p) => profileLanguage([...p.offers, ...p.needs])));
    console.log(`\n${set.name}: ${set.profiles.length} profiles, languages ${[...langs].join('/')}`);
    for (const s of segmenters) report(set, s);
    if (segmenters.length === 2)
      console.log(`  texts whose sectors differ between segmenters: ${differing(set, segmenters)}`);
  }
};

await main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
