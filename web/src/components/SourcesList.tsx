import { detectLanguage } from '../../../src/domain/text/normalize.ts';
import { useLang } from '../i18n/format.ts';
import { ForeignText } from './ForeignText.tsx';

export interface SourceItem {
  url: string | null;
  note: string | null;
}

/** Where a record's facts come from: each source's own words (tagged with their language) and its link. */
export function SourcesList({ sources }: { sources: SourceItem[] }) {
  const { t } = useLang();
  if (sources.length === 0) return <>{t('agreement.noSources')}</>;
  return (
    <ul className="plain">
      {sources.map((s) => (
        <li key={`${s.url}:${s.note}`}>
          {s.note && (
            <ForeignText as="p" lang={detectLanguage(s.note)} quoted>
              {s.note}
            </ForeignText>
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
