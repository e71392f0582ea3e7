import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_KINDS } from '../../../../src/domain/forum/model.ts';
import { ForumState } from '../../../../src/features/forums/schemas.ts';
import { FORUM_CATALOGS } from './catalogs.ts';

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

const en = new Set(keys(FORUM_CATALOGS.en as Tree));

describe('the forum pages’ texts', () => {
  for (const [lang, tree] of Object.entries(FORUM_CATALOGS)) {
    it(`${lang} has exactly the keys of en, none empty`, () => {
      const own = keys(tree as Tree);
      expect(own.filter((k) => !en.has(k))).toEqual([]);
      expect([...en].filter((k) => !own.includes(k))).toEqual([]);
      const value = (k: string) => k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], tree);
      expect(own.filter((k) => !String(value(k)).trim())).toEqual([]);
    });
  }

  it('every literal t("…") key used by the forum pages exists', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts'))) {
      for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });

  it('has a label for every session kind and forum state the pages show by key', () => {
    for (const kind of SESSION_KINDS) expect(en.has(`kind.${kind}`), kind).toBe(true);
    for (const state of ForumState.options) expect(en.has(`state.${state}`), state).toBe(true);
  });
});
