import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_KINDS } from '../../../../../src/domain/forum/model.ts';
import { DelegationState } from '../../../../../src/features/forums/delegations/schemas.ts';
import { ForumState } from '../../../../../src/features/forums/schemas.ts';
import en from './i18n/en.json' with { type: 'json' };
import ja from './i18n/ja.json' with { type: 'json' };
import vi from './i18n/vi.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const valueAt = (tree: Tree, key: string) => key.split('.').reduce<unknown>((t, p) => (t as Tree)?.[p], tree);
const CATALOGS = { vi, ja, en } as Record<string, Tree>;
const enKeys = new Set(keys(en as Tree));

describe('the organiser pages’ texts (namespace forumOrganiser)', () => {
  for (const [lang, tree] of Object.entries(CATALOGS)) {
    it(`${lang} has exactly the keys of en, none empty, the same {{placeholders}}`, () => {
      const own = keys(tree);
      expect(own.filter((k) => !enKeys.has(k))).toEqual([]);
      expect([...enKeys].filter((k) => !own.includes(k))).toEqual([]);
      expect(own.filter((k) => !String(valueAt(tree, k)).trim())).toEqual([]);
      const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(
        own.filter((k) => vars(valueAt(tree, k)).join() !== vars(valueAt(en as Tree, k)).join()),
      ).toEqual([]);
    });
  }

  it('vi and ja are not English left in place', () => {
    const same = (lang: string) =>
      [...enKeys].filter((k) => {
        const v = String(valueAt(CATALOGS[lang], k));
        return v === String(valueAt(en as Tree, k)) && /[a-z]{4}/.test(v);
      });
    expect(same('vi')).toEqual([]);
    expect(same('ja')).toEqual([]);
  });

  it('every literal t("…") key the organiser pages use exists', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts')))
      for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        used.add(m[1]);
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('names every session kind, forum state, delegation state and programme rule the pages show by key', () => {
    for (const kind of SESSION_KINDS) expect(enKeys.has(`kind.${kind}`), kind).toBe(true);
    for (const s of ForumState.options) expect(enKeys.has(`state.${s}`), s).toBe(true);
    for (const s of DelegationState.options) expect(enKeys.has(`delegationState.${s}`), s).toBe(true);
    for (const code of ['room_overlap', 'speaker_overlap', 'outside_days', 'end_before_start', 'no_booth'])
      expect(enKeys.has(`problem.${code}`), code).toBe(true);
    for (const code of [
      'party_unknown',
      'party_repeated',
      'email_invalid',
      'lang_invalid',
      'party_registered',
    ])
      expect(enKeys.has(`problem.invitation_${code}`), code).toBe(true);
  });
});
