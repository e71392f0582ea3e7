import type { ReactNode } from 'react';
import { sectorLabel } from '../../../src/domain/sectors.ts';
import type { Lang } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';

/**
 * A text as written, in its own language. When that is not the reader's, it carries its `lang`
 * and a visible tag naming the language ("ベトナム語"), and beside it what Kizuna understood of
 * it in the reader's language (the sectors the matcher recognised), so a reader who cannot read
 * it still knows what it is about. `quoted` marks a source's own words ("source, in English").
 */
export function ForeignText({
  lang: textLang,
  sectors,
  quoted = false,
  as: Tag = 'span',
  className,
  children,
}: {
  lang: Lang;
  sectors?: string[];
  quoted?: boolean;
  as?: 'span' | 'p' | 'li' | 'div';
  className?: string;
  children: ReactNode;
}) {
  const { t, lang } = useLang();
  const foreign = textLang !== lang;
  if (!foreign && !quoted)
    return (
      <Tag className={className} lang={textLang}>
        {children}
      </Tag>
    );
  return (
    <Tag className={className}>
      {(foreign || quoted) && (
        <span className="lang-tag">
          {quoted ? t('text.sourceWords', { lang: t(`langName.${textLang}`) }) : t(`langName.${textLang}`)}
        </span>
      )}
      <span lang={textLang}>{children}</span>
      {foreign && sectors && (
        <span className="understood">
          {sectors.length
            ? t('text.understood', { sectors: sectors.map((s) => sectorLabel(s, lang)).join(' · ') })
            : t('text.notUnderstood')}
        </span>
      )}
    </Tag>
  );
}

/** The tag of a text shown in a translation: "Unofficial translation" or "Official translation". */
export function TranslationTag({ status }: { status: 'official' | 'unofficial' | undefined }) {
  const { t } = useLang();
  if (!status) return null;
  return <span className={`lang-tag translation-${status}`}>{t(`text.translation.${status}`)}</span>;
}
