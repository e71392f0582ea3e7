import { existsSync } from 'node:fs';
import type { ReferenceTexts } from '../agreements/texts.ts';
import type { StoredTranslations } from '../profiles/service.ts';
import { records, SEED_DIR } from './reference.ts';

type Lang = 'vi' | 'ja' | 'en';
const LANGS: readonly Lang[] = ['vi', 'ja', 'en'];

/**
 * The reference data's texts in the other languages (data/seed/translations/, all unofficial):
 * agreements' titles and their sources' public summaries. A key (`vn_party|jp_party|signed`) may
 * name two rows of a file (two documents signed the same day): the n-th translation of a key goes
 * with the n-th row of that key.
 */
export function referenceAgreementTexts(): ReferenceTexts[] {
  if (!existsSync(`${SEED_DIR}translations/agreements.csv`)) return [];
  const keyOf = (r: Record<string, string>) => `${r.vn_party}|${r.jp_party}|${r.signed}`;
  const nth = <T>(rows: T[], key: (r: T) => string) => {
    const seen = new Map<string, number>();
    return rows.map((r) => {
      const k = key(r);
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return `${k}#${n}`;
    });
  };
  const titles = new Map<string, Partial<Record<Lang, string>>>();
  const titleRows = records('translations/agreements.csv');
  // Each key's languages come in a run; count occurrences per language.
  const titleKeys = nth(titleRows, (r) => `${keyOf(r)}@${r.lang}`);
  titleRows.forEach((r, i) => {
    const k = titleKeys[i].replace(`@${r.lang}`, '');
    titles.set(k, { ...titles.get(k), [r.lang]: r.title });
  });
  const notes = new Map<string, Partial<Record<Lang, string>>>();
  const noteRows = records('translations/notes.csv').filter((r) => r.file !== 'profiles.csv');
  const noteKeys = nth(noteRows, (r) => `${r.file}:${r.key}@${r.lang}`);
  noteRows.forEach((r, i) => {
    const k = noteKeys[i].replace(`@${r.lang}`, '');
    notes.set(k, { ...notes.get(k), [r.lang]: r.text });
  });
  const out: ReferenceTexts[] = [];
  for (const file of ['agreements-seed.csv', 'agreements-new.csv', 'agreements-terms.csv']) {
    const rows = records(file);
    const keys = nth(rows, keyOf);
    rows.forEach((r, i) => {
      if (!r.source_url) return;
      out.push({
        url: r.source_url,
        parties: [r.vn_party, r.jp_party].filter(Boolean),
        kindDetail: r.kind ?? null,
        // The terms file adds no agreement: only its source's summary.
        title: file === 'agreements-terms.csv' ? {} : (titles.get(keys[i]) ?? {}),
        titleMarks: { vi: 'unofficial', ja: 'unofficial' },
        summary: notes.get(`${file}:${keys[i]}`) ?? {},
        summaryMarks: { vi: 'unofficial', ja: 'unofficial' },
      });
    });
  }
  return out;
}

/** The starting profiles in the languages they are not written in, and their basis (all unofficial). */
export function referenceProfileTranslations(): Map<string, StoredTranslations> {
  const out = new Map<string, StoredTranslations>();
  if (!existsSync(`${SEED_DIR}translations/profiles.csv`)) return out;
  const split = (s: string) =>
    s
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean);
  const originals = new Map(records('profiles.csv').map((r) => [r.code, r.lang]));
  for (const r of records('translations/profiles.csv')) {
    if (!LANGS.includes(r.lang as Lang)) continue;
    out.set(r.code, {
      ...out.get(r.code),
      [r.lang]: { offers: split(r.offers), needs: split(r.needs), status: 'unofficial' },
    });
  }
  // The basis was written in English: its other languages are translations.
  for (const r of records('translations/notes.csv')) {
    if (
      r.file !== 'profiles.csv' ||
      r.lang === 'en' ||
      !LANGS.includes(r.lang as Lang) ||
      !originals.has(r.key)
    )
      continue;
    const t = out.get(r.key) ?? {};
    t.basis = { ...t.basis, [r.lang]: r.text };
    out.set(r.key, t);
  }
  return out;
}
