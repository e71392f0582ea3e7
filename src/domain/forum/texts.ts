/**
 * Choosing which language of a text a reader sees, and saying so. A reader gets their own
 * language when it exists; otherwise the original, then English, Vietnamese, Japanese; the
 * answer always says which language it is and whether it is a translation, so a page can mark
 * it (`lang` attribute and a visible tag) and the files can say "unofficial translation".
 */
import type { Lang, TextStatus, Texts } from './model.ts';

export interface PickedText {
  text: string;
  lang: Lang;
  status: TextStatus;
  /** True when the reader's own language was not available. */
  fallback: boolean;
}

const ORDER: readonly Lang[] = ['en', 'vi', 'ja'];

/** The language a text was written in: the one not marked as a translation (first of vi, ja, en). */
export function originalLang(t: Texts): Lang | null {
  for (const l of ['vi', 'ja', 'en'] as const) if (t[l] && !t.translation?.[l]) return l;
  return null;
}

/**
 * @example pickText({ vi: 'Hạ Long', en: 'Ha Long', translation: { en: 'unofficial' } }, 'ja')
 *   // { text: 'Hạ Long', lang: 'vi', status: 'original', fallback: true }
 */
export function pickText(t: Texts | undefined, lang: Lang): PickedText | null {
  if (!t) return null;
  const orig = originalLang(t);
  const candidates = [lang, ...(orig ? [orig] : []), ...ORDER];
  for (const l of candidates) {
    const text = t[l]?.normalize('NFC').trim();
    if (text) return { text, lang: l, status: t.translation?.[l] ?? 'original', fallback: l !== lang };
  }
  return null;
}

/** The text in the reader's language or its fallback, or '' when there is none. */
export function textIn(t: Texts | undefined, lang: Lang): string {
  return pickText(t, lang)?.text ?? '';
}
