import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { indexRecord } from '../search/service.ts';
import { parseJson } from '../shared/json.ts';
import type { Source, TranslationMarks } from '../shared/schemas.ts';
import { searchNames } from './write.ts';

type Q = Kysely<Database>;
type Lang = 'vi' | 'ja' | 'en';
type PerLang = Partial<Record<Lang, string>>;

/** Texts of the reference data for the agreement whose source is `url` (and whose kind, when several share it, is `kindDetail`). */
export interface ReferenceTexts {
  url: string;
  /** The parties as the reference data names them: codes, or words ("Sakai City (JP-27 Osaka)"). */
  parties: string[];
  kindDetail: string | null;
  title: PerLang;
  titleMarks: TranslationMarks;
  summary: PerLang;
  summaryMarks: TranslationMarks;
}

/**
 * Gives the reference agreements their titles and their sources' public summaries in the languages
 * the reference data has, each translation marked. Only what is missing is filled: a title an
 * editor wrote, or a summary already there, stays as it is, so loading again changes nothing.
 * Answers how many agreements changed.
 */
export async function addReferenceTexts(db: Q, items: ReferenceTexts[]): Promise<number> {
  let changed = 0;
  for (const item of items) {
    const candidates = (
      await db
        .selectFrom('agreements')
        .selectAll()
        .where('sources', 'like', `%${JSON.stringify(item.url).slice(1, -1)}%`)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).filter((r) => parseJson<Source[]>(r.sources, []).some((s) => s.url === item.url));
    // Several agreements may cite one page (a report naming many partnerships): the one meant has
    // the parties the row names (by code, or by the words kept as the party's note) and its kind.
    const parties = candidates.length
      ? await db
          .selectFrom('agreement_parties')
          .select(['agreement_id', 'locality_code', 'organization_id', 'note'])
          .where(
            'agreement_id',
            'in',
            candidates.map((c) => c.id),
          )
          .execute()
      : [];
    const names = (id: string) =>
      parties
        .filter((p) => p.agreement_id === id)
        .flatMap((p) => [p.locality_code, p.organization_id, p.note].filter((x): x is string => Boolean(x)));
    const byParties = candidates.filter((c) => item.parties.every((p) => names(c.id).includes(p)));
    const pool = byParties.length ? byParties : candidates;
    const row =
      pool.length > 1 && item.kindDetail
        ? (pool.find((r) => (r.kind_detail ?? '').trim() === item.kindDetail) ?? pool[0])
        : pool[0];
    if (!row) continue;
    const marks = parseJson<TranslationMarks>(row.title_marks, {});
    const title: PerLang = {
      vi: row.title_vi ?? undefined,
      ja: row.title_ja ?? undefined,
      en: row.title_en ?? undefined,
    };
    let titleChanged = false;
    for (const lang of ['vi', 'ja', 'en'] as const) {
      const text = item.title[lang]?.trim();
      if (!text || title[lang]) continue;
      title[lang] = text;
      if (item.titleMarks[lang]) marks[lang] = item.titleMarks[lang];
      titleChanged = true;
    }
    const sources = parseJson<Source[]>(row.sources, []);
    let sourcesChanged = false;
    const summary = Object.fromEntries(
      (['vi', 'ja', 'en'] as const)
        .filter((l) => item.summary[l]?.trim())
        .map((l) => [l, item.summary[l]!.trim()]),
    );
    if (Object.keys(summary).length) {
      const at = sources.findIndex((s) => s.url === item.url && !s.summary);
      if (at >= 0) {
        const translation = Object.fromEntries(
          Object.entries(item.summaryMarks).filter(([l]) => summary[l as Lang]),
        ) as TranslationMarks;
        sources[at] = {
          ...sources[at],
          summary: { ...summary, ...(Object.keys(translation).length ? { translation } : {}) },
        };
        sourcesChanged = true;
      }
    }
    if (!titleChanged && !sourcesChanged) continue;
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('agreements')
        .set({
          title_vi: title.vi ?? null,
          title_ja: title.ja ?? null,
          title_en: title.en ?? null,
          title_marks: JSON.stringify(marks),
          sources: JSON.stringify(sources),
        })
        .where('id', '=', row.id)
        .execute();
      if (titleChanged)
        await indexRecord(
          tx,
          'agreement',
          row.id,
          searchNames({ title, kindDetail: row.kind_detail, fieldsReported: row.fields_reported }),
        );
    });
    changed++;
  }
  return changed;
}
