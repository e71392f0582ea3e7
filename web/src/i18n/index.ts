import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../api/types.ts';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

export const LANGS: readonly Lang[] = ['vi', 'ja', 'en'];
const STORAGE_KEY = 'kizuna.lang';

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function detectLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: follow the browser every time
  }
}

export function initI18n(): void {
  const lng = detectLang(readStored(), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, ja: { translation: ja }, en: { translation: en } },
    lng,
    fallbackLng: false,
    defaultNS: 'translation',
    // A feature's namespace (i18n/namespaces.ts) falls back to the shared texts (nav, filters…).
    fallbackNS: 'translation',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // the choice then lasts for this page only
  }
  void i18next.changeLanguage(lang);
}
