import { useTranslation } from 'react-i18next';
import type { Lang, LocalizedText } from '../api/types.ts';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', ja: 'ja-JP', en: 'en-GB' };

// Stated fallback order for names and free text missing in the reader's language.
const FALLBACK: Lang[] = ['en', 'vi', 'ja'];

export function pickText(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return '';
  if (text[lang]) return text[lang] as string;
  for (const l of FALLBACK) if (text[l]) return text[l] as string;
  return '';
}

/** The language actually shown for `text` (so the element can carry the right `lang`). */
export function textLang(text: LocalizedText | null | undefined, lang: Lang): Lang {
  if (!text || text[lang]) return lang;
  return FALLBACK.find((l) => text[l]) ?? lang;
}

/**
 * Formats a partial date as the source gives it: '2009' → 2009, '2009-02' → February 2009
 * (tháng 2 năm 2009, 2009年2月), '2009-02-17' → 17 February 2009. Never invents a day.
 */
export function formatPartialDate(value: string | null, lang: Lang): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  const locale = LOCALES[lang];
  const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1));
  if (!m) return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(date);
  if (!d)
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/**
 * The current interface language and formatters bound to it; `ns` is a feature's namespace
 * (its keys first, then the shared catalog's).
 */
export function useLang(ns?: string) {
  const { t, i18n } = useTranslation(ns);
  const lang = (i18n.resolvedLanguage ?? i18n.language ?? 'en') as Lang;
  return {
    t,
    lang,
    text: (v: LocalizedText | null | undefined) => pickText(v, lang),
    date: (v: string | null) => formatPartialDate(v, lang),
    dateTime: (v: string) => formatDateTime(v, lang),
    num: (n: number) => formatNumber(n, lang),
  };
}
