import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json' with { type: 'json' };
import ja from './i18n/ja.json' with { type: 'json' };
import vi from './i18n/vi.json' with { type: 'json' };

// The `forumDelegation` namespace lives below `features/forums`, where the features' catalogue
// test does not look: the same checks here.
type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const valueAt = (tree: Tree, key: string) => key.split('.').reduce<unknown>((t, p) => (t as Tree)?.[p], tree);

describe('the delegation pages’ texts', () => {
  it('have the same keys in vi, ja and en, none empty, and real Vietnamese and Japanese', () => {
    const want = keys(en).sort();
    for (const [name, tree] of Object.entries({ vi, ja }) as [string, Tree][]) {
      expect(keys(tree).sort(), name).toEqual(want);
      expect(
        keys(tree).filter((k) => !String(valueAt(tree, k)).trim()),
        name,
      ).toEqual([]);
    }
    expect(
      keys(vi).filter(
        (k) => valueAt(vi, k) === valueAt(en, k) && !/^\{\{.*\}\}/.test(String(valueAt(en, k))),
      ),
    ).toEqual([]);
    expect(String(valueAt(ja, 'invitation.accept'))).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('hold every key the pages ask for', () => {
    const have = new Set(keys(en));
    const used = new Set<string>();
    for (const file of readdirSync(import.meta.dirname).filter(
      (n) => n.endsWith('.tsx') && n !== 'SessionTime.tsx',
    ))
      for (const m of readFileSync(join(import.meta.dirname, file), 'utf8').matchAll(
        /\bt\(\s*'([a-zA-Z0-9_.]+)'/g,
      ))
        used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !have.has(k))).toEqual([]);
  });
});
