import { detectLanguage } from '../../../src/domain/text/normalize.ts';
import type { Lang } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { ForeignText, TranslationTag } from './ForeignText.tsx';

type Summary = Partial<Record<Lang, string>> & {
  translation?: Partial<Record<Lang, 'official' | 'unofficial'>>;
};

export interface SourceItem {
  url: string | null;
  note: string | null;
  /** What the source says, for the public, per language (translations marked). */
  summary?: Summary;
}

/**
 * Where a record's facts come from, and its link. A source with a public summary shows it in the
 * reader's language (a translation marked so), with the researcher's note folded away below it
 * in its own language; one without shows the note as the source's own words, tagged.
 */
export function SourcesList({ sources }: { sources: SourceItem[] }) {
  const { t, lang } = useLang();
  if (sources.length === 0) return <>{t('agreement.noSources')}</>;
  return (
    <ul className="plain">
      {sources.map((s) => (
        <li key={`${s.url}:${s.note}`}>
          {s.summary?.[lang] ? (
            <>
              <p>
                <span lang={lang}>{s.summary[lang]}</span>{' '}
                <TranslationTag status={s.summary.translation?.[lang]} />
              </p>
              {s.note && (
                <details className="small">
                  <summary>
                    {t('text.researchNote', { lang: t(`langName.${detectLanguage(s.note)}`) })}
                  </summary>
                  <p lang={detectLanguage(s.note)}>{s.note}</p>
                </details>
              )}
            </>
          ) : (
            s.note && (
              <ForeignText as="p" lang={detectLanguage(s.note)} quoted>
                {s.note}
              </ForeignText>
            )
          )}
          {s.url && (
            <a href={s.url} rel="noreferrer noopener" target="_blank">
              {s.url}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
