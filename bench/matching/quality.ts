/**
 * Quality of the matcher on labelled sets: recall@5 and MRR, overall and split into
 * same-language and cross-language pairs, for each Japanese segmenter.
 *
 *   npx tsx bench/matching/quality.ts [--profiles P.json --truth T.json] [--segmenter char|kuromoji|both]
 *
 * Sets: the example set of the spec (../shared/specs/examples, read in place, skipped when
 * absent), the synthetic development set (bench/matching/dev), the synthetic held-out set
 * (bench/matching/holdout, never used to change the matcher) and any set given here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  analyzeText,
  buildIndex,
  compileLexicon,
  recommend,
  validateProfiles,
} from '../../src/domain/matching/index.ts';
import type { Profile } from '../../src/domain/matching/profile.ts';
import { charSegmenter, type JapaneseSegmenter, loadKuromojiSegmenter } from '../../src/domain/text/index.ts';
import { evaluate, type Figures, profileLanguage, type Ranking, type Truth } from './metrics.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const TruthSchema = z.object({
  format: z.literal('kizuna.match-truth/1'),
  truth: z.record(z.string(), z.array(z.string())),
});

interface LabelledSet {
  name: string;
  profiles: Profile[];
  truth: Truth;
}

const load = (name: string, profilesPath: string, truthPath: string): LabelledSet => {
  const v = validateProfiles(JSON.parse(readFileSync(profilesPath, 'utf8')));
  if (!v.ok)
    throw new Error(`${profilesPath}: ${v.problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
  const truth = TruthSchema.parse(JSON.parse(readFileSync(truthPath, 'utf8'))).truth;
  return { name, profiles: v.profiles, truth };
};

const rank = (set: LabelledSet, segmenter: JapaneseSegmenter): Ranking => {
  const index = buildIndex(set.profiles, { lexicon: compileLexicon(segmenter) });
  const ranking: Ranking = {};
  // The whole list, not only the top 5, so that MRR sees a first true partner ranked lower.
  for (const id of Object.keys(set.truth)) ranking[id] = recommend(index, id, { top: 1000 }).map((r) => r.id);
  return ranking;
};

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
  return { profiles: get('--profiles'), truth: get('--truth'), segmenter: get('--segmenter') ?? 'both' };
};

const sets = (args: ReturnType<typeof parseArgs>): LabelledSet[] => {
  const out: LabelledSet[] = [];
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
    load('dev (synthetic)', path.join(here, 'dev/profiles.dev.json'), path.join(here, 'dev/truth.dev.json')),
  );
  const holdout = (f: string) => path.join(here, 'holdout', f);
  out.push(load('held-out (synthetic)', holdout('profiles.holdout.json'), holdout('truth.holdout.json')));
  // The two synthetic sets in one pool: twice the candidates, labels only within each set.
  const [dev, held] = out.slice(-2);
  out.push({
    name: 'dev + held-out pooled',
    profiles: [...dev.profiles, ...held.profiles],
    truth: { ...dev.truth, ...held.truth },
  });
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

await main();
