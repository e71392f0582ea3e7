import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import main from '../i18n/en.json' with { type: 'json' };

// Each feature with an `i18n/` folder has its texts as an i18next namespace (i18n/namespaces.ts).
// Its pages look a key up there first, then in the shared catalogue (fallbackNS).

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const valueAt = (tree: Tree, key: string) => key.split('.').reduce<unknown>((t, p) => (t as Tree)?.[p], tree);

const root = import.meta.dirname;
const features = readdirSync(root).filter((f) => existsSync(join(root, f, 'i18n')));
const shared = new Set(keys(main as Tree));

describe('feature texts', () => {
  it('exist for the features that load their own', () => {
    expect(features).toEqual(expect.arrayContaining(['accounts', 'admin', 'profiles']));
  });

  for (const feature of features) {
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(root, feature, 'i18n', `${lang}.json`), 'utf8')) as Tree;
    const en = new Set(keys(read('en')));

    it(`${feature}: vi and ja have exactly the keys of en, none empty`, () => {
      for (const lang of ['vi', 'ja', 'en']) {
        const tree = read(lang);
        const own = keys(tree);
        expect(
          own.filter((k) => !en.has(k)),
          lang,
        ).toEqual([]);
        expect(
          [...en].filter((k) => !own.includes(k)),
          lang,
        ).toEqual([]);
        expect(
          own.filter((k) => !String(valueAt(tree, k)).trim()),
          lang,
        ).toEqual([]);
      }
    });

    it(`${feature}: every literal t("…") key its files use exists there or in the shared texts`, () => {
      const dir = join(root, feature);
      const used = new Set<string>();
      for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts')))
        for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
          used.add(m[1]);
      expect(used.size).toBeGreaterThan(3);
      expect([...used].filter((k) => !en.has(k) && !shared.has(k))).toEqual([]);
    });

    it(`${feature}: adds texts rather than copying shared ones under the same key`, () => {
      expect([...en].filter((k) => shared.has(k))).toEqual([]);
    });
  }
});
