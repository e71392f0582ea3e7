import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../src/errors.ts';
import { Role } from '../../../src/features/accounts/schemas.ts';
import { AgreementKind, AgreementStatus } from '../../../src/features/agreements/schemas.ts';
import { LocalityKind } from '../../../src/features/localities/schemas.ts';
import { OrganizationKind } from '../../../src/features/organizations/schemas.ts';
import { CountryCode } from '../../../src/features/shared/schemas.ts';
import en from './en.json' with { type: 'json' };
import { formatPartialDate } from './format.ts';
import { detectLang } from './index.ts';
import ja from './ja.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Feature folders carry their own catalogues, checked by their own tests.
    if (statSync(path).isDirectory()) return name === 'features' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const catalogs = { vi: vi as Tree, ja: ja as Tree, en: en as Tree };
const enKeys = new Set(keys(en as Tree));

describe('interface texts', () => {
  for (const [lang, tree] of Object.entries(catalogs)) {
    it(`${lang} has exactly the keys of en, none empty`, () => {
      const own = keys(tree);
      expect(own.filter((k) => !enKeys.has(k))).toEqual([]);
      expect([...enKeys].filter((k) => !own.includes(k))).toEqual([]);
      const empty = own.filter(
        (k) => !String(k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], tree)).trim(),
      );
      expect(empty).toEqual([]);
    });
  }

  it('every literal t("…") key used in the app exists', () => {
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has a label for every enum value the app shows by key, in each language', () => {
    const enums: Record<string, readonly string[]> = {
      agreementKind: AgreementKind.options,
      status: AgreementStatus.options,
      orgKind: OrganizationKind.options,
      localityKind: LocalityKind.options,
      country: CountryCode.options,
      partyType: ['locality', 'organization'],
      role: Role.options,
    };
    const missing = Object.entries(enums).flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((k) => !enKeys.has(k)),
    );
    expect(missing).toEqual([]);
  });
});

describe('problem codes', () => {
  it('every error code of the server has a message in each language', () => {
    const missing = Object.keys(ERROR_STATUS).filter((code) => !enKeys.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });
});

describe('language detection', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(detectLang('ja', ['vi-VN'])).toBe('ja');
    expect(detectLang(null, ['fr-FR', 'vi-VN'])).toBe('vi');
    expect(detectLang('xx', ['ja'])).toBe('ja');
    expect(detectLang(null, ['de'])).toBe('en');
  });
});

describe('partial dates', () => {
  it('shows only the precision the source gives', () => {
    expect(formatPartialDate('2009-02', 'en')).toBe('February 2009');
    expect(formatPartialDate('2009-02', 'ja')).toBe('2009年2月');
    expect(formatPartialDate('2009-02', 'vi')).toMatch(/tháng 2.*2009/i);
    expect(formatPartialDate('2009', 'ja')).toBe('2009年');
    expect(formatPartialDate('2009-02-17', 'en')).toBe('17 February 2009');
  });
});
