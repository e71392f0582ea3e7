/**
 * Labelled sets for the matcher's quality figures: loading (profiles + truth, by path), ranking
 * every labelled profile with the engine, and the figures. Shared by quality.ts (the report) and
 * quality.test.ts (the floors).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildIndex, compileLexicon, recommend, validateProfiles } from '../../src/domain/matching/index.ts';
import type { Profile } from '../../src/domain/matching/profile.ts';
import { charSegmenter, type JapaneseSegmenter } from '../../src/domain/text/index.ts';
import { evaluate, type Figures, type Ranking, type Truth } from './metrics.ts';

export const here = path.dirname(fileURLToPath(import.meta.url));

export interface LabelledSet {
  name: string;
  profiles: Profile[];
  truth: Truth;
}

const Ids = z.array(z.string());
const Pair = z.tuple([z.string(), z.string()]);
/**
 * Truth as `{ format: 'kizuna.match-truth/1', truth: { id: [partner ids] } }` (set C, written to a
 * brief that named the map `partners`, has `partners`), or the bare map,
 * or a list of pairs (`{ pairs: [[a, b], …] }` or `[[a, b], …]`, each pair good for both sides).
 */
const TruthSchema = z.union([
  z.object({ truth: z.record(z.string(), Ids) }).transform((t) => t.truth),
  z.object({ partners: z.record(z.string(), Ids) }).transform((t) => t.partners),
  z.object({ pairs: z.array(Pair) }).transform((t) => fromPairs(t.pairs)),
  z.array(Pair).transform(fromPairs),
  z.record(z.string(), Ids),
]);

function fromPairs(pairs: [string, string][]): Truth {
  const truth: Truth = {};
  const add = (x: string, y: string) => {
    truth[x] = [...(truth[x] ?? []), y];
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return truth;
}

/** Reads one labelled set; a bad file throws an error naming the file, the path and the reason. */
export const loadSet = (name: string, profilesPath: string, truthPath: string): LabelledSet => {
  const v = validateProfiles(JSON.parse(readFileSync(profilesPath, 'utf8')));
  if (!v.ok)
    throw new Error(`${profilesPath}: ${v.problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
  const parsed = TruthSchema.safeParse(JSON.parse(readFileSync(truthPath, 'utf8')));
  if (!parsed.success) throw new Error(`${truthPath}: not a truth file (${parsed.error.issues[0]?.message})`);
  const ids = new Set(v.profiles.map((p) => p.id));
  for (const [id, partners] of Object.entries(parsed.data))
    for (const x of [id, ...partners])
      if (!ids.has(x)) throw new Error(`${truthPath}: "${x}" is not a profile of ${profilesPath}`);
  return { name, profiles: v.profiles, truth: parsed.data };
};

/** The project's own sets, by name. */
export const ownSet = (name: 'dev' | 'holdout'): LabelledSet =>
  loadSet(name, path.join(here, name, `profiles.${name}.json`), path.join(here, name, `truth.${name}.json`));

/**
 * A set by the name of its folder under bench/matching: `dev` and `holdout` (profiles.NAME.json,
 * truth.NAME.json) or any other folder holding profiles.json and truth.json (`blind-a`,
 * `blind-b`, and whatever set is dropped in later, such as `blind-c`).
 */
export const namedSet = (name: string): LabelledSet => {
  if (name === 'dev' || name === 'holdout') return ownSet(name);
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.'))
    throw new Error(`${name}: a set is named by its folder under bench/matching (e.g. blind-c)`);
  const dir = path.join(here, name);
  for (const f of ['profiles.json', 'truth.json'])
    if (!existsSync(path.join(dir, f))) throw new Error(`${path.join(dir, f)}: not found (set "${name}")`);
  return loadSet(name, path.join(dir, 'profiles.json'), path.join(dir, 'truth.json'));
};

/** Every labelled profile's whole ranking (not only the top 5, so that MRR sees lower ranks). */
export const rankSet = (set: LabelledSet, segmenter: JapaneseSegmenter = charSegmenter): Ranking => {
  const index = buildIndex(set.profiles, { lexicon: compileLexicon(segmenter) });
  const ranking: Ranking = {};
  for (const id of Object.keys(set.truth)) ranking[id] = recommend(index, id, { top: 1000 }).map((r) => r.id);
  return ranking;
};

export const measureSet = (set: LabelledSet, segmenter: JapaneseSegmenter = charSegmenter): Figures =>
  evaluate(rankSet(set, segmenter), set.truth);
