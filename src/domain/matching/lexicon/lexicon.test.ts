import { describe, expect, it } from 'vitest';
import { SECTOR_CODES } from '../../sectors.ts';
import { termKeys } from '../../text/index.ts';
import { BLOCKERS, conceptLabel, LEXICON } from './index.ts';

describe('the sector lexicon', () => {
  it.each(SECTOR_CODES)('has terms in Vietnamese, Japanese and English for %s', (code) => {
    const concepts = LEXICON.filter((c) => c.sectors[0] === code);
    for (const lang of ['vi', 'ja', 'en'] as const) {
      expect(concepts.flatMap((c) => c[lang]).length, `${code} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('names only sectors of the taxonomy, each concept id once', () => {
    const codes = new Set<string>(SECTOR_CODES);
    for (const c of LEXICON) for (const s of c.sectors) expect(codes.has(s), `${c.id}: ${s}`).toBe(true);
    const ids = LEXICON.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes terms in NFC, in the script of their language, each yielding a key', () => {
    for (const c of LEXICON) {
      for (const lang of ['vi', 'ja', 'en'] as const) {
        for (const term of c[lang]) {
          expect(term, c.id).toBe(term.normalize('NFC'));
          expect(term, c.id).toBe(term.trim());
          const stream = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term) ? 'ja' : 'en';
          expect(termKeys(term, stream).length, `${c.id}: "${term}"`).toBeGreaterThan(0);
          if (lang === 'en')
            expect(term, `${c.id}: English term with Vietnamese marks`).toMatch(/^[\x20-\x7e]+$/);
        }
      }
      expect(c.weight).toBeGreaterThan(0);
      expect(c.weight).toBeLessThanOrEqual(1);
    }
    expect(BLOCKERS.length).toBeGreaterThan(0);
  });

  it('knows the nursing-care need in all three languages', () => {
    const nursing = LEXICON.filter((c) => c.sectors.includes('healthcare.nursing'));
    const all = nursing.flatMap((c) => [...c.vi, ...c.ja, ...c.en]);
    for (const t of [
      'điều dưỡng',
      'chăm sóc người cao tuổi',
      '介護',
      '介護人材',
      'elderly care',
      'caregiver',
    ]) {
      expect(all).toContain(t);
    }
  });

  it('never lets a generic word share its key with a specific term', () => {
    const key = (term: string) => {
      const ja = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term);
      return ja ? `ja:${termKeys(term, 'ja').join('')}` : `en:${termKeys(term, 'en').join(' ')}`;
    };
    const specific = new Map<string, string>();
    for (const c of LEXICON.filter((x) => !x.generic))
      for (const t of [...c.vi, ...c.ja, ...c.en]) specific.set(key(t), c.id);
    for (const c of LEXICON.filter((x) => x.generic)) {
      expect(c.sectors).toEqual([]);
      for (const t of [...c.vi, ...c.ja, ...c.en]) expect(specific.get(key(t)), `"${t}"`).toBeUndefined();
    }
  });

  it('names a concept in each language', () => {
    expect(conceptLabel('wastewater', 'vi')).toBe('nước thải');
    expect(conceptLabel('wastewater', 'ja')).toBe('下水');
    expect(conceptLabel('wastewater', 'en')).toBe('wastewater');
    expect(conceptLabel('no-such-concept', 'en')).toBeUndefined();
  });
});
