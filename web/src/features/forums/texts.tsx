import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Texts } from '../../../../src/features/forums/schemas.ts';
import type { Lang } from '../../api/types.ts';

type T = z.infer<typeof Texts>;
const ORDER: Lang[] = ['en', 'vi', 'ja'];

/** The reader's language, else the original, else en, vi, ja; with the status of what is shown. */
export function pick(
  t: T | undefined,
  lang: Lang,
): { text: string; lang: Lang; status?: 'official' | 'unofficial' } | null {
  if (!t) return null;
  const original = (['vi', 'ja', 'en'] as const).find((l) => t[l] && !t.translation?.[l]);
  for (const l of [lang, ...(original ? [original] : []), ...ORDER]) {
    const text = t[l];
    if (text) return { text, lang: l, status: t.translation?.[l] };
  }
  return null;
}

/**
 * A text in the reader's language when it exists; otherwise in the language it has, with its
 * `lang` attribute and a visible tag saying which language it is, and whether it is a translation.
 */
export function Text({
  value,
  as: As = 'span',
}: {
  value: T | undefined;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3';
}) {
  const { t, i18n } = useTranslation('forums');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const p = pick(value, lang);
  if (!p) return null;
  const tags: string[] = [];
  if (p.lang !== lang) tags.push(t('inLang', { lang: t(`lang.${p.lang}`) }));
  if (p.status) tags.push(t(p.status));
  return (
    <As>
      <span lang={p.lang}>{p.text}</span>
      {tags.length > 0 && <span className="badge badge-lang"> {tags.join(' · ')}</span>}
    </As>
  );
}
